#include "support/heldout.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <stdexcept>

#include "plan/plan_json.hpp"
#include "plan/validator.hpp"

namespace videobot::testing {
namespace {

constexpr std::string_view kDefaultNow = "2025-12-02T12:00:00Z";

std::optional<std::size_t> CounterIndex(plan::Field field) {
  switch (field) {
    case plan::Field::kViews: return 0;
    case plan::Field::kLikes: return 1;
    case plan::Field::kComments: return 2;
    case plan::Field::kReports: return 3;
    default: return std::nullopt;
  }
}

bool Holds(std::int64_t left, plan::CompareOp op, std::int64_t right) {
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

bool Listed(const std::vector<std::string>& list, const std::string& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}

// The counter of the video's latest measurement strictly before `before`; 0 when none.
std::int64_t CounterBefore(const OracleVideo& video, std::size_t index, Instant before) {
  const OracleSnapshot* latest = nullptr;
  for (const auto& snapshot : video.snapshots) {
    if (snapshot.measured_at < before && (latest == nullptr || snapshot.measured_at > latest->measured_at)) {
      latest = &snapshot;
    }
  }
  return latest == nullptr ? 0 : latest->counters[index];
}

// Copies the keys of `partial` over `full`; objects present in both merge key by key.
void MergeInto(nlohmann::ordered_json& full, const nlohmann::json& partial) {
  for (const auto& [key, value] : partial.items()) {
    auto& slot = full[key];
    if (value.is_object() && slot.is_object()) {
      MergeInto(slot, value);
    } else if (value.is_object() && (key == "published" || key == "measured")) {
      slot = nlohmann::ordered_json{{"from", nullptr}, {"to", nullptr}, {"relative", nullptr}, {"count", nullptr}};
      MergeInto(slot, value);
    } else {
      slot = value;
    }
  }
}

template <typename Enum, std::size_t N>
Enum EnumNamed(const std::array<Enum, N>& candidates, const std::string& name) {
  for (const Enum candidate : candidates) {
    if (plan::Name(candidate) == name) return candidate;
  }
  throw std::runtime_error("unknown name in a state query: " + name);
}

StateQuery ParseState(std::string_view text) {
  const auto document = nlohmann::json::parse(text);
  StateQuery query;
  query.aggregate = EnumNamed(std::array{plan::Aggregate::kSum, plan::Aggregate::kCount},
                              document.at("aggregate").get<std::string>());
  query.field =
      EnumNamed(std::array{plan::Field::kViews, plan::Field::kLikes, plan::Field::kComments, plan::Field::kReports},
                document.at("field").get<std::string>());
  const auto before = ParseTimestamp(document.at("before").get<std::string>());
  if (!before) throw std::runtime_error("bad `before` in a state query");
  query.before = *before;
  query.creator_ids = document.value("creator_ids", std::vector<std::string>{});
  query.video_ids = document.value("video_ids", std::vector<std::string>{});
  if (document.contains("op")) {
    query.op = EnumNamed(std::array{plan::CompareOp::kGreater, plan::CompareOp::kGreaterEqual, plan::CompareOp::kLess,
                                    plan::CompareOp::kLessEqual, plan::CompareOp::kEqual, plan::CompareOp::kNotEqual},
                         document.at("op").get<std::string>());
    query.value = document.at("value").get<std::int64_t>();
  }
  return query;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    parts.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return parts;
    start = tab + 1;
  }
}

UtcOffset OffsetOrThrow(const std::string& text) {
  const auto offset = ParseUtcOffset(text);
  if (!offset) throw std::runtime_error("bad zone: " + text);
  return *offset;
}

// Fills the expectation of `record` from its second (and optional third) column.
void ReadExpectation(HeldoutRecord& record, const std::vector<std::string>& columns) {
  const std::string& expected = columns.at(1);
  if (expected == "refuse") {
    record.kind = HeldoutRecord::Kind::kRefuse;
  } else if (expected.rfind("state ", 0) == 0) {
    record.kind = HeldoutRecord::Kind::kState;
    record.state = ParseState(std::string_view(expected).substr(6));
  } else {
    auto plan = ParseCompactPlan(expected);
    if (!plan) throw std::runtime_error("intended plan does not validate: " + plan.error().Describe());
    record.plan = std::move(*plan);
  }
  if (columns.size() > 2) {
    if (columns[2].rfind("tz ", 0) != 0) throw std::runtime_error("third column must be `tz ZONE`");
    record.intended_offset = OffsetOrThrow(columns[2].substr(3));
  }
}

}  // namespace

std::int64_t EvaluateState(const Dataset& data, const StateQuery& query) {
  const auto index = CounterIndex(query.field);
  if (!index) throw std::runtime_error("a state query needs a counter field");
  std::int64_t result = 0;
  for (const auto& video : data.videos) {
    if (!Listed(query.creator_ids, video.creator_id) || !Listed(query.video_ids, video.id)) continue;
    const std::int64_t counter = CounterBefore(video, *index, query.before);
    if (query.aggregate == plan::Aggregate::kSum) {
      result += counter;
    } else if (!query.op || Holds(counter, *query.op, query.value)) {
      ++result;
    }
  }
  return result;
}

Result<plan::Plan> ParseCompactPlan(std::string_view text) {
  auto full = plan::ToJson(plan::Plan{});
  MergeInto(full, nlohmann::json::parse(text));
  return plan::ParsePlan(full.dump());
}

std::vector<HeldoutRecord> LoadHeldoutRecords(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  const std::string file = path.substr(path.find_last_of('/') + 1);
  plan::TimeContext context{*ParseTimestamp(kDefaultNow), UtcOffset{}};
  std::string zone_text = "UTC";
  std::vector<HeldoutRecord> records;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = file + ":" + std::to_string(number) + ": ";
    try {
      if (line.empty() || line[0] == '#') continue;
      if (line.rfind("@now ", 0) == 0) {
        const auto now = ParseTimestamp(line.substr(5));
        if (!now) throw std::runtime_error("bad @now");
        context.now = *now;
        continue;
      }
      if (line.rfind("@offset ", 0) == 0) {
        zone_text = line.substr(8);
        context.offset = OffsetOrThrow(zone_text);
        continue;
      }
      const auto columns = SplitTabs(line);
      if (columns.size() < 2 || columns.size() > 3) throw std::runtime_error("expected 2 or 3 tab-separated columns");
      HeldoutRecord record;
      record.file = file;
      record.line = number;
      record.question = columns[0];
      record.context = context;
      record.zone_text = zone_text;
      record.intended_offset = context.offset;
      ReadExpectation(record, columns);
      records.push_back(std::move(record));
    } catch (const std::exception& error) {
      throw std::runtime_error(where + error.what());
    }
  }
  return records;
}

}  // namespace videobot::testing
