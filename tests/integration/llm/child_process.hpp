#pragma once
// A background process for tests (proxies), stopped by its own pid on destruction, and
// loopback port helpers.

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace videobot::testing {

/// A finished process: exit status, output and its own peak resident set.
struct MeasuredRun {
  int exit_code = -1;  ///< 128 + signal when killed by a signal
  std::string out;
  std::string err;
  long peak_rss_kib = 0;  ///< the child's ru_maxrss, in KiB
};

/// Runs `argv` (argv[0] a full path) to completion with this process's environment overridden by
/// `env` ("NAME=value"), stdin from /dev/null and output through files in `scratch_dir`, and
/// reports the child's own peak RSS, measured by `probe` (the rss_probe program: spawned
/// directly, the child's peak would include this process's memory).
MeasuredRun RunMeasured(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                        const std::string& scratch_dir, const std::string& probe);

/// Full path of `program` found on PATH, or "" when absent.
std::string FindProgram(const std::string& program);

/// A loopback TCP port that was free a moment ago.
int FreeLoopbackPort();

/// True once something accepts TCP connections on 127.0.0.1:`port` (polls until `timeout`).
bool WaitForPort(int port, std::chrono::milliseconds timeout);

/// Starts `argv` (argv[0] a full path) with stdout and stderr sent to `log_path`; SIGTERM and
/// reap on Stop() or destruction.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::string& log_path);
  ~ChildProcess() { Stop(); }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  /// Terminates the process (idempotent).
  void Stop();

 private:
  pid_t pid_ = -1;
};

}  // namespace videobot::testing
