#include "sql/compiler.hpp"

#include <fmt/format.h>

#include <cassert>
#include <stdexcept>
#include <string>
#include <vector>

#include "sql/catalogue.hpp"
#include "sql/rollup.hpp"
#include "sql/sql_builder.hpp"
#include "sql/state.hpp"

namespace videobot::sql {
namespace {

using plan::Aggregate;
using plan::Field;
using plan::GroupBy;
using plan::Plan;
using plan::Source;

bool IsSnapshots(const Plan& plan) { return plan.source == Source::kSnapshots; }

// The expression of a counter or delta: a column of the plan's table, or for a state plan the
// counter as of the moment bound at placeholder `moment`.
std::string NumericExpression(const Plan& plan, Field field, const std::string& moment, Dialect dialect) {
  if (plan.source == Source::kState && dialect == Dialect::kClickHouse) return ClickHouseStateCounter(field);
  if (plan.source == Source::kState) return StateCounter(field, moment);
  return std::string(catalogue::NumericColumn(plan.source, field));
}

// Snapshot plans join the videos table only when they need one of its columns.
bool NeedsVideosJoin(const Plan& plan) {
  if (!IsSnapshots(plan)) return false;
  const auto& f = plan.filters;
  const bool field_needs = plan.field == Field::kCreatorId || plan.field == Field::kPublicationDate;
  const bool group_needs = plan.group_by == GroupBy::kCreator || plan.group_by == GroupBy::kPublicationDate ||
                           (plan.series && plan.series->time == plan::SeriesTime::kPublication);
  return !f.creator_ids.empty() || f.published || f.hours_after_publication || field_needs || group_needs;
}

std::string VideoIdColumn(const Plan& plan) {
  return std::string(IsSnapshots(plan) ? catalogue::kSnapshotVideoId : catalogue::kVideoId);
}

// The expression a count_distinct field or a group key stands for.
std::string KeyExpression(Field field, const Plan& plan, SqlBuilder& sql, UtcOffset offset) {
  const auto key = plan::KeyOf(field);
  if (!key) return std::string(catalogue::NumericColumn(plan.source, field));
  switch (*key) {
    case plan::KeyField::kVideoId: return VideoIdColumn(plan);
    case plan::KeyField::kCreatorId: return std::string(catalogue::kCreatorId);
    case plan::KeyField::kPublicationDate: return sql.LocalDate(catalogue::kPublishedAt, offset);
    case plan::KeyField::kMeasurementDate: return sql.LocalDate(catalogue::kMeasuredAt, offset);
  }
  throw std::logic_error("unknown field");
}

Field GroupKeyField(GroupBy group_by) {
  switch (group_by) {
    case GroupBy::kCreator: return Field::kCreatorId;
    case GroupBy::kVideo: return Field::kVideoId;
    case GroupBy::kPublicationDate: return Field::kPublicationDate;
    case GroupBy::kMeasurementDate: return Field::kMeasurementDate;
  }
  return Field::kVideoId;
}

// ClickHouse: sum() of Int64 wraps around silently and avg/min/max of no rows are nan/0, so a
// sum past the 64-bit range throws (as on the other engines) and empty sets give NULL.
std::string ClickHouseAggregate(Aggregate aggregate, const std::string& column) {
  switch (aggregate) {
    case Aggregate::kSum:
      return fmt::format("(sum({0}) + 0 * throwIf(abs(sum(toFloat64({0}))) >= 9223372036854775807))", column);
    case Aggregate::kAvg: return fmt::format("if(count() = 0, NULL, avg({}))", column);
    case Aggregate::kMin: return fmt::format("if(count() = 0, NULL, min({}))", column);
    case Aggregate::kMax: return fmt::format("if(count() = 0, NULL, max({}))", column);
    case Aggregate::kCount:
    case Aggregate::kCountDistinct: break;  // not over a numeric column
  }
  throw std::logic_error("not an aggregate over a numeric column");
}

std::string AggregateExpression(const Plan& plan, SqlBuilder& sql, UtcOffset offset, const std::string& moment) {
  const bool pg = sql.dialect() == Dialect::kPostgres;
  switch (plan.aggregate) {
    case Aggregate::kCount: return "COUNT(*)";
    case Aggregate::kCountDistinct: {
      const bool text_key = plan.field == Field::kVideoId || plan.field == Field::kCreatorId;
      const std::string key = KeyExpression(*plan.field, plan, sql, offset);
      return fmt::format("COUNT(DISTINCT {})", text_key ? BinaryText(sql.dialect(), key) : key);
    }
    case Aggregate::kSum:
    case Aggregate::kAvg:
    case Aggregate::kMin:
    case Aggregate::kMax: break;  // over a numeric column, below
  }
  const std::string column = NumericExpression(plan, *plan.field, moment, sql.dialect());
  if (sql.dialect() == Dialect::kClickHouse) return ClickHouseAggregate(plan.aggregate, column);
  switch (plan.aggregate) {
    case Aggregate::kSum: return fmt::format("COALESCE(SUM({}), 0){}", column, pg ? "::bigint" : "");
    case Aggregate::kAvg: return fmt::format("AVG({}){}", column, pg ? "::double precision" : "");
    case Aggregate::kMin: return fmt::format("MIN({})", column);
    case Aggregate::kMax: return fmt::format("MAX({})", column);
    case Aggregate::kCount:
    case Aggregate::kCountDistinct: break;  // returned above
  }
  throw std::logic_error("not an aggregate over a numeric column");
}

void AddRange(std::vector<std::string>& where, std::string_view column, const plan::InstantRange& range,
              SqlBuilder& sql) {
  if (range.from) where.push_back(fmt::format("{} >= {}", column, sql.At(*range.from)));
  if (range.to) where.push_back(fmt::format("{} < {}", column, sql.At(*range.to)));
}

std::string InList(std::string_view column, const std::vector<std::string>& values, SqlBuilder& sql) {
  std::string list;
  for (const auto& value : values) {
    if (!list.empty()) list += ", ";
    list += sql.Text(value);
  }
  return fmt::format("{} IN ({})", column, list);
}

std::vector<std::string> WhereClauses(const Plan& plan, SqlBuilder& sql, const plan::TimeContext& time,
                                      const std::string& moment) {
  std::vector<std::string> where;
  const auto& f = plan.filters;
  if (plan.source == Source::kState) where.push_back(PublishedBeforeMoment(moment));
  if (!f.creator_ids.empty()) where.push_back(InList(catalogue::kCreatorId, f.creator_ids, sql));
  if (!f.video_ids.empty()) where.push_back(InList(VideoIdColumn(plan), f.video_ids, sql));
  if (f.published) AddRange(where, catalogue::kPublishedAt, plan::Resolve(*f.published, time), sql);
  if (f.measured) AddRange(where, catalogue::kMeasuredAt, plan::Resolve(*f.measured, time), sql);
  if (f.hours_after_publication) {
    where.push_back(fmt::format("{} >= {}", catalogue::kMeasuredAt, catalogue::kPublishedAt));
    where.push_back(fmt::format("{} < {}", catalogue::kMeasuredAt,
                                sql.Shift(catalogue::kPublishedAt, *f.hours_after_publication * kMicrosPerHour)));
  }
  for (const auto& c : f.conditions) {
    where.push_back(fmt::format("{} {} {}", NumericExpression(plan, c.field, moment, sql.dialect()),
                                catalogue::Operator(c.op), sql.Int(c.value)));
  }
  return where;
}

std::string FromClause(const Plan& plan, Dialect dialect, const std::string& moment) {
  if (plan.source == Source::kState && dialect == Dialect::kClickHouse) {
    return fmt::format("{} {}", catalogue::kVideos, ClickHouseStateJoin(moment));
  }
  if (!IsSnapshots(plan)) return std::string(catalogue::kVideos);
  // ClickHouse snapshots carry their video's creator and publication time: no join.
  if (dialect == Dialect::kClickHouse) return std::string(catalogue::kSnapshots);
  if (NeedsVideosJoin(plan)) return fmt::format("{} {}", catalogue::kSnapshots, catalogue::kJoinVideos);
  return std::string(catalogue::kSnapshots);
}

bool IsPerVideoRollup(RollupTable table) { return table == RollupTable::kDays || table == RollupTable::kAgeHours; }

std::string_view RollupTableName(RollupTable table) {
  switch (table) {
    case RollupTable::kDays: return catalogue::kSnapshotDays;
    case RollupTable::kAgeHours: return catalogue::kSnapshotAgeHours;
    case RollupTable::kDayTotals: return catalogue::kSnapshotDayTotals;
    case RollupTable::kCreatorHours: return catalogue::kSnapshotCreatorHours;
  }
  return catalogue::kSnapshotDays;
}

// The creator of a rollup row: its own column in the creator hours, the video's otherwise.
std::string_view RollupCreatorColumn(const RollupUse& use) {
  return use.table == RollupTable::kCreatorHours ? catalogue::kRollupCreatorId : catalogue::kCreatorId;
}

// The group key of a grouped plan answered from a rollup (alias d, videos v when joined).
std::string RollupGroupKey(GroupBy group_by, const RollupUse& use, SqlBuilder& sql, UtcOffset offset) {
  switch (group_by) {
    case GroupBy::kCreator: return std::string(RollupCreatorColumn(use));
    case GroupBy::kVideo: return std::string(catalogue::kRollupVideoId);
    case GroupBy::kPublicationDate: return sql.LocalDate(catalogue::kPublishedAt, offset);
    case GroupBy::kMeasurementDate: return sql.LocalDate(catalogue::kMeasuredDay, UtcOffset{});
  }
  return std::string(catalogue::kRollupVideoId);
}

// The SELECT list's key of a plan answered from a rollup: a series bucket of UTC days, a group key
// or none.
std::string RollupKey(const Plan& plan, const RollupUse& use, SqlBuilder& sql, UtcOffset offset) {
  if (plan.series) {
    return fmt::format("{} AS key, ", sql.BucketKey(catalogue::kMeasuredDay, UtcOffset{}, plan.series->bucket));
  }
  if (plan.group_by) return fmt::format("{} AS key, ", RollupGroupKey(*plan.group_by, use, sql, offset));
  return std::string();
}

// A plan answered from a per-video rollup joins videos when it filters or groups by a video column.
bool RollupNeedsVideos(const Plan& plan, const RollupUse& use) {
  if (!IsPerVideoRollup(use.table)) return false;
  const bool group_needs = plan.group_by == GroupBy::kCreator || plan.group_by == GroupBy::kPublicationDate;
  return !plan.filters.creator_ids.empty() || plan.filters.published.has_value() || group_needs;
}

std::vector<std::string> RollupWhere(const Plan& plan, const RollupUse& use, SqlBuilder& sql,
                                     const plan::TimeContext& time) {
  const auto& f = plan.filters;
  std::vector<std::string> where;
  if (!f.creator_ids.empty()) where.push_back(InList(RollupCreatorColumn(use), f.creator_ids, sql));
  if (!f.video_ids.empty()) where.push_back(InList(catalogue::kRollupVideoId, f.video_ids, sql));
  if (f.published) AddRange(where, catalogue::kPublishedAt, plan::Resolve(*f.published, time), sql);
  if (use.measured) {
    const bool hours = use.table == RollupTable::kCreatorHours;
    AddRange(where, hours ? catalogue::kMeasuredHour : catalogue::kMeasuredDay, *use.measured, sql);
  }
  if (use.table == RollupTable::kAgeHours) {
    where.push_back(fmt::format("{} < {}", catalogue::kAgeHour, sql.Int(use.age_hours)));
  }
  if (!use.condition.empty()) where.push_back(use.condition);
  return where;
}

std::string WhereText(const std::vector<std::string>& where) {
  return where.empty() ? std::string() : fmt::format(" WHERE {}", fmt::join(where, " AND "));
}

// A series from the creator hours: the rows are summed per hour first, then each hour's key is
// formatted in the plan's zone (a whole number of hours from UTC, so each hour lies in one bucket).
Query CompileCreatorHourSeries(const Plan& plan, const RollupUse& use, SqlBuilder& sql, const plan::TimeContext& time) {
  const auto where = RollupWhere(plan, use, sql, time);
  const std::string key = sql.BucketKey("h.measured_hour", time.offset, plan.series->bucket);
  Query query;
  query.text = fmt::format(
      "SELECT {} AS key, COALESCE(SUM(h.value), 0){} AS value FROM (SELECT {}, {} AS value FROM {}{} GROUP BY {}) h"
      " GROUP BY 1 ORDER BY 1",
      key, sql.dialect() == Dialect::kPostgres ? "::bigint" : "", catalogue::kMeasuredHour, use.measure,
      catalogue::kSnapshotCreatorHours, WhereText(where), catalogue::kMeasuredHour);
  query.shape = Shape::kSeries;
  return query;
}

// A snapshot plan answered from a rollup (see rollup.hpp).
Query CompileFromRollup(const Plan& plan, const RollupUse& use, SqlBuilder& sql, const plan::TimeContext& time) {
  if (plan.series && use.table == RollupTable::kCreatorHours) return CompileCreatorHourSeries(plan, use, sql, time);
  const std::string key = RollupKey(plan, use, sql, time.offset);
  const auto where = RollupWhere(plan, use, sql, time);
  Query query;
  query.text = fmt::format("SELECT {}COALESCE({}, 0){} AS value FROM {}{}", key, use.measure,
                           sql.dialect() == Dialect::kPostgres ? "::bigint" : "", RollupTableName(use.table),
                           RollupNeedsVideos(plan, use) ? fmt::format(" {}", catalogue::kJoinVideosToRollup) : "");
  query.text += WhereText(where);
  if (plan.series) {
    query.text += " GROUP BY 1 ORDER BY 1";
    query.shape = Shape::kSeries;
  }
  if (plan.group_by) {
    query.text += fmt::format(" GROUP BY 1 ORDER BY 2 {}, 1 ASC LIMIT {}",
                              plan.order == plan::Order::kAsc ? "ASC" : "DESC", sql.Int(plan.limit.value_or(10)));
    query.shape = Shape::kRows;
  }
  return query;
}

// The instant column a series is bucketed by.
std::string_view SeriesColumn(const plan::Series& series) {
  return series.time == plan::SeriesTime::kMeasurement ? catalogue::kMeasuredAt : catalogue::kPublishedAt;
}

void ReplaceAll(std::string& text, std::string_view what, std::string_view with) {
  for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + with.size())) {
    text.replace(pos, what.size(), with);
  }
}

