#include "nl/publication_window_recognizer.hpp"

#include "nl/lexicon.hpp"
#include "nl/number_recognizer.hpp"
#include "nl/token_match.hpp"
#include "nl/word_tables.hpp"

namespace videobot::nl {
namespace {

constexpr int kMaxWindowHours = 8760;

// Hours in one unit named by the word at tokens[pos], or 0.
int UnitHours(const Token& token) {
  if (IsAnyWord(token, kWindowHourUnits)) return 1;
  if (IsAnyWord(token, kFullDayUnits)) return 24;
  if (IsAnyWord(token, kWindowDayUnits)) return 24;
  if (IsAnyWord(token, kWeekUnits)) return 168;
  return 0;
}

// "после", "с момента", "от момента": its length, or 0.
std::size_t AfterWordLength(std::span<const Token> tokens, std::size_t pos) {
  if (AnyWordAt(tokens, pos, kAfterPublicationWords)) return 1;
  if (AnyWordAt(tokens, pos, kSinceWords) && AnyWordAt(tokens, pos + 1, kMomentNouns)) return 2;
  return 0;
}

// "каждого из них", "каждого видео", "каждого": its length, or 0.
std::size_t EachTailLength(std::span<const Token> tokens, std::size_t pos) {
  if (!AnyWordAt(tokens, pos, kEachWords)) return 0;
  if (AnyWordAt(tokens, pos + 1, kOfWords) && AnyWordAt(tokens, pos + 2, kEachOfWords)) return 3;
  if (AnyWordAt(tokens, pos + 1, kEachVideoWords)) return 2;
  return 1;
}

}  // namespace

std::optional<WindowMatch> RecognizePublicationWindow(std::span<const Token> tokens, std::size_t pos) {
  std::size_t p = pos;
  if (PhraseAt(tokens, p, kThroughoutPhrases)) {
    p += 2;
  } else if (AnyWordAt(tokens, p, kDuringPrepositions)) {
    ++p;
  }
  bool first = false;
  if (AnyWordAt(tokens, p, kFirstWords)) {
    first = true;
    ++p;
  }
  int count = 0;
  if (auto number = RecognizeNumber(tokens, p)) {
    if (number->value < 1 || number->value > kMaxWindowHours) return std::nullopt;
    count = static_cast<int>(number->value);
    p += number->length;
  }
  if (!first && count == 0) return std::nullopt;
  if (p >= tokens.size()) return std::nullopt;
  const int unit = UnitHours(tokens[p]);
  if (unit == 0) return std::nullopt;
  ++p;
  const std::size_t after = AfterWordLength(tokens, p);
  if (after == 0) return std::nullopt;
  p += after;
  if (AnyWordAt(tokens, p, kPublicationPronouns)) ++p;  // "после их публикации"
  if (p >= tokens.size() || tokens[p].kind != TokenKind::kWord ||
      Lexicon::Instance().LookupWord(tokens[p].text) != Concept::kPublicationNoun) {
    return std::nullopt;
  }
  ++p;
  p += EachTailLength(tokens, p);
  const long hours = static_cast<long>(unit) * (count == 0 ? 1 : count);
  if (hours > kMaxWindowHours) return std::nullopt;
  return WindowMatch{static_cast<int>(hours), p - pos};
}

}  // namespace videobot::nl
