#pragma once
// Helpers for database URLs: recognising SQLite URLs and keeping passwords out of messages.

#include <optional>
#include <string>
#include <string_view>

#include "sql/query.hpp"

namespace videobot::db {

/// The file path of a "sqlite:PATH" URL (also "sqlite://PATH"); nullopt for anything else.
std::optional<std::string> SqlitePath(std::string_view url);

/// The dialect of the backend Open picks for `url` (without connecting): SQLite for
/// "sqlite:…", ClickHouse for "clickhouse://…", PostgreSQL for anything else.
sql::Dialect UrlDialect(std::string_view url);

/// The forms a database URL may take, for messages.
inline constexpr std::string_view kAcceptedUrlForms =
    "sqlite:PATH, postgresql://USER@HOST/DB, postgres://USER@HOST/DB, or a key=value conninfo "
    "such as \"host=HOST dbname=DB user=USER\", or clickhouse://[USER[:PASSWORD]@]HOST:PORT[,HOST:PORT…]/DB"
    "[?cluster=NAME]";

/// Checks the form of a database URL without connecting: "sqlite:PATH" (non-empty path),
/// "postgresql://…" / "postgres://…" and key=value conninfo strings (parsed with libpq's
/// PQconninfoParse). Returns an English message naming the accepted forms for anything else
/// ("m.db", "mysql://…", "postgresql+asyncpg://…"), nullopt when the form is accepted. The
/// message never contains the password.
std::optional<std::string> CheckUrlForm(std::string_view url);

/// The URL with any password replaced by "***" (URI user:password@ and conninfo password=…),
/// suitable for messages and logs.
std::string RedactUrl(std::string_view url);

/// `message` with every occurrence of the URL's password (if any) replaced by "***".
std::string ScrubPassword(std::string message, std::string_view url);

}  // namespace videobot::db
