#include "serve_fixture.hpp"

#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

namespace videobot::testing {

using namespace std::chrono_literals;

std::string FindOnPath(const std::string& name) {
  std::istringstream path(Env("PATH").empty() ? "/usr/bin:/bin" : Env("PATH"));
  std::string dir;
  while (std::getline(path, dir, ':')) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

void ServeFixture::SetUp() {
  database_url_ = "sqlite:" + dir_.path() + "/videobot.db";
  base_env_ = {"DATABASE_URL=" + database_url_, "VIDEOBOT_PLANNER=rules", "VIDEOBOT_HTTP_ADDR=127.0.0.1:0",
               "VIDEOBOT_API_TOKEN=" + std::string(kApiToken), "BOT_RATE_LIMIT_PER_MINUTE=0"};
}

void ServeFixture::TearDown() {
  if (process_ && process_->Running()) Stop();
  for (const auto& path : logs_) {
    std::ifstream in(path);
    std::ostringstream log_buffer;
    log_buffer << in.rdbuf();
    const std::string log = log_buffer.str();
    EXPECT_EQ(log.find(kApiToken), std::string::npos) << "the API token leaked into " << path;
  }
}

std::vector<std::string> ServeFixture::Environment(const std::vector<std::string>& extra) const {
  std::vector<std::string> env = base_env_;
  for (const auto& entry : extra) {
    const std::string name = entry.substr(0, entry.find('=') + 1);
    std::erase_if(env, [&](const std::string& e) { return e.rfind(name, 0) == 0; });
    env.push_back(entry);
  }
  return env;
}

std::string ServeFixture::Cli(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {BinaryPath()};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto result = RunProcess(argv, "", Environment());
  EXPECT_EQ(result.exit_code, 0) << args.front() << ": " << result.err;
  std::string out = result.out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

void ServeFixture::LoadGenerated(int videos) {
  const auto generated = RunProcess({BinaryPath(), "generate", "--videos", std::to_string(videos), "--seed", "11"});
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const std::string file = dir_.path() + "/generated.json";
  std::ofstream(file) << generated.out;
  Cli({"migrate"});
  Cli({"load", file});
}

void ServeFixture::Start(const std::string& command, const std::vector<std::string>& extra) {
  const std::string log = dir_.path() + "/" + command + std::to_string(logs_.size()) + ".log";
  logs_.push_back(log);
  process_ = std::make_unique<BotProcess>(std::vector<std::string>{BinaryPath(), command}, Environment(extra), log);
  static const std::regex listening(R"(event=http_listening addr=127\.0\.0\.1:(\d+))");
  std::smatch match;
  std::string text;
  const bool found = WaitFor(
      [&] {
        text = process_->Log();
        return std::regex_search(text, match, listening) || !process_->Running();
      },
      60s);
  ASSERT_TRUE(found && !match.empty()) << "no listening line: " << process_->Log();
  port_ = std::stoi(match[1].str());
  ASSERT_GT(port_, 0);
}

void ServeFixture::Stop() {
  ASSERT_TRUE(process_);
  process_->Signal(SIGTERM);
  const auto status = process_->Wait(60s);
  ASSERT_TRUE(status.has_value()) << "no exit after SIGTERM";
  EXPECT_EQ(*status, 0) << process_->Log();
}

httplib::Client ServeFixture::Client() const {
  httplib::Client client("127.0.0.1", port_);
  client.set_connection_timeout(30s);
  client.set_read_timeout(120s);
  client.set_write_timeout(30s);
  return client;
}

httplib::Result ServeFixture::Ask(const std::string& body, const std::string& authorization) {
  httplib::Headers headers;
  if (!authorization.empty()) headers.emplace("Authorization", authorization);
  return Client().Post("/v1/ask", headers, body, "application/json");
}

httplib::Result ServeFixture::AskQuestion(const std::string& question) {
  return Ask(nlohmann::json{{"question", question}}.dump(), "Bearer " + std::string(kApiToken));
}

}  // namespace videobot::testing
