#include "plan/plan.hpp"

#include <stdexcept>

namespace videobot::plan {

Plan MakeRefusal(RefusalReason reason) {
  Plan plan;
  plan.action = Action::kRefuse;
  plan.refusal_reason = reason;
  return plan;
}

Plan ComparisonSideA(const Plan& plan) {
  Plan side = plan;
  side.compare.reset();
  return side;
}

Plan ComparisonSideB(const Plan& plan) {
  Plan side = ComparisonSideA(plan);
  if (!plan.compare) return side;
  const CompareWith& with = plan.compare->with;
  if (with.creator_ids) side.filters.creator_ids = *with.creator_ids;
  if (with.published) side.filters.published = with.published;
  if (with.measured) side.filters.measured = with.measured;
  if (with.field) side.field = with.field;
  if (with.as_of) side.as_of = with.as_of;
  return side;
}

bool IsNumericField(Field field) { return field <= Field::kDeltaReports; }

bool IsDeltaField(Field field) { return field >= Field::kDeltaViews && field <= Field::kDeltaReports; }

const metrics::Metric* MetricOf(Field field) {
  switch (field) {
    case Field::kViews:
    case Field::kDeltaViews: return &metrics::kViews;
    case Field::kLikes:
    case Field::kDeltaLikes: return &metrics::kLikes;
    case Field::kComments:
    case Field::kDeltaComments: return &metrics::kComments;
    case Field::kReports:
    case Field::kDeltaReports: return &metrics::kReports;
    case Field::kVideoId:
    case Field::kCreatorId:
    case Field::kPublicationDate:
    case Field::kMeasurementDate: break;
  }
  return nullptr;
}

std::optional<KeyField> KeyOf(Field field) {
  switch (field) {
    case Field::kVideoId: return KeyField::kVideoId;
    case Field::kCreatorId: return KeyField::kCreatorId;
    case Field::kPublicationDate: return KeyField::kPublicationDate;
    case Field::kMeasurementDate: return KeyField::kMeasurementDate;
    case Field::kViews:
    case Field::kLikes:
    case Field::kComments:
    case Field::kReports:
    case Field::kDeltaViews:
    case Field::kDeltaLikes:
    case Field::kDeltaComments:
    case Field::kDeltaReports: break;
  }
  return std::nullopt;
}

namespace {

constexpr Field kNumericFields[] = {Field::kViews,         Field::kLikes,       Field::kComments,
                                    Field::kReports,       Field::kDeltaViews,  Field::kDeltaLikes,
                                    Field::kDeltaComments, Field::kDeltaReports};

// The counter (delta = false) or delta field whose catalogue row is `metric`.
Field FieldOf(const metrics::Metric& metric, bool delta) {
  for (const Field field : kNumericFields) {
    if (IsDeltaField(field) == delta && MetricOf(field)->name == metric.name) return field;
  }
  throw std::logic_error("FieldOf: the metric is not in the catalogue");
}

}  // namespace

Field CounterFieldOf(const metrics::Metric& metric) { return FieldOf(metric, false); }

Field DeltaFieldOf(const metrics::Metric& metric) { return FieldOf(metric, true); }

}  // namespace videobot::plan
