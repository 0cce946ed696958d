#pragma once
// A brute-force evaluator of plans directly over a videos.json document, independent of SQL.
// The differential tests check PostgreSQL and SQLite answers against it.

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/metrics.hpp"
#include "common/time.hpp"
#include "db/database.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::testing {

struct OracleSnapshot {
  metrics::PerMetric<std::int64_t> counters{};  ///< in catalogue order
  metrics::PerMetric<std::int64_t> deltas{};
  Instant measured_at = 0;
};

struct OracleVideo {
  std::string id;
  std::string creator_id;
  Instant published_at = 0;
  metrics::PerMetric<std::int64_t> counters{};
  std::vector<OracleSnapshot> snapshots;
};

struct Dataset {
  std::vector<OracleVideo> videos;
};

/// Parses a whole videos.json document (test-sized data only: it builds a DOM).
Dataset ParseDataset(const std::string& json_text);

/// A scalar (db::Value: int64, double or null) or grouped rows (key, value); for a series, every
/// bucket of its period in time order (0 where no row falls).
struct OracleResult {
  db::Value scalar;
  std::vector<std::pair<std::string, db::Value>> rows;
};

/// Evaluates a validated query plan; the plan's time zone, when it names one, replaces `time`'s.
OracleResult Evaluate(const Dataset& data, const plan::Plan& plan, const plan::TimeContext& time);

}  // namespace videobot::testing
