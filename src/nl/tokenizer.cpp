#include "nl/tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace videobot::nl {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiLetter(c); }
bool IsHex(char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'f'); }

// Letters of words: Cyrillic without a table look-up, anything else through ICU.
bool IsLetter(UChar32 c) { return (c >= 0x0400 && c <= 0x04FF) || u_isalpha(c); }

bool AllHex(std::string_view text) {
  for (char c : text) {
    if (!IsHex(c)) return false;
  }
  return true;
}

// Length of a dashed UUID starting at `text`, or 0.
std::size_t UuidLength(std::string_view text) {
  static constexpr std::size_t kGroups[] = {8, 4, 4, 4, 12};
  std::size_t pos = 0;
  for (std::size_t g = 0; g < 5; ++g) {
    if (g > 0) {
      if (pos >= text.size() || text[pos] != '-') return 0;
      ++pos;
    }
    for (std::size_t k = 0; k < kGroups[g]; ++k, ++pos) {
      if (pos >= text.size() || !IsHex(text[pos])) return 0;
    }
  }
  if (pos < text.size() && IsAsciiAlnum(text[pos])) return 0;
  return pos;
}

// Length of a run of hex digits and dashes that looks like a damaged UUID, or 0.
std::size_t DashedHexLength(std::string_view text) {
  std::size_t pos = 0;
  int dashes = 0;
  int digits = 0;
  while (pos < text.size() && (IsAsciiAlnum(text[pos]) || text[pos] == '-')) {
    if (text[pos] == '-') {
      ++dashes;
    } else if (IsAsciiDigit(text[pos])) {
      ++digits;
    }
    ++pos;
  }
  return (dashes >= 2 && digits > 0 && pos >= 20) ? pos : 0;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<Token> Run() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ') {
        space_ = true;
        ++pos_;
      } else if (IsAsciiAlnum(c)) {
        ScanAscii();
      } else {
        ScanOther();
      }
    }
    return std::move(tokens_);
  }

 private:
  void Emit(TokenKind kind, std::size_t length) {
    tokens_.push_back(Token{kind, space_, text_.substr(pos_, length)});
    pos_ += length;
    space_ = false;
  }

  void ScanAscii() {
    const std::string_view rest = text_.substr(pos_);
    if (const std::size_t uuid = UuidLength(rest)) return Emit(TokenKind::kVideoId, uuid);
    std::size_t run = 0;
    while (run < rest.size() && IsAsciiAlnum(rest[run])) ++run;
    const std::string_view word = rest.substr(0, run);
    if (run == 32 && AllHex(word)) return Emit(TokenKind::kCreatorId, run);
    if (const std::size_t dashed = DashedHexLength(rest)) return Emit(TokenKind::kMalformedId, dashed);
    std::size_t digits = 0;
    while (digits < run && IsAsciiDigit(word[digits])) ++digits;
    bool has_digit = digits > 0;
    for (std::size_t k = digits; k < run && !has_digit; ++k) has_digit = IsAsciiDigit(word[k]);
    if (run >= 16 && AllHex(word) && has_digit && digits != run) return Emit(TokenKind::kMalformedId, run);
    if (digits == run) return Emit(TokenKind::kNumber, run);
    if (digits > 0) {
      // "10k": a number glued to a word, unless letters and digits alternate further.
      std::size_t letters = digits;
      while (letters < run && IsAsciiLetter(word[letters])) ++letters;
      if (letters != run) return Emit(TokenKind::kMalformedId, run);
      return Emit(TokenKind::kNumber, digits);
    }
    std::size_t letters = 0;
    while (letters < run && IsAsciiLetter(word[letters])) ++letters;
    if (letters != run) return Emit(TokenKind::kMalformedId, run);
    Emit(TokenKind::kWord, run);
  }

  // A run of non-ASCII letters (Cyrillic words), or one punctuation character.
  void ScanOther() {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text_.data());
    const auto length = static_cast<std::int32_t>(text_.size());
    auto i = static_cast<std::int32_t>(pos_);
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !IsLetter(c)) return Emit(TokenKind::kPunct, static_cast<std::size_t>(i) - pos_);
    std::int32_t end = i;
    while (end < length) {
      std::int32_t next = end;
      U8_NEXT(bytes, next, length, c);
      if (c < 0 || c < 0x80 || !IsLetter(c)) break;
      end = next;
    }
    Emit(TokenKind::kWord, static_cast<std::size_t>(end) - pos_);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  bool space_ = false;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view normalized) { return Scanner(normalized).Run(); }

}  // namespace videobot::nl
