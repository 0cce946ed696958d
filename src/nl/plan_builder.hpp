#pragma once
// The plan builder: maps linked mentions to a plan by the rules of DOMAIN.md (what is counted,
// which table, which period is a publication filter and which a measurement filter), and
// refuses whenever a rule cannot decide or a meaningful mention is left unused.

#include "common/result.hpp"
#include "nl/analysis.hpp"
#include "nl/frame.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::nl {

/// The plan for an analysed question. Errors: kQuestionModification, kQuestionOutOfScope,
/// kQuestionNotUnderstood, each with a short Russian reason (no example: the parser adds it).
Result<plan::Plan> BuildPlan(Analysis& analysis, const plan::TimeContext& context);

/// The frame (frame.hpp) of an analysed question once it is screened and linked and its target
/// found, before a question family is chosen; the Error that refuses it before then otherwise.
Result<Frame> ReadFrame(Analysis& analysis, const plan::TimeContext& context);

}  // namespace videobot::nl
