#pragma once
// Video ids sent to the server in bulk as JSON arrays of text, expanded server-side
// (TransactionalEngineSql::InsertIdsFromJson: jsonb_array_elements_text on PostgreSQL, json_each
// on SQLite) (internal to db/).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace videobot::db {

/// `ids` as JSON arrays of at most `per_array` strings each (none for no ids).
std::vector<std::string> JsonIdArrays(std::span<const std::string_view> ids, std::size_t per_array);

/// Ids travel to the server as JSON arrays of this many elements (one statement each).
inline constexpr std::size_t kIdsPerStatement = 5000;

/// Adds `ids` to the temporary table `table` (one text column with a primary key; ids already
/// there are skipped), then gives the planner its real size where the engine needs it
/// (AnalyzeAfterFill). Throws DatabaseError.
void FillIdTable(Database& database, std::string_view table, std::span<const std::string_view> ids);

}  // namespace videobot::db
