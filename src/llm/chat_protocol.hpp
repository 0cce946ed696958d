#pragma once
// The OpenAI chat-completions wire format: the request body (model, temperature 0, messages,
// strict json_schema response format built from the embedded plan schema) and the reply.

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace videobot::llm {

/// `response_format` for structured output: type json_schema, name "plan", strict true, and the
/// embedded plan schema (plan::PlanSchemaText()) parsed unchanged.
const nlohmann::json& PlanResponseFormat();

/// One chat message {"role": role, "content": content}.
nlohmann::json ChatMessage(std::string_view role, std::string_view content);

/// The request body: model, temperature 0, `messages` (an array of ChatMessage) and
/// PlanResponseFormat().
nlohmann::json BuildChatRequest(std::string_view model, const nlohmann::json& messages);

/// The assistant's text, `choices[0].message.content`, from a chat-completions response body.
/// Fails with kLlmBadOutput when the body is not such a document or the content is empty, and
/// with kQuestionNotUnderstood (a Russian refusal with an example) when the model declined the
/// question (`message.refusal`).
Result<std::string> ReadChatContent(std::string_view body);

}  // namespace videobot::llm
