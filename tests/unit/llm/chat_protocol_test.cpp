#include "llm/chat_protocol.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "plan/validator.hpp"

namespace videobot::llm {
namespace {

using Json = nlohmann::json;

TEST(LlmChatProtocol, RequestCarriesModelTemperatureMessagesAndStrictSchema) {
  Json messages = Json::array({ChatMessage("system", "правила"), ChatMessage("user", "Сколько видео?")});
  const Json request = BuildChatRequest("test-model", messages);
  EXPECT_EQ(request.at("model"), "test-model");
  EXPECT_EQ(request.at("temperature"), 0);
  EXPECT_EQ(request.at("messages"), messages);
  const Json& format = request.at("response_format");
  EXPECT_EQ(format.at("type"), "json_schema");
  EXPECT_EQ(format.at("json_schema").at("name"), "plan");
  EXPECT_EQ(format.at("json_schema").at("strict"), true);
  EXPECT_EQ(format.at("json_schema").at("schema"), Json::parse(plan::PlanSchemaText()));
}

TEST(LlmChatProtocol, ReadsContent) {
  const auto content =
      ReadChatContent(R"({"choices":[{"index":0,"message":{"role":"assistant","content":"{}","refusal":null}}]})");
  ASSERT_TRUE(content);
  EXPECT_EQ(*content, "{}");
}

TEST(LlmChatProtocol, MalformedBodiesAreBadOutput) {
  for (const char* body :
       {"", "not json", "[]", "{}", R"({"choices":[]})", R"({"choices":[{"message":null}]})",
        R"({"choices":[{"message":{"content":null}}]})", R"({"choices":[{"message":{"content":""}}]})"}) {
    const auto content = ReadChatContent(body);
    ASSERT_FALSE(content) << body;
    EXPECT_EQ(content.error().code, ErrorCode::kLlmBadOutput) << body;
  }
}

TEST(LlmChatProtocol, AModelThatDeclinesIsARefusalNotAFailure) {
  const auto content =
      ReadChatContent(R"({"choices":[{"message":{"content":null,"refusal":"I can't help with that"}}]})");
  ASSERT_FALSE(content);
  EXPECT_EQ(content.error().code, ErrorCode::kQuestionNotUnderstood);
  EXPECT_NE(content.error().message.find("отказалась"), std::string::npos) << content.error().message;
  EXPECT_EQ(content.error().message.find("I can't"), std::string::npos) << "the model's own words are not shown";
}

}  // namespace
}  // namespace videobot::llm
