#include "plan/literals.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "common/text.hpp"
#include "plan/plan_json.hpp"

namespace videobot::plan {
namespace {

template <typename T>
bool Contains(const std::vector<T>& values, const T& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

template <typename T>
void AddUnique(std::vector<T>& values, T value) {
  if (!Contains(values, value)) values.push_back(std::move(value));
}

std::string FormatBound(const PeriodBound& bound) {
  return bound.has_time ? FormatDateTime(bound.value) : FormatDate(bound.value.date);
}

// A period that restricts nothing (both ends open, not relative) is no period at all.
bool Restricts(const Period& period) { return period.from || period.to || period.relative; }

/// A discrepancy: the plan key it concerns and what is wrong, in Russian.
struct Gap {
  std::string path;
  std::string message;
};

class GroundingCheck {
 public:
  GroundingCheck(const Literals& question, const Plan& plan, const TimeContext& context)
      : question_(question), plan_(plan), held_(PlanLiterals(plan)), context_(context) {}

  Status Run() {
    for (const std::string& fragment : question_.unreadable) {
      Add("/", "в вопросе есть «" + fragment + "», что нельзя однозначно выразить планом");
    }
    CompareIds(question_.creator_ids, held_.creator_ids, "/filters/creator_ids", "id креатора");
    CompareIds(question_.video_ids, held_.video_ids, "/filters/video_ids", "id видео");
    CompareNumbers();
    ComparePeriods();
    CompareMoments();
    CompareZones();
    if (gaps_.empty()) return Ok{};
    std::string message;
    for (std::size_t i = 0; i < gaps_.size(); ++i) message += (i == 0 ? "" : "; ") + gaps_[i].message;
    return Fail(ErrorCode::kPlanUngrounded, std::move(message), gaps_.front().path);
  }

 private:
  void Add(std::string path, std::string message) { gaps_.push_back(Gap{std::move(path), std::move(message)}); }

  void CompareIds(const std::vector<std::string>& asked, const std::vector<std::string>& held, const std::string& path,
                  std::string_view what) {
    for (const std::string& id : asked) {
      if (!Contains(held, AsciiLower(id))) Add(path, Phrase(what, id, "есть в вопросе, но нет в плане"));
    }
    for (const std::string& id : held) {
      if (!Contains(asked, id)) Add(path, Phrase(what, id, "есть в плане, но нет в вопросе"));
    }
  }

  static std::string Phrase(std::string_view what, std::string_view value, std::string_view verdict) {
    return std::string(what) + " " + std::string(value) + " " + std::string(verdict);
  }

  // Where a plan number sits, for the path of a discrepancy.
  [[nodiscard]] std::string PathOf(std::int64_t number) const {
    for (std::size_t i = 0; i < plan_.filters.conditions.size(); ++i) {
      if (plan_.filters.conditions[i].value == number) return "/filters/conditions/" + std::to_string(i) + "/value";
    }
    if (plan_.filters.hours_after_publication == number) return "/filters/hours_after_publication";
    if (plan_.limit == number) return "/limit";
    return "/";
  }

  // Whether a plan number must have been written in the question: everywhere but in a sign
  // condition (value 0: «новые просмотры» is a delta > 0) and as the single winner of a
  // superlative (limit 1: «какой креатор …»).
  [[nodiscard]] bool NeedsQuestionNumber(std::int64_t number) const {
    const bool in_condition = std::any_of(plan_.filters.conditions.begin(), plan_.filters.conditions.end(),
                                          [number](const Condition& c) { return c.value == number; });
    if (in_condition && number != 0) return true;
    if (plan_.filters.hours_after_publication == number) return true;
    return plan_.limit == number && number != 1;
  }

  void CompareNumbers() {
    for (std::int64_t number : question_.numbers) {
      if (!Contains(held_.numbers, number)) {
        Add("/filters/conditions", "число " + std::to_string(number) + " есть в вопросе, но нет в плане");
      }
    }
    for (std::int64_t number : held_.numbers) {
      if (Contains(question_.numbers, number) || Contains(question_.implied_numbers, number)) continue;
      if (!NeedsQuestionNumber(number)) continue;
      Add(PathOf(number), "число " + std::to_string(number) + " есть в плане, но нет в вопросе");
    }
  }

  [[nodiscard]] InstantRange ResolveRange(const Period& period) const { return Resolve(period, context_); }

  void ComparePeriods() {
    std::vector<InstantRange> held;
    for (const PeriodLiteral& literal : held_.periods) held.push_back(ResolveRange(literal.period));
    std::vector<InstantRange> asked;
    for (const PeriodLiteral& literal : question_.periods) {
      const InstantRange range = ResolveRange(literal.period);
      asked.push_back(range);
      if (!Contains(held, range)) {
        Add("/filters",
            "период «" + literal.text + "» (" + DescribePeriod(literal.period) + ") есть в вопросе, но нет в плане");
      }
    }
    for (std::size_t i = 0; i < held.size(); ++i) {
      if (Contains(asked, held[i])) continue;
      const PeriodLiteral& literal = held_.periods[i];
      Add("/filters/" + literal.text,
          "период " + literal.text + " (" + DescribePeriod(literal.period) + ") есть в плане, но нет в вопросе");
    }
  }

  [[nodiscard]] Instant MomentEnd(const Moment& moment) const {
    Plan state;
    state.as_of = moment;
    return *ResolveMoment(state, context_);
  }

  void CompareMoments() {
    std::vector<Instant> held;
    for (const MomentLiteral& literal : held_.moments) held.push_back(MomentEnd(literal.moment));
    std::vector<Instant> asked;
    for (const MomentLiteral& literal : question_.moments) {
      asked.push_back(MomentEnd(literal.moment));
      if (!Contains(held, asked.back())) {
        Add("/as_of",
            "момент «" + literal.text + "» (" + FormatBound(literal.moment) + ") есть в вопросе, но нет в плане");
      }
    }
    for (std::size_t i = 0; i < held.size(); ++i) {
      if (Contains(asked, held[i])) continue;
      Add("/as_of", "момент " + FormatBound(held_.moments[i].moment) + " есть в плане, но нет в вопросе");
    }
  }

  // A zone named in the question must be the plan's, and a plan names none the question lacks.
  void CompareZones() {
    if (question_.time_zone == held_.time_zone) return;
    const auto name = [](const std::optional<UtcOffset>& zone) {
      return zone ? "UTC" + FormatUtcOffset(*zone) : std::string("не назван");
    };
    Add("/time_zone", "часовой пояс в вопросе: " + name(question_.time_zone) + ", в плане: " + name(held_.time_zone));
  }

  const Literals& question_;
  const Plan& plan_;
  Literals held_;
  const TimeContext& context_;
  std::vector<Gap> gaps_;
};

}  // namespace

namespace {

// Side B of a comparison holds its own ids, periods and moment.
void AddComparisonLiterals(const CompareWith& with, Literals& literals) {
  if (with.creator_ids) {
    for (const std::string& id : *with.creator_ids) AddUnique(literals.creator_ids, AsciiLower(id));
  }
  if (with.published && Restricts(*with.published)) {
    literals.periods.push_back(PeriodLiteral{*with.published, "compare/with/published"});
  }
  if (with.measured && Restricts(*with.measured)) {
    literals.periods.push_back(PeriodLiteral{*with.measured, "compare/with/measured"});
  }
  if (with.as_of) literals.moments.push_back(MomentLiteral{*with.as_of, "compare/with/as_of"});
}

}  // namespace

Literals PlanLiterals(const Plan& plan) {
  Literals literals;
  if (plan.action == Action::kRefuse) return literals;
  const Filters& filters = plan.filters;
  for (const std::string& id : filters.creator_ids) AddUnique(literals.creator_ids, AsciiLower(id));
  for (const std::string& id : filters.video_ids) AddUnique(literals.video_ids, AsciiLower(id));
  for (const Condition& condition : filters.conditions) AddUnique(literals.numbers, condition.value);
  if (filters.hours_after_publication) AddUnique(literals.numbers, std::int64_t{*filters.hours_after_publication});
  if (plan.limit) AddUnique(literals.numbers, std::int64_t{*plan.limit});
  if (filters.published && Restricts(*filters.published)) {
    literals.periods.push_back(PeriodLiteral{*filters.published, "published"});
  }
  if (filters.measured && Restricts(*filters.measured)) {
    literals.periods.push_back(PeriodLiteral{*filters.measured, "measured"});
  }
  if (plan.as_of) literals.moments.push_back(MomentLiteral{*plan.as_of, "as_of"});
  if (plan.compare) AddComparisonLiterals(plan.compare->with, literals);
  literals.time_zone = plan.time_zone;
  return literals;
}

Status CheckGrounded(const Literals& question, const Plan& plan, const TimeContext& context) {
  if (plan.action == Action::kRefuse) return Ok{};
  return GroundingCheck(question, plan, context).Run();
}

std::string DescribePeriod(const Period& period) {
  if (period.relative) {
    std::string text = "relative " + std::string(Name(*period.relative));
    if (period.count) text += " " + std::to_string(*period.count);
    return text;
  }
  std::string text;
  if (period.from) text += "с " + FormatBound(*period.from);
  if (period.to) text += std::string(text.empty() ? "" : " ") + "по " + FormatBound(*period.to);
  return text.empty() ? "без границ" : text;
}

}  // namespace videobot::plan