// On ClickHouse a snapshot plan reads the video's columns from the snapshot row itself.
void UseSnapshotCopiesOfVideoColumns(std::string& text) {
  ReplaceAll(text, catalogue::kCreatorId, catalogue::kSnapshotCreatorId);
  ReplaceAll(text, catalogue::kPublishedAt, catalogue::kSnapshotPublishedAt);
}

}  // namespace

Query Compile(const Plan& plan, const CompileOptions& given) {
  assert(plan.action == plan::Action::kQuery);
  // A zone named in the question replaces the configured one for this plan.
  const CompileOptions options{given.dialect, plan::ContextFor(plan, given.time)};
  if (auto use = RollupFor(plan, options.time, options.dialect)) {
    SqlBuilder sql(options.dialect);
    Query query = CompileFromRollup(plan, *use, sql, options.time);
    query.params = sql.TakeParams();
    query.meanings = sql.TakeMeanings();
    return query;
  }
  SqlBuilder sql(options.dialect);
  const UtcOffset offset = options.time.offset;
  // A state plan binds its moment once (the first parameter); every use repeats the placeholder.
  const auto moment_at = plan::ResolveMoment(plan, options.time);
  const std::string moment = moment_at ? sql.At(*moment_at) : std::string();
  Query query;
  std::string select;
  if (plan.series) {
    select = fmt::format("SELECT {} AS key, ", sql.BucketKey(SeriesColumn(*plan.series), offset, plan.series->bucket));
    query.shape = Shape::kSeries;
  } else if (plan.group_by) {
    select = fmt::format("SELECT {} AS key, ", KeyExpression(GroupKeyField(*plan.group_by), plan, sql, offset));
    query.shape = Shape::kRows;
  } else {
    select = "SELECT ";
  }
  select += AggregateExpression(plan, sql, offset, moment) + " AS value";
  query.text = fmt::format("{} FROM {}", select, FromClause(plan, options.dialect, moment));
  const auto where = WhereClauses(plan, sql, options.time, moment);
  if (!where.empty()) query.text += fmt::format(" WHERE {}", fmt::join(where, " AND "));
  // ClickHouse before 22.7 has no positional GROUP BY / ORDER BY: it names the alias.
  if (plan.series)
    query.text += options.dialect == Dialect::kClickHouse ? " GROUP BY key ORDER BY key" : " GROUP BY 1 ORDER BY 1";
  if (plan.group_by) {
    const bool ascending = plan.order == plan::Order::kAsc;
    // ClickHouse before 22.7 has no positional GROUP BY / ORDER BY: it names the aliases.
    const bool positional = options.dialect != Dialect::kClickHouse;
    query.text += fmt::format(" GROUP BY {0} ORDER BY {1} {2}, {0} ASC LIMIT {3}", positional ? "1" : "key",
                              positional ? "2" : "value", ascending ? "ASC" : "DESC", sql.Int(plan.limit.value_or(10)));
  }
  if (options.dialect == Dialect::kClickHouse && IsSnapshots(plan)) UseSnapshotCopiesOfVideoColumns(query.text);
  query.params = sql.TakeParams();
  query.meanings = sql.TakeMeanings();
  return query;
}

}  // namespace videobot::sql
