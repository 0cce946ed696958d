// multipart/form-data uploads through the libcurl client, received by a loopback cpp-httplib
// server: fields and files arrive intact (any bytes), and a plain POST after an upload on the same
// client is a plain POST again.
#include <gtest/gtest.h>
#include <httplib.h>

#include <mutex>
#include <thread>

#include "net/http_client.hpp"

namespace videobot::net {
namespace {

/// What the server saw of one request.
struct Received {
  std::string content_type;
  std::string body;
  httplib::MultipartFormDataMap files;
};

/// A loopback server on a free port that records every POST /upload and answers "ok".
class RecordingServer {
 public:
  RecordingServer() {
    server_.Post("/upload", [this](const httplib::Request& request, httplib::Response& response) {
      std::lock_guard lock(mutex_);
      received_.push_back({request.get_header_value("Content-Type"), request.body, request.files});
      response.set_content("ok", "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // The socket already listens; wait for the accept loop so that stop() can end it.
    for (int i = 0; i < 5000 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ~RecordingServer() {
    server_.stop();
    thread_.join();
  }
  RecordingServer(const RecordingServer&) = delete;
  RecordingServer& operator=(const RecordingServer&) = delete;

  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/upload"; }
  std::vector<Received> All() const {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<Received> received_;
};

std::string BinaryBytes() {
  std::string bytes = "\x89PNG\r\n\x1a\n";
  for (int i = 0; i < 70'000; ++i) bytes.push_back(static_cast<char>(i * 7 % 256));
  bytes.push_back('\0');
  return bytes;
}

TEST(CurlMultipart, FieldsAndFilesArriveIntact) {
  RecordingServer server;
  auto client = MakeCurlHttpClient();
  HttpRequest request;
  request.method = "POST";
  request.url = server.Url();
  request.timeout = std::chrono::seconds(20);
  const std::string bytes = BinaryBytes();
  request.form = {{"chat_id", "-100123", "", ""},
                  {"caption", "Прирост: <b>1 000</b>", "", ""},
                  {"photo", bytes, "chart.png", "image/png"}};
  const HttpResponse response = client->Send(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok");

  const auto received = server.All();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].content_type.rfind("multipart/form-data; boundary=", 0), 0u) << received[0].content_type;
  const auto& files = received[0].files;
  ASSERT_EQ(files.count("chat_id"), 1u);
  EXPECT_EQ(files.find("chat_id")->second.content, "-100123");
  EXPECT_EQ(files.find("chat_id")->second.filename, "");
  EXPECT_EQ(files.find("caption")->second.content, "Прирост: <b>1 000</b>");
  ASSERT_EQ(files.count("photo"), 1u);
  const auto& photo = files.find("photo")->second;
  EXPECT_EQ(photo.filename, "chart.png");
  EXPECT_EQ(photo.content_type, "image/png");
  EXPECT_EQ(photo.content, bytes);
}

TEST(CurlMultipart, APlainPostAfterAnUploadSendsItsOwnBody) {
  RecordingServer server;
  auto client = MakeCurlHttpClient();
  HttpRequest upload;
  upload.method = "POST";
  upload.url = server.Url();
  upload.form = {{"field", "value", "", ""}};
  client->Send(upload);
  HttpRequest plain;
  plain.method = "POST";
  plain.url = server.Url();
  plain.headers = {{"Content-Type", "application/json"}};
  plain.body = R"({"a":1})";
  EXPECT_EQ(client->Send(plain).status, 200);
  const auto received = server.All();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[1].content_type, "application/json");
  EXPECT_EQ(received[1].body, R"({"a":1})");
  EXPECT_TRUE(received[1].files.empty());
}

}  // namespace
}  // namespace videobot::net
