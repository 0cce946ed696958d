#include "app/line_reader.hpp"

#include <editline/readline.h>
#include <unistd.h>

#include <clocale>
#include <cstdlib>
#include <iostream>
#include <string_view>

namespace videobot::app {
namespace {

constexpr const char* kPrompt = "> ";

// libedit reads multibyte (Cyrillic) input only under a UTF-8 locale; a terminal whose
// environment names none still gets one.
void UseUtf8Locale() {
  const char* current = std::setlocale(LC_CTYPE, "");
  const std::string_view name = current != nullptr ? current : "";
  if (name.find("UTF-8") != std::string_view::npos || name.find("utf8") != std::string_view::npos) return;
  if (std::setlocale(LC_CTYPE, "C.UTF-8") == nullptr) std::setlocale(LC_CTYPE, "");
}

}  // namespace

LineReader::LineReader() : interactive_(isatty(STDIN_FILENO) != 0) {
  if (!interactive_) return;
  UseUtf8Locale();
  rl_readline_name = "videobot";
  using_history();
}

LineReader::~LineReader() {
  if (interactive_) clear_history();
}

std::optional<std::string> LineReader::ReadLine() {
  if (!interactive_) {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  }
  char* raw = readline(kPrompt);
  if (raw == nullptr) return std::nullopt;
  std::string line(raw);
  std::free(raw);
  if (line.find_first_not_of(" \t") != std::string::npos) add_history(line.c_str());
  return line;
}

}  // namespace videobot::app
