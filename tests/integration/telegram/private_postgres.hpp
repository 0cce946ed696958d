#pragma once
// A PostgreSQL 15 cluster of a test's own, so the test can stop and start it (a database
// outage) without disturbing the shared test cluster. Runs as the postgres user when the tests
// run as root, like scripts/with-postgres.sh.

#include <string>

namespace videobot::testing {

class PrivatePostgres {
 public:
  /// True when the PostgreSQL 15 server binaries are installed.
  static bool Available();

  /// initdb in a fresh temporary directory and start on a free loopback port. Throws
  /// std::runtime_error on failure.
  PrivatePostgres();
  /// Stops the server (immediate) and removes the directory.
  ~PrivatePostgres();
  PrivatePostgres(const PrivatePostgres&) = delete;
  PrivatePostgres& operator=(const PrivatePostgres&) = delete;

  /// libpq URI of the database "videobot".
  const std::string& url() const { return url_; }
  /// Stops the server (fast shutdown: connections are closed).
  void Stop();
  /// Starts it again on the same port.
  void Start();

 private:
  void Run(const std::string& command) const;

  std::string dir_;
  std::string url_;
  int port_ = 0;
};

}  // namespace videobot::testing
