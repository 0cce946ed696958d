// Series over time on SQLite and PostgreSQL against the brute-force oracle: random series plans
// and hand-picked shapes (zeros, +03:00 moving day buckets, ISO week boundaries, periods crossing
// months, hour buckets, the rollups), every bucket present in the filled reply.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "service/answer_service.hpp"
#include "sql/compiler.hpp"
#include "support/clickhouse_env.hpp"
#include "support/generated_document.hpp"
#include "support/oracle.hpp"
#include "support/random_plans.hpp"

namespace videobot::testing {
namespace {

plan::TimeContext TestTime(UtcOffset offset = {}) {
  return plan::TimeContext{ParseTimestamp("2025-11-30T15:20:00Z").value(), offset};
}

// The filled series a reply would show, from the database.
std::vector<service::SeriesPoint> DatabaseSeries(db::Database& database, const plan::Plan& plan,
                                                 const plan::TimeContext& time, std::string* sql_text) {
  const auto query = sql::Compile(plan, sql::CompileOptions{database.dialect(), time});
  *sql_text = query.text;
  EXPECT_EQ(query.shape, sql::Shape::kSeries);
  auto series = service::FillSeries(plan, time, database.Query(query));
  EXPECT_TRUE(series.has_value()) << (series ? "" : series.error().Describe());
  return series ? *series : std::vector<service::SeriesPoint>{};
}

// The rollup a compiled query reads, or "" when it reads the snapshots.
std::string RollupRead(const std::string& sql) {
  for (const char* table : {"video_snapshot_day_totals", "video_snapshot_creator_hours", "video_snapshot_days",
                            "video_snapshot_age_hours"}) {
    if (sql.find(table) != std::string::npos) return table;
  }
  return "";
}

// Whether any bucket is non-zero (the answer is not trivially empty).
bool AnySeriesValue(const OracleResult& expected) {
  for (const auto& [key, value] : expected.rows) {
    const auto* integer = std::get_if<std::int64_t>(&value);
    if (integer != nullptr && *integer != 0) return true;
  }
  return false;
}

void ExpectSeries(db::Database& database, const plan::Plan& plan, const Dataset& data, const plan::TimeContext& time,
                  const std::string& label) {
  const auto expected = Evaluate(data, plan, time);
  std::string sql_text;
  const auto actual = DatabaseSeries(database, plan, time, &sql_text);
  const std::string context = label + " plan " + plan::ToJson(plan).dump() + "\nSQL " + sql_text;
  ASSERT_EQ(actual.size(), expected.rows.size()) << context;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i].key, expected.rows[i].first) << context << " bucket " << i;
    EXPECT_EQ(db::Value(actual[i].value), expected.rows[i].second) << context << " bucket " << actual[i].key;
  }
}

plan::Plan SeriesPlan(const std::string& json) {
  auto plan = plan::ParsePlan(json);
  EXPECT_TRUE(plan.has_value()) << (plan ? "" : plan.error().Describe()) << "\n" << json;
  return plan ? *plan : plan::Plan{};
}

std::string GrowthJson(const std::string& bucket, const std::string& from, const std::string& to) {
  return R"({"action":"query","refusal_reason":null,"source":"snapshots","aggregate":"sum","field":"delta_views_count",)"
         R"("filters":{"creator_ids":null,"video_ids":null,"published":null,"measured":{"from":")" +
         from + R"(","to":")" + to +
         R"(","relative":null,"count":null},"hours_after_publication":null,"conditions":[]},"group_by":null,)"
         R"("order":null,"limit":null,"as_of":null,"series":{"bucket":")" +
         bucket + R"(","time":"measurement"}})";
}

std::string PublishedJson(const std::string& bucket, const std::string& from, const std::string& to) {
  return R"({"action":"query","refusal_reason":null,"source":"videos","aggregate":"count","field":null,)"
         R"("filters":{"creator_ids":null,"video_ids":null,"published":{"from":")" +
         from + R"(","to":")" + to +
         R"(","relative":null,"count":null},"measured":null,"hours_after_publication":null,"conditions":[]},)"
         R"("group_by":null,"order":null,"limit":null,"as_of":null,"series":{"bucket":")" +
         bucket + R"(","time":"publication"}})";
}

