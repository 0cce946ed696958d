#pragma once
// The language-model plan source: asks an OpenAI-compatible chat-completions endpoint for a
// plan constrained by the plan schema, and trusts nothing it answers until the plan validator
// has accepted it.

#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

#include "llm/chat_transport.hpp"
#include "llm/plan_cache.hpp"
#include "llm/settings.hpp"
#include "plan/plan_source.hpp"

namespace videobot::llm {

/// Plans from a model. One question: the system prompt (with the current moment) and the
/// question verbatim; the reply is extracted (bare, fenced or chatty JSON) and validated; an
/// invalid plan gets one repair turn naming the error code and JSON path. Valid plans,
/// refusals included, are cached by normalised question and local date. Thread-safe.
class LlmPlanSource final : public plan::PlanSource {
 public:
  /// Talks to the model through libcurl clients that use `settings.proxy_url` only.
  explicit LlmPlanSource(Settings settings);

  /// Talks to the model through clients made by `factory` (tests inject fakes or tune retries).
  LlmPlanSource(Settings settings, HttpClientFactory factory, RetryPolicy policy = {});

  /// A validated plan, or kLlmUnavailable (network, HTTP errors, deadline) or kLlmBadOutput
  /// (no valid plan after the repair turn; the path is the last validation error's). Messages
  /// are Russian and never contain the API key.
  Result<plan::Plan> MakePlan(std::string_view question, const plan::TimeContext& context) override;

  /// "llm".
  std::string_view Name() const override { return "llm"; }

  /// HTTP attempts made so far (retries included).
  int http_attempts() const { return transport_.attempts(); }

  /// The plan cache (shared by all calls of this source).
  const PlanCache& cache() const { return cache_; }

 private:
  Result<std::string> Ask(const nlohmann::json& messages, ChatTransport::Clock::time_point deadline);

  Settings settings_;
  ChatTransport transport_;
  PlanCache cache_;
};

/// The user message of the repair turn: the validation error's code, JSON path and message, and
/// the request to answer with one corrected JSON plan.
std::string RepairRequest(const Error& error);

/// The plan inside a model reply: ExtractJsonObject then plan::ParsePlan. Fails with
/// kPlanNotJson when the reply holds no single JSON object, else with the validator's error.
Result<plan::Plan> PlanFromReply(std::string_view reply);

}  // namespace videobot::llm
