#pragma once
// Test documents: generated ones, and what a loaded database must contain for a document.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace videobot::db::testing {

/// A generated document (see datagen::Generate).
std::string GeneratedDocument(int videos, std::uint64_t seed, int creators = 5);

/// The rows a database must hold after loading `document` into an empty one, in the format of
/// DumpTables (ids lowercase, timestamps as microseconds), computed independently of the loader.
std::vector<std::string> ExpectedRows(const nlohmann::json& document);

/// Counts and sums over the loaded tables.
struct Totals {
  std::int64_t videos = 0;
  std::int64_t snapshots = 0;
  std::int64_t views = 0, likes = 0, comments = 0, reports = 0;
  std::int64_t delta_views = 0, delta_likes = 0, delta_comments = 0, delta_reports = 0;
  friend bool operator==(const Totals&, const Totals&) = default;
};

Totals TotalsOf(const nlohmann::json& document);
Totals TotalsIn(Database& database);

std::ostream& operator<<(std::ostream& out, const Totals& totals);

}  // namespace videobot::db::testing
