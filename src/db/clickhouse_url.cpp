#include "db/clickhouse_url.hpp"

#include <charconv>

#include "common/text.hpp"

namespace videobot::db {
namespace {

constexpr std::string_view kScheme = "clickhouse://";

bool IsName(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// "host:port" with a port in 1…65535; "" when malformed.
bool IsEndpoint(std::string_view endpoint) {
  const auto colon = endpoint.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string_view port = endpoint.substr(colon + 1);
  unsigned value = 0;
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (error != std::errc() || end != port.data() + port.size()) return false;
  if (value == 0 || value > 65535) return false;
  for (const char c : endpoint.substr(0, colon)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool ParseOptions(std::string_view query, ClickHouseUrl& out, std::string& problem) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view option = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (!option.starts_with("cluster=")) {
      problem = "unknown option in the ClickHouse URL: only ?cluster=NAME is accepted";
      return false;
    }
    out.cluster = std::string(option.substr(8));
    if (!IsName(out.cluster)) {
      problem = "the cluster name in the ClickHouse URL must be letters, digits and _";
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsClickHouseUrl(std::string_view url) { return url.starts_with(kScheme); }

std::optional<ClickHouseUrl> ParseClickHouseUrl(std::string_view url, std::string& problem) {
  if (!IsClickHouseUrl(url)) {
    problem = "not a clickhouse:// URL";
    return std::nullopt;
  }
  url.remove_prefix(kScheme.size());
  ClickHouseUrl out;
  const auto slash = url.find('/');
  if (slash == std::string_view::npos) {
    problem = "the ClickHouse URL names no database: expected clickhouse://HOST:PORT/DATABASE";
    return std::nullopt;
  }
  std::string_view authority = url.substr(0, slash);
  std::string_view rest = url.substr(slash + 1);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view user_info = authority.substr(0, at);
    const auto colon = user_info.find(':');
    out.user = PercentDecode(user_info.substr(0, colon));
    if (colon != std::string_view::npos) out.password = PercentDecode(user_info.substr(colon + 1));
    authority = authority.substr(at + 1);
  }
  if (out.user.empty()) out.user = "default";
  while (true) {
    const auto comma = authority.find(',');
    const std::string_view endpoint = authority.substr(0, comma);
    if (!IsEndpoint(endpoint)) {
      problem = "each ClickHouse host must be HOST:PORT (the HTTP port, 1…65535)";
      return std::nullopt;
    }
    out.hosts.emplace_back(endpoint);
    if (comma == std::string_view::npos) break;
    authority = authority.substr(comma + 1);
  }
  const auto question = rest.find('?');
  out.database = std::string(rest.substr(0, question));
  if (!IsName(out.database)) {
    problem = "the database name in the ClickHouse URL must be letters, digits and _";
    return std::nullopt;
  }
  if (question != std::string_view::npos && !ParseOptions(rest.substr(question + 1), out, problem)) return std::nullopt;
  if (out.hosts.size() > 1 && out.cluster.empty()) {
    problem = "a ClickHouse URL with several hosts needs ?cluster=NAME (the cluster in the servers' remote_servers)";
    return std::nullopt;
  }
  return out;
}

}  // namespace videobot::db
