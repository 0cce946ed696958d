// The table of concept properties: one row per concept, and the metric rows tied to the catalogue.

#include <gtest/gtest.h>

#include "common/metrics.hpp"
#include "nl/concept_traits.hpp"
#include "plan/plan.hpp"

namespace videobot::nl {
namespace {

TEST(ConceptTraits, OneRowPerConceptInOrder) {
  ASSERT_EQ(kConceptTraits.size(), kConceptCount);
  for (std::size_t i = 0; i < kConceptCount; ++i) {
    EXPECT_EQ(static_cast<std::size_t>(kConceptTraits[i].meaning), i) << "row " << i;
  }
}

TEST(ConceptTraits, MetricRowsAreTheCatalogue) {
  const std::pair<Concept, const metrics::Metric*> expected[] = {{Concept::kViews, &metrics::kViews},
                                                                 {Concept::kLikes, &metrics::kLikes},
                                                                 {Concept::kComments, &metrics::kComments},
                                                                 {Concept::kReports, &metrics::kReports}};
  std::size_t metrics_in_table = 0;
  for (const ConceptTraits& row : kConceptTraits) metrics_in_table += row.metric != nullptr ? 1U : 0U;
  EXPECT_EQ(metrics_in_table, metrics::kAll.size());
  for (const auto& [meaning, metric] : expected) {
    EXPECT_EQ(TraitsOf(meaning).metric, metric);
    EXPECT_EQ(plan::MetricOf(CounterField(meaning)), metric);
    EXPECT_EQ(plan::MetricOf(DeltaField(meaning)), metric);
    EXPECT_FALSE(plan::IsDeltaField(CounterField(meaning)));
    EXPECT_TRUE(plan::IsDeltaField(DeltaField(meaning)));
  }
  EXPECT_EQ(CounterField(Concept::kViews), plan::Field::kViews);
  EXPECT_EQ(DeltaField(Concept::kReports), plan::Field::kDeltaReports);
}

TEST(ConceptTraits, NonMetricsHaveNoColumns) {
  EXPECT_THROW(CounterField(Concept::kVideo), std::logic_error);
  EXPECT_THROW(DeltaField(Concept::kUnsupportedMetric), std::logic_error);
  EXPECT_THROW(DeltaField(Concept::kMostViewed), std::logic_error);
}

TEST(ConceptTraits, AggregateWords) {
  EXPECT_EQ(TraitsOf(Concept::kSum).aggregate, plan::Aggregate::kSum);
  EXPECT_EQ(TraitsOf(Concept::kAvg).aggregate, plan::Aggregate::kAvg);
  EXPECT_EQ(TraitsOf(Concept::kMax).aggregate, plan::Aggregate::kMax);
  EXPECT_EQ(TraitsOf(Concept::kMin).aggregate, plan::Aggregate::kMin);
  EXPECT_FALSE(NamesPerItemAggregate(Concept::kSum));
  EXPECT_TRUE(NamesPerItemAggregate(Concept::kAvg));
  std::size_t aggregate_words = 0;
  for (const ConceptTraits& row : kConceptTraits) aggregate_words += row.aggregate.has_value() ? 1U : 0U;
  EXPECT_EQ(aggregate_words, 4U);
}

TEST(ConceptTraits, CountedNounsAndSuperlatives) {
  EXPECT_EQ(TraitsOf(Concept::kPublicationNoun).counts, TargetKind::kVideo);
  EXPECT_FALSE(IsObject(Concept::kPublicationNoun));
  EXPECT_EQ(TraitsOf(Concept::kLikes).counts, TargetKind::kMetric);
  EXPECT_FALSE(TraitsOf(Concept::kSum).counts.has_value());
  EXPECT_EQ(TraitsOf(Concept::kMostLiked).ranks_by, Concept::kLikes);
  for (const ConceptTraits& row : kConceptTraits) {
    if (row.ranks_by) {
      EXPECT_TRUE(IsMetric(*row.ranks_by));
    }
    if (row.bucket) {
      EXPECT_TRUE(row.series);
    }
    if (row.metric != nullptr) {
      EXPECT_EQ(row.counts, TargetKind::kMetric);
    }
  }
}

}  // namespace
}  // namespace videobot::nl
