#include "sql_text_check.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

#include "fuzz_input.hpp"
#include "support/test_env.hpp"

namespace videobot::fuzz {
namespace {

// Keywords, functions, casts and the output aliases the compiler writes around schema names.
const std::set<std::string> kKeywords = {
    "SELECT",
    "FROM",
    "WHERE",
    "AND",
    "IN",
    "AS",
    "JOIN",
    "ON",
    "GROUP",
    "BY",
    "ORDER",
    "ASC",
    "DESC",
    "LIMIT",
    "COUNT",
    "DISTINCT",
    "COALESCE",
    "SUM",
    "AVG",
    "MIN",
    "MAX",
    "AT",
    "TIME",
    "ZONE",
    "COLLATE",
    "bigint",
    "text",
    "timestamptz",
    "double",
    "precision",
    "interval",
    "date",
    "key",
    "value",
    // Series bucket keys.
    "strftime",
    "to_char",
    "date_trunc",
};

// ClickHouse's functions and keywords, the civil-date lambdas' variables and the state join's
// columns (sql_builder.cpp, compiler.cpp, state.cpp).
const std::set<std::string> kClickHouseWords = {
    "if",
    "modulo",
    "count",
    "sum",
    "avg",
    "min",
    "max",
    "throwIf",
    "abs",
    "toFloat64",
    "toInt64",
    "intDiv",
    "arrayElement",
    "arrayMap",
    "concat",
    "substring",
    "toString",
    "argMax",
    "ANY",
    "LEFT",
    "USING",
    "NULL",
    "z",
    "era",
    "doe",
    "yoe",
    "doy",
    "mp",
    "st_views_count",
    "st_likes_count",
    "st_comments_count",
    "st_reports_count",
};
const std::set<std::string> kClickHouseNumbers = {
    "1",     "2",     "3",      "7",      "3600000000", "4",           "5",
    "9",     "10",    "100",    "153",    "365",        "400",         "1460",
    "10000", "36524", "146096", "146097", "719468",     "86400000000", "9223372036854775807"};
const std::set<std::string> kClickHouseOperators = {"[", "]", "->", "-"};

// The schema's table and column names, read from the migration files (both dialects).
struct Schema {
  std::set<std::string> tables;
  std::set<std::string> columns;
};

const Schema& ReadSchema() {
  static const Schema schema = [] {
    Schema out;
    static const std::regex kTable(R"(CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+) \()");
    static const std::regex kColumn(R"(^\s+([a-z_]+)\s+[A-Za-z]+)");
    for (const char* dialect : {"postgres", "sqlite", "clickhouse"}) {
      for (const auto& entry : std::filesystem::directory_iterator(testing::SourceDir() + "/migrations/" + dialect)) {
        std::ifstream in(entry.path());
        std::string line;
        bool in_table = false;
        while (std::getline(in, line)) {
          std::smatch match;
          if (std::regex_search(line, match, kTable)) {
            out.tables.insert(match[1]);
            in_table = true;
          } else if (in_table && line.starts_with(")")) {
            in_table = false;
          } else if (in_table && std::regex_search(line, match, kColumn)) {
            out.columns.insert(match[1]);
          }
        }
      }
    }
    return out;
  }();
  return schema;
}

bool IsWordStartText(const std::string& word) {
  return !word.empty() && ((word[0] >= 'a' && word[0] <= 'z') || (word[0] >= 'A' && word[0] <= 'Z'));
}

// Aliases the query declares: the word after a schema table name ("videos v") or after the
// closing parenthesis of a derived table ("(SELECT …) h").
std::set<std::string> DeclaredAliases(const std::string& text) {
  std::set<std::string> aliases;
  const auto words = SplitSpaces(text);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const bool table = ReadSchema().tables.contains(words[i]) || words[i].ends_with(")");
    if (table && ReadSchema().tables.count(words[i + 1]) == 0 && !kKeywords.contains(words[i + 1]) &&
        IsWordStartText(words[i + 1])) {
      aliases.insert(words[i + 1]);
    }
  }
  return aliases;
}

// A word is a keyword, a schema table or column, a declared alias, or alias.column (a column of a
// derived table being a schema column or an output alias: key, value).
bool IsKnownWord(const std::string& word, const std::set<std::string>& aliases) {
  if (kKeywords.contains(word) || ReadSchema().tables.contains(word) || ReadSchema().columns.contains(word) ||
      aliases.contains(word)) {
    return true;
  }
  const auto dot = word.find('.');
  if (dot == std::string::npos || word.find('.', dot + 1) != std::string::npos) return false;
  const std::string column = word.substr(dot + 1);
  return aliases.contains(word.substr(0, dot)) &&
         (ReadSchema().columns.contains(column) || column == "key" || column == "value");
}

const std::set<std::string> kLiterals = {"':00'", "' '", "'UTC'", "'unixepoch'", "'1 microsecond'",
                                         // Series bucket keys (sql_builder.cpp, SqlBuilder::BucketKey).
                                         "'%Y-%m-%d %H:00'", "'%Y-%m'", "'-6 days'", "'weekday 1'",
                                         "'YYYY-MM-DD HH24:00'", "'YYYY-MM-DD'", "'YYYY-MM'", "'week'", "'-'"};
const std::set<std::string> kQuotedNames = {"\"C\""};  // the byte-order collation
const std::set<std::string> kNumbers = {"0", "1", "2", "1000000"};
const std::set<std::string> kOperators = {"(", ")", ",", "*", "+", "/", "::", "<", "<=", ">", ">=", "=", "<>"};

bool IsWordStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsWordChar(char c) { return IsWordStart(c) || (c >= '0' && c <= '9') || c == '.'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

::testing::AssertionResult Reject(const sql::Query& query, const std::string& why) {
  return ::testing::AssertionFailure() << why << " in SQL «" << Escape(query.text) << "»";
}

}  // namespace

::testing::AssertionResult SqlUsesOnlyCatalogue(const sql::Query& query, sql::Dialect dialect) {
  const std::string& text = query.text;
  const char placeholder = dialect == sql::Dialect::kPostgres ? '$' : '?';
  const bool clickhouse = dialect == sql::Dialect::kClickHouse;
  const std::set<std::string> aliases = DeclaredAliases(text);
  std::set<std::size_t> used;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    if (c == '\'') {
      const auto end = text.find('\'', i + 1);
      if (end == std::string::npos) return Reject(query, "unterminated literal");
      const std::string literal = text.substr(i, end - i + 1);
      if (!kLiterals.contains(literal)) return Reject(query, "literal " + Escape(literal) + " is not the compiler's");
      i = end + 1;
      continue;
    }
    if (c == '"') {
      const auto end = text.find('"', i + 1);
      if (end == std::string::npos) return Reject(query, "unterminated quoted name");
      const std::string name = text.substr(i, end - i + 1);
      if (!kQuotedNames.contains(name)) return Reject(query, "quoted name " + Escape(name) + " is not the compiler's");
      i = end + 1;
      continue;
    }
    if (c == placeholder) {
      std::size_t j = i + 1;
      while (j < text.size() && IsDigit(text[j])) ++j;
      if (j == i + 1) return Reject(query, std::string("bare ") + c);
      const std::size_t number = std::stoul(text.substr(i + 1, j - i - 1));
      if (number < 1 || number > query.params.size()) {
        return Reject(query, "placeholder " + text.substr(i, j - i) + " beyond the " +
                                 std::to_string(query.params.size()) + " parameters");
      }
      used.insert(number);
      i = j;
      continue;
    }
    if (IsWordStart(c)) {
      std::size_t j = i;
      while (j < text.size() && IsWordChar(text[j])) ++j;
      const std::string word = text.substr(i, j - i);
      if (!IsKnownWord(word, aliases) && !(clickhouse && kClickHouseWords.contains(word)))
        return Reject(query, "identifier «" + Escape(word) + "» is not in the schema");
      i = j;
      continue;
    }
    if (IsDigit(c)) {
      std::size_t j = i;
      while (j < text.size() && IsDigit(text[j])) ++j;
      const std::string number = text.substr(i, j - i);
      if (!kNumbers.contains(number) && !(clickhouse && kClickHouseNumbers.contains(number)))
        return Reject(query, "numeric literal " + number + " in the text");
      i = j;
      continue;
    }
    // Operators: the longest match first.
    const std::string two = text.substr(i, 2);
    if (two.size() == 2 && (kOperators.contains(two) || (clickhouse && kClickHouseOperators.contains(two)))) {
      i += 2;
      continue;
    }
    const std::string one(1, c);
    if (kOperators.contains(one) || (clickhouse && kClickHouseOperators.contains(one))) {
      ++i;
      continue;
    }
    return Reject(query, "character «" + Escape(one) + "» outside the vocabulary");
  }
  if (used.size() != query.params.size()) {
    return Reject(query, std::to_string(query.params.size()) + " parameters but " + std::to_string(used.size()) +
                             " distinct placeholders");
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult ParamsHaveKnownShapes(const sql::Query& query) {
  static const std::regex kShapes(
      "[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|"
      "[0-9]{4,5}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}\\+00");
  for (std::size_t i = 0; i < query.params.size(); ++i) {
    const auto* text = std::get_if<std::string>(&query.params[i]);
    if (text != nullptr && !std::regex_match(*text, kShapes)) {
      return ::testing::AssertionFailure() << "parameter " << i + 1 << " «" << Escape(*text) << "» has no known shape";
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace videobot::fuzz
