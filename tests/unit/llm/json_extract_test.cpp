#include "llm/json_extract.hpp"

#include <gtest/gtest.h>

namespace videobot::llm {
namespace {

TEST(LlmExtractJson, BareObject) { EXPECT_EQ(ExtractJsonObject("  {\"a\": 1}\n"), "{\"a\": 1}"); }

TEST(LlmExtractJson, FencedObject) {
  EXPECT_EQ(ExtractJsonObject("Вот план:\n```json\n{\"a\": {\"b\": [1, 2]}}\n```\nГотово."),
            "{\"a\": {\"b\": [1, 2]}}");
  EXPECT_EQ(ExtractJsonObject("```\n{\"a\": 2}\n```"), "{\"a\": 2}");
}

TEST(LlmExtractJson, ObjectInsideChattyText) {
  EXPECT_EQ(ExtractJsonObject("Конечно! {\"a\": \"скобка } в строке\", \"b\": \"\\\"{\"} — вот и всё"),
            "{\"a\": \"скобка } в строке\", \"b\": \"\\\"{\"}");
  EXPECT_EQ(ExtractJsonObject("Думаю {так}, ответ: {\"a\": 1}"), "{\"a\": 1}");
}

TEST(LlmExtractJson, RejectsGarbageAndNonObjects) {
  EXPECT_FALSE(ExtractJsonObject("42"));
  EXPECT_EQ(ExtractJsonObject("[{\"a\": 1}"), "{\"a\": 1}");  // the validator judges the rest
  EXPECT_FALSE(ExtractJsonObject("Не знаю, что ответить."));
  EXPECT_FALSE(ExtractJsonObject("{\"a\": 1"));
  EXPECT_FALSE(ExtractJsonObject(""));
}

TEST(LlmExtractJson, SeveralDifferentObjectsAreAmbiguous) {
  EXPECT_FALSE(ExtractJsonObject("Либо {\"a\": 1}, либо {\"a\": 2}"));
  EXPECT_EQ(ExtractJsonObject("{\"a\": 1} и ещё раз {\"a\":1}"), "{\"a\": 1}");
  EXPECT_FALSE(ExtractJsonObject("```json\n{\"a\": 1}\n```\n```json\n{\"a\": 2}\n```"));
}

TEST(LlmExtractJson, PathologicalInputStaysFast) {
  const std::string opening(200'000, '{');
  EXPECT_FALSE(ExtractJsonObject(opening));
  EXPECT_FALSE(ExtractJsonObject(std::string(kMaxReplyBytes + 1, ' ') + "{}"));
}

}  // namespace
}  // namespace videobot::llm
