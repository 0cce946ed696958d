#pragma once
// How commands report: results on stdout, explanations and errors on stderr.

#include <string_view>

#include "common/error.hpp"

namespace videobot::app {

/// Prints `text` and a newline to stdout; returns kExitOk.
int PrintResult(std::string_view text);

/// Prints a Russian explanation of an input error to stderr (with its code and path when the
/// error concerns a plan or a data file); returns kExitInput. An unreachable model is an
/// environment failure: it is printed as such and returns kExitEnvironment.
int PrintInputError(const Error& error);

/// Prints a rejected data file's error with its code and JSON path; returns kExitInput.
int PrintLoadError(const Error& error);

/// Prints an environment failure to stderr; returns kExitEnvironment.
int PrintEnvironmentError(std::string_view what);

}  // namespace videobot::app
