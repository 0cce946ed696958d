#pragma once
// What the data can answer: a validated query plan is checked against the data's coverage
// (db::Coverage) before it runs, so that an empty database or a period the data does not reach
// gets a refusal that names the covered range instead of a silent 0 (DOMAIN.md, «What the data
// covers»). Pure: no I/O.

#include <optional>
#include <string>

#include "common/error.hpp"
#include "db/coverage.hpp"
#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::service {

/// The refusal for `plan` over data covering `coverage`, or nothing when the data can answer:
/// - nothing loaded → kDataEmpty;
/// - a snapshot question whose measurement period lies entirely before the first or after the
///   last measurement, or a snapshot question over data without snapshots → kOutsideCoverage;
/// - a state question whose moment lies before the first or after the last measurement (the
///   counters then are unknown, not 0) → kOutsideCoverage;
/// - a publication period that starts after the data's last observation (the later of the last
///   measurement and the last publication) → kOutsideCoverage.
/// A period that overlaps the covered range, and a publication period before the first
/// publication (a true 0: the videos table holds every video), are answerable.
std::optional<Error> CheckCoverage(const plan::Plan& plan, const db::Coverage& coverage,
                                   const plan::TimeContext& context);

/// "26.11.2025 11:00" in the configured zone.
std::string FormatMoment(Instant instant, UtcOffset offset);

/// "UTC" or "UTC+03:00".
std::string ZoneLabel(UtcOffset offset);

}  // namespace videobot::service
