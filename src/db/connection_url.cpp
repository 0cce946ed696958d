#include "db/connection_url.hpp"

#include <libpq-fe.h>

#include "common/text.hpp"
#include "db/clickhouse_url.hpp"

#include <algorithm>
#include <vector>

namespace videobot::db {
namespace {

constexpr std::string_view kMask = "***";

// Passwords a URL may carry: the "user:password@" part of a URI, "password=" in a URI query,
// and the password keyword of a key=value conninfo string (quoted or not).
std::vector<std::string> Passwords(std::string_view url) {
  std::vector<std::string> out;
  if (const auto scheme = url.find("://"); scheme != std::string_view::npos) {
    const std::size_t authority = scheme + 3;
    const std::size_t end = url.find_first_of("/?", authority);
    const std::string_view host_part =
        url.substr(authority, end == std::string_view::npos ? url.npos : end - authority);
    if (const auto at = host_part.rfind('@'); at != std::string_view::npos) {
      const std::string_view user_info = host_part.substr(0, at);
      if (const auto colon = user_info.find(':'); colon != std::string_view::npos && colon + 1 < user_info.size()) {
        out.emplace_back(user_info.substr(colon + 1));
        out.push_back(PercentDecode(out.back()));
      }
    }
  }
  for (std::size_t pos = url.find("password"); pos != std::string_view::npos; pos = url.find("password", pos + 1)) {
    std::size_t i = pos + 8;
    while (i < url.size() && url[i] == ' ') ++i;
    if (i >= url.size() || url[i] != '=') continue;
    ++i;
    while (i < url.size() && url[i] == ' ') ++i;
    std::string value;
    if (i < url.size() && url[i] == '\'') {
      for (++i; i < url.size() && url[i] != '\''; ++i) {
        if (url[i] == '\\' && i + 1 < url.size()) ++i;
        value += url[i];
      }
    } else {
      while (i < url.size() && url[i] != ' ' && url[i] != '&') value += url[i++];
    }
    if (!value.empty()) {
      out.push_back(value);
      out.push_back(PercentDecode(value));
    }
  }
  // Longest first, so a password containing another one is masked whole.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

void ReplaceAll(std::string& text, std::string_view what, std::string_view with) {
  if (what.empty()) return;
  for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + with.size())) {
    text.replace(pos, what.size(), with);
  }
}

}  // namespace

std::optional<std::string> SqlitePath(std::string_view url) {
  constexpr std::string_view kPrefix = "sqlite:";
  if (!url.starts_with(kPrefix)) return std::nullopt;
  url.remove_prefix(kPrefix.size());
  if (url.starts_with("//")) url.remove_prefix(2);
  return std::string(url);
}

sql::Dialect UrlDialect(std::string_view url) {
  if (SqlitePath(url)) return sql::Dialect::kSqlite;
  if (IsClickHouseUrl(url)) return sql::Dialect::kClickHouse;
  return sql::Dialect::kPostgres;
}

std::optional<std::string> CheckUrlForm(std::string_view url) {
  const auto rejected = [&] {
    return "unsupported database URL \"" + RedactUrl(url) + "\": expected " + std::string(kAcceptedUrlForms);
  };
  if (auto path = SqlitePath(url)) {
    if (path->empty()) return "empty SQLite path in database URL \"sqlite:\": expected sqlite:PATH";
    return std::nullopt;
  }
  if (IsClickHouseUrl(url)) {
    std::string problem;
    if (ParseClickHouseUrl(url, problem)) return std::nullopt;
    return "database URL \"" + RedactUrl(url) + "\": " + problem;
  }
  const bool uri = url.starts_with("postgresql://") || url.starts_with("postgres://");
  // Without "://" libpq reads key=value pairs; a bare word ("m.db") fails its parse, and a
  // string of only spaces parses to nothing, which would silently mean "all defaults".
  // A postgresql:// URI is libpq's to read: a bad option in it is reported when connecting.
  if (uri) return std::nullopt;
  if (url.find('=') == std::string_view::npos) return rejected();
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(std::string(url).c_str(), &error);
  const bool parsed = options != nullptr;
  if (options != nullptr) PQconninfoFree(options);
  if (error != nullptr) PQfreemem(error);  // libpq's text may quote the password: not shown
  if (!parsed) return rejected();
  return std::nullopt;
}

std::string RedactUrl(std::string_view url) { return ScrubPassword(std::string(url), url); }

std::string ScrubPassword(std::string message, std::string_view url) {
  for (const auto& password : Passwords(url)) ReplaceAll(message, password, kMask);
  return message;
}

}  // namespace videobot::db
