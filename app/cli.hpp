#pragma once
// The command-line interface: global options, command dispatch, exit codes.

#include <stdexcept>
#include <string_view>

namespace videobot::app {

/// Exit statuses of every command.
inline constexpr int kExitOk = 0;           ///< answer printed / work done
inline constexpr int kExitEnvironment = 1;  ///< runtime failure: database unreachable, file missing, network …
inline constexpr int kExitInput = 2;        ///< input not accepted (question, plan, data file)
inline constexpr int kExitUsage =
    2;  ///< usage or configuration: unknown flag, bad --db/--tz/--now, planner mode, token …

/// A setting or flag value that cannot be used (found after the command line is parsed). Leaves
/// through ReportConfigurationError, as do CLI11's parse errors and the bot's ConfigError.
class ConfigurationError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// The one way out for a usage or configuration error: prints «ошибка настройки: `what`» and a
/// pointer to --help on stderr; returns kExitUsage.
int ReportConfigurationError(std::string_view what);

/// Runs the CLI; returns the process exit status.
int RunCli(int argc, char** argv);

}  // namespace videobot::app
