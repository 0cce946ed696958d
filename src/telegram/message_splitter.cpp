#include "telegram/message_splitter.hpp"

namespace videobot::telegram {

std::vector<std::string> SplitMessage(std::string_view text, std::size_t max_code_points) {
  std::vector<std::string> pieces;
  if (max_code_points == 0) return pieces;
  while (!text.empty()) {
    // Find the byte position after max_code_points code points, and the last line break before it.
    std::size_t count = 0;
    std::size_t end = 0;
    std::size_t last_break = std::string_view::npos;
    while (end < text.size()) {
      if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) {
        if (count == max_code_points) break;
        ++count;
      }
      if (text[end] == '\n') last_break = end;
      ++end;
    }
    std::size_t cut = end;
    if (end < text.size() && last_break != std::string_view::npos && last_break > end / 2) cut = last_break + 1;
    pieces.emplace_back(text.substr(0, cut));
    text.remove_prefix(cut);
  }
  return pieces;
}

}  // namespace videobot::telegram
