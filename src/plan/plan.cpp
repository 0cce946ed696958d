#include "plan/plan.hpp"

namespace videobot::plan {

Plan MakeRefusal(RefusalReason reason) {
  Plan plan;
  plan.action = Action::kRefuse;
  plan.refusal_reason = reason;
  return plan;
}

bool IsNumericField(Field field) { return field <= Field::kDeltaReports; }

bool IsDeltaField(Field field) { return field >= Field::kDeltaViews && field <= Field::kDeltaReports; }

}  // namespace videobot::plan
