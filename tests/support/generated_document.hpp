#pragma once
// A generated data document (the shape of videos.json) as a string, for tests that load one.

#include <string>

#include "datagen/generator.hpp"

namespace videobot::testing {

/// datagen::Generate(options) into a string.
std::string GeneratedDocument(const datagen::GeneratorOptions& options);

}  // namespace videobot::testing
