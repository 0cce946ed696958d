#pragma once
// Turns a period as written (period_recognizer.hpp) into a plan period. Only a missing year
// needs the clock: «28 ноября» / «за ноябрь» mean the most recent such day / month that has
// started by now (in the configured time zone). Relative periods stay relative.

#include <string_view>

#include "common/result.hpp"
#include "nl/period_recognizer.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::nl {

/// The `path` of an error about a period or moment the question names (an impossible date, a year
/// out of range, …): a refusal's example then leaves that period out.
inline constexpr std::string_view kPeriodErrorPath = "/period";

/// The plan period for `expr`. Fails with kQuestionNotUnderstood for dates that do not exist
/// (31 ноября), years outside 1970–2100, a single moment ("в 10:00", "на 28 ноября") and times
/// of day without a day; with kQuestionReversedRange for an end before the start or an empty
/// range of times ("с 10:00 до 10:00"), naming `written` (the range as the user wrote it).
Result<plan::Period> ResolvePeriod(const PeriodExpr& expr, const plan::TimeContext& context,
                                   std::string_view written = {});

/// The moment of a state question: «на 28 ноября» is the end of that day, «на 10:00 28 ноября»
/// that instant, «на начало ноября» its first instant, «на конец ноября» the end of its last day.
/// A missing year is filled as for periods. Errors: kQuestionAmbiguous for a month or year
/// without «начало»/«конец» and for «к <дню>» (its start or its end); kQuestionNotUnderstood
/// for anything that is not one calendar point, and for dates that do not exist.
Result<plan::Moment> ResolveMoment(const PeriodExpr& expr, const plan::TimeContext& context);

/// Joins a range of times of day ("с 10:00 до 15:00") with the one day it belongs to (a period
/// covering exactly one day, "28 ноября"). Nullopt when `day` is not a single day.
std::optional<PeriodExpr> JoinTimesWithDay(const PeriodExpr& times, const PeriodExpr& day);

}  // namespace videobot::nl
