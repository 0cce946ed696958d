#include "plan/plan_json.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/metrics.hpp"

namespace videobot::plan {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

template <typename E, std::size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

constexpr NameTable<Source, 3> kSources{
    {{Source::kVideos, "videos"}, {Source::kSnapshots, "snapshots"}, {Source::kState, "state"}}};
constexpr NameTable<Aggregate, 6> kAggregates{{{Aggregate::kCount, "count"},
                                               {Aggregate::kCountDistinct, "count_distinct"},
                                               {Aggregate::kSum, "sum"},
                                               {Aggregate::kAvg, "avg"},
                                               {Aggregate::kMin, "min"},
                                               {Aggregate::kMax, "max"}}};
constexpr NameTable<Field, 12> kFields{{{Field::kViews, metrics::kViews.counter},
                                        {Field::kLikes, metrics::kLikes.counter},
                                        {Field::kComments, metrics::kComments.counter},
                                        {Field::kReports, metrics::kReports.counter},
                                        {Field::kDeltaViews, metrics::kViews.delta},
                                        {Field::kDeltaLikes, metrics::kLikes.delta},
                                        {Field::kDeltaComments, metrics::kComments.delta},
                                        {Field::kDeltaReports, metrics::kReports.delta},
                                        {Field::kVideoId, "video_id"},
                                        {Field::kCreatorId, "creator_id"},
                                        {Field::kPublicationDate, "publication_date"},
                                        {Field::kMeasurementDate, "measurement_date"}}};
constexpr NameTable<CompareOp, 6> kOps{{{CompareOp::kGreater, ">"},
                                        {CompareOp::kGreaterEqual, ">="},
                                        {CompareOp::kLess, "<"},
                                        {CompareOp::kLessEqual, "<="},
                                        {CompareOp::kEqual, "="},
                                        {CompareOp::kNotEqual, "!="}}};
constexpr NameTable<GroupBy, 4> kGroupBys{{{GroupBy::kCreator, "creator"},
                                           {GroupBy::kVideo, "video"},
                                           {GroupBy::kPublicationDate, "publication_date"},
                                           {GroupBy::kMeasurementDate, "measurement_date"}}};
constexpr NameTable<Order, 2> kOrders{{{Order::kDesc, "desc"}, {Order::kAsc, "asc"}}};
constexpr NameTable<Relative, 10> kRelatives{{{Relative::kToday, "today"},
                                              {Relative::kYesterday, "yesterday"},
                                              {Relative::kThisWeek, "this_week"},
                                              {Relative::kLastWeek, "last_week"},
                                              {Relative::kThisMonth, "this_month"},
                                              {Relative::kLastMonth, "last_month"},
                                              {Relative::kThisYear, "this_year"},
                                              {Relative::kLastYear, "last_year"},
                                              {Relative::kLastNDays, "last_n_days"},
                                              {Relative::kLastNHours, "last_n_hours"}}};
constexpr NameTable<RefusalReason, 4> kReasons{{{RefusalReason::kNotUnderstood, "not_understood"},
                                                {RefusalReason::kOutOfScope, "out_of_scope"},
                                                {RefusalReason::kModification, "modification"},
                                                {RefusalReason::kAmbiguous, "ambiguous"}}};

constexpr NameTable<Bucket, 4> kBuckets{
    {{Bucket::kHour, "hour"}, {Bucket::kDay, "day"}, {Bucket::kWeek, "week"}, {Bucket::kMonth, "month"}}};
constexpr NameTable<SeriesTime, 2> kSeriesTimes{
    {{SeriesTime::kMeasurement, "measurement"}, {SeriesTime::kPublication, "publication"}}};

constexpr NameTable<CompareMode, 3> kCompareModes{
    {{CompareMode::kDifference, "difference"}, {CompareMode::kPercent, "percent"}, {CompareMode::kBoth, "both"}}};

template <typename E, std::size_t N>
std::string_view Lookup(const NameTable<E, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

// The schema has already restricted the string to the enum, so a miss is a programmer error
// (schema and table out of sync); it is reported as a schema error rather than asserted.
template <typename E, std::size_t N>
std::optional<E> Lookup(const NameTable<E, N>& table, const Json& value) {
  if (!value.is_string()) return std::nullopt;
  const auto& text = value.get_ref<const std::string&>();
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

template <typename T>
OrderedJson NameOrNull(const std::optional<T>& value) {
  return value ? OrderedJson(std::string(Name(*value))) : OrderedJson(nullptr);
}

std::string FormatBound(const PeriodBound& bound) {
  return bound.has_time ? FormatDateTime(bound.value) : FormatDate(bound.value.date);
}

OrderedJson PeriodToJson(const std::optional<Period>& period) {
  if (!period) return nullptr;
  OrderedJson out;
  out["from"] = period->from ? OrderedJson(FormatBound(*period->from)) : OrderedJson(nullptr);
  out["to"] = period->to ? OrderedJson(FormatBound(*period->to)) : OrderedJson(nullptr);
  out["relative"] = NameOrNull(period->relative);
  out["count"] = period->count ? OrderedJson(*period->count) : OrderedJson(nullptr);
  return out;
}

template <typename T>
OrderedJson ListOrNull(const std::vector<T>& values) {
  if (values.empty()) return nullptr;
  return OrderedJson(values);
}

Result<PeriodBound> ParseBound(const std::string& text, const std::string& path) {
  if (auto date = ParseDate(text)) return PeriodBound{DateTime{*date, 0}, false};
  if (auto date_time = ParseDateTime(text)) return PeriodBound{*date_time, true};
  return Fail(ErrorCode::kPlanTimeRange, "no such date or time: " + text, path);
}

Result<std::optional<Period>> PeriodFromJson(const Json& value, const std::string& path) {
  if (value.is_null()) return std::optional<Period>{};
  Period period;
  for (const char* key : {"from", "to"}) {
    const Json& end = value.at(key);
    if (end.is_null()) continue;
    auto bound = ParseBound(end.get<std::string>(), path + "/" + key);
    if (!bound) return Unexpected{bound.error()};
    (std::string_view(key) == "from" ? period.from : period.to) = *bound;
  }
  period.relative = Lookup(kRelatives, value.at("relative"));
  if (!value.at("count").is_null()) period.count = value.at("count").get<int>();
  return std::optional<Period>{period};
}

Result<Condition> ConditionFromJson(const Json& value, const std::string& path) {
  auto field = Lookup(kFields, value.at("field"));
  auto op = Lookup(kOps, value.at("op"));
  if (!field || !op) return Fail(ErrorCode::kPlanSchema, "unknown condition field or operator", path);
  return Condition{*field, *op, value.at("value").get<std::int64_t>()};
}

std::vector<std::string> StringsOrEmpty(const Json& value) {
  if (value.is_null()) return {};
  return value.get<std::vector<std::string>>();
}

Result<Filters> FiltersFromJson(const Json& value) {
  Filters filters;
  filters.creator_ids = StringsOrEmpty(value.at("creator_ids"));
  filters.video_ids = StringsOrEmpty(value.at("video_ids"));
  auto published = PeriodFromJson(value.at("published"), "/filters/published");
  if (!published) return Unexpected{published.error()};
  filters.published = *published;
  auto measured = PeriodFromJson(value.at("measured"), "/filters/measured");
  if (!measured) return Unexpected{measured.error()};
  filters.measured = *measured;
  if (!value.at("hours_after_publication").is_null()) {
    filters.hours_after_publication = value.at("hours_after_publication").get<int>();
  }
  const Json& conditions = value.at("conditions");
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    auto condition = ConditionFromJson(conditions[i], "/filters/conditions/" + std::to_string(i));
    if (!condition) return Unexpected{condition.error()};
    filters.conditions.push_back(*condition);
  }
  return filters;
}

OrderedJson ComparisonToJson(const std::optional<Comparison>& compare) {
  if (!compare) return nullptr;
  const CompareWith& with = compare->with;
  OrderedJson out;
  out["mode"] = std::string(Name(compare->mode));
  OrderedJson side;
  side["creator_ids"] = with.creator_ids ? OrderedJson(*with.creator_ids) : OrderedJson(nullptr);
  side["published"] = PeriodToJson(with.published);
  side["measured"] = PeriodToJson(with.measured);
  side["field"] = NameOrNull(with.field);
  side["as_of"] = with.as_of ? OrderedJson(FormatBound(*with.as_of)) : OrderedJson(nullptr);
  out["with"] = std::move(side);
  return out;
}

Result<std::optional<Comparison>> ComparisonFromJson(const Json& document) {
  // A document written before comparisons existed has no "compare" key: one number.
  const auto found = document.find("compare");
  if (found == document.end() || found->is_null()) return std::optional<Comparison>{};
  const auto mode = Lookup(kCompareModes, found->at("mode"));
  if (!mode) return Fail(ErrorCode::kPlanSchema, "unknown comparison mode", "/compare/mode");
  Comparison compare{*mode, {}};
  const Json& with = found->at("with");
  if (!with.at("creator_ids").is_null())
    compare.with.creator_ids = with.at("creator_ids").get<std::vector<std::string>>();
  auto published = PeriodFromJson(with.at("published"), "/compare/with/published");
  if (!published) return Unexpected{published.error()};
  compare.with.published = *published;
  auto measured = PeriodFromJson(with.at("measured"), "/compare/with/measured");
  if (!measured) return Unexpected{measured.error()};
  compare.with.measured = *measured;
  compare.with.field = Lookup(kFields, with.at("field"));
  if (!with.at("as_of").is_null()) {
    auto moment = ParseBound(with.at("as_of").get<std::string>(), "/compare/with/as_of");
    if (!moment) return Unexpected{moment.error()};
    compare.with.as_of = *moment;
  }
  return std::optional<Comparison>{compare};
}

}  // namespace

std::string_view Name(CompareMode value) { return Lookup(kCompareModes, value); }
std::string_view Name(Source value) { return Lookup(kSources, value); }
std::string_view Name(Aggregate value) { return Lookup(kAggregates, value); }
std::string_view Name(Field value) { return Lookup(kFields, value); }
std::string_view Name(CompareOp value) { return Lookup(kOps, value); }
std::string_view Name(GroupBy value) { return Lookup(kGroupBys, value); }
std::string_view Name(Order value) { return Lookup(kOrders, value); }
std::string_view Name(Relative value) { return Lookup(kRelatives, value); }
std::string_view Name(RefusalReason value) { return Lookup(kReasons, value); }
std::string_view Name(Bucket value) { return Lookup(kBuckets, value); }
std::string_view Name(SeriesTime value) { return Lookup(kSeriesTimes, value); }

OrderedJson ToJson(const Plan& plan) {
  OrderedJson out;
  const bool query = plan.action == Action::kQuery;
  out["action"] = query ? "query" : "refuse";
  out["refusal_reason"] = NameOrNull(plan.refusal_reason);
  out["source"] = query ? OrderedJson(std::string(Name(plan.source))) : OrderedJson(nullptr);
  out["aggregate"] = query ? OrderedJson(std::string(Name(plan.aggregate))) : OrderedJson(nullptr);
  out["field"] = NameOrNull(plan.field);
  OrderedJson filters;
  filters["creator_ids"] = ListOrNull(plan.filters.creator_ids);
  filters["video_ids"] = ListOrNull(plan.filters.video_ids);
  filters["published"] = PeriodToJson(plan.filters.published);
  filters["measured"] = PeriodToJson(plan.filters.measured);
  filters["hours_after_publication"] =
      plan.filters.hours_after_publication ? OrderedJson(*plan.filters.hours_after_publication) : OrderedJson(nullptr);
  filters["conditions"] = OrderedJson::array();
  for (const auto& c : plan.filters.conditions) {
    filters["conditions"].push_back(
        OrderedJson{{"field", std::string(Name(c.field))}, {"op", std::string(Name(c.op))}, {"value", c.value}});
  }
  out["filters"] = std::move(filters);
  out["group_by"] = NameOrNull(plan.group_by);
  out["order"] = NameOrNull(plan.order);
  out["limit"] = plan.limit ? OrderedJson(*plan.limit) : OrderedJson(nullptr);
  out["as_of"] = plan.as_of ? OrderedJson(FormatBound(*plan.as_of)) : OrderedJson(nullptr);
  out["series"] = plan.series ? OrderedJson{{"bucket", std::string(Name(plan.series->bucket))},
                                            {"time", std::string(Name(plan.series->time))}}
                              : OrderedJson(nullptr);
  out["compare"] = ComparisonToJson(plan.compare);
  out["time_zone"] = plan.time_zone ? OrderedJson(FormatUtcOffset(*plan.time_zone)) : OrderedJson(nullptr);
  return out;
}

Result<Plan> FromJson(const Json& document) {
  Plan plan;
  plan.action = document.at("action") == "refuse" ? Action::kRefuse : Action::kQuery;
  plan.refusal_reason = Lookup(kReasons, document.at("refusal_reason"));
  if (auto source = Lookup(kSources, document.at("source"))) plan.source = *source;
  if (auto aggregate = Lookup(kAggregates, document.at("aggregate"))) plan.aggregate = *aggregate;
  plan.field = Lookup(kFields, document.at("field"));
  auto filters = FiltersFromJson(document.at("filters"));
  if (!filters) return Unexpected{filters.error()};
  plan.filters = std::move(*filters);
  plan.group_by = Lookup(kGroupBys, document.at("group_by"));
  plan.order = Lookup(kOrders, document.at("order"));
  if (!document.at("limit").is_null()) plan.limit = document.at("limit").get<int>();
  // A document written before the moment existed has no "as_of" key: no moment.
  if (const auto as_of = document.find("as_of"); as_of != document.end() && !as_of->is_null()) {
    auto moment = ParseBound(as_of->get<std::string>(), "/as_of");
    if (!moment) return Unexpected{moment.error()};
    plan.as_of = *moment;
  }
  // A document written before series existed has no "series" key: one number.
  if (const auto series = document.find("series"); series != document.end() && !series->is_null()) {
    const auto bucket = Lookup(kBuckets, series->at("bucket"));
    const auto time = Lookup(kSeriesTimes, series->at("time"));
    if (!bucket || !time) return Fail(ErrorCode::kPlanSchema, "unknown series bucket or time", "/series");
    plan.series = Series{*bucket, *time};
  }
  auto compare = ComparisonFromJson(document);
  if (!compare) return Unexpected{compare.error()};
  plan.compare = std::move(*compare);
  // A document written before named zones existed has no "time_zone" key: the configured zone.
  if (const auto zone = document.find("time_zone"); zone != document.end() && !zone->is_null()) {
    const auto offset = ParseUtcOffset(zone->get<std::string>());
    if (!offset) return Fail(ErrorCode::kPlanSchema, "unreadable time zone offset", "/time_zone");
    plan.time_zone = *offset;
  }
  return plan;
}

}  // namespace videobot::plan
