#include "support/oracle.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

namespace videobot::testing {
namespace {

using plan::Aggregate;
using plan::Field;
using plan::Plan;

Instant Timestamp(const nlohmann::json& value) {
  auto parsed = ParseTimestamp(value.get<std::string>());
  if (!parsed) throw std::runtime_error("bad timestamp in test data");
  return *parsed;
}

// One row the plan ranges over: a video, or a snapshot together with its video.
struct Row {
  const OracleVideo* video;
  const OracleSnapshot* snapshot;  ///< null for videos plans
};

std::int64_t Numeric(const Row& row, Field field) {
  const metrics::Metric& metric = *plan::MetricOf(field);
  if (plan::IsDeltaField(field)) return row.snapshot->deltas[metric];
  return row.snapshot ? row.snapshot->counters[metric] : row.video->counters[metric];
}

std::string LocalDate(Instant at, UtcOffset offset) { return FormatDate(ToLocal(at, offset).date); }

std::string Key(const Row& row, Field field, UtcOffset offset) {
  switch (field) {
    case Field::kVideoId: return row.video->id;
    case Field::kCreatorId: return row.video->creator_id;
    case Field::kPublicationDate: return LocalDate(row.video->published_at, offset);
    case Field::kMeasurementDate: return LocalDate(row.snapshot->measured_at, offset);
    default: return std::to_string(Numeric(row, field));
  }
}

bool InRange(Instant at, const plan::InstantRange& range) {
  return (!range.from || at >= *range.from) && (!range.to || at < *range.to);
}

bool Compare(std::int64_t left, plan::CompareOp op, std::int64_t right) {
  switch (op) {
    case plan::CompareOp::kGreater: return left > right;
    case plan::CompareOp::kGreaterEqual: return left >= right;
    case plan::CompareOp::kLess: return left < right;
    case plan::CompareOp::kLessEqual: return left <= right;
    case plan::CompareOp::kEqual: return left == right;
    case plan::CompareOp::kNotEqual: return left != right;
  }
  return false;
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

bool Matches(const Row& row, const Plan& plan, const plan::TimeContext& time) {
  const auto& f = plan.filters;
  if (!Contains(f.creator_ids, row.video->creator_id) || !Contains(f.video_ids, row.video->id)) return false;
  if (f.published && !InRange(row.video->published_at, plan::Resolve(*f.published, time))) return false;
  if (f.measured && !InRange(row.snapshot->measured_at, plan::Resolve(*f.measured, time))) return false;
  if (f.hours_after_publication) {
    const Instant at = row.snapshot->measured_at;
    const Instant start = row.video->published_at;
    if (at < start || at >= start + *f.hours_after_publication * kMicrosPerHour) return false;
  }
  return std::all_of(f.conditions.begin(), f.conditions.end(),
                     [&](const plan::Condition& c) { return Compare(Numeric(row, c.field), c.op, c.value); });
}

// Whether something that happened at `at` is part of the state at `moment`: on or before that
// local day for a date, at or before that instant for a date and time.
bool AtOrBefore(Instant at, const plan::Moment& moment, UtcOffset offset) {
  if (moment.has_time) return at <= ToInstant(moment.value, offset);
  return ToLocal(at, offset).date <= moment.value.date;
}

// The counters of `video` as of `moment`: its latest snapshot at or before it, zeros without one.
OracleSnapshot StateOf(const OracleVideo& video, const plan::Moment& moment, UtcOffset offset) {
  const OracleSnapshot* latest = nullptr;
  for (const auto& snapshot : video.snapshots) {
    if (!AtOrBefore(snapshot.measured_at, moment, offset)) continue;
    if (latest == nullptr || snapshot.measured_at >= latest->measured_at) latest = &snapshot;
  }
  return latest != nullptr ? *latest : OracleSnapshot{};
}

db::Value Aggregate(const std::vector<Row>& rows, const Plan& plan, UtcOffset offset) {
  switch (plan.aggregate) {
    case Aggregate::kCount: return static_cast<std::int64_t>(rows.size());
    case Aggregate::kCountDistinct: {
      std::set<std::string> keys;
      for (const auto& row : rows) keys.insert(Key(row, *plan.field, offset));
      return static_cast<std::int64_t>(keys.size());
    }
    default: break;
  }
  std::int64_t sum = 0;
  std::int64_t low = 0;
  std::int64_t high = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::int64_t v = Numeric(rows[i], *plan.field);
    sum += v;
    low = i == 0 ? v : std::min(low, v);
    high = i == 0 ? v : std::max(high, v);
  }
  if (plan.aggregate == Aggregate::kSum) return sum;
  if (rows.empty()) return std::monostate{};
  if (plan.aggregate == Aggregate::kAvg) return static_cast<double>(sum) / static_cast<double>(rows.size());
  return plan.aggregate == Aggregate::kMin ? low : high;
}

double AsNumber(const db::Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&value)) return *d;
  return 0;
}

