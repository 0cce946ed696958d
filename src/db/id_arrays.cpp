#include "db/id_arrays.hpp"

#include <algorithm>
#include <cstdio>

#include "db/engine_sql.hpp"

namespace videobot::db {
namespace {

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace

std::vector<std::string> JsonIdArrays(std::span<const std::string_view> ids, std::size_t per_array) {
  std::vector<std::string> arrays;
  for (std::size_t first = 0; first < ids.size(); first += per_array) {
    std::string json = "[";
    const std::size_t last = std::min(ids.size(), first + per_array);
    for (std::size_t i = first; i < last; ++i) {
      if (i != first) json += ',';
      AppendJsonString(json, ids[i]);
    }
    json += ']';
    arrays.push_back(std::move(json));
  }
  return arrays;
}

void FillIdTable(Database& database, std::string_view table, std::span<const std::string_view> ids) {
  const std::string fill = TransactionalSql(database).InsertIdsFromJson(table);
  for (auto& json : JsonIdArrays(ids, kIdsPerStatement)) database.Execute(sql::Query{fill, {std::move(json)}});
  AnalyzeAfterFill(database, table);
}

}  // namespace videobot::db
