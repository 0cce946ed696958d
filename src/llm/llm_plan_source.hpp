#pragma once
// The language-model plan source: asks an OpenAI-compatible chat-completions endpoint for a
// plan constrained by the plan schema, and trusts nothing it answers until the plan validator
// has accepted it.

#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string_view>

#include "llm/chat_transport.hpp"
#include "llm/plan_cache.hpp"
#include "llm/settings.hpp"
#include "plan/literals.hpp"
#include "plan/plan_source.hpp"

namespace videobot::llm {

/// Reads the ids, numbers and periods of a question with the rule parser's recognisers
/// (nl::ExtractQuestionLiterals). Injected by the application: this module does not depend on
/// the parser's library.
using QuestionLiteralsFn =
    std::function<Result<plan::Literals>(std::string_view question, const plan::TimeContext& context)>;

/// Plans from a model. One question: the system prompt (with the current moment) and the
/// question verbatim; the reply is extracted (bare, fenced or chatty JSON) and validated; with
/// `question_literals`, a valid plan must also be grounded in the question
/// (plan::CheckGrounded). An invalid or ungrounded plan gets one repair turn naming the error
/// code, JSON path and discrepancy. Accepted plans, refusals included, are cached by normalised
/// question and local date. Thread-safe.
class LlmPlanSource final : public plan::PlanSource {
 public:
  /// Talks to the model through libcurl clients that use `settings.proxy_url` only. Without
  /// `question_literals` plans are not checked against the question.
  explicit LlmPlanSource(const Settings& settings, QuestionLiteralsFn question_literals = {});

  /// Talks to the model through clients made by `factory` (tests inject fakes or tune retries).
  LlmPlanSource(Settings settings, HttpClientFactory factory, RetryPolicy policy = {},
                QuestionLiteralsFn question_literals = {});

  /// A validated (and, with question literals, grounded) plan, or:
  /// - kLlmUnavailable (network, HTTP errors, deadline);
  /// - kLlmBadOutput (no valid plan after the repair turn; the path is the last validation
  ///   error's);
  /// - kPlanUngrounded (the plan after the repair turn still differs from the question's ids,
  ///   numbers or periods; the message names the differences);
  /// - the literal reader's error, or kQuestionNotUnderstood without asking the model when the
  ///   question holds a fragment no plan can express (a malformed id, a date that does not
  ///   exist, a moment instead of a period).
  /// Messages are Russian and never contain the API key.
  Result<plan::Plan> MakePlan(std::string_view question, const plan::TimeContext& context) override;

  /// "llm".
  std::string_view Name() const override { return "llm"; }

  /// HTTP attempts made so far (retries included).
  int http_attempts() const { return transport_.attempts(); }

  /// The plan cache (shared by all calls of this source).
  const PlanCache& cache() const { return cache_; }

 private:
  Result<std::string> Ask(const nlohmann::json& messages, ChatTransport::Clock::time_point deadline);
  // The plan in `reply`, valid and grounded in `literals` (when given).
  static Result<plan::Plan> AcceptPlan(std::string_view reply, const std::optional<plan::Literals>& literals,
                                       const plan::TimeContext& context);

  Settings settings_;
  QuestionLiteralsFn question_literals_;
  ChatTransport transport_;
  PlanCache cache_;
};

/// The user message of the repair turn: the validation error's code, JSON path and message (for
/// kPlanUngrounded: the discrepancies and the rule that the plan holds exactly the question's
/// ids, numbers, dates and times), and the request to answer with one corrected JSON plan.
std::string RepairRequest(const Error& error);

/// The plan inside a model reply: ExtractJsonObject then plan::ParsePlan. Fails with
/// kPlanNotJson when the reply holds no single JSON object, else with the validator's error.
Result<plan::Plan> PlanFromReply(std::string_view reply);

}  // namespace videobot::llm
