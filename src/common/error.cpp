#include "common/error.hpp"

namespace videobot {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kPlanNotJson: return "plan_not_json";
    case ErrorCode::kPlanSchema: return "plan_schema";
    case ErrorCode::kPlanSemantic: return "plan_semantic";
    case ErrorCode::kPlanTimeRange: return "plan_time_range";
    case ErrorCode::kPlanLimit: return "plan_limit";
    case ErrorCode::kQuestionNotUnderstood: return "question_not_understood";
    case ErrorCode::kQuestionOutOfScope: return "question_out_of_scope";
    case ErrorCode::kQuestionModification: return "question_modification";
    case ErrorCode::kQuestionTooLong: return "question_too_long";
    case ErrorCode::kLoadMalformed: return "load_malformed";
    case ErrorCode::kLlmUnavailable: return "llm_unavailable";
    case ErrorCode::kLlmBadOutput: return "llm_bad_output";
    case ErrorCode::kPlannersDisagree: return "planners_disagree";
    case ErrorCode::kNoData: return "no_data";
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kQuestionAmbiguous: return "question_ambiguous";
    case ErrorCode::kQuestionReversedRange: return "question_reversed_range";
    case ErrorCode::kQuestionUnknownMetric: return "question_unknown_metric";
    case ErrorCode::kQuestionUnsupported: return "question_unsupported";
    case ErrorCode::kDataNotInitialised: return "data_not_initialised";
    case ErrorCode::kDataEmpty: return "data_empty";
    case ErrorCode::kOutsideCoverage: return "outside_coverage";
    case ErrorCode::kQueryTimeout: return "query_timeout";
    case ErrorCode::kValueOutOfRange: return "value_out_of_range";
    case ErrorCode::kResponseTooLarge: return "response_too_large";
    case ErrorCode::kPlanUngrounded: return "plan_ungrounded";
  }
  return "unknown";
}

std::string Error::Describe() const {
  std::string out(ErrorCodeName(code));
  if (!path.empty()) {
    out += " at ";
    out += path;
  }
  out += ": ";
  out += message;
  return out;
}

}  // namespace videobot
