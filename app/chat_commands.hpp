#pragma once
// What a line typed into `chat` asks for: the same commands as the bot (/help, /start,
// /explain, /status), /quit, or a question. Pure: parsing only.

#include <string>
#include <string_view>

namespace videobot::app {

struct ChatLine {
  enum class Kind {
    kEmpty,     ///< nothing but whitespace: ignored
    kQuestion,  ///< `text` is the question
    kHelp,      ///< /help or /start
    kExplain,   ///< /explain QUESTION: `text` is the question ("" when missing)
    kStatus,    ///< /status
    kQuit,      ///< /quit or /exit
    kUnknown,   ///< another /command
  };
  Kind kind = Kind::kEmpty;
  std::string text;
};

/// Reads one line of `chat` input. A command is matched as a whole word, also with a bot
/// suffix ("/help@videobot"), so "/explainX" is an unknown command, not /explain. A leading
/// address («Бот, …», «videobot: …») is removed from a question, as the bot does.
ChatLine ParseChatLine(std::string_view line);

}  // namespace videobot::app
