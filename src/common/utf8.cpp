#include "common/utf8.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace videobot {

std::size_t DecodeUtf8(std::string_view text, std::size_t pos, char32_t& code_point) {
  // U8_NEXT indexes with int32_t; looking at most four bytes ahead keeps that in range for any
  // text size.
  const std::size_t window = std::min<std::size_t>(text.size() - pos, U8_MAX_LENGTH);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data() + pos);
  const auto length = static_cast<std::int32_t>(window);
  std::int32_t next = 0;
  UChar32 c = 0;
  U8_NEXT(bytes, next, length, c);
  if (c < 0) return 0;
  code_point = static_cast<char32_t>(c);
  return static_cast<std::size_t>(next);
}

std::size_t Utf8SequenceLength(std::string_view text, std::size_t pos) {
  char32_t ignored = 0;
  return DecodeUtf8(text, pos, ignored);
}

bool IsUtf8Continuation(char byte) { return U8_IS_TRAIL(static_cast<std::uint8_t>(byte)); }

std::size_t Utf8CutBefore(std::string_view text, std::size_t max_bytes) {
  if (max_bytes >= text.size()) return text.size();
  std::size_t cut = max_bytes;
  while (cut > 0 && IsUtf8Continuation(text[cut])) --cut;
  return cut;
}

void AppendUtf8(std::string& out, char32_t code_point) {
  std::uint8_t buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  // ICU's macro compares the signed UChar32 as uint32_t without a cast of its own.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-conversion"
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(code_point));
#pragma GCC diagnostic pop
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
}

char32_t FoldLetter(char32_t code_point) {
  constexpr char32_t kIo = 0x0451;  // ё
  constexpr char32_t kIe = 0x0435;  // е
  // Cyrillic and ASCII (most of every question) fold without a table look-up.
  if (code_point >= 'A' && code_point <= 'Z') return code_point - 'A' + 'a';
  if (code_point < 0x80 || (code_point >= 0x0430 && code_point <= 0x044F)) return code_point;
  if (code_point >= 0x0410 && code_point <= 0x042F) return code_point + 0x20;
  if (code_point == 0x0401 || code_point == kIo) return kIe;
  const auto folded = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(code_point), U_FOLD_CASE_DEFAULT));
  return folded == kIo ? kIe : folded;
}

}  // namespace videobot
