#include "support/generated_document.hpp"

#include <sstream>

namespace videobot::testing {

std::string GeneratedDocument(const datagen::GeneratorOptions& options) {
  std::ostringstream out;
  datagen::Generate(options, out);
  return out.str();
}

}  // namespace videobot::testing