class SeriesAgainstOracle : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    document_ = new std::string(GeneratedDocument({.videos = 40, .creators = 6, .seed = 20251128}));
    data_ = new Dataset(ParseDataset(*document_));
  }
  static void TearDownTestSuite() {
    delete document_;
    delete data_;
  }

  void RunShapes(db::Database& database, const std::string& label) {
    // Hour buckets over one day: 24 buckets, most of them with growth.
    const auto hourly = SeriesPlan(GrowthJson("hour", "2025-11-28", "2025-11-28"));
    EXPECT_EQ(Evaluate(*data_, hourly, TestTime()).rows.size(), 24u);
    ExpectSeries(database, hourly, *data_, TestTime(), label + " hours");
    // The same day in +03:00: the buckets move with the zone.
    ExpectSeries(database, hourly, *data_, TestTime(UtcOffset{180}), label + " hours +03:00");
    // Days across the end of November, in UTC (the rollup) and in +03:00 (snapshots).
    const auto daily = SeriesPlan(GrowthJson("day", "2025-11-20", "2025-12-05"));
    ExpectSeries(database, daily, *data_, TestTime(), label + " days");
    ExpectSeries(database, daily, *data_, TestTime(UtcOffset{180}), label + " days +03:00");
    ExpectSeries(database, daily, *data_, TestTime(UtcOffset{-330}), label + " days -05:30");
    // Zeros before the tracking window.
    const auto zeros = Evaluate(*data_, SeriesPlan(GrowthJson("day", "2025-11-01", "2025-11-10")), TestTime());
    EXPECT_FALSE(AnySeriesValue(zeros));
    ExpectSeries(database, SeriesPlan(GrowthJson("day", "2025-11-01", "2025-11-10")), *data_, TestTime(),
                 label + " zeros");
    // ISO weeks: 2025-11-30 is a Sunday, 2025-12-01 a Monday.
    const auto weekly = SeriesPlan(GrowthJson("week", "2025-11-26", "2025-12-03"));
    const auto weeks = Evaluate(*data_, weekly, TestTime());
    ASSERT_EQ(weeks.rows.size(), 2u);
    EXPECT_EQ(weeks.rows[0].first, "2025-11-24");
    EXPECT_EQ(weeks.rows[1].first, "2025-12-01");
    ExpectSeries(database, weekly, *data_, TestTime(), label + " weeks");
    ExpectSeries(database, weekly, *data_, TestTime(UtcOffset{180}), label + " weeks +03:00");
    // Months: growth and publications across a month boundary.
    ExpectSeries(database, SeriesPlan(GrowthJson("month", "2025-11-15", "2025-12-15")), *data_, TestTime(),
                 label + " months");
    const auto published = SeriesPlan(PublishedJson("month", "2025-01-01", "2025-12-31"));
    EXPECT_EQ(Evaluate(*data_, published, TestTime()).rows.size(), 12u);
    EXPECT_TRUE(AnySeriesValue(Evaluate(*data_, published, TestTime())));
    ExpectSeries(database, published, *data_, TestTime(), label + " publications by month");
    ExpectSeries(database, SeriesPlan(PublishedJson("week", "2025-08-01", "2025-11-30")), *data_,
                 TestTime(UtcOffset{180}), label + " publications by week +03:00");
    // The UTC day series reads the day totals, in +03:00 the creator hours, in -05:30 the snapshots
    // (ClickHouse keeps no rollups: it sums the snapshots).
    const bool rollups = database.dialect() != sql::Dialect::kClickHouse;
    const auto query = sql::Compile(daily, sql::CompileOptions{database.dialect(), TestTime()});
    EXPECT_EQ(RollupRead(query.text), rollups ? "video_snapshot_day_totals" : "") << query.text;
    const auto shifted = sql::Compile(daily, sql::CompileOptions{database.dialect(), TestTime(UtcOffset{180})});
    EXPECT_EQ(RollupRead(shifted.text), rollups ? "video_snapshot_creator_hours" : "") << shifted.text;
    const auto half_hour = sql::Compile(daily, sql::CompileOptions{database.dialect(), TestTime(UtcOffset{-330})});
    EXPECT_EQ(RollupRead(half_hour.text), "") << half_hour.text;
  }

  // Series of every measure the day totals and creator hours keep, for all videos and one creator,
  // in every bucket, in UTC, +03:00 and +05:30, over a period with quiet days: the day totals serve
  // UTC day/week/month buckets without a creator (distinct videos per day only), the creator hours
  // sums and counts in whole-hour zones; +05:30 never reads the creator hours. Every bucket of the
  // filled series equals the oracle's, zeros included.
  void RunTotalsAndCreatorHourSeries(db::Database& database, const std::string& label) {
    const bool rollups = database.dialect() != sql::Dialect::kClickHouse;
    const std::string creator = data_->videos.front().creator_id;
    const std::vector<std::string> measures{
        R"("aggregate":"sum","field":"delta_views_count","conditions":[])",
        R"("aggregate":"count","field":null,"conditions":[])",
        R"("aggregate":"count","field":null,"conditions":[{"field":"delta_likes_count","op":"<","value":0}])",
        R"("aggregate":"count_distinct","field":"video_id","conditions":[])",
        R"("aggregate":"count_distinct","field":"video_id","conditions":[{"field":"delta_views_count","op":">","value":0}])"};
    int zero_buckets = 0;
    int nonzero_buckets = 0;
    std::map<std::string, int> reads;
    for (const auto& measure : measures) {
      const bool distinct = measure.find("count_distinct") != std::string::npos;
      for (const std::string bucket : {"hour", "day", "week", "month"}) {
        // Hours over three days; the other buckets over a period starting before the tracking.
        const std::string from = bucket == "hour" ? "2025-11-27" : "2025-11-10";
        const std::string to = bucket == "hour" ? "2025-11-29" : "2025-12-03";
        for (const bool one_creator : {false, true}) {
          auto json = nlohmann::json::parse(GrowthJson(bucket, from, to));
          const auto parts = nlohmann::json::parse("{" + measure + "}");
          json["aggregate"] = parts["aggregate"];
          json["field"] = parts["field"];
          json["filters"]["conditions"] = parts["conditions"];
          if (one_creator) json["filters"]["creator_ids"] = {creator};
          const auto plan = SeriesPlan(json.dump());
          for (const UtcOffset offset : {UtcOffset{0}, UtcOffset{180}, UtcOffset{330}}) {
            const auto time = TestTime(offset);
            std::string expected_table;
            if (!one_creator && bucket != "hour" && offset.minutes == 0 && (!distinct || bucket == "day")) {
              expected_table = "video_snapshot_day_totals";
            } else if (!distinct && offset.minutes % 60 == 0) {
              expected_table = "video_snapshot_creator_hours";
            }
            const std::string table =
                RollupRead(sql::Compile(plan, sql::CompileOptions{database.dialect(), time}).text);
            ++reads[table];
            if (!rollups) {
              EXPECT_EQ(table, "");
            } else if (!expected_table.empty()) {
              EXPECT_EQ(table, expected_table) << plan::ToJson(plan).dump() << " " << offset.minutes;
            } else {
              EXPECT_NE(table, "video_snapshot_day_totals");
              EXPECT_NE(table, "video_snapshot_creator_hours");
            }
            const auto expected = Evaluate(*data_, plan, time);
            for (const auto& [key, value] : expected.rows) {
              const auto* integer = std::get_if<std::int64_t>(&value);
              ++(integer != nullptr && *integer == 0 ? zero_buckets : nonzero_buckets);
            }
            ExpectSeries(database, plan, *data_, time, label + " totals/creator hours series");
            if (HasFatalFailure()) return;
          }
        }
      }
    }
    EXPECT_GT(zero_buckets, 50);
    EXPECT_GT(nonzero_buckets, 200);
    if (rollups) {
      EXPECT_GT(reads["video_snapshot_day_totals"], 5);
      EXPECT_GT(reads["video_snapshot_creator_hours"], 20);
    }
  }

  void RunRandom(db::Database& database, const std::string& label) {
    int nonzero = 0;
    int from_rollup = 0;
    for (const auto& plan : RandomSeriesPlans(*data_, 250, 31)) {
      const auto query = sql::Compile(plan, sql::CompileOptions{database.dialect(), TestTime()});
      if (!RollupRead(query.text).empty()) ++from_rollup;
      if (AnySeriesValue(Evaluate(*data_, plan, TestTime()))) ++nonzero;
      ExpectSeries(database, plan, *data_, TestTime(), label + " random");
      if (HasFatalFailure()) return;
    }
    EXPECT_GT(nonzero, 80) << "too many series without a single non-zero bucket";
    if (database.dialect() != sql::Dialect::kClickHouse) {
      EXPECT_GE(from_rollup, 10) << "too few series answered from a rollup";
    }
    for (const auto& plan : RandomSeriesPlans(*data_, 80, 32)) {
      ExpectSeries(database, plan, *data_, TestTime(UtcOffset{180}), label + " random +03:00");
      if (HasFatalFailure()) return;
    }
  }

  // «… по Москве» asked of a UTC-configured bot is the same question asked of a bot configured
  // for +03:00: the same plan apart from its named zone, the same buckets and values, the oracle's
  // too — and its day buckets differ from the UTC ones.
  void RunNamedZone(db::Database& database, const std::string& label) {
    nl::RuleParser parser;
    const std::string question = "Покажи прирост просмотров по дням с 20 ноября 2025 по 5 декабря 2025";
    const auto named = parser.MakePlan(question + " по Москве", TestTime());
    const auto configured = parser.MakePlan(question, TestTime(UtcOffset{180}));
    const auto in_utc = parser.MakePlan(question, TestTime());
    ASSERT_TRUE(named && configured && in_utc) << label;
    ASSERT_EQ(named->time_zone, UtcOffset{180}) << label;
    plan::Plan without_zone = *named;
    without_zone.time_zone.reset();
    EXPECT_EQ(without_zone, *configured) << label;
    std::string sql_named;
    std::string sql_configured;
    std::string sql_utc;
    // The named zone is applied by the compiler and the service from the plan alone.
    const auto named_series = DatabaseSeries(database, *named, plan::ContextFor(*named, TestTime()), &sql_named);
    const auto configured_series = DatabaseSeries(database, *configured, TestTime(UtcOffset{180}), &sql_configured);
    const auto utc_series = DatabaseSeries(database, *in_utc, TestTime(), &sql_utc);
    const auto plain_compile = sql::Compile(*named, sql::CompileOptions{database.dialect(), TestTime()});
    EXPECT_EQ(plain_compile.text, sql_configured) << label << ": the compiler reads the plan's zone";
    EXPECT_EQ(named_series, configured_series) << label;
    ExpectSeries(database, *configured, *data_, TestTime(UtcOffset{180}), label + " named zone vs oracle +03:00");
    ASSERT_EQ(named_series.size(), utc_series.size()) << label;
    EXPECT_NE(named_series, utc_series) << label << ": Moscow days start three hours earlier";
    // One number: the day's growth by Moscow days equals the oracle's in +03:00.
    const auto day = parser.MakePlan("Какой прирост просмотров 28 ноября 2025 по московскому времени?", TestTime());
    ASSERT_TRUE(day.has_value()) << label;
    const auto rows = database.Query(sql::Compile(*day, sql::CompileOptions{database.dialect(), TestTime()}));
    const auto expected = Evaluate(*data_, *day, TestTime(UtcOffset{180}));
    ASSERT_FALSE(rows.empty()) << label;
    EXPECT_EQ(rows.front().front(), expected.scalar) << label;
  }

  static std::string* document_;
  static Dataset* data_;
};

