#include "nl/comparison_question.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "nl/analysis.hpp"
#include "nl/date_recognizer.hpp"
#include "nl/mention.hpp"
#include "nl/scanner.hpp"
#include "nl/token_match.hpp"
#include "nl/tokenizer.hpp"
#include "nl/word_tables.hpp"
#include "plan/validator.hpp"

namespace videobot::nl {
namespace {

using plan::CompareMode;

constexpr std::string_view kExample = "На сколько больше просмотров набрали видео 28 ноября 2025, чем 27 ноября 2025?";

Unexpected Refuse(ErrorCode code, const std::string& reason) {
  return Fail(code, "Сравнение не разобрано: " + reason + ". Пример вопроса: «" + std::string(kExample) + "»");
}

/// The tokens of a text with their byte offsets in it. The tokens view `value`, so a Text is
/// built in place and never copied or moved.
struct Text {
  explicit Text(std::string text) : value(std::move(text)), tokens(Tokenize(value)) {}
  Text(const Text&) = delete;
  Text& operator=(const Text&) = delete;

  std::string value;
  std::vector<Token> tokens;
  [[nodiscard]] std::size_t Begin(std::size_t i) const {
    return static_cast<std::size_t>(tokens[i].text.data() - value.data());
  }
  [[nodiscard]] std::size_t End(std::size_t i) const { return Begin(i) + tokens[i].text.size(); }
  [[nodiscard]] bool WordAt(std::size_t i, std::string_view word) const {
    return i < tokens.size() && tokens[i].text == word;
  }
  [[nodiscard]] bool AnyWordAt(std::size_t i, std::span<const std::string_view> words) const {
    return i < tokens.size() && IsListedWord(tokens[i].text, words);
  }
};

std::string Trim(std::string_view text) {
  const auto junk = [](char c) { return c == ' ' || c == '?' || c == '.' || c == ',' || c == '!'; };
  while (!text.empty() && junk(text.front())) text.remove_prefix(1);
  while (!text.empty() && junk(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// Where the words naming side B start and end («чем», «по сравнению с», «против» …).
struct Marker {
  std::size_t first = 0;
  std::size_t end = 0;  ///< one past the last token
};

// «чем» as a comparison of two values, not a threshold («больше, чем 1000»): a lexicon word of
// its own, not inside a recognised comparison with a number.
bool IsFreeWord(const Mentions& mentions, std::size_t token, Concept meaning) {
  for (const Mention& mention : mentions) {
    if (token >= mention.first_token && token < mention.end_token) return mention.Is(meaning) && !mention.explanatory;
  }
  return false;
}

// A word the lexicon does not know, outside an explanation («против»).
bool IsFreeUnknown(const Mentions& mentions, std::size_t token) {
  for (const Mention& mention : mentions) {
    if (token >= mention.first_token && token < mention.end_token) {
      return mention.kind == MentionKind::kUnknown && !mention.explanatory;
    }
  }
  return false;
}

std::optional<Marker> FindMarker(const Text& text, const Mentions& mentions) {
  for (std::size_t i = 0; i < text.tokens.size(); ++i) {
    if (text.WordAt(i, kThanWord) && IsFreeWord(mentions, i, Concept::kCompare)) return Marker{i, i + 1};
    if (PhraseAt(text.tokens, i, kCompareWithPhrases) && IsFreeWord(mentions, i + 1, Concept::kCompare)) {
      const bool with = AnyWordAt(text.tokens, i + 2, kWithWords);
      return Marker{i, i + (with ? 3 : 2)};
    }
    if (AnyWordAt(text.tokens, i, kAgainstWords) && IsFreeUnknown(mentions, i)) {
      return Marker{i, i + 1};
    }
  }
  return std::nullopt;
}

bool IsOneOf(std::string_view word, std::span<const std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsCompareVerb(std::string_view word) { return IsOneOf(word, kCompareVerbs); }

bool IsPercentWord(const Token& token) { return IsOneOf(token.text, kPercentWords); }

// The cues of a comparison question.
struct Cues {
  std::optional<Marker> marker;
  std::optional<std::size_t> verb;      ///< «сравни»
  std::optional<std::size_t> how_much;  ///< «на» of «на сколько» (or «насколько»)
  std::optional<std::size_t> percent;
  std::optional<std::size_t> more_or_less;
  bool less = false;
};

// «на сколько» (at its «на») or «насколько» at token i.
bool IsHowMuch(const Text& text, std::size_t i) {
  const std::string_view word = text.tokens[i].text;
  return (word == kHowMuchPreposition && text.WordAt(i + 1, kHowManyWord)) || word == kHowMuchFused;
}

Cues FindCues(const Text& text, const Mentions& mentions) {
  Cues cues;
  cues.marker = FindMarker(text, mentions);
  for (std::size_t i = 0; i < text.tokens.size(); ++i) {
    const std::string_view word = text.tokens[i].text;
    if (IsCompareVerb(word) && !cues.verb) cues.verb = i;
    if (!cues.how_much && IsHowMuch(text, i)) cues.how_much = i;
    if (cues.how_much && !cues.percent && IsPercentWord(text.tokens[i]) && i > *cues.how_much) cues.percent = i;
    if (!cues.more_or_less && (word == kMoreWord || word == kLessWord)) {
      // «больше 1000 лайков» is a threshold, not the comparison.
      const bool in_threshold = std::any_of(mentions.begin(), mentions.end(), [i](const Mention& m) {
        return m.kind == MentionKind::kComparison && i >= m.first_token && i < m.end_token;
      });
      if (!in_threshold) {
        cues.more_or_less = i;
        cues.less = word == kLessWord;
      }
    }
  }
  return cues;
}

// The text with the tokens in `drop` removed.
std::string WithoutTokens(const Text& text, const std::vector<std::size_t>& drop) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i : drop) {
    out += text.value.substr(copied, text.Begin(i) - copied);
    copied = text.End(i);
  }
  out += text.value.substr(copied);
  return out;
}

// Side B's words in the question: case forms a period after «с»/«против» takes that the date
// words do not know («октябрём», «прошлой неделей»), put in the form they know.
std::string NormaliseSideB(std::string text) {
  for (const auto& [from, to] : kSideBPeriodForms) {
    const auto at = text.find(from);
    if (at != std::string::npos) text.replace(at, from.size(), to);
  }
  return text;
}

enum class Kind { kPeriod, kCreator, kMetric };

// The one compared thing a text names: a period, a creator id or a metric word.
struct Alternative {
  Kind kind = Kind::kPeriod;
  std::size_t first = 0;  ///< tokens
  std::size_t end = 0;
  Concept metric = Concept::kFiller;
};

std::vector<Alternative> FindAlternatives(const Mentions& mentions) {
  std::vector<Alternative> found;
  for (const Mention& mention : mentions) {
    if (mention.explanatory) continue;
    if (mention.kind == MentionKind::kPeriod) found.push_back({Kind::kPeriod, mention.first_token, mention.end_token});
    if (mention.kind == MentionKind::kCreatorId)
      found.push_back({Kind::kCreator, mention.first_token, mention.end_token});
    if (IsMetricMention(mention)) {
      found.push_back({Kind::kMetric, mention.first_token, mention.end_token, mention.meaning});
    }
  }
  return found;
}

std::vector<Alternative> OfKind(const std::vector<Alternative>& all, Kind kind) {
  std::vector<Alternative> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [kind](const Alternative& a) { return a.kind == kind; });
  return out;
}

bool HasFourDigitYear(const Text& text, std::size_t first, std::size_t end) {
  for (std::size_t i = first; i < end; ++i) {
    if (text.tokens[i].kind == TokenKind::kNumber && text.tokens[i].text.size() == 4) return true;
  }
  return false;
}

// Whether side B's words before its thing («у креатора») repeat, in order, words shortly before
// side A's thing («у видео креатора»).
bool RepeatsWordsBefore(const Text& side_a, std::size_t a_first, const Text& side_b, std::size_t b_first) {
  constexpr std::size_t kWindow = 4;
  std::size_t k = a_first;
  const std::size_t stop = a_first > kWindow ? a_first - kWindow : 0;
  for (std::size_t j = b_first; j > 0; --j) {
    while (k > stop && side_a.tokens[k - 1].text != side_b.tokens[j - 1].text) --k;
    if (k == stop) return false;
    --k;
  }
  return true;
}

// The questions of both sides: side A's template, and that template with side A's thing replaced
// by side B's. Side B's words before its thing must repeat words before side A's («креатора X …
// креатора Y»); words after it («…, чем лайков набрали видео») belong to both sides.
Result<std::pair<std::string, std::string>> SideQuestions(const Text& side_a, const Text& side_b) {
  const Mentions b_mentions = Scan(side_b.tokens);
  const auto b_things = FindAlternatives(b_mentions);
  if (b_things.empty()) {
    return Refuse(ErrorCode::kQuestionUnsupported,
                  "после «чем», «по сравнению с», «против» или «и» нужен период, id креатора или метрика");
  }
  const Alternative b = b_things.front();
  const auto a_things = OfKind(FindAlternatives(Scan(side_a.tokens)), b.kind);
  if (a_things.size() != 1) {
    return Refuse(ErrorCode::kQuestionAmbiguous, "непонятно, с чем из вопроса сравнивать «" + Trim(side_b.value) + "»");
  }
  const Alternative a = a_things.front();
  if (!RepeatsWordsBefore(side_a, a.first, side_b, b.first)) {
    return Refuse(ErrorCode::kQuestionNotUnderstood, "непонятно, что сравнивается: «" + Trim(side_b.value) + "»");
  }
  std::string b_thing = side_b.value.substr(side_b.Begin(b.first), side_b.End(b.end - 1) - side_b.Begin(b.first));
  // «за 28 ноября и 27 ноября»: side A's preposition holds for side B too.
  const auto is_preposition = [](std::string_view word) { return IsOneOf(word, kPeriodPrepositions); };
  if (b.kind == Kind::kPeriod && is_preposition(side_a.tokens[a.first].text) &&
      !is_preposition(side_b.tokens[b.first].text)) {
    b_thing = std::string(side_a.tokens[a.first].text) + " " + b_thing;
  }
  // «28 ноября 2025 … чем 27 ноября»: the year said once holds for both sides.
  if (b.kind == Kind::kPeriod && HasFourDigitYear(side_a, a.first, a.end) &&
      !HasFourDigitYear(side_b, b.first, b.end) && side_a.tokens[a.end - 1].kind == TokenKind::kNumber &&
      side_b.tokens[b.end - 1].kind == TokenKind::kWord) {
    b_thing += " " + std::string(side_a.tokens[a.end - 1].text);
  }
  std::string a_text = side_a.value;
  // «за октябрь и ноябрь 2025»: the same the other way round.
  if (b.kind == Kind::kPeriod && HasFourDigitYear(side_b, b.first, b.end) &&
      !HasFourDigitYear(side_a, a.first, a.end) && side_b.tokens[b.end - 1].kind == TokenKind::kNumber &&
      side_a.tokens[a.end - 1].kind == TokenKind::kWord) {
    a_text.insert(side_a.End(a.end - 1), " " + std::string(side_b.tokens[b.end - 1].text));
  }
  const std::string shared_tail = b.end < side_b.tokens.size() ? Trim(side_b.value.substr(side_b.Begin(b.end))) : "";
  const std::string tail = shared_tail.empty() ? "" : " " + shared_tail;
  std::string a_question = a_text + tail;
  std::string b_question =
      side_a.value.substr(0, side_a.Begin(a.first)) + b_thing + side_a.value.substr(side_a.End(a.end - 1)) + tail;
  return std::pair{std::move(a_question), std::move(b_question)};
}

// The comparison plan from the plans of the two sides, which must differ only in the compared
// thing.
Result<plan::Plan> Combine(plan::Plan a, const plan::Plan& b, CompareMode mode) {
  if (a.series || b.series || a.group_by || b.group_by) {
    return Refuse(ErrorCode::kQuestionUnsupported, "сравниваются два числа, а не ряды или рейтинги");
  }
  plan::CompareWith with;
  if (a.filters.creator_ids != b.filters.creator_ids) with.creator_ids = b.filters.creator_ids;
  if (a.filters.published != b.filters.published) with.published = b.filters.published;
  if (a.filters.measured != b.filters.measured) with.measured = b.filters.measured;
  if (a.field != b.field) with.field = b.field;
  if (a.as_of != b.as_of) with.as_of = b.as_of;
  plan::Plan b_as_a = b;
  b_as_a.filters.creator_ids = a.filters.creator_ids;
  b_as_a.filters.published = a.filters.published;
  b_as_a.filters.measured = a.filters.measured;
  b_as_a.field = a.field;
  b_as_a.as_of = a.as_of;
  if (b_as_a != a) {
    return Refuse(ErrorCode::kQuestionAmbiguous,
                  "стороны сравнения понимаются по-разному (не только периодом, креатором или метрикой) — спросите о "
                  "каждой отдельно");
  }
  if (with.creator_ids && (with.creator_ids->empty() || a.filters.creator_ids.empty())) {
    return Refuse(ErrorCode::kQuestionAmbiguous, "у каждой стороны сравнения должен быть свой креатор");
  }
  if (!with.creator_ids && !with.published && !with.measured && !with.field && !with.as_of) {
    return Refuse(ErrorCode::kQuestionAmbiguous, "обе стороны сравнения получились одинаковыми");
  }
  a.compare = plan::Comparison{mode, std::move(with)};
  if (!plan::CheckSemantics(a)) {
    return Refuse(ErrorCode::kQuestionAmbiguous,
                  "у одной из сторон сравнения нет своего периода, креатора или метрики");
  }
  return a;
}

// «на сколько больше …», «насколько больше …» → «сколько …»: each side asks for an amount.
void DropHowMuchPreposition(std::string& text) {
  const std::string spaced = std::string(kHowMuchPreposition) + " " + std::string(kHowManyWord);
  if (text.starts_with(spaced)) text.erase(0, kHowMuchPreposition.size() + 1);
  if (text.starts_with(kHowMuchFused)) text.erase(0, kHowMuchFused.size() - kHowManyWord.size());
}

// A day of the month written as a bare number: «27».
bool IsBareDay(const Token& token) { return token.kind == TokenKind::kNumber && token.text.size() <= 2; }

// Words that join two compared days: «27 и 28 ноября», «28, чем 27 ноября», «27 против 28 ноября».
std::size_t DayJoinerLength(const Text& text, std::size_t at) {
  if (text.WordAt(at, ",") && text.WordAt(at + 1, kThanWord)) return 2;
  if (text.WordAt(at, ",") || text.AnyWordAt(at, kDayJoinWords)) return 1;
  return 0;
}

// «за 27 и 28 ноября 2025»: the month (and year) said once after the second day belong to the
// first day too, which gets them written out: «за 27 ноября 2025 и 28 ноября 2025».
std::string FillElidedMonths(std::string normalized) {
  const Text text(std::move(normalized));
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i + 3 < text.tokens.size(); ++i) {
    if (!IsBareDay(text.tokens[i]) || MonthFromWord(text.tokens[i + 1]) != 0) continue;
    const std::size_t joiner = DayJoinerLength(text, i + 1);
    const std::size_t day = i + 1 + joiner;
    if (joiner == 0 || day + 1 >= text.tokens.size() || !IsBareDay(text.tokens[day])) continue;
    if (MonthFromWord(text.tokens[day + 1]) == 0) continue;
    std::size_t last = day + 1;
    const bool has_year = last + 1 < text.tokens.size() && text.tokens[last + 1].kind == TokenKind::kNumber &&
                          text.tokens[last + 1].text.size() == 4;
    if (has_year) ++last;
    out += text.value.substr(copied, text.End(i) - copied) + " " +
           text.value.substr(text.Begin(day + 1), text.End(last) - text.Begin(day + 1));
    copied = text.End(i);
  }
  out += text.value.substr(copied);
  return out;
}

}  // namespace

std::string ReadComparisonSides(std::string normalized) {
  normalized = FillElidedMonths(std::move(normalized));
  for (const std::string_view marker : kCompareWithMarkers) {
    for (auto at = normalized.find(marker); at != std::string::npos; at = normalized.find(marker, at + 1)) {
      const std::size_t word_end = marker.find(' ');
      normalized.erase(at + word_end, marker.size() - word_end - 1);
    }
  }
  return NormaliseSideB(std::move(normalized));
}

std::optional<Result<plan::Plan>> ParseComparison(std::string_view normalized, const ScalarParser& parse_scalar) {
  const Text text(FillElidedMonths(std::string{normalized}));
  const Mentions mentions = Scan(text.tokens);
  const Cues cues = FindCues(text, mentions);
  const bool verb_first = cues.verb && *cues.verb == 0;
  if (!cues.marker && !verb_first && !cues.percent) return std::nullopt;
  // Without «на сколько» or «сравни» the ordinary rules refuse the comparison words themselves.
  if (!verb_first && !cues.how_much) return std::nullopt;
  if (verb_first && (cues.percent || cues.how_much)) {
    return Refuse(ErrorCode::kQuestionNotUnderstood, "«сравни» и «на сколько» в одном вопросе");
  }
  const CompareMode mode = verb_first     ? CompareMode::kBoth
                           : cues.percent ? CompareMode::kPercent
                                          : CompareMode::kDifference;
  if (mode == CompareMode::kPercent && cues.less) {
    return Refuse(
        ErrorCode::kQuestionUnsupported,
        "процент считается как изменение A относительно B: спросите «на сколько процентов больше» или «изменилось»");
  }
  // Side A's words (the template) and side B's words.
  std::vector<std::size_t> drop;
  std::string side_b;
  std::size_t a_end = text.tokens.size();
  std::size_t a_first = 0;
  if (mode == CompareMode::kBoth) {
    a_first = 1;
    std::vector<std::size_t> ands;
    for (std::size_t i = 1; i < text.tokens.size(); ++i) {
      if (text.AnyWordAt(i, kSidesJoinWords)) ands.push_back(i);
    }
    if (cues.marker) {
      a_end = cues.marker->first;
      side_b = text.value.substr(text.End(cues.marker->end - 1));
    } else if (ands.size() == 1) {
      a_end = ands.front();
      side_b = text.value.substr(text.End(ands.front()));
    } else {
      return Refuse(ErrorCode::kQuestionAmbiguous, "после «сравни» нужны две стороны через одно «и»");
    }
  } else if (!cues.marker) {
    return Refuse(ErrorCode::kQuestionNotUnderstood,
                  "непонятно, с чем сравнивать: добавьте «чем …» или «по сравнению с …»");
  } else if (cues.marker->first < *cues.how_much) {
    // «По сравнению с октябрём, на сколько …»: side B ends at the first comma.
    std::size_t comma = cues.marker->end;
    while (comma < text.tokens.size() && !text.WordAt(comma, ",")) ++comma;
    if (comma >= text.tokens.size())
      return Refuse(ErrorCode::kQuestionNotUnderstood, "непонятно, где кончается сторона B");
    side_b = text.value.substr(text.End(cues.marker->end - 1), text.Begin(comma) - text.End(cues.marker->end - 1));
    a_first = comma + 1;
  } else {
    a_end = cues.marker->first;
    side_b = text.value.substr(text.End(cues.marker->end - 1));
  }
  if (cues.percent) drop.push_back(*cues.percent);
  if (cues.more_or_less) drop.push_back(*cues.more_or_less);
  std::sort(drop.begin(), drop.end());
  for (std::size_t i : drop) {
    if (i < a_first || i >= a_end)
      return Refuse(ErrorCode::kQuestionNotUnderstood, "непонятный порядок слов сравнения");
  }
  std::string template_text = WithoutTokens(text, drop);
  // Only side A's part of the question: cut what lies outside [a_first, a_end).
  const std::size_t removed_before = a_first < text.tokens.size() ? text.Begin(a_first) : text.value.size();
  std::size_t cut_end = a_end < text.tokens.size() ? text.Begin(a_end) : text.value.size();
  std::size_t removed_inside = 0;
  for (std::size_t i : drop) removed_inside += text.End(i) - text.Begin(i);
  cut_end -= removed_inside;
  template_text = template_text.substr(removed_before, cut_end - removed_before);
  // «На сколько больше просмотров …» asks for two amounts: each side is «сколько просмотров …».
  if (cues.more_or_less) {
    DropHowMuchPreposition(template_text);
  }
  if (mode == CompareMode::kBoth) template_text = std::string(kHowManyWord) + " " + template_text;
  const Text side_a(Trim(template_text));
  const Text side_b_text(NormaliseSideB(Trim(side_b)));
  auto questions = SideQuestions(side_a, side_b_text);
  if (!questions) return Unexpected{questions.error()};
  auto a_plan = parse_scalar(questions->first);
  if (!a_plan) return Unexpected{a_plan.error()};
  auto b_plan = parse_scalar(questions->second);
  if (!b_plan) return Unexpected{b_plan.error()};
  if (mode == CompareMode::kDifference && cues.less) return Combine(*b_plan, *a_plan, mode);
  return Combine(*a_plan, *b_plan, mode);
}

}  // namespace videobot::nl
