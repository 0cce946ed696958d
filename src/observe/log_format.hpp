#pragma once
// How log lines look on stderr: plain text (spdlog's default pattern) or one JSON object per
// line. Formatting happens in the sink, after any redaction of the message.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <spdlog/fwd.h>

namespace videobot::observe {

enum class LogFormat {
  kText,  ///< "[2026-12-02 10:00:00.000] [bot] [info] event=started …"
  kJson,  ///< {"time":"2026-12-02T10:00:00.000Z","level":"info","logger":"bot","message":"…","event":"started",…}
};

/// "text" or "json" (case-insensitive; "" is text); nullopt for anything else.
std::optional<LogFormat> ParseLogFormat(std::string_view text);

/// The formatter for `format`: spdlog's pattern formatter for text; for JSON, one object per
/// record: time (UTC, RFC 3339 with milliseconds), level, logger, message, and each `key=value`
/// / `key="quoted value"` pair of the message as a field of its own (integers as numbers; a key
/// that clashes with the four above is left in the message only).
std::unique_ptr<spdlog::formatter> MakeLogFormatter(LogFormat format);

/// The JSON object for one record (what the JSON formatter writes, without the newline).
std::string FormatJsonLogLine(std::string_view time, std::string_view level, std::string_view logger,
                              std::string_view message);

}  // namespace videobot::observe
