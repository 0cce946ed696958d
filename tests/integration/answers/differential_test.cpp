// Differential test: hundreds of random valid plans (and the golden plans) give the same answer
// on SQLite, on PostgreSQL, on ClickHouse (one server and a two-shard cluster) and in a
// brute-force oracle computed directly from the data file.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/rollups.hpp"
#include "fixtures.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "service/answer_service.hpp"
#include "sql/compiler.hpp"
#include "support/clickhouse_env.hpp"
#include "support/generated_document.hpp"
#include "support/golden_file.hpp"
#include "support/oracle.hpp"
#include "support/random_plans.hpp"

namespace videobot::testing {
namespace {

std::string DifferentialDocument() { return GeneratedDocument({.videos = 40, .creators = 6, .seed = 20251128}); }

// "Now" just after the default tracking window, so relative periods reach the data.
plan::TimeContext TestTime(UtcOffset offset = {}) {
  return plan::TimeContext{ParseTimestamp("2025-11-30T15:20:00Z").value(), offset};
}

::testing::AssertionResult SameValue(const db::Value& expected, const db::Value& actual) {
  const auto* want_real = std::get_if<double>(&expected);
  const auto* got_real = std::get_if<double>(&actual);
  if (want_real != nullptr || got_real != nullptr) {
    const auto as_double = [](const db::Value& v) {
      if (const auto* d = std::get_if<double>(&v)) return *d;
      if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
      return std::nan("");
    };
    const double a = as_double(expected);
    const double b = as_double(actual);
    if (std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(a))) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << a << " vs " << b;
  }
  if (expected == actual) return ::testing::AssertionSuccess();
  const auto text = [](const db::Value& v) {
    auto formatted = service::FormatValue(v);
    return formatted ? *formatted : std::string("NULL");
  };
  return ::testing::AssertionFailure() << "expected " << text(expected) << ", got " << text(actual);
}

// Normalises a database cell so int64/text keys compare with the oracle's.
std::string KeyText(const db::Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  return "NULL";
}

// ClickHouse answers growth from the snapshots themselves: it keeps no rollups.
bool KeepsRollups(const db::Database& database) { return database.dialect() != sql::Dialect::kClickHouse; }

// The rollup a compiled query reads, or "" when it reads the snapshots.
std::string RollupRead(const std::string& sql) {
  for (const char* table : {"video_snapshot_day_totals", "video_snapshot_creator_hours", "video_snapshot_days",
                            "video_snapshot_age_hours"}) {
    if (sql.find(table) != std::string::npos) return table;
  }
  return "";
}

plan::Plan WithMeasured(const plan::Plan& plan, const std::string& from, const std::string& to) {
  auto json = plan::ToJson(plan);
  if (!from.empty()) {
    json["filters"]["measured"] = {{"from", from}, {"to", to}, {"relative", nullptr}, {"count", nullptr}};
  }
  auto valid = plan::ParsePlan(json.dump());
  EXPECT_TRUE(valid.has_value()) << json.dump();
  return valid ? *valid : plan;
}

void ExpectAgreement(db::Database& database, const plan::Plan& plan, const OracleResult& expected,
                     const plan::TimeContext& time, const std::string& label) {
  const auto query = sql::Compile(plan, sql::CompileOptions{database.dialect(), time});
  const auto rows = database.Query(query);
  const std::string context = label + " plan " + plan::ToJson(plan).dump() + "\nSQL " + query.text;
  if (plan.series) {
    const auto series = service::FillSeries(plan, time, rows);
    ASSERT_TRUE(series.has_value()) << context;
    ASSERT_EQ(series->size(), expected.rows.size()) << context;
    for (std::size_t i = 0; i < series->size(); ++i) {
      EXPECT_EQ((*series)[i].key, expected.rows[i].first) << context << " bucket " << i;
      EXPECT_TRUE(SameValue(expected.rows[i].second, db::Value((*series)[i].value))) << context << " bucket " << i;
    }
    return;
  }
  if (!plan.group_by) {
    ASSERT_EQ(rows.size(), 1u) << context;
    EXPECT_TRUE(SameValue(expected.scalar, rows[0][0])) << context;
    return;
  }
  ASSERT_EQ(rows.size(), expected.rows.size()) << context;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(KeyText(rows[i][0]), expected.rows[i].first) << context << " row " << i;
    EXPECT_TRUE(SameValue(expected.rows[i].second, rows[i][1])) << context << " row " << i;
  }
}

