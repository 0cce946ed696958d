#pragma once
// Video ids sent to the server in bulk as JSON arrays of text, expanded server-side
// (jsonb_array_elements_text on PostgreSQL, json_each on SQLite) (internal to db/).

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sql/query.hpp"

namespace videobot::db {

/// `ids` as JSON arrays of at most `per_array` strings each (none for no ids).
std::vector<std::string> JsonIdArrays(std::span<const std::string_view> ids, std::size_t per_array);

/// An INSERT that adds the ids of the JSON array bound as parameter 1 to `table` (one text
/// column with a primary key), skipping ids already there.
std::string InsertIdsFromJson(sql::Dialect dialect, std::string_view table);

}  // namespace videobot::db
