// The same model exchange through a local HTTP proxy (tinyproxy) and a local SOCKS5 proxy
// (microsocks). Both proxies bind their outgoing connections to 127.0.0.2, so the fake server
// seeing that peer address proves the traffic went through the proxy; a direct request comes
// from 127.0.0.1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "child_process.hpp"
#include "llm/llm_plan_source.hpp"
#include "llm_test_support.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

using std::chrono::milliseconds;

constexpr const char* kProxyOutgoingAddress = "127.0.0.2";

#define VIDEOBOT_REQUIRE_PROGRAM(path, name)                                       \
  const std::string path = FindProgram(name);                                      \
  do {                                                                             \
    if (path.empty()) {                                                            \
      if (InCi()) FAIL() << name << " is not installed (scripts/install-deps.sh)"; \
      GTEST_SKIP() << name << " is not installed";                                 \
    }                                                                              \
  } while (0)

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<plan::Plan> AskThrough(const FakeOpenAiServer& server, const std::string& proxy_url) {
  llm::Settings settings = SettingsFor(server, milliseconds(5'000));
  settings.proxy_url = proxy_url;
  llm::RetryPolicy policy;
  policy.max_attempts = 1;  // a proxy failure must show, not be retried away
  llm::LlmPlanSource source(settings, llm::MakeCurlClientFactory(settings), policy);
  return source.MakePlan("Сколько видео набрало больше 100 000 просмотров?", TestContext());
}

// tinyproxy in the foreground with a temporary configuration.
class Tinyproxy {
 public:
  Tinyproxy(const std::string& program, const TempDir& dir) : port_(FreeLoopbackPort()) {
    log_path_ = dir.path() + "/tinyproxy.log";
    const std::string config_path = dir.path() + "/tinyproxy.conf";
    std::ofstream(config_path) << "Port " << port_ << "\nListen 127.0.0.1\nBind " << kProxyOutgoingAddress
                               << "\nTimeout 30\nMaxClients 8\nLogLevel Info\nLogFile \"" << log_path_ << "\"\n";
    process_ = std::make_unique<ChildProcess>(std::vector<std::string>{program, "-d", "-c", config_path},
                                              dir.path() + "/tinyproxy.out");
    ready_ = WaitForPort(port_, milliseconds(5'000));
  }
  bool ready() const { return ready_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string log() const { return ReadFile(log_path_); }
  void Stop() { process_->Stop(); }

 private:
  int port_;
  std::string log_path_;
  std::unique_ptr<ChildProcess> process_;
  bool ready_ = false;
};

// microsocks, optionally with a user and password.
class Microsocks {
 public:
  Microsocks(const std::string& program, const TempDir& dir, const std::string& user = {},
             const std::string& password = {})
      : port_(FreeLoopbackPort()) {
    std::vector<std::string> argv{program, "-i", "127.0.0.1", "-p", std::to_string(port_), "-b", kProxyOutgoingAddress};
    if (!user.empty()) argv.insert(argv.end(), {"-u", user, "-P", password});
    process_ = std::make_unique<ChildProcess>(argv, dir.path() + "/microsocks.out");
    ready_ = WaitForPort(port_, milliseconds(5'000));
  }
  bool ready() const { return ready_; }
  int port() const { return port_; }
  void Stop() { process_->Stop(); }

 private:
  int port_;
  std::unique_ptr<ChildProcess> process_;
  bool ready_ = false;
};

TEST(LlmProxy, DirectRequestComesFromTheClientItself) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));
  ASSERT_TRUE(AskThrough(server, ""));
  ASSERT_EQ(server.RequestCount(), 1u);
  EXPECT_EQ(server.Requests()[0].remote_addr, "127.0.0.1");
  EXPECT_EQ(server.Requests()[0].Header("Via"), "");
}

TEST(LlmProxy, HttpProxyCarriesTheExchange) {
  VIDEOBOT_REQUIRE_PROGRAM(tinyproxy, "tinyproxy");
  TempDir dir;
  Tinyproxy proxy(tinyproxy, dir);
  ASSERT_TRUE(proxy.ready()) << ReadFile(dir.path() + "/tinyproxy.out");
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));

  const auto plan = AskThrough(server, proxy.url());
  ASSERT_TRUE(plan) << plan.error().Describe();
  ASSERT_EQ(server.RequestCount(), 1u);
  const RecordedRequest request = server.Requests()[0];
  EXPECT_EQ(request.remote_addr, kProxyOutgoingAddress);
  EXPECT_NE(request.Header("Via").find("tinyproxy"), std::string::npos) << request.Header("Via");
  EXPECT_EQ(request.Header("Authorization"), std::string("Bearer ") + kTestApiKey);
  EXPECT_NE(proxy.log().find("127.0.0.1:" + std::to_string(server.port())), std::string::npos) << proxy.log();

  // With the proxy gone the same settings cannot reach the model: nothing bypasses it.
  proxy.Stop();
  const auto failed = AskThrough(server, proxy.url());
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kLlmUnavailable);
  EXPECT_EQ(server.RequestCount(), 1u);
}

TEST(LlmProxy, Socks5ProxyCarriesTheExchange) {
  VIDEOBOT_REQUIRE_PROGRAM(microsocks, "microsocks");
  TempDir dir;
  Microsocks proxy(microsocks, dir);
  ASSERT_TRUE(proxy.ready());
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));

  for (const std::string scheme : {"socks5", "socks5h"}) {
    const auto plan = AskThrough(server, scheme + "://127.0.0.1:" + std::to_string(proxy.port()));
    ASSERT_TRUE(plan) << scheme << ": " << plan.error().Describe();
  }
  ASSERT_EQ(server.RequestCount(), 2u);
  for (const auto& request : server.Requests()) EXPECT_EQ(request.remote_addr, kProxyOutgoingAddress);

  proxy.Stop();
  const auto failed = AskThrough(server, "socks5://127.0.0.1:" + std::to_string(proxy.port()));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kLlmUnavailable);
  EXPECT_EQ(server.RequestCount(), 2u);
}

