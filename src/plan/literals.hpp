#pragma once
// The literal values of a question or a plan — ids, numbers, periods — and the grounding check
// that compares them: a plan from an untrusted source (the language model) is accepted only when
// it holds exactly the ids, numbers, dates and times the question contains. What a plan does with
// them (the metric, the aggregate, which period filters what) is beyond this check.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::plan {

/// A period with the words it was read from (a question's) or the plan key it sits under.
struct PeriodLiteral {
  Period period;
  std::string text;  ///< «28 ноября 2025» as written, or "published" / "measured" for a plan
};

/// A moment of a state question («на 28 ноября», «по состоянию на 10:00 28.11.2025») with the
/// words it was read from, or "as_of" for a plan.
struct MomentLiteral {
  Moment moment;
  std::string text;
};

/// The literal values of a question or a plan.
struct Literals {
  std::vector<std::string> creator_ids;  ///< lower-case, unique, in order of appearance
  std::vector<std::string> video_ids;    ///< lower-case, unique, in order of appearance
  /// Numbers written in the question (thresholds, N of «первые N часов», N of «топ-N») or held
  /// by a plan (condition values, hours_after_publication, limit). Numbers inside periods
  /// (days, years, N of «последние N дней») belong to `periods`.
  std::vector<std::int64_t> numbers;
  /// Numbers a question implies in words («хотя бы одну жалобу» is >= 1): a plan may hold them,
  /// need not. Questions only.
  std::vector<std::int64_t> implied_numbers;
  std::vector<PeriodLiteral> periods;
  std::vector<MomentLiteral> moments;
  /// Question fragments that no plan can hold: ids of a wrong shape, dates that do not exist,
  /// a single moment, times of day without a day. Questions only; any plan is ungrounded then.
  std::vector<std::string> unreadable;
  /// The time zone the question names («по Москве» → +03:00), or the plan's `time_zone`.
  std::optional<UtcOffset> time_zone;
};

/// The literals `plan` holds: its ids, the values of its conditions, hours_after_publication,
/// its limit, its periods that restrict anything and its moment. A refusal holds none.
Literals PlanLiterals(const Plan& plan);

/// Ok when `plan` is grounded in a question with literals `question`: every id, number and
/// period of the question is in the plan, and the plan holds none the question lacks. Periods
/// compare by the instants they resolve to at `context`, so «28 ноября 2025» matches
/// 2025-11-28..2025-11-28 as well as 2025-11-28T00:00..2025-11-29T00:00, and «вчера» matches
/// yesterday's date; moments compare by the instant the state is taken at. Two plan numbers need no number in the
/// question: a condition value 0 (a sign: «новые просмотры» is a delta > 0) and a limit of 1 (a singular superlative:
/// «какой креатор …»). A refusal is always grounded. Fails with kPlanUngrounded whose message lists every discrepancy,
/// separated by «; » (in Russian: «число 1000 есть в плане, но нет в вопросе»), and whose path is the plan key of the
/// first one.
Status CheckGrounded(const Literals& question, const Plan& plan, const TimeContext& context);

/// "с 2025-11-28 по 2025-11-28", "relative last_n_days 7", "с 2025-11-28T10:00:00": a period in
/// the plan's own terms, for messages to the model.
std::string DescribePeriod(const Period& period);

}  // namespace videobot::plan
