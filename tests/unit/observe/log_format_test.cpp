#include "observe/log_format.hpp"

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "telegram/redaction.hpp"

namespace videobot::observe {
namespace {

using Json = nlohmann::json;

TEST(LogFormatTest, ParsesTheTwoFormatsOnly) {
  EXPECT_EQ(ParseLogFormat(""), LogFormat::kText);
  EXPECT_EQ(ParseLogFormat("text"), LogFormat::kText);
  EXPECT_EQ(ParseLogFormat(" JSON "), LogFormat::kJson);
  EXPECT_FALSE(ParseLogFormat("xml").has_value());
  EXPECT_FALSE(ParseLogFormat("jsonl").has_value());
}

TEST(LogFormatTest, JsonLineHasTheFixedFieldsAndTheMessagePairs) {
  const std::string text = FormatJsonLogLine(
      "2026-12-02T10:00:00.000Z", "info", "bot",
      R"(update_id=17 chat_id=-5 kind=question outcome=ok error="Bot API: \"quoted\" text" level=x (note))");
  EXPECT_TRUE(text.starts_with(R"({"time":"2026-12-02T10:00:00.000Z","level":"info","logger":"bot","message":)"))
      << text;
  const Json line = Json::parse(text);
  EXPECT_EQ(line["time"], "2026-12-02T10:00:00.000Z");
  EXPECT_EQ(line["level"], "info") << "a pair cannot override a fixed field";
  EXPECT_EQ(line["logger"], "bot");
  EXPECT_EQ(line["update_id"], 17);
  EXPECT_EQ(line["chat_id"], -5);
  EXPECT_EQ(line["kind"], "question");
  EXPECT_EQ(line["error"], "Bot API: \"quoted\" text");
  EXPECT_TRUE(line["message"].get<std::string>().starts_with("update_id=17"));
}

TEST(LogFormatTest, InvalidUtf8AndControlCharactersStillMakeValidJson) {
  const std::string text = FormatJsonLogLine("t", "warning", "bot", "event=x text=\xff\xfe\x01 tail=\"open");
  const Json line = Json::parse(text);
  EXPECT_EQ(line["event"], "x");
  EXPECT_EQ(text.find('\n'), std::string::npos);
}

TEST(LogFormatTest, RedactingLoggerInJsonWritesOneObjectPerLineWithoutTheSecrets) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  sink->set_formatter(MakeLogFormatter(LogFormat::kJson));
  auto logger = telegram::MakeRedactingLogger("bot", std::vector<std::string>{"123:SECRET", "api-token-xyz"}, sink);
  logger->info("event=poll_retry error=\"GET /bot123:SECRET/getUpdates failed\" retry_ms=500");
  logger->warn("event=auth token=api-token-xyz");
  logger->flush();
  std::istringstream lines(out.str());
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    const Json json = Json::parse(line);
    EXPECT_EQ(json["logger"], "bot");
    EXPECT_EQ(line.find("SECRET"), std::string::npos) << line;
    EXPECT_EQ(line.find("api-token-xyz"), std::string::npos) << line;
    EXPECT_TRUE(json["time"].get<std::string>().ends_with("Z"));
  }
  EXPECT_EQ(count, 2);
  EXPECT_NE(out.str().find("\"retry_ms\":500"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\"level\":\"warning\""), std::string::npos) << out.str();
}

}  // namespace
}  // namespace videobot::observe
