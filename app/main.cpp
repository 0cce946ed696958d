// videobot entry point: parses the command line and dispatches to a command (app/commands.hpp).
#include "app/cli.hpp"

int main(int argc, char** argv) { return videobot::app::RunCli(argc, argv); }