TEST(LlmProxy, NoProxyEnvironmentDoesNotBypassTheConfiguredProxy) {
  VIDEOBOT_REQUIRE_PROGRAM(microsocks, "microsocks");
  TempDir dir;
  Microsocks proxy(microsocks, dir);
  ASSERT_TRUE(proxy.ready());
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));
  setenv("NO_PROXY", "*", 1);
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  const auto plan = AskThrough(server, "socks5://127.0.0.1:" + std::to_string(proxy.port()));
  unsetenv("NO_PROXY");
  unsetenv("no_proxy");
  ASSERT_TRUE(plan) << plan.error().Describe();
  ASSERT_EQ(server.RequestCount(), 1u);
  EXPECT_EQ(server.Requests()[0].remote_addr, kProxyOutgoingAddress);
}

TEST(LlmProxy, Socks5ProxyWithUserAndPassword) {
  VIDEOBOT_REQUIRE_PROGRAM(microsocks, "microsocks");
  TempDir dir;
  Microsocks proxy(microsocks, dir, "videobot", "s3cret-proxy-pw");
  ASSERT_TRUE(proxy.ready());
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion(kValidPlanJson));
  const std::string where = "@127.0.0.1:" + std::to_string(proxy.port());

  const auto plan = AskThrough(server, "socks5h://videobot:s3cret-proxy-pw" + where);
  ASSERT_TRUE(plan) << plan.error().Describe();
  ASSERT_EQ(server.RequestCount(), 1u);
  EXPECT_EQ(server.Requests()[0].remote_addr, kProxyOutgoingAddress);

  const auto refused = AskThrough(server, "socks5h://videobot:wrong-password" + where);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kLlmUnavailable);
  EXPECT_EQ(refused.error().Describe().find("wrong-password"), std::string::npos);
  EXPECT_EQ(server.RequestCount(), 1u);
}

}  // namespace
}  // namespace videobot::testing
