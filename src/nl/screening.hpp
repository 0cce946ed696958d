#pragma once
// Screening: the refusals decided before any mapping (requests to change data, code, questions
// about something else, unknown words, metrics the data does not have), and the final check
// that every meaningful mention was used.

#include "common/result.hpp"
#include "nl/analysis.hpp"
#include "plan/resolve.hpp"

namespace videobot::nl {

/// Refusals that need no mapping. Errors: kQuestionModification, kQuestionOutOfScope,
/// kQuestionNotUnderstood.
Status Screen(Analysis& analysis, const plan::TimeContext& context);

/// The time zone the question names, its words marked used: «по московскому времени», «по
/// Москве», «МСК» are +03:00; «по UTC», «по Гринвичу», «GMT» are +00:00; «UTC+3», «(UTC+03:00)»,
/// «GMT-5» that offset. Nullopt when none is named. Two different zones, or an offset beyond
/// ±14 hours, are refused (kQuestionNotUnderstood).
Result<std::optional<UtcOffset>> NamedTimeZone(Analysis& analysis);

/// Fails with kQuestionNotUnderstood naming the first meaningful mention no rule used, or
/// an explanatory remark that adds conditions of its own.
Status CheckAllUsed(const Analysis& analysis);

}  // namespace videobot::nl
