#pragma once
// The planner factory the adapters (CLI, bot) call: llm::MakePlannerRouter (llm/planner_router.hpp)
// with failures turned into std::invalid_argument, the CLI's usage-error exception. Header-only
// so the service library needs no link to the model client; the app links videobot_llm.

#include <memory>
#include <stdexcept>
#include <string_view>

#include "common/result.hpp"
#include "llm/planner_router.hpp"
#include "llm/settings.hpp"
#include "plan/plan_source.hpp"

namespace videobot::service {

/// The plan source for `mode` (--planner / VIDEOBOT_PLANNER: rules, llm, auto, verify; "" = auto
/// with LLM_API_KEY set, rules otherwise) over the offline parser `rules` and, when the mode
/// needs it, the model described by `settings`. Throws std::invalid_argument with a Russian
/// message (never a secret) for an unknown mode or a mode that needs an unconfigured model.
inline std::unique_ptr<llm::PlannerRouter> MakePlanner(std::string_view mode, std::unique_ptr<plan::PlanSource> rules,
                                                       const llm::Settings& settings) {
  auto planner = llm::MakePlannerRouter(mode, std::move(rules), settings);
  if (!planner) throw std::invalid_argument(planner.error().message);
  return std::move(*planner);
}

/// As above with settings as read by llm::Settings::FromEnvironment(); a malformed LLM_*
/// variable throws std::invalid_argument naming it, unless `mode` is explicitly "rules".
inline std::unique_ptr<llm::PlannerRouter> MakePlanner(std::string_view mode, std::unique_ptr<plan::PlanSource> rules,
                                                       const Result<llm::Settings>& settings) {
  if (!settings) {
    // Only an explicit "rules" can ignore the model's settings; with "" the default itself
    // depends on them.
    if (mode == llm::Name(llm::PlannerMode::kRules)) return service::MakePlanner(mode, std::move(rules), llm::Settings{});
    throw std::invalid_argument(settings.error().message);
  }
  return service::MakePlanner(mode, std::move(rules), *settings);
}

}  // namespace videobot::service
