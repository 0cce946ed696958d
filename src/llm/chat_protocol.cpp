#include "llm/chat_protocol.hpp"

#include <nlohmann/json.hpp>

#include "plan/validator.hpp"

namespace videobot::llm {
namespace {

using Json = nlohmann::json;

Unexpected BadOutput(std::string detail) {
  return Fail(ErrorCode::kLlmBadOutput, "Языковая модель ответила не по протоколу: " + std::move(detail));
}

}  // namespace

const Json& PlanResponseFormat() {
  static const Json format = {
      {"type", "json_schema"},
      {"json_schema", {{"name", "plan"}, {"strict", true}, {"schema", Json::parse(plan::PlanSchemaText())}}},
  };
  return format;
}

Json ChatMessage(std::string_view role, std::string_view content) { return Json{{"role", role}, {"content", content}}; }

Json BuildChatRequest(std::string_view model, const Json& messages) {
  return Json{
      {"model", model},
      {"temperature", 0},
      {"messages", messages},
      {"response_format", PlanResponseFormat()},
  };
}

Result<std::string> ReadChatContent(std::string_view body) {
  const Json document = Json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) return BadOutput("тело ответа — не JSON-объект");
  const auto choices = document.find("choices");
  if (choices == document.end() || !choices->is_array() || choices->empty() || !choices->front().is_object()) {
    return BadOutput("в ответе нет choices[0]");
  }
  const auto message = choices->front().find("message");
  if (message == choices->front().end() || !message->is_object()) return BadOutput("в ответе нет choices[0].message");
  if (const auto refusal = message->find("refusal"); refusal != message->end() && refusal->is_string()) {
    // The model declined the question: a refusal, not a failure of the model.
    return Fail(ErrorCode::kQuestionNotUnderstood,
                "Языковая модель отказалась разбирать этот вопрос. Спросите о статистике видео, например: "
                "«Сколько видео набрало больше 100 000 просмотров за всё время?»");
  }
  const auto content = message->find("content");
  if (content == message->end() || !content->is_string() || content->get_ref<const std::string&>().empty()) {
    return BadOutput("в ответе нет текста choices[0].message.content");
  }
  return content->get<std::string>();
}

}  // namespace videobot::llm
