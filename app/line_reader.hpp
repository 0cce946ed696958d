#pragma once
// Lines for `chat`: with line editing and history (libedit) when stdin is a terminal, plain
// lines otherwise (no prompt, so scripts can pipe questions in).

#include <optional>
#include <string>

namespace videobot::app {

class LineReader {
 public:
  /// Decides between libedit and plain lines by whether stdin is a terminal.
  LineReader();
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  /// True when reading from a terminal (with a prompt, editing and history).
  [[nodiscard]] bool interactive() const { return interactive_; }

  /// The next line without its newline; nullopt at end of input (Ctrl-D on a terminal).
  /// Non-empty lines typed in a terminal join the history.
  std::optional<std::string> ReadLine();

 private:
  bool interactive_ = false;
};

}  // namespace videobot::app
