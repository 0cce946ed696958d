#include "nl/grounding.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "nl/analysis.hpp"
#include "nl/comparison_question.hpp"
#include "nl/linker.hpp"
#include "nl/normalizer.hpp"
#include "nl/period_resolver.hpp"
#include "nl/scanner.hpp"
#include "nl/screening.hpp"
#include "nl/tokenizer.hpp"

namespace videobot::nl {
namespace {

template <typename T>
void AddUnique(std::vector<T>& values, T value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(std::move(value));
}

// Reads the literals of one scanned question.
class LiteralReader {
 public:
  LiteralReader(const Mentions& mentions, const std::vector<bool>& written_comparison, const plan::TimeContext& context)
      : mentions_(mentions),
        written_comparison_(written_comparison),
        context_(context),
        consumed_(mentions.size(), false) {}

  plan::Literals Read() {
    ReadTimeRanges();
    for (std::size_t i = 0; i < mentions_.size(); ++i) ReadMention(i);
    return std::move(literals_);
  }

 private:
  // «с 10:00 до 15:00 … 28 ноября»: times of day joined to the one day they belong to, as the
  // parser's linker does; the day is then part of that period, not a period of its own.
  void ReadTimeRanges() {
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& times = mentions_[i];
      if (times.kind != MentionKind::kPeriod || !times.period.time_only) continue;
      consumed_[i] = true;
      std::optional<std::size_t> day;
      bool several = false;
      for (std::size_t k = 0; k < mentions_.size(); ++k) {
        const Mention& other = mentions_[k];
        if (k == i || other.kind != MentionKind::kPeriod || other.period.time_only || consumed_[k]) continue;
        if (!JoinTimesWithDay(times.period, other.period)) continue;
        several = several || day.has_value();
        day = k;
      }
      if (!day || several) {
        AddUnique(literals_.unreadable, std::string(times.text));
        continue;
      }
      consumed_[*day] = true;
      AddPeriod(*JoinTimesWithDay(times.period, mentions_[*day].period),
                std::string(times.text) + " " + std::string(mentions_[*day].text),
                SaidAsMoment(i) || SaidAsMoment(*day));
    }
  }

  // «на 28 ноября», «по состоянию на 10:00 28.11.2025»: a period said as a moment, by its own
  // words or by a moment word just before it (the parser's reading, ReadMoment in frame.cpp).
  [[nodiscard]] bool SaidAsMoment(std::size_t i) const {
    if (mentions_[i].period.as_of) return true;
    for (std::size_t k = i; k > 0; --k) {
      const Mention& before = mentions_[k - 1];
      if (before.Is(Concept::kAsOf)) return true;
      if (!before.IsPunct(',') && before.kind != MentionKind::kPeriod) return false;
    }
    return false;
  }

  void AddMoment(const PeriodExpr& expr, std::string text) {
    auto moment = ResolveMoment(expr, context_);
    if (!moment) {
      AddUnique(literals_.unreadable, std::move(text));
      return;
    }
    literals_.moments.push_back(plan::MomentLiteral{*moment, std::move(text)});
  }

  void AddPeriod(const PeriodExpr& expr, std::string text, bool moment) {
    if (moment) {
      AddMoment(expr, std::move(text));
      return;
    }
    auto period = ResolvePeriod(expr, context_);
    if (!period) {
      AddUnique(literals_.unreadable, std::move(text));
      return;
    }
    for (const plan::PeriodLiteral& known : literals_.periods) {
      if (known.period == *period) return;
    }
    literals_.periods.push_back(plan::PeriodLiteral{*period, std::move(text)});
  }

  void AddComparison(const Mention& mention, bool written) {
    std::vector<std::int64_t>& target = written ? literals_.numbers : literals_.implied_numbers;
    AddUnique(target, mention.comparison.value);
    if (mention.comparison.second_op) AddUnique(target, mention.comparison.second_value);
  }

  void ReadMention(std::size_t i) {
    const Mention& mention = mentions_[i];
    switch (mention.kind) {
      case MentionKind::kCreatorId: AddUnique(literals_.creator_ids, std::string(mention.text)); break;
      case MentionKind::kVideoId: AddUnique(literals_.video_ids, std::string(mention.text)); break;
      case MentionKind::kMalformedId:
      case MentionKind::kBadNumber: AddUnique(literals_.unreadable, std::string(mention.text)); break;
      case MentionKind::kNumber:
      case MentionKind::kPublicationWindow:
        // The hours of «UTC+3» belong to the zone, not to the numbers.
        if (!mention.used) AddUnique(literals_.numbers, mention.number);
        break;
      case MentionKind::kComparison: AddComparison(mention, written_comparison_[i]); break;
      case MentionKind::kPeriod:
        if (!consumed_[i]) AddPeriod(mention.period, std::string(mention.text), SaidAsMoment(i));
        break;
      case MentionKind::kWord:
      case MentionKind::kUnknown:
      case MentionKind::kPunct: break;
    }
  }

  const Mentions& mentions_;
  const std::vector<bool>& written_comparison_;
  const plan::TimeContext& context_;
  std::vector<bool> consumed_;
  plan::Literals literals_;
};

}  // namespace

Result<plan::Literals> ExtractQuestionLiterals(std::string_view question, const plan::TimeContext& context) {
  auto normalized = Normalize(question);
  if (!normalized) {
    return Fail(normalized.error().code, "Вопрос не удалось прочитать: " + normalized.error().message + ".");
  }
  // A period after «по сравнению с» is side B of a comparison, not an open period «с …».
  const std::string text = ReadComparisonSides(std::move(*normalized));
  const std::vector<Token> tokens = Tokenize(text);
  Analysis analysis;
  analysis.mentions = Scan(tokens);
  analysis.bound_noun.assign(analysis.mentions.size(), false);
  // Comparisons written with a number, before the word forms («хотя бы одну жалобу», «без
  // жалоб») are turned into comparisons too.
  std::vector<bool> written_comparison(analysis.mentions.size(), false);
  for (std::size_t i = 0; i < analysis.mentions.size(); ++i) {
    written_comparison[i] = analysis.mentions[i].kind == MentionKind::kComparison;
  }
  LinkImplicitComparisons(analysis);
  // A zone named in the question reads its year-less dates there, as the parser does.
  const auto zone = NamedTimeZone(analysis);
  const plan::TimeContext local{context.now, zone && *zone ? **zone : context.offset};
  plan::Literals literals = LiteralReader(analysis.mentions, written_comparison, local).Read();
  if (zone)
    literals.time_zone = *zone;
  else
    literals.unreadable.emplace_back("часовой пояс");
  return literals;
}

}  // namespace videobot::nl
