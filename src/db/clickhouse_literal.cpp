#include "db/clickhouse_literal.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace videobot::db {
namespace {

std::string QuoteText(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\0': out += "\\0"; break;
      default: out += c;
    }
  }
  out += '\'';
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The index just past the quoted run that starts at `start` (quote char text[start]).
std::size_t SkipQuoted(std::string_view text, std::size_t start) {
  const char quote = text[start];
  for (std::size_t i = start + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      return i + 1;
    }
  }
  return text.size();
}

}  // namespace

std::string ClickHouseLiteral(const sql::Param& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return fmt::format("{}", *number);
  return QuoteText(std::get<std::string>(value));
}

std::string InlineParams(std::string_view text, const std::vector<sql::Param>& params) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\'' || c == '"' || c == '`') {
      const std::size_t end = SkipQuoted(text, i);
      out.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (c != '?' || i + 1 >= text.size() || !IsDigit(text[i + 1])) {
      out += c;
      ++i;
      continue;
    }
    std::size_t index = 0;
    for (++i; i < text.size() && IsDigit(text[i]); ++i) index = index * 10 + static_cast<std::size_t>(text[i] - '0');
    if (index == 0 || index > params.size()) throw std::invalid_argument("a placeholder without a parameter");
    out += ClickHouseLiteral(params[index - 1]);
  }
  return out;
}

}  // namespace videobot::db
