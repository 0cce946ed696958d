#pragma once
// ClickHouse's HTTP interface of the oldest supported server (18.16) cannot bind query
// parameters, so values reach the SQL text here, and only here: the one literal function, and the
// substitution of the ?N placeholders the compiler emits (the same numbering as SQLite's).

#include <string>
#include <string_view>
#include <vector>

#include "sql/query.hpp"

namespace videobot::db {

/// `value` as a ClickHouse literal: an integer in decimal, text in single quotes with `\` and `'`
/// (and control characters) escaped, so no value can end the literal.
std::string ClickHouseLiteral(const sql::Param& value);

/// `text` with every ?N placeholder (1-based) outside quoted strings and identifiers replaced by
/// ClickHouseLiteral(params[N-1]). Throws std::invalid_argument for a placeholder without a
/// parameter.
std::string InlineParams(std::string_view text, const std::vector<sql::Param>& params);

}  // namespace videobot::db
