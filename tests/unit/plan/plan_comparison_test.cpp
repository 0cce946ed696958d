#include "plan/plan_comparison.hpp"

#include <gtest/gtest.h>

namespace videobot::plan {
namespace {

const plan::TimeContext kContext{ToInstant(DateTime{Date{2025, 12, 10}, 12 * 3600}, UtcOffset{0}), UtcOffset{0}};

plan::Plan DeltaSumOn(Date day) {
  plan::Plan plan;
  plan.source = plan::Source::kSnapshots;
  plan.aggregate = plan::Aggregate::kSum;
  plan.field = plan::Field::kDeltaViews;
  plan.filters.measured = plan::Period{plan::PeriodBound{DateTime{day, 0}, false},
                                       plan::PeriodBound{DateTime{day, 0}, false}, std::nullopt, std::nullopt};
  return plan;
}

TEST(PlanComparison, IdenticalPlansAgree) {
  EXPECT_EQ(FindPlanDifference(DeltaSumOn(Date{2025, 11, 28}), DeltaSumOn(Date{2025, 11, 28}), kContext), std::nullopt);
}

TEST(PlanComparison, PeriodsCompareByResolvedRange) {
  plan::Plan by_dates = DeltaSumOn(Date{2025, 11, 28});
  plan::Plan by_times = by_dates;
  by_times.filters.measured->from = plan::PeriodBound{DateTime{Date{2025, 11, 28}, 0}, true};
  by_times.filters.measured->to = plan::PeriodBound{DateTime{Date{2025, 11, 29}, 0}, true};
  EXPECT_EQ(FindPlanDifference(by_dates, by_times, kContext), std::nullopt);

  plan::Plan other_day = DeltaSumOn(Date{2025, 11, 27});
  EXPECT_EQ(FindPlanDifference(by_dates, other_day, kContext), "/filters/measured/from");

  plan::Plan yesterday = by_dates;
  yesterday.filters.measured = plan::Period{std::nullopt, std::nullopt, plan::Relative::kYesterday, std::nullopt};
  const plan::TimeContext day_after{ToInstant(DateTime{Date{2025, 11, 29}, 3600}, UtcOffset{0}), UtcOffset{0}};
  EXPECT_EQ(FindPlanDifference(by_dates, yesterday, day_after), std::nullopt);
  EXPECT_TRUE(FindPlanDifference(by_dates, yesterday, kContext));
}

TEST(PlanComparison, ConditionsAndIdsCompareAsSets) {
  plan::Plan a;
  a.filters.conditions = {{plan::Field::kViews, plan::CompareOp::kGreater, 10},
                          {plan::Field::kLikes, plan::CompareOp::kLess, 5}};
  a.filters.creator_ids = {"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
  plan::Plan b = a;
  std::swap(b.filters.conditions[0], b.filters.conditions[1]);
  std::swap(b.filters.creator_ids[0], b.filters.creator_ids[1]);
  EXPECT_EQ(FindPlanDifference(a, b, kContext), std::nullopt);
  b.filters.conditions[0].value = 6;
  EXPECT_EQ(FindPlanDifference(a, b, kContext), "/filters/conditions/0/value");
}

TEST(PlanComparison, StateMomentsCompareByResolvedInstant) {
  plan::Plan end_of_day;
  end_of_day.source = plan::Source::kState;
  end_of_day.aggregate = plan::Aggregate::kSum;
  end_of_day.field = plan::Field::kViews;
  end_of_day.as_of = plan::Moment{DateTime{Date{2025, 11, 28}, 0}, false};
  plan::Plan next_day = end_of_day;
  next_day.as_of = plan::Moment{DateTime{Date{2025, 11, 29}, 0}, false};
  EXPECT_EQ(FindPlanDifference(end_of_day, next_day, kContext), "/as_of");
  // The first instant of 29 November includes a measurement stamped exactly then; the end of 28
  // November does not: different moments.
  plan::Plan midnight = end_of_day;
  midnight.as_of = plan::Moment{DateTime{Date{2025, 11, 29}, 0}, true};
  EXPECT_EQ(FindPlanDifference(end_of_day, midnight, kContext), "/as_of");
  EXPECT_EQ(FindPlanDifference(midnight, midnight, kContext), std::nullopt);
}

TEST(PlanComparison, StrictAndNonStrictThresholdsDiffer) {
  plan::Plan a;
  a.filters.conditions = {{plan::Field::kViews, plan::CompareOp::kGreater, 100000}};
  plan::Plan b = a;
  b.filters.conditions[0].op = plan::CompareOp::kGreaterEqual;
  EXPECT_EQ(FindPlanDifference(a, b, kContext), "/filters/conditions/0/op");
}

TEST(PlanComparison, RefusalsAgreeWhateverTheReason) {
  EXPECT_EQ(FindPlanDifference(plan::MakeRefusal(plan::RefusalReason::kOutOfScope),
                               plan::MakeRefusal(plan::RefusalReason::kNotUnderstood), kContext),
            std::nullopt);
  EXPECT_EQ(FindPlanDifference(plan::MakeRefusal(plan::RefusalReason::kModification), plan::Plan{}, kContext),
            "/action");
}

TEST(PlanComparison, DifferentAggregatesDiffer) {
  plan::Plan a = DeltaSumOn(Date{2025, 11, 28});
  plan::Plan b = a;
  b.aggregate = plan::Aggregate::kAvg;
  EXPECT_EQ(FindPlanDifference(a, b, kContext), "/aggregate");
}

}  // namespace
}  // namespace videobot::plan
