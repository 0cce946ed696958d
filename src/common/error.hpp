#pragma once
// Stable error codes for expected, input-caused failures. Tests assert codes, not prose.

#include <stdexcept>
#include <string>
#include <string_view>

namespace videobot {

/// Stable codes; their string forms (ErrorCodeName) are part of the CLI and bot contract.
enum class ErrorCode {
  kPlanNotJson,            ///< plan text is not JSON
  kPlanSchema,             ///< plan violates plan.schema.json
  kPlanSemantic,           ///< plan is well-formed but meaningless (e.g. delta filter on videos)
  kPlanTimeRange,          ///< a period whose end precedes its start, or an unparseable date
  kPlanLimit,              ///< limit or list size out of range
  kQuestionNotUnderstood,  ///< the parser could not map the question with certainty
  kQuestionOutOfScope,     ///< a question that is not about the video statistics
  kQuestionModification,   ///< a request to change or delete data
  kQuestionTooLong,        ///< a question longer than the accepted maximum
  kLoadMalformed,          ///< the data document is malformed
  kLlmUnavailable,         ///< the model could not be reached or timed out
  kLlmBadOutput,           ///< the model answered something that is not a valid plan
  kPlannersDisagree,       ///< verify mode: the rules and the model produced different plans
  kNoData,                 ///< an average/minimum/maximum over an empty set
  kUsage,                  ///< bad command-line usage
  kQuestionAmbiguous,      ///< the question has two plausible meanings; the reply shows both wordings
  kQuestionReversedRange,  ///< a range whose end comes before its start («с 5 ноября по 1 ноября»)
  kQuestionUnknownMetric,  ///< a metric the data does not have (watch time, reach, subscribers, …)
  kQuestionUnsupported,    ///< understood, but the answer is not one number (a series, a comparison, a superlative)
  kDataNotInitialised,     ///< the database has no schema (or the SQLite file does not exist)
  kDataEmpty,              ///< the schema exists but nothing is loaded
  kOutsideCoverage,        ///< the period or moment lies outside what the data covers
  kQueryTimeout,           ///< the statement ran past the statement timeout
  kValueOutOfRange,        ///< a value (in a file or a result) outside what the product stores exactly
  kResponseTooLarge,       ///< an HTTP response body exceeded its client's size limit
  kPlanUngrounded,         ///< a model's plan holds ids, numbers or dates the question lacks, or misses some
};

/// The stable snake_case name of a code, e.g. "plan_schema".
std::string_view ErrorCodeName(ErrorCode code);

/// An expected failure: code, JSON path (may be empty) and a Russian message for people.
struct Error {
  ErrorCode code;
  std::string path;
  std::string message;

  /// "code at path: message", for logs and CLI output.
  std::string Describe() const;
};

/// An environment failure (database, network, file system). Caught only at the boundaries.
class EnvironmentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An expected failure thrown across a boundary that cannot return a Result (the loader's
/// streaming callbacks). Caught by the boundary and turned back into an Error.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Error error) : std::runtime_error(error.Describe()), error_(std::move(error)) {}
  const Error& error() const { return error_; }

 private:
  Error error_;
};

}  // namespace videobot
