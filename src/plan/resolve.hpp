#pragma once
// Turns a plan's periods into half-open UTC instant ranges [from, to), given "now" and the
// configured time zone. Pure: the same inputs always give the same range.

#include <optional>

#include "common/time.hpp"
#include "plan/plan.hpp"

namespace videobot::plan {

/// A half-open instant range; an absent end is unbounded.
struct InstantRange {
  std::optional<Instant> from;
  std::optional<Instant> to;
  friend bool operator==(const InstantRange&, const InstantRange&) = default;
};

/// What periods are resolved against.
struct TimeContext {
  Instant now = 0;
  UtcOffset offset;  ///< the configured time zone (UTC by default)
};

/// The context a plan is read in: `context` with the plan's named time zone (`Plan::time_zone`)
/// instead of the configured one when the question named a zone.
TimeContext ContextFor(const Plan& plan, const TimeContext& context);

/// Resolves a semantically valid period. Weeks start on Monday; "last_n_days" is the N calendar
/// days ending with today (today included); "last_n_hours" is [now − N h, now).
InstantRange Resolve(const Period& period, const TimeContext& context);

/// The moment of a state plan as a UTC instant E such that the state is made of the snapshots
/// measured strictly before E (and of the videos published before E): for a date, the next
/// midnight in the configured zone; for a date and time T, T + 1 µs (T itself included).
/// Nullopt when the plan has no moment (not a state plan).
std::optional<Instant> ResolveMoment(const Plan& plan, const TimeContext& context);

}  // namespace videobot::plan
