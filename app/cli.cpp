#include "app/cli.hpp"

#include <CLI/CLI.hpp>

namespace videobot::app {

int RunCli(int argc, char** argv) {
  CLI::App app{"videobot: answers questions about video statistics"};
  app.require_subcommand(1);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? kExitOk : kExitInput;
  }
  return kExitOk;
}

}  // namespace videobot::app
