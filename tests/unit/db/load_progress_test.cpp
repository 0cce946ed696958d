// The load progress line as text: bar, percent, rows per second and ETA while reading, the
// rollup phase as its own step.
#include <gtest/gtest.h>

#include "db/connection_url.hpp"
#include "db/load_progress.hpp"

namespace videobot::db {
namespace {

TEST(LoadProgressLine, ReadingShowsPercentRateAndEta) {
  const LoadProgress progress{LoadPhase::kReading, 50 << 20, 1000, 99000};
  const std::string line = FormatLoadProgress(progress, 100 << 20, 10.0);
  EXPECT_EQ(line, "loading [############.............]  50%  50 MiB  10 000 rows/s  ETA 0:10");
}

TEST(LoadProgressLine, UnknownSizeShowsTheRateWithoutEta) {
  const LoadProgress progress{LoadPhase::kReading, 3 << 20, 10, 290};
  EXPECT_EQ(FormatLoadProgress(progress, 0, 2.0), "loading 3 MiB  150 rows/s");
  EXPECT_EQ(FormatLoadProgress(progress, 0, 0.0), "loading 3 MiB");
}

TEST(LoadProgressLine, RollupsAreTheirOwnStep) {
  const LoadProgress progress{LoadPhase::kRollups, 100 << 20, 1234, 1233333};
  const std::string line = FormatLoadProgress(progress, 100 << 20, 3725.0);
  EXPECT_EQ(line, "building rollups: 1 234 567 rows read in 1:02:05");
  EXPECT_EQ(line.find('%'), std::string::npos);
  EXPECT_EQ(FormatLoadProgress(LoadProgress{LoadPhase::kDone, 1, 1, 2}, 1, 41.4), "loaded: 3 rows in 0:41");
}

TEST(LoadProgressLine, BytesPastTheTotalStayAtOneHundredPercent) {
  const LoadProgress progress{LoadPhase::kReading, 200, 1, 1};
  const std::string line = FormatLoadProgress(progress, 100, 1.0);
  EXPECT_NE(line.find("100%"), std::string::npos) << line;
  EXPECT_NE(line.find("ETA 0:00"), std::string::npos) << line;
}

TEST(DatabaseUrlForm, AcceptsTheFourFormsAndRejectsTheRest) {
  for (const char* url :
       {"sqlite:videobot.db", "sqlite:///tmp/x.db", "postgresql://u@h/db", "postgres://u:p@h:5432/db",
        "postgresql:///db?host=/tmp", "host=127.0.0.1 dbname=videobot user=bot", "dbname = x password='a b'"}) {
    EXPECT_FALSE(CheckUrlForm(url).has_value()) << url << ": " << CheckUrlForm(url).value_or("");
  }
  for (const char* url : {"m.db", "mysql://u:pw@h/db", "postgresql+asyncpg://u:pw@h/db", "", "   ",
                          "sqlite:", "host=h dbname", "nosuchkey=1", "http://example.com/?a=b"}) {
    const auto problem = CheckUrlForm(url);
    ASSERT_TRUE(problem.has_value()) << url;
    EXPECT_NE(problem->find("sqlite:PATH"), std::string::npos) << *problem;
    EXPECT_EQ(problem->find(":pw@"), std::string::npos) << *problem;
  }
}

}  // namespace
}  // namespace videobot::db
