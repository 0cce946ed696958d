#pragma once
// Held-out question records (tests/cases/heldout/*.tsv): a question as a user would type it and the
// meaning intended — a plan, a refusal, or counters at a moment — evaluated by the oracle, never by
// the product.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "common/time.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"
#include "support/oracle.hpp"

namespace videobot::testing {

/// Counters at a moment: for each video, the counter of its latest measurement strictly before
/// `before` (0 when it has none by then), summed, or counted where `op value` holds.
struct StateQuery {
  plan::Aggregate aggregate = plan::Aggregate::kSum;  ///< kSum or kCount
  plan::Field field = plan::Field::kViews;            ///< a counter (views … reports)
  Instant before = 0;
  std::vector<std::string> creator_ids;  ///< empty: any creator
  std::vector<std::string> video_ids;    ///< empty: any video
  std::optional<plan::CompareOp> op;     ///< the threshold of a count
  std::int64_t value = 0;
};

/// The oracle's value of a state query.
std::int64_t EvaluateState(const Dataset& data, const StateQuery& query);

/// One held-out record.
struct HeldoutRecord {
  enum class Kind {
    kPlan,    ///< the intended plan's number is the only right number
    kRefuse,  ///< no number is right: the question is ambiguous or cannot be answered
    kState,   ///< the intended number is a StateQuery's
  };
  std::string file;
  int line = 0;
  std::string question;
  Kind kind = Kind::kPlan;
  std::optional<plan::Plan> plan;
  std::optional<StateQuery> state;
  plan::TimeContext context;      ///< the product's clock and configured zone
  std::string zone_text = "UTC";  ///< the configured zone as written (for `--tz`)
  UtcOffset intended_offset;      ///< the zone the intended plan is evaluated in
};

/// Completes a plan written with keys left out (action "query", source "videos", aggregate
/// "count", everything else null or empty; a period's missing keys null) and validates it.
Result<plan::Plan> ParseCompactPlan(std::string_view text);

/// Reads the records of one file. Lines: `QUESTION<TAB>EXPECTED[<TAB>tz ZONE]`, `@now T`,
/// `@offset ZONE`, `#` comments, blank lines. Throws std::runtime_error naming file:line on a
/// malformed line or an intended plan that does not validate.
std::vector<HeldoutRecord> LoadHeldoutRecords(const std::string& path);

}  // namespace videobot::testing
