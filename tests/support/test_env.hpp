#pragma once
// Test environment helpers: the throwaway PostgreSQL cluster started by scripts/test.sh, the
// ../shared directory, the built binary.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <string>

namespace videobot::testing {

/// Polls `condition` every 20 ms until it holds (true) or `timeout` has passed (false).
bool WaitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

/// Value of environment variable `name`, or "".
std::string Env(const char* name);

/// True when running under CI (CI=true): PostgreSQL-backed tests must not skip there.
bool InCi();

/// The path of ../shared beside the project ("" when absent).
std::string SharedDir();

/// The path of the built videobot binary.
std::string BinaryPath();

/// The project's source directory.
std::string SourceDir();

/// The libpq URI of database `name` on the test cluster.
std::string PostgresUrlOf(const std::string& name);

/// Creates database `name` on the test cluster, or drops it (when it exists). Databases several
/// test processes share are made and removed with these; ScratchPostgres is the usual way.
void CreatePostgresDatabase(const std::string& name);
void DropPostgresDatabase(const std::string& name);

/// A fresh, uniquely named PostgreSQL database on the test cluster, dropped on destruction.
class ScratchPostgres {
 public:
  ScratchPostgres();
  ~ScratchPostgres();
  ScratchPostgres(const ScratchPostgres&) = delete;
  ScratchPostgres& operator=(const ScratchPostgres&) = delete;
  /// libpq URI of the scratch database.
  const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
};

/// A fresh temporary directory, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Result of running a process.
struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `argv` with `input` on stdin and extra `env` entries ("NAME=value"); captures output.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& input = {},
                         const std::vector<std::string>& env = {});

}  // namespace videobot::testing

/// Skips the test (or fails it under CI) when no PostgreSQL test cluster is configured.
#define VIDEOBOT_REQUIRE_POSTGRES()                                                                    \
  do {                                                                                                 \
    if (::videobot::testing::Env("VIDEOBOT_TEST_PG_ADMIN_URL").empty()) {                              \
      if (::videobot::testing::InCi()) FAIL() << "CI must run PostgreSQL tests (use scripts/test.sh)"; \
      GTEST_SKIP() << "no PostgreSQL test cluster: run through scripts/test.sh";                       \
    }                                                                                                  \
  } while (0)

/// Skips the test when ../shared is absent.
#define VIDEOBOT_REQUIRE_SHARED()                                                        \
  do {                                                                                   \
    if (::videobot::testing::SharedDir().empty()) GTEST_SKIP() << "../shared is absent"; \
  } while (0)
