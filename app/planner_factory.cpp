#include "app/planner_factory.hpp"

#include <fmt/format.h>

#include <utility>

namespace videobot::app {

Result<std::unique_ptr<service::PlannerRouter>> MakePlannerRouter(std::string_view mode,
                                                                  std::unique_ptr<plan::PlanSource> rules,
                                                                  const llm::Settings& settings,
                                                                  llm::QuestionLiteralsFn question_literals) {
  auto parsed = service::ParsePlannerMode(mode, settings.HasKey());
  if (!parsed) return Unexpected{parsed.error()};
  // Local servers (Ollama, vLLM, llama.cpp) need no key; the default OpenAI endpoint does.
  if (service::NeedsModel(*parsed) && !settings.HasKey() && settings.base_url == llm::Settings{}.base_url) {
    return Fail(ErrorCode::kUsage,
                fmt::format("Режиму {} нужна языковая модель: задайте LLM_API_KEY (или LLM_BASE_URL локального "
                            "сервера, которому ключ не нужен)",
                            service::Name(*parsed)),
                "LLM_API_KEY");
  }
  // A model plan is never used unchecked against the question it answers.
  if (service::NeedsModel(*parsed) && !question_literals) {
    return Fail(ErrorCode::kUsage,
                fmt::format("Режиму {} нужна проверка плана модели по вопросу (чтение id, чисел и дат вопроса)",
                            service::Name(*parsed)),
                "--planner");
  }
  std::unique_ptr<plan::PlanSource> model;
  if (service::NeedsModel(*parsed))
    model = std::make_unique<llm::LlmPlanSource>(settings, std::move(question_literals));
  return service::MakePlannerRouter(*parsed, std::move(rules), std::move(model));
}

Result<std::unique_ptr<service::PlannerRouter>> MakePlannerRouter(std::string_view mode,
                                                                  std::unique_ptr<plan::PlanSource> rules,
                                                                  const llm::Settings& settings) {
  return MakePlannerRouter(mode, std::move(rules), settings, llm::QuestionLiteralsFn{});
}

Result<std::unique_ptr<service::PlannerRouter>> MakePlannerRouter(std::string_view mode,
                                                                  std::unique_ptr<plan::PlanSource> rules,
                                                                  const Result<llm::Settings>& settings,
                                                                  llm::QuestionLiteralsFn question_literals) {
  if (!settings) {
    // Only an explicit "rules" can ignore the model's settings; with "" the default itself
    // depends on them.
    if (mode == service::Name(service::PlannerMode::kRules))
      return MakePlannerRouter(mode, std::move(rules), llm::Settings{});
    return Unexpected{settings.error()};
  }
  return MakePlannerRouter(mode, std::move(rules), *settings, std::move(question_literals));
}

}  // namespace videobot::app
