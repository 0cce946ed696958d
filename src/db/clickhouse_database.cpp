#include "db/clickhouse_database.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "db/clickhouse_literal.hpp"
#include "db/engine_sql.hpp"

namespace videobot::db {
namespace {

// No answer of a question comes close; a larger one is a bug or a hostile server.
constexpr std::size_t kMaxResponseBytes = 64u << 20;
// Loads and migrations are not bounded by the question timeout, only by this.
constexpr std::chrono::milliseconds kUntimedRequest{30 * 60 * 1000};
constexpr std::chrono::milliseconds kConnectTimeout{5000};

// ClickHouse error codes the product maps to its own errors.
constexpr int kTimeoutExceeded = 159;
constexpr int kThrowIfValueIsNonZero = 395;

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (const char byte : text) {
    const auto c = static_cast<unsigned char>(byte);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// Standard base64 with padding (OpenSSL's EVP_EncodeBlock), for HTTP basic authentication.
std::string Base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');  // EVP_EncodeBlock also writes a NUL
  const int written =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(data.data()),
                      static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

// "Code: 60, e.displayText() = …" → 60; 0 when the body holds no code. The server's own words
// (which may quote names and values) are never shown.
int ErrorCodeOf(std::string_view body) {
  const auto at = body.find("Code: ");
  if (at == std::string_view::npos) return 0;
  int code = 0;
  const char* begin = body.data() + at + 6;
  std::from_chars(begin, body.data() + body.size(), code);
  return code;
}

std::string UnescapeTsv(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 >= field.size()) {
      out += field[i];
      continue;
    }
    switch (field[++i]) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      default: out += field[i];
    }
  }
  return out;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    const auto tab = line.find('\t');
    out.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return out;
    line = line.substr(tab + 1);
  }
}

Value Cell(std::string_view field, std::string_view type) {
  if (type.starts_with("Nullable(")) {
    if (field == "\\N") return std::monostate{};
    type = type.substr(9, type.size() - 10);
  }
  if (type.starts_with("Int") || type.starts_with("UInt")) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (error != std::errc() || end != field.data() + field.size()) {
      throw ValueOutOfRangeError("ClickHouse: a result value outside the 64-bit integer range");
    }
    return value;
  }
  if (type.starts_with("Float")) {
    if (field == "nan" || field == "-nan") return std::monostate{};
    return std::strtod(std::string(field).c_str(), nullptr);
  }
  return UnescapeTsv(field);
}

// TabSeparatedWithNamesAndTypes: a line of names, a line of types, then the rows.
std::vector<Row> ParseRows(std::string_view body) {
  std::vector<Row> rows;
  std::vector<std::string_view> lines;
  while (!body.empty()) {
    const auto newline = body.find('\n');
    lines.push_back(body.substr(0, newline));
    if (newline == std::string_view::npos) break;
    body = body.substr(newline + 1);
  }
  if (lines.size() < 2) throw DatabaseError("ClickHouse: a malformed result (no header)");
  const auto types = SplitTabs(lines[1]);
  for (std::size_t i = 2; i < lines.size(); ++i) {
    const auto fields = SplitTabs(lines[i]);
    if (fields.size() != types.size()) throw DatabaseError("ClickHouse: a malformed result row");
    Row row;
    row.reserve(fields.size());
    for (std::size_t c = 0; c < fields.size(); ++c) row.push_back(Cell(fields[c], types[c]));
    rows.push_back(std::move(row));
  }
  return rows;
}

bool IsBlank(std::string_view statement) { return statement.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

const EngineSql& ClickHouseDatabase::engine() const { return ClickHouseEngine(); }

std::vector<std::string> SplitStatements(std::string_view script) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < script.size(); ++i) {
    const char c = script[i];
    if (c == '-' && i + 1 < script.size() && script[i + 1] == '-') {
      while (i < script.size() && script[i] != '\n') ++i;
      current += '\n';
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      const std::size_t start = i;
      for (++i; i < script.size() && script[i] != c; ++i) {
        if (script[i] == '\\') ++i;
      }
      current.append(script.substr(start, i - start + 1));
      continue;
    }
    if (c == ';') {
      if (!IsBlank(current)) out.push_back(std::move(current));
      current.clear();
      continue;
    }
    current += c;
  }
  if (!IsBlank(current)) out.push_back(std::move(current));
  return out;
}

