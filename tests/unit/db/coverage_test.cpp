// The coverage row (data_coverage, db/coverage.hpp): what a migrated database reports before and
// after loads, that a failed load leaves it as it was, that migration 0004 backfills a database
// loaded before it, and NotInitialisedError for a missing or outdated schema.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "db/coverage.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "document.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

using nlohmann::json;

Instant At(const json& text) {
  const auto at = ParseTimestamp(text.get<std::string>());
  if (!at) throw std::runtime_error("bad timestamp in a test document: " + text.dump());
  return *at;
}

// The coverage of the documents loaded, computed from their JSON (loaded_at left out).
Coverage Expected(const std::vector<json>& documents) {
  Coverage c;
  for (const auto& document : documents) {
    for (const auto& v : document.at("videos")) {
      ++c.videos;
      const Instant published = At(v.at("video_created_at"));
      c.first_published = std::min(c.first_published.value_or(published), published);
      c.last_published = std::max(c.last_published.value_or(published), published);
      for (const auto& s : v.at("snapshots")) {
        ++c.snapshots;
        const Instant measured = At(s.at("created_at"));
        c.first_measured = std::min(c.first_measured.value_or(measured), measured);
        c.last_measured = std::max(c.last_measured.value_or(measured), measured);
      }
    }
  }
  return c;
}

void ExpectSameData(const Coverage& actual, const Coverage& expected) {
  EXPECT_EQ(actual.videos, expected.videos);
  EXPECT_EQ(actual.snapshots, expected.snapshots);
  EXPECT_EQ(actual.first_measured, expected.first_measured);
  EXPECT_EQ(actual.last_measured, expected.last_measured);
  EXPECT_EQ(actual.first_published, expected.first_published);
  EXPECT_EQ(actual.last_published, expected.last_published);
}

class CoverageTest : public BackendTest {
 protected:
  void LoadDocument(const json& document) {
    std::istringstream input(document.dump());
    const auto result = Load(db(), input);
    ASSERT_TRUE(result.has_value()) << result.error().Describe();
  }

  // Takes the coverage migration back out, leaving the schema an older binary made.
  void ForgetCoverageMigration() {
    db().Execute("DELETE FROM schema_migrations WHERE version = 4");
    db().Execute("DROP TABLE data_coverage");
  }
};

TEST_P(CoverageTest, AMigratedDatabaseIsEmpty) {
  Migrate(db());
  const Coverage coverage = ReadCoverage(db());
  EXPECT_TRUE(coverage.Empty());
  ExpectSameData(coverage, Coverage{});
  EXPECT_EQ(coverage.loaded_at, std::nullopt);
}

TEST_P(CoverageTest, EveryLoadRefreshesItInItsTransaction) {
  Migrate(db());
  const json first = json::parse(GeneratedDocument(20, 41));
  const Instant before = SystemClock().Now();
  LoadDocument(first);
  const Instant after = SystemClock().Now();
  Coverage coverage = ReadCoverage(db());
  EXPECT_FALSE(coverage.Empty());
  ExpectSameData(coverage, Expected({first}));
  ASSERT_TRUE(coverage.loaded_at.has_value());
  EXPECT_GE(*coverage.loaded_at, before);
  EXPECT_LE(*coverage.loaded_at, after);

  // A second document with earlier and later rows widens every range.
  json second = json::parse(GeneratedDocument(7, 42));
  second["videos"][0]["video_created_at"] = "2020-01-01T00:00:00+00:00";
  second["videos"][1]["snapshots"][0]["created_at"] = "2030-05-05T05:05:05.5+00:00";
  LoadDocument(second);
  coverage = ReadCoverage(db());
  ExpectSameData(coverage, Expected({first, second}));
  EXPECT_EQ(coverage.first_published, At(json("2020-01-01T00:00:00+00:00")));
  EXPECT_EQ(coverage.last_measured, At(json("2030-05-05T05:05:05.5+00:00")));
  EXPECT_GE(*coverage.loaded_at, after);
}

TEST_P(CoverageTest, AFailedLoadLeavesItAsItWas) {
  Migrate(db());
  LoadDocument(json::parse(GeneratedDocument(6, 43)));
  const Coverage before = ReadCoverage(db());
  json bad = json::parse(GeneratedDocument(9, 44));
  bad["videos"][8]["snapshots"][0]["views_count"] = -1;
  std::istringstream input(bad.dump());
  ASSERT_FALSE(Load(db(), input).has_value());
  const Coverage after = ReadCoverage(db());
  ExpectSameData(after, before);
  EXPECT_EQ(after.loaded_at, before.loaded_at);
}

TEST_P(CoverageTest, TheMigrationBackfillsADatabaseLoadedBeforeIt) {
  const json document = json::parse(GeneratedDocument(15, 45));
  Migrate(db());
  LoadDocument(document);
  ForgetCoverageMigration();
  EXPECT_THROW(ReadCoverage(db()), NotInitialisedError);
  const auto applied = Migrate(db());
  ASSERT_EQ(applied.size(), 1u);
  EXPECT_EQ(applied[0].name, "0004_data_coverage");
  const Coverage coverage = ReadCoverage(db());
  ExpectSameData(coverage, Expected({document}));
  EXPECT_EQ(coverage.loaded_at, std::nullopt);  // when that load happened is unknown
}

TEST_P(CoverageTest, NoSchemaIsNotInitialised) {
  try {
    ReadCoverage(db());
    FAIL() << "a database without tables has a coverage";
  } catch (const NotInitialisedError& error) {
    EXPECT_NE(std::string(error.what()).find("videobot load"), std::string::npos) << error.what();
  }
}

TEST_P(CoverageTest, AnOlderSchemaIsNotInitialisedAndSaysHowToMigrate) {
  Migrate(db());
  ForgetCoverageMigration();
  try {
    ReadCoverage(db());
    FAIL() << "a schema without data_coverage has a coverage";
  } catch (const NotInitialisedError& error) {
    EXPECT_NE(std::string(error.what()).find("videobot migrate"), std::string::npos) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, CoverageTest, ::testing::Values(Backend::kSqlite, Backend::kPostgres), BackendName);

}  // namespace
}  // namespace videobot::db::testing
