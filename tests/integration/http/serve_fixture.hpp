#pragma once
// Runs the real binary with VIDEOBOT_HTTP_ADDR=127.0.0.1:0 on a scratch SQLite database, reads the
// bound port from its `event=http_listening` log line, and talks to it over loopback.

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bot_process.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {

/// The path of an executable found on PATH, or "".
std::string FindOnPath(const std::string& name);

class ServeFixture : public ::testing::Test {
 protected:
  static constexpr const char* kApiToken = "api-token-5b1e9c7d";

  void SetUp() override;
  void TearDown() override;

  /// The test's environment plus `extra` ("NAME=value" entries replace defaults of the same name).
  std::vector<std::string> Environment(const std::vector<std::string>& extra = {}) const;
  /// Runs a CLI command on the test's database; fails the test when it fails; returns stdout.
  std::string Cli(const std::vector<std::string>& args);
  /// migrate + load of a generated data set with `videos` videos.
  void LoadGenerated(int videos);

  /// Starts `videobot <command>` with `extra` environment and waits for its listening port.
  void Start(const std::string& command, const std::vector<std::string>& extra = {});
  /// SIGTERM; expects exit status 0.
  void Stop();
  /// A client of the running server.
  httplib::Client Client() const;
  /// POST /v1/ask with `body` and, when not empty, `Authorization: <authorization>`.
  httplib::Result Ask(const std::string& body, const std::string& authorization = {});
  /// `{"question": question}` with the right token.
  httplib::Result AskQuestion(const std::string& question);

  TempDir dir_;
  std::string database_url_;
  std::unique_ptr<BotProcess> process_;
  std::vector<std::string> logs_;
  std::vector<std::string> base_env_;
  int port_ = 0;
};

}  // namespace videobot::testing
