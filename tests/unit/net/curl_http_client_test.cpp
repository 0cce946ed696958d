// The libcurl client's response limit against a scripted loopback server: bodies under the limit
// arrive whole, larger ones (plain, chunked, announced, or gzip that inflates past it) are aborted
// while downloading with ResponseTooLargeError.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <stdexcept>

#include "fake_openai_server.hpp"
#include "gzip_body.hpp"
#include "net/http_client.hpp"

namespace videobot::net {
namespace {

using testing::FakeOpenAiServer;
using testing::FakeReply;

constexpr std::size_t kKib = 1024;
constexpr std::size_t kMib = 1024 * kKib;

std::unique_ptr<HttpClient> ClientWithLimit(std::size_t limit) {
  CurlOptions options;
  options.max_response_bytes = limit;
  return MakeCurlHttpClient(options);
}

HttpRequest PostTo(const FakeOpenAiServer& server) {
  HttpRequest request;
  request.method = "POST";
  request.url = server.BaseUrl() + "/chat/completions";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = "{}";
  request.timeout = std::chrono::seconds(20);
  return request;
}

// The peak resident set of this process so far, in KiB.
long PeakRssKib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Sends the request and returns the size error it must fail with.
ResponseTooLargeError ExpectTooLarge(HttpClient& client, const HttpRequest& request) {
  try {
    const HttpResponse response = client.Send(request);
    ADD_FAILURE() << "accepted a body of " << response.body.size() << " bytes";
  } catch (const ResponseTooLargeError& error) {
    EXPECT_EQ(std::string(error.what()).find("127.0.0.1"), std::string::npos) << error.what();
    EXPECT_EQ(std::string(error.what()).find("/chat/completions"), std::string::npos) << error.what();
    EXPECT_FALSE(error.timed_out());
    return error;
  }
  return ResponseTooLargeError("", 0);
}

TEST(CurlResponseLimit, ABodyUnderTheLimitArrivesWhole) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Completion("план"));
  const auto client = ClientWithLimit(64 * kKib);
  const HttpResponse response = client->Send(PostTo(server));
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("план"), std::string::npos) << response.body;
}

TEST(CurlResponseLimit, ABodyOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Oversized(64 * kKib, /*announce_length=*/false));
  EXPECT_EQ(ClientWithLimit(64 * kKib)->Send(PostTo(server)).body.size(), 64 * kKib);
  const auto error = ExpectTooLarge(*ClientWithLimit(64 * kKib - 1), PostTo(server));
  EXPECT_EQ(error.limit_bytes(), 64 * kKib - 1);
}

TEST(CurlResponseLimit, AChunkedBodyOverTheLimitIsAbortedWhileDownloading) {
  FakeOpenAiServer server;
  server.Enqueue(FakeOpenAiServer::Oversized(50 * kMib, /*announce_length=*/false));
  server.Enqueue(FakeOpenAiServer::Completion("после"));
  const auto client = ClientWithLimit(1 * kMib);
  const long before = PeakRssKib();
  const auto error = ExpectTooLarge(*client, PostTo(server));
  EXPECT_EQ(error.limit_bytes(), 1 * kMib);
  EXPECT_NE(std::string(error.what()).find("1 МиБ"), std::string::npos) << error.what();
  EXPECT_LT(PeakRssKib() - before, 32 * 1024) << "KiB more at the peak";
  // The client stays usable: the aborted connection is not reused.
  EXPECT_NE(client->Send(PostTo(server)).body.find("после"), std::string::npos);
}

TEST(CurlResponseLimit, AnAnnouncedLengthOverTheLimitIsRefusedBeforeTheBody) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::Oversized(std::uint64_t{100} << 30, /*announce_length=*/true));
  const auto client = ClientWithLimit(4 * kMib);
  const auto started = std::chrono::steady_clock::now();
  const auto error = ExpectTooLarge(*client, PostTo(server));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  EXPECT_NE(std::string(error.what()).find("100 ГиБ"), std::string::npos) << error.what();
}

TEST(CurlResponseLimit, GzipIsCountedAfterDecoding) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::GzipBomb(2 * kMib));  // about 2 KiB on the wire
  const HttpResponse whole = ClientWithLimit(4 * kMib)->Send(PostTo(server));
  EXPECT_EQ(whole.body, std::string(2 * kMib, '\0'));
  ExpectTooLarge(*ClientWithLimit(1 * kMib), PostTo(server));
}

TEST(CurlResponseLimit, AGzipBombIsStoppedAtTheLimit) {
  FakeOpenAiServer server;
  server.SetFallback(FakeOpenAiServer::GzipBomb(std::uint64_t{1} << 30));  // 1 GiB from about 1 MB
  const auto client = ClientWithLimit(4 * kMib);
  const long before = PeakRssKib();
  const auto error = ExpectTooLarge(*client, PostTo(server));
  EXPECT_NE(std::string(error.what()).find("4 МиБ"), std::string::npos) << error.what();
  EXPECT_LT(PeakRssKib() - before, 32 * 1024) << "KiB more at the peak";
}

TEST(CurlResponseLimit, AnEndlessHeaderSectionIsAborted) {
  FakeOpenAiServer server;
  FakeReply reply = FakeOpenAiServer::Completion("план");
  for (int i = 0; i < 400; ++i) reply.headers.emplace_back("X-Filler-" + std::to_string(i), std::string(1000, 'h'));
  server.SetFallback(reply);
  ExpectTooLarge(*ClientWithLimit(4 * kMib), PostTo(server));
}

TEST(CurlResponseLimit, TheDefaultLimitIsSixteenMebibytes) {
  EXPECT_EQ(CurlOptions{}.max_response_bytes, 16 * kMib);
  EXPECT_THROW(ClientWithLimit(0), std::invalid_argument);
}

TEST(FormatByteSize, WritesBinaryUnitsInRussian) {
  EXPECT_EQ(FormatByteSize(0), "0 Б");
  EXPECT_EQ(FormatByteSize(1023), "1023 Б");
  EXPECT_EQ(FormatByteSize(64 * kKib), "64 КиБ");
  EXPECT_EQ(FormatByteSize(4 * kMib), "4 МиБ");
  EXPECT_EQ(FormatByteSize(3 * kMib / 2), "1,5 МиБ");
  EXPECT_EQ(FormatByteSize(std::uint64_t{100} << 30), "100 ГиБ");
}

}  // namespace
}  // namespace videobot::net
