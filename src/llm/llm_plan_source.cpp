#include "llm/llm_plan_source.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "llm/chat_protocol.hpp"
#include "llm/json_extract.hpp"
#include "llm/system_prompt.hpp"
#include "plan/validator.hpp"

namespace videobot::llm {

namespace {

constexpr std::string_view kExampleQuestion = "Сколько видео набрало больше 100 000 просмотров за всё время?";

// The model answered, but not with the question's ids, numbers or periods.
Unexpected Ungrounded(const Error& error) {
  return Fail(ErrorCode::kPlanUngrounded,
              fmt::format("Языковая модель поняла вопрос не так, как он написан: {}. Ответа не будет — угадывать "
                          "нельзя. Переформулируйте вопрос, например: «{}»",
                          error.message, kExampleQuestion),
              error.path);
}

// Fragments that no plan can hold: asking the model would not help.
Unexpected Unreadable(const std::vector<std::string>& fragments) {
  std::string quoted;
  for (const std::string& fragment : fragments) quoted += (quoted.empty() ? "«" : ", «") + fragment + "»";
  return Fail(ErrorCode::kQuestionNotUnderstood,
              fmt::format("Не понял вопрос: {} — не удаётся прочитать однозначно (id неверного вида, несуществующая "
                          "дата, момент времени вместо промежутка или время без дня). Пример вопроса: «{}»",
                          quoted, kExampleQuestion));
}

}  // namespace

std::string RepairRequest(const Error& error) {
  if (error.code == ErrorCode::kPlanUngrounded) {
    return fmt::format(
        "Этот план не совпадает с вопросом ({}): {}. В плане должны быть ровно те id, числа, даты и время, что "
        "есть в вопросе, — ни одного лишнего и ни одного пропущенного. Исправь план и ответь только одним "
        "JSON-объектом по схеме, без пояснений. Если вопрос нельзя однозначно перевести в план, верни отказ "
        "(action \"refuse\").",
        ErrorCodeName(error.code), error.message);
  }
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

LlmPlanSource::LlmPlanSource(const Settings& settings, QuestionLiteralsFn question_literals)
    : LlmPlanSource(settings, MakeCurlClientFactory(settings), RetryPolicy{}, std::move(question_literals)) {}

LlmPlanSource::LlmPlanSource(Settings settings, HttpClientFactory factory, RetryPolicy policy,
                             QuestionLiteralsFn question_literals)
    : settings_(settings),
      question_literals_(std::move(question_literals)),
      transport_(std::move(settings), std::move(factory), policy),
      cache_(settings_.cache_capacity) {}

Result<plan::Plan> LlmPlanSource::AcceptPlan(std::string_view reply, const std::optional<plan::Literals>& literals,
                                             const plan::TimeContext& context) {
  auto plan = PlanFromReply(reply);
  if (!plan || !literals) return plan;
  if (auto grounded = plan::CheckGrounded(*literals, *plan, context); !grounded) return Unexpected{grounded.error()};
  return plan;
}

Result<std::string> LlmPlanSource::Ask(const nlohmann::json& messages, ChatTransport::Clock::time_point deadline) {
  // Invalid UTF-8 in the question is replaced rather than thrown on: the body must be JSON.
  const std::string body =
      BuildChatRequest(settings_.model, messages).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  auto response = transport_.Post(body, deadline);
  if (!response) return Unexpected{response.error()};
  auto content = ReadChatContent(*response);
  if (!content)
    return Unexpected{
        Error{content.error().code, content.error().path, RedactSecrets(content.error().message, settings_)}};
  return content;
}

Result<plan::Plan> LlmPlanSource::MakePlan(std::string_view question, const plan::TimeContext& context) {
  std::optional<plan::Literals> literals;
  if (question_literals_) {
    auto read = question_literals_(question, context);
    if (!read) return Unexpected{read.error()};
    if (!read->unreadable.empty()) return Unreadable(read->unreadable);
    literals = std::move(*read);
  }
  const std::string key = PlanCacheKey(question, context);
  if (auto cached = cache_.Find(key)) {
    if (!literals || plan::CheckGrounded(*literals, *cached, context)) return std::move(*cached);
  }

  const auto deadline = ChatTransport::Clock::now() + settings_.timeout;
  nlohmann::json messages = nlohmann::json::array();
  messages.push_back(ChatMessage("system", BuildSystemPrompt(context)));
  messages.push_back(ChatMessage("user", question));

  auto reply = Ask(messages, deadline);
  if (!reply) return Unexpected{reply.error()};
  auto plan = AcceptPlan(*reply, literals, context);
  if (!plan) {
    // One repair turn: the model sees its own answer and what was wrong with it.
    messages.push_back(ChatMessage("assistant", *reply));
    messages.push_back(ChatMessage("user", RepairRequest(plan.error())));
    reply = Ask(messages, deadline);
    if (!reply) return Unexpected{reply.error()};
    plan = AcceptPlan(*reply, literals, context);
  }
  if (!plan) {
    const Error& error = plan.error();
    if (error.code == ErrorCode::kPlanUngrounded) return Ungrounded(error);
    return Fail(ErrorCode::kLlmBadOutput,
                fmt::format("Языковая модель не смогла составить корректный план ({}: {})", ErrorCodeName(error.code),
                            error.message),
                error.path);
  }
  cache_.Insert(key, *plan);
  return plan;
}

}  // namespace videobot::llm
