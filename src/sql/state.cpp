#include "sql/state.hpp"

#include <fmt/format.h>

#include "sql/catalogue.hpp"

namespace videobot::sql {

std::string StateCounter(plan::Field field, std::string_view moment) {
  return fmt::format("COALESCE((SELECT {} FROM {} WHERE {} = {} AND {} < {} ORDER BY {} DESC LIMIT 1), 0)",
                     catalogue::NumericColumn(plan::Source::kSnapshots, field), catalogue::kSnapshots,
                     catalogue::kSnapshotVideoId, catalogue::kVideoId, catalogue::kMeasuredAt, moment,
                     catalogue::kMeasuredAt);
}

std::string PublishedBeforeMoment(std::string_view moment) {
  return fmt::format("{} < {}", catalogue::kPublishedAt, moment);
}

}  // namespace videobot::sql
