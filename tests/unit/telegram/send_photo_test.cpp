// Charts delivered with sendPhoto: the real Bot API client uploads a rendered PNG as
// multipart/form-data to the fake Bot API, which must receive the very bytes, a PNG of the chart's
// size, with the caption, the reply parameters and the keyboard.
#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/null_sink.h>

#include <nlohmann/json.hpp>

#include "chart/render.hpp"
#include "common/text.hpp"
#include "fakes/fake_bot_api.hpp"
#include "support/png_image.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/reply_sender.hpp"

namespace videobot::telegram {
namespace {

using namespace std::chrono_literals;
using testing::FakeBotApi;
using testing::ScriptedFailure;

constexpr const char* kToken = "424242:TEST-token_for-photo-tests";
constexpr std::int64_t kChat = 77;

std::string DailyChartPng() {
  chart::TimeSeriesChart chart;
  chart.title = "Прирост просмотров по дням";
  chart.y_axis_label = "прирост просмотров";
  chart.offset = UtcOffset{180};
  for (int day = 1; day <= 7; ++day) {
    chart.points.push_back({ToInstant({{2025, 11, day}, 0}, chart.offset), 1000.0 * day * (day % 3 + 1)});
  }
  return chart::RenderPng(chart);
}

nlohmann::json NumbersButton() {
  return {
      {"inline_keyboard",
       nlohmann::json::array({nlohmann::json::array({{{"text", "Показать числа"}, {"callback_data", "numbers"}}})})}};
}

class SendPhotoTest : public ::testing::Test {
 protected:
  FakeBotApi server_{kToken};
  std::unique_ptr<net::HttpClient> http_ = net::MakeCurlHttpClient();
  BotApi api_{*http_, server_.url(), kToken, 10s};
  Lifecycle lifecycle_{5s};
  spdlog::logger logger_{"send_photo_test", std::make_shared<spdlog::sinks::null_sink_mt>()};
};

TEST_F(SendPhotoTest, TheFakeReceivesTheChartAsAPngWithCaptionReplyAndKeyboard) {
  const std::string png = DailyChartPng();
  const std::string caption = "Всего: <b>84 000</b>; максимум 21 000 — 6 ноя";
  SendOptions options;
  options.html = true;
  options.reply_to_message_id = 5;
  options.reply_markup = NumbersButton();
  const Message message = api_.SendPhoto(kChat, png, caption, options);

  const auto photos = server_.Photos();
  ASSERT_EQ(photos.size(), 1u);
  const auto& photo = photos[0];
  EXPECT_EQ(photo.chat_id, kChat);
  EXPECT_EQ(photo.message_id, message.message_id);
  EXPECT_EQ(message.chat.id, kChat);
  EXPECT_EQ(photo.bytes, png);
  EXPECT_EQ(photo.filename, "chart.png");
  EXPECT_EQ(photo.content_type, "image/png");
  const auto image = testing::DecodePng(photo.bytes);
  ASSERT_TRUE(image.has_value());
  EXPECT_EQ(image->width, chart::kImageWidth);
  EXPECT_EQ(image->height, chart::kImageHeight);
  EXPECT_EQ(photo.caption, caption);
  EXPECT_EQ(photo.parse_mode, "HTML");
  EXPECT_EQ(photo.reply_to_message_id, 5);
  EXPECT_TRUE(photo.allow_sending_without_reply);
  EXPECT_EQ(photo.reply_markup, NumbersButton());
  EXPECT_TRUE(server_.Sent().empty()) << "a photo is not a text message";
  EXPECT_EQ(server_.UnauthorizedCalls(), 0u);
}

TEST_F(SendPhotoTest, APhotoWithoutCaptionOrOptionsIsAPlainUpload) {
  const std::string png = DailyChartPng();
  api_.SendPhoto(kChat, png, "");
  const auto photos = server_.Photos();
  ASSERT_EQ(photos.size(), 1u);
  EXPECT_EQ(photos[0].bytes, png);
  EXPECT_EQ(photos[0].caption, "");
  EXPECT_EQ(photos[0].parse_mode, "");
  EXPECT_EQ(photos[0].reply_to_message_id, 0);
  EXPECT_TRUE(photos[0].reply_markup.is_null());
}

TEST_F(SendPhotoTest, ARefusedImageIsABotApiErrorWithoutTheToken) {
  try {
    api_.SendPhoto(kChat, "not a png at all", "подпись");
    FAIL() << "expected a BotApiError";
  } catch (const BotApiError& error) {
    EXPECT_EQ(error.error_code(), 400);
    EXPECT_EQ(std::string(error.what()).find("TEST-token"), std::string::npos);
  }
  EXPECT_TRUE(server_.Photos().empty());
}

TEST_F(SendPhotoTest, APhotoReplyIsRetriedAfterAServerError) {
  ScriptedFailure bad_gateway;
  bad_gateway.status = 502;
  server_.FailNext("sendPhoto", bad_gateway);
  PhotoReply reply;
  reply.png = DailyChartPng();
  reply.caption_html = "Всего: 84 000";
  reply.reply_to_message_id = 9;
  reply.reply_markup = NumbersButton();
  EXPECT_EQ(SendPhotoReply(api_, kChat, reply, lifecycle_, logger_), Delivery::kSent);
  EXPECT_EQ(server_.CallCount("sendPhoto"), 2u);
  const auto photos = server_.Photos();
  ASSERT_EQ(photos.size(), 1u);
  EXPECT_EQ(photos[0].bytes, reply.png);
  EXPECT_EQ(photos[0].caption, reply.caption_html);
  EXPECT_EQ(photos[0].parse_mode, "HTML");
  EXPECT_EQ(photos[0].reply_to_message_id, 9);
  EXPECT_EQ(photos[0].reply_markup, NumbersButton());
}

TEST_F(SendPhotoTest, ACaptionTooLongForTelegramFollowsThePhotoWithTheKeyboard) {
  PhotoReply reply;
  reply.png = DailyChartPng();
  for (int i = 0; i < 120; ++i) reply.caption_html += "строка " + std::to_string(i) + "\n";
  ASSERT_GT(CountCodePoints(reply.caption_html), kMaxCaptionLength);
  reply.reply_to_message_id = 3;
  reply.reply_markup = NumbersButton();
  EXPECT_EQ(SendPhotoReply(api_, kChat, reply, lifecycle_, logger_), Delivery::kSent);
  const auto photos = server_.Photos();
  ASSERT_EQ(photos.size(), 1u);
  EXPECT_EQ(photos[0].caption, "");
  EXPECT_TRUE(photos[0].reply_markup.is_null());
  const auto sent = server_.Sent();
  ASSERT_FALSE(sent.empty());
  std::string text;
  for (const auto& message : sent) text += message.text;
  EXPECT_NE(text.find("строка 0"), std::string::npos);
  EXPECT_NE(text.find("строка 119"), std::string::npos);
  EXPECT_EQ(sent.back().reply_markup, NumbersButton());
  EXPECT_EQ(sent.back().parse_mode, "HTML");
  EXPECT_EQ(sent.front().reply_to_message_id, 3);
}

TEST_F(SendPhotoTest, AFinalRefusalIsReportedAsRejected) {
  PhotoReply reply;
  reply.png = "GIF89a";
  EXPECT_EQ(SendPhotoReply(api_, kChat, reply, lifecycle_, logger_), Delivery::kRejected);
  EXPECT_EQ(server_.CallCount("sendPhoto"), 1u);
}

}  // namespace
}  // namespace videobot::telegram
