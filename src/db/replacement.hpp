#pragma once
// What a replacing load (LoadOptions::replace) removes besides what it writes (internal to db/).

#include <cstdint>
#include <span>
#include <string_view>

#include "db/database.hpp"

namespace videobot::db {

/// Removes every stored video whose id is not in `kept`, with its snapshots and its rows of the
/// per-video rollups, inside the caller's open transaction (the loader's), and notes their days
/// (NoteTouchedDays) so that the following RefreshRollups recomputes the day totals and creator
/// hours of those days. Returns how many videos were removed. Throws DatabaseError.
std::int64_t RemoveVideosNotIn(Database& database, std::span<const std::string_view> kept);

}  // namespace videobot::db
