#pragma once
// Comparison questions: «на сколько больше A, чем B», «на сколько процентов выросли … по
// сравнению с …», «сравни A и B», «A против B». The question is cut into two one-number
// questions that differ only in the compared thing (a period, a creator or a metric); each is
// parsed by the ordinary rules and the two plans must differ in exactly that thing, otherwise
// the question is refused — a comparison never falls back to the number of one side.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.hpp"
#include "plan/plan.hpp"

namespace videobot::nl {

/// Parses one scalar question (the ordinary rules).
using ScalarParser = std::function<Result<plan::Plan>(std::string_view question)>;

/// nullopt when the normalised question has no comparison wording; otherwise the comparison plan
/// or the refusal (kQuestionNotUnderstood, kQuestionAmbiguous, kQuestionUnsupported).
std::optional<Result<plan::Plan>> ParseComparison(std::string_view normalized, const ScalarParser& parse_scalar);

/// The normalised question with its side-B period words put in the form the period words know, as
/// ParseComparison reads them: «по сравнению с 27 ноября» → «по сравнению 27 ноября» (not an open
/// period «с 27 ноября»), «с октябрём» → «октябре». Used to read a question's literals.
std::string ReadComparisonSides(std::string normalized);

}  // namespace videobot::nl
