#pragma once
// Recognises a window after each video's publication: "за первые 3 часа после публикации",
// "в течение первых суток после выхода", "за первый час с момента публикации каждого из них".

#include <cstddef>
#include <optional>
#include <span>

#include "nl/token.hpp"

namespace videobot::nl {

/// The window at tokens[pos]: hours and tokens covered.
struct WindowMatch {
  int hours = 0;
  std::size_t length = 0;
};

/// A publication window starting at tokens[pos], or nullopt.
std::optional<WindowMatch> RecognizePublicationWindow(std::span<const Token> tokens, std::size_t pos);

}  // namespace videobot::nl
