#pragma once
// Screening: the refusals decided before any mapping (requests to change data, code, questions
// about something else, unknown words, metrics the data does not have), and the final check
// that every meaningful mention was used.

#include "common/result.hpp"
#include "nl/analysis.hpp"
#include "plan/resolve.hpp"

namespace videobot::nl {

/// Refusals that need no mapping. Marks time-zone remarks ("по UTC") used when they agree with
/// the configured zone. Errors: kQuestionModification, kQuestionOutOfScope, kQuestionNotUnderstood.
Status Screen(Analysis& analysis, const plan::TimeContext& context);

/// Fails with kQuestionNotUnderstood naming the first meaningful mention no rule used, or
/// an explanatory remark that adds conditions of its own.
Status CheckAllUsed(const Analysis& analysis);

}  // namespace videobot::nl