std::string* SeriesAgainstOracle::document_ = nullptr;
Dataset* SeriesAgainstOracle::data_ = nullptr;

TEST_F(SeriesAgainstOracle, SqliteSeriesMatchTheOracle) {
  TempDir dir;
  auto database = LoadedDatabase("sqlite:" + dir.path() + "/series.db", *document_);
  RunShapes(*database, "sqlite");
  RunNamedZone(*database, "sqlite");
  RunTotalsAndCreatorHourSeries(*database, "sqlite");
  RunRandom(*database, "sqlite");
}

TEST_F(SeriesAgainstOracle, PostgresSeriesMatchTheOracle) {
  VIDEOBOT_REQUIRE_POSTGRES();
  ScratchPostgres scratch;
  auto database = LoadedDatabase(scratch.url(), *document_);
  RunShapes(*database, "postgres");
  RunNamedZone(*database, "postgres");
  RunTotalsAndCreatorHourSeries(*database, "postgres");
  RunRandom(*database, "postgres");
}

TEST_F(SeriesAgainstOracle, ClickHouseSeriesMatchTheOracle) {
  VIDEOBOT_REQUIRE_CLICKHOUSE();
  for (const bool cluster : {false, true}) {
    ScratchClickHouse scratch(cluster);
    auto database = LoadedDatabase(scratch.url(), *document_);
    RunShapes(*database, cluster ? "clickhouse two shards" : "clickhouse");
    RunNamedZone(*database, cluster ? "clickhouse two shards" : "clickhouse");
    RunTotalsAndCreatorHourSeries(*database, cluster ? "clickhouse two shards" : "clickhouse");
    RunRandom(*database, cluster ? "clickhouse two shards" : "clickhouse");
  }
}

}  // namespace
}  // namespace videobot::testing
