#include "telegram/json_repair.hpp"

#include <optional>

#include "common/utf8.hpp"

namespace videobot::telegram {
namespace {

/// The value of the `\uXXXX` escape at `i` (text[i] == '\\'), if it is one.
std::optional<unsigned int> UnicodeEscapeAt(std::string_view text, std::size_t i) {
  if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return std::nullopt;
  unsigned int value = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const char c = text[k];
    value <<= 4;
    if (c >= '0' && c <= '9') {
      value |= static_cast<unsigned int>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      value |= static_cast<unsigned int>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      value |= static_cast<unsigned int>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

bool IsHighSurrogate(unsigned int v) { return v >= 0xD800 && v <= 0xDBFF; }
bool IsLowSurrogate(unsigned int v) { return v >= 0xDC00 && v <= 0xDFFF; }

}  // namespace

std::string RepairJsonText(std::string_view body, bool* changed) {
  std::string out;
  out.reserve(body.size());
  bool replaced = false;
  std::size_t i = 0;
  while (i < body.size()) {
    if (body[i] == '\\' && i + 1 < body.size()) {
      const auto escape = UnicodeEscapeAt(body, i);
      if (!escape) {
        // Any other escape (including "\\\\") is copied as a pair so the next byte is not
        // mistaken for the start of an escape.
        out.append(body.substr(i, 2));
        i += 2;
        continue;
      }
      if (IsHighSurrogate(*escape)) {
        const auto next = UnicodeEscapeAt(body, i + 6);
        if (next && IsLowSurrogate(*next)) {
          out.append(body.substr(i, 12));
          i += 12;
          continue;
        }
      }
      if (IsHighSurrogate(*escape) || IsLowSurrogate(*escape)) {
        out.append("\\uFFFD");
        replaced = true;
      } else {
        out.append(body.substr(i, 6));
      }
      i += 6;
      continue;
    }
    const std::size_t len = Utf8SequenceLength(body, i);
    if (len == 0) {
      out.append(kReplacementCharacter);
      replaced = true;
      ++i;
    } else {
      out.append(body.substr(i, len));
      i += len;
    }
  }
  if (changed != nullptr) *changed = replaced;
  return out;
}

}  // namespace videobot::telegram
