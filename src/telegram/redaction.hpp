#pragma once
// Keeps the bot token out of every log line and error text. The token is part of every Bot API
// URL, so any text that might carry a URL goes through Redact before it leaves the module.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <spdlog/fwd.h>

namespace videobot::telegram {

/// The text that replaces a secret.
inline constexpr std::string_view kRedacted = "<redacted>";

/// `text` with every occurrence of `secret` (also in its URL-encoded form, ':' as %3A) replaced
/// by kRedacted. An empty secret leaves the text unchanged.
std::string Redact(std::string_view text, std::string_view secret);

/// A logger whose every line passes through Redact(…, secret) before reaching stderr.
std::shared_ptr<spdlog::logger> MakeRedactingStderrLogger(std::string name, std::string secret);

/// A logger writing through Redact(…, secret) into `sink_target` (for tests).
std::shared_ptr<spdlog::logger> MakeRedactingLogger(std::string name, std::string secret,
                                                    std::shared_ptr<spdlog::sinks::sink> sink_target);

/// A logger whose every message has each of `secrets` (empty ones ignored) redacted before
/// `sink_target` formats and writes it.
std::shared_ptr<spdlog::logger> MakeRedactingLogger(std::string name, std::vector<std::string> secrets,
                                                    std::shared_ptr<spdlog::sinks::sink> sink_target);

}  // namespace videobot::telegram
