#include "nl/scanner.hpp"

#include <algorithm>

#include "nl/comparison_recognizer.hpp"
#include "nl/lexicon.hpp"
#include "nl/number_recognizer.hpp"
#include "nl/period_recognizer.hpp"
#include "nl/publication_window_recognizer.hpp"

namespace videobot::nl {
namespace {

Mention Make(MentionKind kind, std::span<const Token> tokens, std::size_t pos, std::size_t length) {
  Mention mention;
  mention.kind = kind;
  mention.first_token = pos;
  mention.end_token = pos + length;
  // The text of the whole span (tokens are views into one normalised string).
  const Token& last = tokens[pos + length - 1];
  mention.text = std::string_view(
      tokens[pos].text.data(), static_cast<std::size_t>(last.text.data() + last.text.size() - tokens[pos].text.data()));
  return mention;
}

// A number, or digits and number words that make no usable number (too large, malformed).
std::optional<Mention> ReadNumberMention(std::span<const Token> tokens, std::size_t pos) {
  const NumberReading reading = ReadNumber(tokens, pos);
  if (reading.number) {
    Mention mention = Make(MentionKind::kNumber, tokens, pos, reading.number->length);
    mention.number = reading.number->value;
    return mention;
  }
  if (reading.problem == NumberProblem::kNone) return std::nullopt;
  Mention mention = Make(MentionKind::kBadNumber, tokens, pos, std::min(reading.length, tokens.size() - pos));
  mention.number_problem = reading.problem;
  return mention;
}

Mention Next(std::span<const Token> tokens, std::size_t pos) {
  const Token& token = tokens[pos];
  switch (token.kind) {
    case TokenKind::kCreatorId: return Make(MentionKind::kCreatorId, tokens, pos, 1);
    case TokenKind::kVideoId: return Make(MentionKind::kVideoId, tokens, pos, 1);
    case TokenKind::kMalformedId: return Make(MentionKind::kMalformedId, tokens, pos, 1);
    case TokenKind::kWord:
    case TokenKind::kNumber:
    case TokenKind::kPunct: break;
  }
  if (auto window = RecognizePublicationWindow(tokens, pos)) {
    Mention mention = Make(MentionKind::kPublicationWindow, tokens, pos, window->length);
    mention.number = window->hours;
    return mention;
  }
  if (auto period = RecognizePeriod(tokens, pos)) {
    Mention mention = Make(MentionKind::kPeriod, tokens, pos, period->length);
    mention.period = *period;
    return mention;
  }
  const Lexicon& lexicon = Lexicon::Instance();
  if (auto phrase = lexicon.MatchPhrase(tokens, pos)) {
    Mention mention = Make(MentionKind::kWord, tokens, pos, phrase->length);
    mention.meaning = phrase->meaning;
    return mention;
  }
  if (auto comparison = RecognizeComparison(tokens, pos)) {
    Mention mention = Make(MentionKind::kComparison, tokens, pos, comparison->length);
    mention.comparison = *comparison;
    return mention;
  }
  if (token.kind == TokenKind::kNumber || (token.kind == TokenKind::kPunct && token.text == "-")) {
    if (auto number = ReadNumberMention(tokens, pos)) return *number;
  }
  if (token.kind == TokenKind::kWord) {
    if (auto meaning = lexicon.LookupWord(token.text)) {
      Mention mention = Make(MentionKind::kWord, tokens, pos, 1);
      mention.meaning = *meaning;
      return mention;
    }
    // Number words that are not determiners ("сто", "пять").
    if (auto number = ReadNumberMention(tokens, pos)) return *number;
  }
  // A run of operator characters no comparison took (">< 5", "> тысяч"): one mention, which
  // the screening refuses.
  if (const std::size_t run = OperatorRunLength(tokens, pos)) return Make(MentionKind::kPunct, tokens, pos, run);
  if (token.kind == TokenKind::kPunct) return Make(MentionKind::kPunct, tokens, pos, 1);
  return Make(MentionKind::kUnknown, tokens, pos, 1);
}

bool EndsSentence(const Mention& mention) {
  return mention.IsPunct('.') || mention.IsPunct('?') || mention.IsPunct('!') || mention.IsPunct(';');
}

// Marks explanatory segments (see scanner.hpp).
void MarkExplanations(Mentions& mentions) {
  bool explaining = false;
  int depth_at_start = 0;
  int depth = 0;
  for (auto& mention : mentions) {
    if (mention.IsPunct('(')) ++depth;
    if (mention.IsPunct(')')) {
      --depth;
      if (explaining && depth < depth_at_start) explaining = false;
    }
    if (mention.Is(Concept::kExplain)) {
      explaining = true;
      depth_at_start = depth;
    }
    if (explaining) mention.explanatory = true;
    if (explaining && EndsSentence(mention)) explaining = false;
  }
  // After the first "?" that has words after it, the rest explains the question.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (!mentions[i].IsPunct('?')) continue;
    bool words_follow = false;
    for (std::size_t k = i + 1; k < mentions.size() && !words_follow; ++k) {
      words_follow = mentions[k].kind != MentionKind::kPunct;
    }
    if (!words_follow) break;
    for (std::size_t k = i + 1; k < mentions.size(); ++k) mentions[k].explanatory = true;
    break;
  }
}

}  // namespace

Mentions Scan(std::span<const Token> tokens) {
  Mentions mentions;
  mentions.reserve(tokens.size());
  std::size_t pos = 0;
  while (pos < tokens.size()) {
    Mention mention = Next(tokens, pos);
    pos = mention.end_token;
    mentions.push_back(mention);
  }
  MarkExplanations(mentions);
  return mentions;
}

}  // namespace videobot::nl
