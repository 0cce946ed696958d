#pragma once
// The command-line interface: global options, command dispatch, exit codes.

namespace videobot::app {

/// Exit statuses of every command.
inline constexpr int kExitOk = 0;           ///< answer printed / work done
inline constexpr int kExitEnvironment = 1;  ///< database unreachable, file missing, network …
inline constexpr int kExitInput = 2;        ///< input not accepted (question, plan, data file)

/// Runs the CLI; returns the process exit status.
int RunCli(int argc, char** argv);

}  // namespace videobot::app