Field GroupField(plan::GroupBy group_by) {
  switch (group_by) {
    case plan::GroupBy::kCreator: return Field::kCreatorId;
    case plan::GroupBy::kVideo: return Field::kVideoId;
    case plan::GroupBy::kPublicationDate: return Field::kPublicationDate;
    case plan::GroupBy::kMeasurementDate: return Field::kMeasurementDate;
  }
  return Field::kVideoId;
}

// Ids as the loader stores them: lowercase.
std::string LowercaseId(std::string id) {
  for (char& c : id) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return id;
}

// The key of the series bucket holding `at`, computed on its own (not with plan/series.hpp): the
// local wall-clock time as days and seconds since the epoch; weeks from the Monday before
// (1970-01-01 was a Thursday).
std::string BucketKeyOf(plan::Bucket bucket, Instant at, UtcOffset offset) {
  const Instant local = at + static_cast<Instant>(offset.minutes) * 60 * kMicrosPerSecond;
  const std::int64_t day = local >= 0 ? local / kMicrosPerDay : (local - kMicrosPerDay + 1) / kMicrosPerDay;
  const Date date = DateFromDays(day);
  char text[32];
  switch (bucket) {
    case plan::Bucket::kHour: {
      const auto hour = static_cast<int>((local - day * kMicrosPerDay) / kMicrosPerHour);
      std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:00", date.year, date.month, date.day, hour);
      return text;
    }
    case plan::Bucket::kDay: return FormatDate(date);
    case plan::Bucket::kWeek: return FormatDate(DateFromDays(day - ((day % 7 + 7 + 3) % 7)));
    case plan::Bucket::kMonth: std::snprintf(text, sizeof text, "%04d-%02d", date.year, date.month); return text;
  }
  return {};
}

// Every bucket of the series' period, by visiting each hour of it (every bucket is whole hours).
std::vector<std::string> AllBuckets(const Plan& plan, const plan::TimeContext& time) {
  const auto& period =
      plan.series->time == plan::SeriesTime::kMeasurement ? plan.filters.measured : plan.filters.published;
  const plan::InstantRange range = plan::Resolve(*period, time);
  std::vector<std::string> keys;
  for (Instant at = *range.from; at < *range.to; at += kMicrosPerHour) {
    std::string key = BucketKeyOf(plan.series->bucket, at, time.offset);
    if (keys.empty() || keys.back() != key) keys.push_back(std::move(key));
  }
  // A range ending mid-hour past the last step still reaches the bucket of its last instant.
  if (*range.to > *range.from) {
    std::string last = BucketKeyOf(plan.series->bucket, *range.to - 1, time.offset);
    if (keys.back() != last) keys.push_back(std::move(last));
  }
  return keys;
}

