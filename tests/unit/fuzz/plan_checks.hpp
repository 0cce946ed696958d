#pragma once
// Properties every plan that leaves a plan source must have, shared by the fuzz and property
// tests.

#include <gtest/gtest.h>

#include <string_view>

#include "common/result.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::fuzz {

/// The fixed clock of the fuzz tests (2025-12-02T12:00:00Z, UTC).
plan::TimeContext TestTime();

/// For a parser outcome: an Error must carry a question_* code and a non-empty, well-formed
/// UTF-8 message; a plan must pass PlanIsSound.
::testing::AssertionResult QuestionOutcomeIsSound(const Result<plan::Plan>& outcome, const plan::TimeContext& time);

/// A plan must pass plan::ValidatePlan, survive a JSON round trip through plan::ParsePlan
/// unchanged, and (for a query) compile on both dialects to SQL made only of catalogue tokens
/// with parameters of known shapes.
::testing::AssertionResult PlanIsSound(const plan::Plan& plan, const plan::TimeContext& time);

}  // namespace videobot::fuzz
