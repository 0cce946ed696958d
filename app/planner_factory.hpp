#pragma once
// The planner the CLI and the bot use: service::PlannerRouter over the offline rules parser and,
// when the mode asks the model, llm::LlmPlanSource built from the model's settings. The routing
// policy itself lives in service/planner_router.hpp; this is where its sources are made.

#include <memory>
#include <string_view>

#include "common/result.hpp"
#include "llm/llm_plan_source.hpp"
#include "llm/settings.hpp"
#include "plan/plan_source.hpp"
#include "service/planner_router.hpp"

namespace videobot::app {

/// `mode` is the --planner / VIDEOBOT_PLANNER value ("" = the default: auto when the model has an
/// API key, rules otherwise; service::ParsePlannerMode); `rules` is the offline parser;
/// `question_literals` reads a question's ids, numbers and dates with the parser's recognisers
/// (nl::ExtractQuestionLiterals), against which every model plan is checked. The model source
/// (LlmPlanSource over libcurl with `settings.proxy_url`) is created only when the mode needs it.
/// Fails with kUsage for an unknown mode, a missing rules source, a mode that needs the model
/// with neither LLM_API_KEY nor a non-default LLM_BASE_URL (a local server), or without
/// `question_literals`.
Result<std::unique_ptr<service::PlannerRouter>> MakePlannerRouter(std::string_view mode,
                                                                  std::unique_ptr<plan::PlanSource> rules,
                                                                  const llm::Settings& settings,
                                                                  llm::QuestionLiteralsFn question_literals);

/// As above without a literal reader: only the rules mode can be built.
Result<std::unique_ptr<service::PlannerRouter>> MakePlannerRouter(std::string_view mode,
                                                                  std::unique_ptr<plan::PlanSource> rules,
                                                                  const llm::Settings& settings);

/// As above with settings as read by llm::Settings::FromEnvironment(): their error is returned,
/// unless `mode` is explicitly "rules" (which needs no model).
Result<std::unique_ptr<service::PlannerRouter>> MakePlannerRouter(std::string_view mode,
                                                                  std::unique_ptr<plan::PlanSource> rules,
                                                                  const Result<llm::Settings>& settings,
                                                                  llm::QuestionLiteralsFn question_literals);

}  // namespace videobot::app