OracleResult EvaluateSeries(const std::vector<Row>& rows, const Plan& plan, const plan::TimeContext& time) {
  std::map<std::string, std::vector<Row>> buckets;
  for (const auto& row : rows) {
    const Instant at =
        plan.series->time == plan::SeriesTime::kMeasurement ? row.snapshot->measured_at : row.video->published_at;
    buckets[BucketKeyOf(plan.series->bucket, at, time.offset)].push_back(row);
  }
  OracleResult result;
  for (const auto& key : AllBuckets(plan, time)) {
    result.rows.emplace_back(key, Aggregate(buckets[key], plan, time.offset));
  }
  return result;
}

}  // namespace

Dataset ParseDataset(const std::string& json_text) {
  const auto document = nlohmann::json::parse(json_text);
  Dataset data;
  for (const auto& v : document.at("videos")) {
    OracleVideo video;
    video.id = LowercaseId(v.at("id").get<std::string>());
    video.creator_id = LowercaseId(v.at("creator_id").get<std::string>());
    video.published_at = Timestamp(v.at("video_created_at"));
    for (std::size_t i = 0; i < metrics::kCount; ++i) {
      video.counters[i] = v.at(metrics::kAll[i].counter).get<std::int64_t>();
    }
    for (const auto& s : v.at("snapshots")) {
      OracleSnapshot snapshot;
      snapshot.measured_at = Timestamp(s.at("created_at"));
      for (std::size_t i = 0; i < metrics::kCount; ++i) {
        snapshot.counters[i] = s.at(metrics::kAll[i].counter).get<std::int64_t>();
        snapshot.deltas[i] = s.at(metrics::kAll[i].delta).get<std::int64_t>();
      }
      video.snapshots.push_back(snapshot);
    }
    data.videos.push_back(std::move(video));
  }
  return data;
}

OracleResult Evaluate(const Dataset& data, const Plan& plan, const plan::TimeContext& context) {
  // A time zone named in the question replaces the configured one, as in the compiler.
  const plan::TimeContext time{context.now, plan.time_zone.value_or(context.offset)};
  std::vector<Row> rows;
  // State plans: one row per video published by the moment, its counters as of the moment.
  std::vector<OracleSnapshot> states;
  states.reserve(data.videos.size());
  for (const auto& video : data.videos) {
    if (plan.source == plan::Source::kState) {
      if (!AtOrBefore(video.published_at, *plan.as_of, time.offset)) continue;
      states.push_back(StateOf(video, *plan.as_of, time.offset));
      Row row{&video, &states.back()};
      if (Matches(row, plan, time)) rows.push_back(row);
      continue;
    }
    if (plan.source == plan::Source::kVideos) {
      Row row{&video, nullptr};
      if (Matches(row, plan, time)) rows.push_back(row);
      continue;
    }
    for (const auto& snapshot : video.snapshots) {
      Row row{&video, &snapshot};
      if (Matches(row, plan, time)) rows.push_back(row);
    }
  }
  if (plan.series) return EvaluateSeries(rows, plan, time);
  OracleResult result;
  if (!plan.group_by) {
    result.scalar = Aggregate(rows, plan, time.offset);
    return result;
  }
  std::map<std::string, std::vector<Row>> groups;
  for (const auto& row : rows) groups[Key(row, GroupField(*plan.group_by), time.offset)].push_back(row);
  for (const auto& [key, members] : groups) result.rows.emplace_back(key, Aggregate(members, plan, time.offset));
  const bool ascending = plan.order == plan::Order::kAsc;
  std::stable_sort(result.rows.begin(), result.rows.end(), [ascending](const auto& a, const auto& b) {
    const double x = AsNumber(a.second);
    const double y = AsNumber(b.second);
    if (x != y) return ascending ? x < y : x > y;
    return a.first < b.first;
  });
  if (result.rows.size() > static_cast<std::size_t>(plan.limit.value_or(10))) {
    result.rows.resize(static_cast<std::size_t>(plan.limit.value_or(10)));
  }
  return result;
}

}  // namespace videobot::testing
