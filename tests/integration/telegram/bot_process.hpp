#pragma once
// The real `videobot bot` process for end-to-end tests and the benchmark: started with extra
// environment, stderr to a file, stopped by signal (SIGTERM for a graceful stop, SIGKILL for a
// crash), reaped by its own pid.

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace videobot::testing {

class BotProcess {
 public:
  /// Starts `argv` (argv[0] a path) with the current environment plus `env` ("NAME=value"),
  /// stdout and stderr appended to `log_path`. Throws std::runtime_error when it cannot start.
  BotProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env, std::string log_path);
  /// Kills (SIGKILL) and reaps the process if it still runs.
  ~BotProcess();
  BotProcess(const BotProcess&) = delete;
  BotProcess& operator=(const BotProcess&) = delete;

  /// Sends `signal` (e.g. SIGTERM, SIGKILL).
  void Signal(int signal);
  /// Waits up to `timeout` for the process to end; its exit status (or 128+signal), or nullopt.
  std::optional<int> Wait(std::chrono::milliseconds timeout);
  /// True while the process runs.
  bool Running();
  /// Everything the process wrote so far.
  std::string Log() const;
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::string log_path_;
};

}  // namespace videobot::testing
