#include "app/output.hpp"

#include <fmt/format.h>

#include <cstdio>

#include "app/cli.hpp"

namespace videobot::app {

int PrintResult(std::string_view text) {
  fmt::print("{}\n", text);
  std::fflush(stdout);
  return kExitOk;
}

int PrintInputError(const Error& error) {
  if (error.code == ErrorCode::kLlmUnavailable) return PrintEnvironmentError(error.message);
  const bool technical = error.code == ErrorCode::kPlanNotJson || error.code == ErrorCode::kPlanSchema ||
                         error.code == ErrorCode::kPlanSemantic || error.code == ErrorCode::kPlanTimeRange ||
                         error.code == ErrorCode::kPlanLimit || error.code == ErrorCode::kLoadMalformed;
  if (technical) {
    fmt::print(stderr, "{}\n", error.Describe());
  } else {
    fmt::print(stderr, "{}\n", error.message);
  }
  return kExitInput;
}

int PrintLoadError(const Error& error) {
  fmt::print(stderr, "{}\n", error.Describe());
  return kExitInput;
}

int PrintEnvironmentError(std::string_view what) {
  fmt::print(stderr, "ошибка: {}\n", what);
  return kExitEnvironment;
}

}  // namespace videobot::app