class Differential : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    document_ = new std::string(DifferentialDocument());
    data_ = new Dataset(ParseDataset(*document_));
  }
  static void TearDownTestSuite() {
    delete document_;
    delete data_;
  }

  void RunAll(db::Database& database, const std::string& label) {
    const auto plans = RandomPlans(*data_, 400, 42);
    int nonzero = 0;
    int from_rollup = 0;
    for (const auto& plan : plans) {
      const auto query = sql::Compile(plan, sql::CompileOptions{database.dialect(), TestTime()});
      if (!RollupRead(query.text).empty()) ++from_rollup;
      const auto expected = Evaluate(*data_, plan, TestTime());
      const auto* integer = std::get_if<std::int64_t>(&expected.scalar);
      if (!expected.rows.empty() || (integer != nullptr && *integer != 0)) ++nonzero;
      ExpectAgreement(database, plan, expected, TestTime(), label);
      if (HasFatalFailure()) return;
    }
    // The generator must exercise real data, not a sea of zeros.
    EXPECT_GT(nonzero, 150) << "too many plans with empty answers";
    // The rollup paths must be exercised as well as the raw-table path.
    if (KeepsRollups(database)) {
      EXPECT_GE(from_rollup, 10) << "too few plans answered from a rollup";
    }
    // Day bucketing in another time zone.
    for (const auto& plan : RandomPlans(*data_, 60, 7)) {
      ExpectAgreement(database, plan, Evaluate(*data_, plan, TestTime(UtcOffset{180})), TestTime(UtcOffset{180}),
                      label + " +03:00");
    }
  }

  // Every plan shape a rollup serves, over windows after publication on both sides of the age
  // rollup's limit, without and with filters on the videos: the rollup answer (N <= 168) and the
  // raw-snapshot answer (N > 168) must both be the oracle's.
  void RunRollupShapes(db::Database& database, const std::string& label) {
    using plan::Aggregate;
    using plan::CompareOp;
    using plan::Field;
    const std::vector<Field> deltas{Field::kDeltaViews, Field::kDeltaLikes, Field::kDeltaComments,
                                    Field::kDeltaReports};
    std::vector<plan::Plan> shapes;
    for (const Field delta : deltas) {
      plan::Plan sum;
      sum.aggregate = Aggregate::kSum;
      sum.field = delta;
      shapes.push_back(sum);
      for (const CompareOp op : {CompareOp::kGreater, CompareOp::kLess}) {
        plan::Plan count;
        count.aggregate = Aggregate::kCount;
        count.filters.conditions.push_back(plan::Condition{delta, op, 0});
        shapes.push_back(count);
        plan::Plan distinct = count;
        distinct.aggregate = Aggregate::kCountDistinct;
        distinct.field = Field::kVideoId;
        shapes.push_back(distinct);
      }
    }
    plan::Plan count;
    count.aggregate = Aggregate::kCount;
    shapes.push_back(count);
    const auto& video = data_->videos.front();
    int checked = 0;
    for (auto shape : shapes) {
      shape.source = plan::Source::kSnapshots;
      for (const int hours : {1, 3, 24, kAgeRollupHours, kAgeRollupHours + 1}) {
        for (int filter = 0; filter < 3; ++filter) {
          plan::Plan plan = shape;
          plan.filters.hours_after_publication = hours;
          if (filter == 1) plan.filters.creator_ids = {video.creator_id};
          auto json = plan::ToJson(plan);
          if (filter == 2) {
            json["filters"]["published"] = {
                {"from", "2025-11-01"}, {"to", "2025-11-30"}, {"relative", nullptr}, {"count", nullptr}};
          }
          auto valid = plan::ParsePlan(json.dump());
          ASSERT_TRUE(valid.has_value()) << json.dump();
          const auto query = sql::Compile(*valid, sql::CompileOptions{database.dialect(), TestTime()});
          EXPECT_EQ(query.text.find("video_snapshot_age_hours") != std::string::npos,
                    KeepsRollups(database) && hours <= kAgeRollupHours)
              << query.text;
          ExpectAgreement(database, *valid, Evaluate(*data_, *valid, TestTime()), TestTime(), label + " rollup shape");
          if (HasFatalFailure()) return;
          ++checked;
        }
      }
    }
    EXPECT_EQ(checked, static_cast<int>(shapes.size()) * 15);
    RunGroupedRollupShapes(database, label, shapes);
    RunTotalsAndCreatorHourShapes(database, label, shapes);
  }

  // The same shapes over measurement ranges of whole UTC days, whole UTC hours, or neither, for all
  // videos or one creator, ungrouped or grouped by creator, in UTC, +03:00 and +05:30: the day
  // totals answer what needs no creator and only whole UTC days (distinct videos over one day
  // only), the creator hours what sums over whole UTC hours; every answer is the oracle's.
  void RunTotalsAndCreatorHourShapes(db::Database& database, const std::string& label,
                                     const std::vector<plan::Plan>& shapes) {
    struct Range {
      std::string from, to;
    };
    const std::vector<Range> ranges{{"", ""},
                                    {"2025-11-28", "2025-11-28"},
                                    {"2025-11-26", "2025-11-29"},
                                    {"2025-11-28T10:00", "2025-11-28T15:00"},
                                    {"2025-11-28T10:30", "2025-11-28T15:00"}};
    const std::string creator = data_->videos.front().creator_id;
    std::map<std::string, int> reads;
    for (auto shape : shapes) {
      shape.source = plan::Source::kSnapshots;
      const bool distinct = shape.aggregate == plan::Aggregate::kCountDistinct;
      for (std::size_t r = 0; r < ranges.size(); ++r) {
        for (const bool one_creator : {false, true}) {
          for (const bool grouped : {false, true}) {
            for (const UtcOffset offset : {UtcOffset{0}, UtcOffset{180}, UtcOffset{330}}) {
              plan::Plan plan = shape;
              if (one_creator) plan.filters.creator_ids = {creator};
              if (grouped) {
                plan.group_by = plan::GroupBy::kCreator;
                plan.order = plan::Order::kDesc;
                plan.limit = 5;
              }
              plan = WithMeasured(plan, ranges[r].from, ranges[r].to);
              const auto time = TestTime(offset);
              // Ranges 1 and 2 are whole days, 3 whole hours in the plan's zone; 4 neither.
              const bool whole_utc_days = r == 0 || (offset.minutes == 0 && (r == 1 || r == 2));
              const bool whole_utc_hours = r == 0 || (offset.minutes % 60 == 0 && r != 4);
              const bool one_utc_day = offset.minutes == 0 && r == 1;
              std::string expected_table;
              if (!one_creator && !grouped && whole_utc_days && (!distinct || one_utc_day)) {
                expected_table = "video_snapshot_day_totals";
              } else if (!distinct && whole_utc_hours) {
                expected_table = "video_snapshot_creator_hours";
              }
              const auto query = sql::Compile(plan, sql::CompileOptions{database.dialect(), time});
              const std::string table = RollupRead(query.text);
              ++reads[table];
              if (!KeepsRollups(database)) {
                EXPECT_EQ(table, "") << query.text;
              } else if (!expected_table.empty()) {
                EXPECT_EQ(table, expected_table) << query.text;
              } else {
                EXPECT_NE(table, "video_snapshot_day_totals") << query.text;
                EXPECT_NE(table, "video_snapshot_creator_hours") << query.text;
              }
              ExpectAgreement(database, plan, Evaluate(*data_, plan, time), time,
                              label + " totals/creator hours shape");
              if (HasFatalFailure()) return;
            }
          }
        }
      }
    }
    if (KeepsRollups(database)) {
      EXPECT_GT(reads["video_snapshot_day_totals"], 20);
      EXPECT_GT(reads["video_snapshot_creator_hours"], 100);
    }
  }

  // The same shapes grouped by every key, over whole days of measurement and over all time, in
  // UTC and in +03:00: sums and snapshot counts by creator read the creator hours; the rest,
  // grouped by a video column (or by UTC measurement day), the per-day rollup; grouped by
  // measurement day in +03:00 they read the snapshots. All give the oracle's rows.
  void RunGroupedRollupShapes(db::Database& database, const std::string& label, const std::vector<plan::Plan>& shapes) {
    const std::vector<plan::GroupBy> groups{plan::GroupBy::kCreator, plan::GroupBy::kVideo,
                                            plan::GroupBy::kPublicationDate, plan::GroupBy::kMeasurementDate};
    int from_rollup = 0;
    for (auto shape : shapes) {
      shape.source = plan::Source::kSnapshots;
      for (const auto group : groups) {
        for (const bool november : {false, true}) {
          for (const UtcOffset offset : {UtcOffset{0}, UtcOffset{180}}) {
            plan::Plan plan = shape;
            plan.group_by = group;
            plan.order = november ? plan::Order::kDesc : plan::Order::kAsc;
            plan.limit = 5;
            auto json = plan::ToJson(plan);
            if (november) {
              json["filters"]["measured"] = {
                  {"from", "2025-11-01"}, {"to", "2025-11-30"}, {"relative", nullptr}, {"count", nullptr}};
            }
            auto valid = plan::ParsePlan(json.dump());
            ASSERT_TRUE(valid.has_value()) << json.dump();
            const auto time = TestTime(offset);
            const auto query = sql::Compile(*valid, sql::CompileOptions{database.dialect(), time});
            const std::string table = RollupRead(query.text);
            const bool whole_days = !november || offset.minutes == 0;
            // By creator, sums and snapshot counts read the creator hours (November in +03:00 is
            // whole hours too); the rest reads the per-day rollup over whole UTC days.
            const bool by_creator_hours =
                group == plan::GroupBy::kCreator && plan.aggregate != plan::Aggregate::kCountDistinct;
            const bool by_days = whole_days && (group != plan::GroupBy::kMeasurementDate || offset.minutes == 0);
            std::string expected_table;
            if (KeepsRollups(database) && by_creator_hours) {
              expected_table = "video_snapshot_creator_hours";
            } else if (KeepsRollups(database) && by_days) {
              expected_table = "video_snapshot_days";
            }
            EXPECT_EQ(table, expected_table) << query.text;
            if (!table.empty()) ++from_rollup;
            ExpectAgreement(database, *valid, Evaluate(*data_, *valid, time), time, label + " grouped rollup shape");
            if (HasFatalFailure()) return;
          }
        }
      }
    }
    if (KeepsRollups(database)) {
      EXPECT_GT(from_rollup, 0);
    }
  }

  // Whether a video the plan may count exists at its moment without a measurement yet (0).
  static bool HasUnmeasuredVideo(const plan::Plan& plan, const plan::TimeContext& time) {
    const Instant before = plan::ResolveMoment(plan, time).value();
    for (const auto& video : data_->videos) {
      if (video.published_at >= before) continue;
      if (!plan.filters.creator_ids.empty() && plan.filters.creator_ids.front() != video.creator_id) continue;
      if (!plan.filters.video_ids.empty() && plan.filters.video_ids.front() != video.id) continue;
      if (video.snapshots.empty() || video.snapshots.front().measured_at >= before) return true;
    }
    return false;
  }

  // State plans (counters as of a moment), in UTC and in +03:00.
  void RunState(db::Database& database, const std::string& label) {
    int nonzero = 0;
    int with_unmeasured = 0;
    for (const auto& plan : RandomStatePlans(*data_, 300, 11)) {
      const auto expected = Evaluate(*data_, plan, TestTime());
      const auto* integer = std::get_if<std::int64_t>(&expected.scalar);
      if (!expected.rows.empty() || (integer != nullptr && *integer != 0)) ++nonzero;
      if (HasUnmeasuredVideo(plan, TestTime())) ++with_unmeasured;
      ExpectAgreement(database, plan, expected, TestTime(), label + " state");
      if (HasFatalFailure()) return;
    }
    EXPECT_GT(nonzero, 120) << "too many state plans with empty answers";
    EXPECT_GT(with_unmeasured, 20) << "too few moments before a video's first measurement";
    for (const auto& plan : RandomStatePlans(*data_, 80, 12)) {
      ExpectAgreement(database, plan, Evaluate(*data_, plan, TestTime(UtcOffset{180})), TestTime(UtcOffset{180}),
                      label + " state +03:00");
      if (HasFatalFailure()) return;
    }
  }

  // The plans the golden records state (not parsed from a question), grouped rows included.
  void RunGolden(db::Database& database, const std::string& label) {
    for (const auto& c : golden::AllCases()) {
      if (c.record.question || !c.record.plan) continue;
      auto plan = plan::ParsePlan(golden::FullPlan(c.record));
      ASSERT_TRUE(plan.has_value()) << c.where;
      const auto offset = golden::TimeOf(c.settings).offset;
      ExpectAgreement(database, *plan, Evaluate(*data_, *plan, TestTime(offset)), TestTime(offset),
                      label + " golden " + c.where);
    }
  }

  static std::string* document_;
  static Dataset* data_;
};

