#include "llm/llm_plan_source.hpp"

#include <fmt/format.h>

#include "llm/chat_protocol.hpp"
#include "llm/json_extract.hpp"
#include "llm/system_prompt.hpp"
#include "plan/validator.hpp"

namespace videobot::llm {

std::string RepairRequest(const Error& error) {
  return fmt::format(
      "Этот ответ не прошёл проверку плана: ошибка {} по пути {}: {}. Исправь план и ответь только одним "
      "JSON-объектом по схеме, без пояснений. Если вопрос нельзя однозначно перевести в план, верни "
      "отказ (action \"refuse\").",
      ErrorCodeName(error.code), error.path.empty() ? "/" : error.path, error.message);
}

Result<plan::Plan> PlanFromReply(std::string_view reply) {
  const auto object = ExtractJsonObject(reply);
  if (!object) return Fail(ErrorCode::kPlanNotJson, "в ответе нет одного JSON-объекта плана", "/");
  return plan::ParsePlan(*object);
}

LlmPlanSource::LlmPlanSource(Settings settings) : LlmPlanSource(settings, MakeCurlClientFactory(settings)) {}

LlmPlanSource::LlmPlanSource(Settings settings, HttpClientFactory factory, RetryPolicy policy)
    : settings_(settings), transport_(std::move(settings), std::move(factory), policy),
      cache_(settings_.cache_capacity) {}

Result<std::string> LlmPlanSource::Ask(const nlohmann::json& messages, ChatTransport::Clock::time_point deadline) {
  // Invalid UTF-8 in the question is replaced rather than thrown on: the body must be JSON.
  const std::string body =
      BuildChatRequest(settings_.model, messages).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  auto response = transport_.Post(body, deadline);
  if (!response) return Unexpected{response.error()};
  auto content = ReadChatContent(*response);
  if (!content) return Unexpected{Error{content.error().code, content.error().path,
                                        RedactSecrets(content.error().message, settings_)}};
  return content;
}

Result<plan::Plan> LlmPlanSource::MakePlan(std::string_view question, const plan::TimeContext& context) {
  const std::string key = PlanCacheKey(question, context);
  if (auto cached = cache_.Find(key)) return std::move(*cached);

  const auto deadline = ChatTransport::Clock::now() + settings_.timeout;
  nlohmann::json messages = nlohmann::json::array();
  messages.push_back(ChatMessage("system", BuildSystemPrompt(context)));
  messages.push_back(ChatMessage("user", question));

  auto reply = Ask(messages, deadline);
  if (!reply) return Unexpected{reply.error()};
  auto plan = PlanFromReply(*reply);
  if (!plan) {
    // One repair turn: the model sees its own answer and what was wrong with it.
    messages.push_back(ChatMessage("assistant", *reply));
    messages.push_back(ChatMessage("user", RepairRequest(plan.error())));
    reply = Ask(messages, deadline);
    if (!reply) return Unexpected{reply.error()};
    plan = PlanFromReply(*reply);
  }
  if (!plan) {
    const Error& error = plan.error();
    return Fail(ErrorCode::kLlmBadOutput,
                fmt::format("Языковая модель не смогла составить корректный план ({}: {})", ErrorCodeName(error.code),
                            error.message),
                error.path);
  }
  cache_.Insert(key, *plan);
  return plan;
}

}  // namespace videobot::llm
