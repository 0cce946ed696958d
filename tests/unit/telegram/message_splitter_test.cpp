#include "telegram/message_splitter.hpp"

#include <gtest/gtest.h>

#include "common/text.hpp"

namespace videobot::telegram {
namespace {

TEST(SplitMessageTest, ShortTextIsOnePiece) {
  EXPECT_EQ(SplitMessage("12345", 4096), std::vector<std::string>{"12345"});
  EXPECT_TRUE(SplitMessage("", 4096).empty());
}

TEST(SplitMessageTest, PiecesRespectTheLimitAndReassemble) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "строка номер " + std::to_string(i) + " с планом и SQL\n";
  const auto pieces = SplitMessage(text, 500);
  ASSERT_GT(pieces.size(), 1u);
  std::string joined;
  for (const auto& piece : pieces) {
    EXPECT_LE(CountCodePoints(piece), 500u);
    EXPECT_TRUE(IsValidUtf8(piece));
    joined += piece;
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(pieces.front().back(), '\n');  // cut at a line break
}

TEST(SplitMessageTest, LongLineIsCutBetweenCharacters) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "ж";
  const auto pieces = SplitMessage(text, 3);
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0], "жжж");
  EXPECT_EQ(pieces[3], "ж");
}

}  // namespace
}  // namespace videobot::telegram

namespace videobot::telegram {
namespace {

/// The plain text an HTML piece shows: tags removed, entities decoded.
std::string Unescape(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html.substr(i, 5) == "<pre>") {
      i += 5;
    } else if (html.substr(i, 6) == "</pre>") {
      i += 6;
    } else if (html.substr(i, 5) == "&amp;") {
      out += '&';
      i += 5;
    } else if (html.substr(i, 4) == "&lt;") {
      out += '<';
      i += 4;
    } else if (html.substr(i, 4) == "&gt;") {
      out += '>';
      i += 4;
    } else {
      EXPECT_NE(html[i], '<') << html;  // no raw tag other than <pre> may appear
      EXPECT_NE(html[i], '>') << html;
      out += html[i++];
    }
  }
  return out;
}

/// True when every <pre> is closed in the same piece and none are nested.
bool BalancedPre(std::string_view html) {
  int depth = 0;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html.substr(i, 5) == "<pre>") ++depth;
    if (html.substr(i, 6) == "</pre>") --depth;
    if (depth < 0 || depth > 1) return false;
  }
  return depth == 0;
}

TEST(SplitHtmlTest, HostileTextIsEscaped) {
  const std::string hostile = "<b>жирный</b> &amp; </pre> <a href=\"x\">ссылка <i>незакрытый";
  const auto pieces = SplitHtml({{hostile, false}}, 4096);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0],
            "&lt;b&gt;жирный&lt;/b&gt; &amp;amp; &lt;/pre&gt; &lt;a href=\"x\"&gt;ссылка &lt;i&gt;незакрытый");
  EXPECT_EQ(EscapeHtml("a<b>&c"), "a&lt;b&gt;&amp;c");
}

TEST(SplitHtmlTest, PreformattedBlocksAreWrappedAndEscaped) {
  const auto pieces = SplitHtml({{"Что посчитано:\n", false}, {"SELECT 1 WHERE a < b && c > d </pre>", true}}, 4096);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0], "Что посчитано:\n<pre>SELECT 1 WHERE a &lt; b &amp;&amp; c &gt; d &lt;/pre&gt;</pre>");
}

TEST(SplitHtmlTest, LongBlocksAreCutBetweenEntitiesAndPreIsReopened) {
  std::string sql;
  for (int i = 0; i < 400; ++i) sql += "AND x" + std::to_string(i) + " < '&<>' \n";
  const std::string intro = "Объяснение <с> угловыми & скобками.\n";
  for (const std::size_t limit : {std::size_t{100}, std::size_t{257}, std::size_t{4096}}) {
    const auto pieces = SplitHtml({{intro, false}, {sql, true}}, limit);
    ASSERT_GT(pieces.size(), 1u) << limit;
    std::string shown;
    for (const auto& piece : pieces) {
      EXPECT_LE(CountCodePoints(piece), limit);
      EXPECT_TRUE(BalancedPre(piece)) << piece;
      // Never a cut inside an entity: every '&' starts a whole entity.
      for (std::size_t at = piece.find('&'); at != std::string::npos; at = piece.find('&', at + 1)) {
        const auto rest = std::string_view(piece).substr(at);
        EXPECT_TRUE(rest.starts_with("&amp;") || rest.starts_with("&lt;") || rest.starts_with("&gt;")) << piece;
      }
      shown += Unescape(piece);
    }
    EXPECT_EQ(shown, intro + sql) << limit;
  }
}

TEST(SplitHtmlTest, WhitespaceOnlyPiecesAreDropped) {
  EXPECT_TRUE(SplitHtml({{"\n\n", false}}, 4096).empty());
  EXPECT_TRUE(SplitHtml({}, 4096).empty());
}

}  // namespace
}  // namespace videobot::telegram