std::string* Differential::document_ = nullptr;
Dataset* Differential::data_ = nullptr;

TEST_F(Differential, SqliteAgreesWithOracle) {
  TempDir dir;
  auto database = LoadedDatabase("sqlite:" + dir.path() + "/diff.db", *document_);
  RunGolden(*database, "sqlite");
  RunRollupShapes(*database, "sqlite");
  RunState(*database, "sqlite");
  RunAll(*database, "sqlite");
}

TEST_F(Differential, PostgresAgreesWithOracle) {
  VIDEOBOT_REQUIRE_POSTGRES();
  ScratchPostgres scratch;
  auto database = LoadedDatabase(scratch.url(), *document_);
  RunGolden(*database, "postgres");
  RunRollupShapes(*database, "postgres");
  RunState(*database, "postgres");
  RunAll(*database, "postgres");
}

TEST_F(Differential, ClickHouseAgreesWithOracle) {
  VIDEOBOT_REQUIRE_CLICKHOUSE();
  ScratchClickHouse scratch(false);
  auto database = LoadedDatabase(scratch.url(), *document_);
  RunGolden(*database, "clickhouse");
  RunRollupShapes(*database, "clickhouse");
  RunState(*database, "clickhouse");
  RunAll(*database, "clickhouse");
}

TEST_F(Differential, ClickHouseTwoShardsAgreeWithOracle) {
  VIDEOBOT_REQUIRE_CLICKHOUSE();
  ScratchClickHouse scratch(true);
  auto database = LoadedDatabase(scratch.url(), *document_);
  RunGolden(*database, "clickhouse two shards");
  RunRollupShapes(*database, "clickhouse two shards");
  RunState(*database, "clickhouse two shards");
  RunAll(*database, "clickhouse two shards");
}

}  // namespace
}  // namespace videobot::testing
