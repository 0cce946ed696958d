#pragma once
// Strings built to break out of SQL text: quotes, statement separators, comments, NUL,
// placeholders, Unicode look-alikes and encodings of all of these.

#include <string>
#include <vector>

#include "fuzz_input.hpp"

namespace videobot::fuzz {

/// The fixed list of hostile strings (each has at least one character that can never appear in
/// compiled SQL text outside a parameter).
const std::vector<std::string>& HostileStrings();

/// A hostile string: one of the fixed list, a combination of two, one glued to a valid creator
/// id or UUID, or random bytes with a quote in them.
std::string RandomHostile(Random& random);

}  // namespace videobot::fuzz
