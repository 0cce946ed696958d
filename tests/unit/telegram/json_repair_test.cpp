#include "telegram/json_repair.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/text.hpp"

namespace videobot::telegram {
namespace {

TEST(RepairJsonTextTest, WellFormedTextIsUnchanged) {
  const std::string body = R"({"text":"Сколько видео? \"кавычки\" \\ \ud83d\ude00 😀"})";
  bool changed = true;
  EXPECT_EQ(RepairJsonText(body, &changed), body);
  EXPECT_FALSE(changed);
}

TEST(RepairJsonTextTest, IllFormedBytesBecomeReplacementCharacters) {
  const std::string body = "{\"text\":\"a\xff\xfe b \xd0\"}";
  bool changed = false;
  const std::string repaired = RepairJsonText(body, &changed);
  EXPECT_TRUE(changed);
  EXPECT_TRUE(IsValidUtf8(repaired));
  const auto json = nlohmann::json::parse(repaired);
  EXPECT_NE(json["text"].get<std::string>().find(kReplacementCharacter), std::string::npos);
}

TEST(RepairJsonTextTest, OverlongAndSurrogateEncodingsAreReplaced) {
  EXPECT_TRUE(IsValidUtf8(RepairJsonText("\xc0\xaf")));
  EXPECT_TRUE(IsValidUtf8(RepairJsonText("\xed\xa0\x80")));
  EXPECT_TRUE(IsValidUtf8(RepairJsonText("\xf4\x90\x80\x80")));
}

TEST(RepairJsonTextTest, UnpairedSurrogateEscapesAreReplaced) {
  bool changed = false;
  const std::string repaired = RepairJsonText(R"({"a":"x\ud800y","b":"\udc00","c":"\ud83d\ude00"})", &changed);
  EXPECT_TRUE(changed);
  const auto json = nlohmann::json::parse(repaired);  // would throw on an unpaired surrogate
  EXPECT_EQ(json["a"].get<std::string>(), "x\xEF\xBF\xBDy");
  EXPECT_EQ(json["b"].get<std::string>(), "\xEF\xBF\xBD");
  EXPECT_EQ(json["c"].get<std::string>(), "\xF0\x9F\x98\x80");
}

TEST(RepairJsonTextTest, AnEscapedBackslashIsNotAnEscape) {
  const std::string body = R"({"a":"\\ud800"})";  // a backslash followed by the letters "ud800"
  bool changed = true;
  EXPECT_EQ(RepairJsonText(body, &changed), body);
  EXPECT_FALSE(changed);
}

}  // namespace
}  // namespace videobot::telegram
