#pragma once
// Helpers for database URLs: recognising SQLite URLs and keeping passwords out of messages.

#include <optional>
#include <string>
#include <string_view>

namespace videobot::db {

/// The file path of a "sqlite:PATH" URL (also "sqlite://PATH"); nullopt for anything else.
std::optional<std::string> SqlitePath(std::string_view url);

/// The URL with any password replaced by "***" (URI user:password@ and conninfo password=…),
/// suitable for messages and logs.
std::string RedactUrl(std::string_view url);

/// `message` with every occurrence of the URL's password (if any) replaced by "***".
std::string ScrubPassword(std::string message, std::string_view url);

}  // namespace videobot::db
