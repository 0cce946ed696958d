// A model's reply read as a plan: refusals that leave out or null what a refusal does not use.
#include "llm/llm_plan_source.hpp"

#include <gtest/gtest.h>

namespace videobot::llm {
namespace {

TEST(PlanFromReply, ARefusalWithNullFiltersIsARefusal) {
  const auto plan =
      PlanFromReply(R"({"action":"refuse","refusal_reason":"out_of_scope","source":null,"aggregate":null,"field":null,)"
                    R"("filters":null,"group_by":null,"order":null,"limit":null})");
  ASSERT_TRUE(plan) << plan.error().Describe();
  EXPECT_EQ(*plan, plan::MakeRefusal(plan::RefusalReason::kOutOfScope));
}

TEST(PlanFromReply, ARefusalWithoutQueryKeysOrReasonIsARefusal) {
  const auto bare = PlanFromReply(R"({"action":"refuse","refusal_reason":"modification"})");
  ASSERT_TRUE(bare) << bare.error().Describe();
  EXPECT_EQ(*bare, plan::MakeRefusal(plan::RefusalReason::kModification));
  const auto reasonless = PlanFromReply(
      R"(```json
{"action":"refuse","refusal_reason":null,"filters":{"creator_ids":null,"conditions":null}}
```)");
  ASSERT_TRUE(reasonless) << reasonless.error().Describe();
  EXPECT_EQ(*reasonless, plan::MakeRefusal(plan::RefusalReason::kNotUnderstood));
}

TEST(PlanFromReply, WhatARefusalDoesSayIsStillChecked) {
  const auto with_query = PlanFromReply(R"({"action":"refuse","refusal_reason":"ambiguous","source":"videos"})");
  ASSERT_FALSE(with_query);
  EXPECT_EQ(with_query.error().code, ErrorCode::kPlanSemantic);
  const auto bad_reason = PlanFromReply(R"({"action":"refuse","refusal_reason":"bored","filters":null})");
  ASSERT_FALSE(bad_reason);
  EXPECT_EQ(bad_reason.error().code, ErrorCode::kPlanSchema);
}

TEST(PlanFromReply, AQueryWithNullFiltersIsStillInvalid) {
  const auto plan =
      PlanFromReply(R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"count","field":null,)"
                    R"("filters":null,"group_by":null,"order":null,"limit":null})");
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kPlanSchema);
}

}  // namespace
}  // namespace videobot::llm
