#include "nl/normalizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "common/text.hpp"
#include "common/utf8.hpp"

namespace videobot::nl {
namespace {

bool IsInvisible(UChar32 c) { return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF; }

bool IsDash(UChar32 c) {
  return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

bool IsQuote(UChar32 c) {
  switch (c) {
    case '\'':
    case '`':
    case 0x00AB:
    case 0x00BB:
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2039:
    case 0x203A:
    case 0x00B4: return true;
    default: return false;
  }
}

void AppendAscii(std::string& out, std::string_view text) { out.append(text); }

void AppendCodePoint(std::string& out, UChar32 c) { AppendUtf8(out, static_cast<char32_t>(c)); }

// Appends the normalised form of one code point.
// The case folding shared with the plan cache's key (common/utf8.hpp).
UChar32 FoldCodePoint(UChar32 c) { return static_cast<UChar32>(FoldLetter(static_cast<char32_t>(c))); }

void AppendNormalized(std::string& out, UChar32 c) {
  if (c < 0x80) {
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      out.push_back(' ');
    } else if (c == '\'' || c == '`') {
      out.push_back('"');
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      out.push_back(static_cast<char>(c));
    }
    return;
  }
  // Cyrillic letters (most of every question) need no other test.
  if (c >= 0x0400 && c <= 0x045F) return AppendCodePoint(out, FoldCodePoint(c));
  if (IsInvisible(c)) return;
  if (u_isUWhiteSpace(c) || u_charType(c) == U_SPACE_SEPARATOR) return out.push_back(' ');
  if (IsDash(c)) return out.push_back('-');
  if (IsQuote(c)) return out.push_back('"');
  if (c == 0x2265 || c == 0x2A7E) return AppendAscii(out, ">=");  // ≥ ⩾
  if (c == 0x2264 || c == 0x2A7D) return AppendAscii(out, "<=");  // ≤ ⩽
  if (c == 0x2260) return AppendAscii(out, "!=");                 // ≠
  if (c == 0x2026) return AppendAscii(out, "...");
  AppendCodePoint(out, FoldCodePoint(c));
}

}  // namespace

Result<std::string> Normalize(std::string_view question) {
  if (!IsValidUtf8(question)) {
    return Fail(ErrorCode::kQuestionNotUnderstood, "вопрос должен быть текстом в кодировке UTF-8");
  }
  if (CountCodePoints(question) > kMaxQuestionChars) {
    return Fail(ErrorCode::kQuestionTooLong,
                "Вопрос слишком длинный: не больше " + std::to_string(kMaxQuestionChars) + " символов");
  }
  std::string out;
  out.reserve(question.size() + 8);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(question.data());
  const auto length = static_cast<std::int32_t>(question.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    AppendNormalized(out, c);
  }
  if (TrimAscii(out).empty()) return Fail(ErrorCode::kQuestionNotUnderstood, "пустой вопрос");
  return out;
}

}  // namespace videobot::nl