ClickHouseDatabase::ClickHouseDatabase(const ClickHouseUrl& url, std::string redacted_url)
    : url_(url), redacted_url_(std::move(redacted_url)) {
  net::CurlOptions options;
  options.connect_timeout = kConnectTimeout;
  options.max_response_bytes = kMaxResponseBytes;
  http_ = net::MakeCurlHttpClient(options);
  for (std::size_t host = 0; host < url_.hosts.size(); ++host) {
    try {
      Send(host, "SELECT 1");
      active_ = host;
      return;
    } catch (const DatabaseError&) {
      // Try the next host.
    }
  }
  throw DatabaseError("ClickHouse: no host of " + redacted_url_ + " answered");
}

net::HttpResponse ClickHouseDatabase::Post(std::size_t host, std::string_view query, std::string body, bool timed) {
  net::HttpRequest request;
  request.method = "POST";
  request.url = fmt::format("http://{}/?database={}", url_.hosts.at(host), UrlEncode(url_.database));
  // Tables are co-sharded by the video id: subqueries over Distributed tables run shard-locally.
  if (is_cluster()) request.url += "&distributed_product_mode=local";
  const bool timeout_set = timed && statement_timeout_.count() > 0;
  if (timeout_set) {
    const auto seconds = (statement_timeout_.count() + 999) / 1000;
    request.url += fmt::format("&max_execution_time={}&timeout_overflow_mode=throw", seconds);
    request.timeout = statement_timeout_ + std::chrono::milliseconds(10'000);
  } else {
    request.timeout = kUntimedRequest;
  }
  if (body.empty()) {
    request.body = std::string(query);
  } else {
    request.url += "&insert_distributed_sync=1&query=" + UrlEncode(query);
    request.body = std::move(body);
  }
  request.headers.emplace_back("Authorization", "Basic " + Base64(url_.user + ":" + url_.password));
  try {
    return http_->Send(request);
  } catch (const net::ResponseTooLargeError&) {
    throw DatabaseError("ClickHouse: a response larger than " + std::to_string(kMaxResponseBytes) + " bytes from " +
                        url_.hosts.at(host));
  } catch (const net::NetworkError& error) {
    if (error.timed_out() && timeout_set) throw QueryTimeoutError("ClickHouse: the statement timed out");
    throw DatabaseError("ClickHouse: " + url_.hosts.at(host) + " is unreachable (" +
                        std::string(error.timed_out() ? "timed out" : "connection failed") + ")");
  }
}

std::string ClickHouseDatabase::Send(std::size_t host, std::string_view query, std::string body, bool timed) {
  auto response = Post(host, query, std::move(body), timed);
  if (response.status == 200) return std::move(response.body);
  const int code = ErrorCodeOf(response.body);
  if (code == kTimeoutExceeded) throw QueryTimeoutError("ClickHouse: the statement timed out (code 159)");
  if (code == kThrowIfValueIsNonZero) {
    throw ValueOutOfRangeError("ClickHouse: a sum left the 64-bit integer range (code 395)");
  }
  if (response.status == 401 || response.status == 403 || code == 516 || code == 192 || code == 193) {
    throw DatabaseError(fmt::format("ClickHouse: authentication failed at {} (HTTP {}, code {})", url_.hosts.at(host),
                                    response.status, code));
  }
  throw DatabaseError(
      fmt::format("ClickHouse: statement failed at {} (HTTP {}, code {})", url_.hosts.at(host), response.status, code));
}

std::vector<Row> ClickHouseDatabase::Query(const sql::Query& query) {
  std::string text;
  try {
    text = InlineParams(query.text, query.params);
  } catch (const std::invalid_argument&) {
    throw DatabaseError("ClickHouse: a statement with a placeholder that has no parameter");
  }
  return ParseRows(Send(active_, text + " FORMAT TabSeparatedWithNamesAndTypes"));
}

std::vector<Row> ClickHouseDatabase::QueryOn(std::size_t host, std::string_view query) {
  return ParseRows(Send(host, std::string(query) + " FORMAT TabSeparatedWithNamesAndTypes", {}, false));
}

void ClickHouseDatabase::Execute(std::string_view statements) {
  for (const auto& statement : SplitStatements(statements)) Send(active_, statement, {}, false);
}

void ClickHouseDatabase::Execute(const sql::Query& statement) {
  try {
    Send(active_, InlineParams(statement.text, statement.params), {}, false);
  } catch (const std::invalid_argument&) {
    throw DatabaseError("ClickHouse: a statement with a placeholder that has no parameter");
  }
}

void ClickHouseDatabase::ExecuteOn(std::size_t host, std::string_view statement) { Send(host, statement, {}, false); }

void ClickHouseDatabase::InsertTabSeparated(std::string_view table, std::string rows) {
  if (rows.empty()) return;
  Send(active_, fmt::format("INSERT INTO {} FORMAT TabSeparated", table), std::move(rows), false);
}

}  // namespace videobot::db
