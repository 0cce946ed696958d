#pragma once
// A plan source turns a question into a plan. The offline parser (nl/) and the language model
// (llm/) are plan sources; neither is trusted: callers validate what they return.

#include <string>
#include <string_view>

#include "common/result.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::plan {

class PlanSource {
 public:
  virtual ~PlanSource() = default;

  /// A plan for `question` (a refusal plan when the question is understood to be out of scope),
  /// or an Error (kQuestionNotUnderstood, kLlmUnavailable, kLlmBadOutput …) with a Russian
  /// message. `context` carries "now" and the time zone for relative periods.
  virtual Result<Plan> MakePlan(std::string_view question, const TimeContext& context) = 0;

  /// Short name for logs: "rules", "llm", "auto", "verify".
  virtual std::string_view Name() const = 0;
};

}  // namespace videobot::plan
