// libFuzzer target: the loader, into one SQLite database in a temporary directory. A document
// is loaded whole or rejected with load_malformed (or value_out_of_range) and nothing written; an exception, a changed
// row count after a rejection, or a crash is a finding.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"

namespace {

videobot::db::Database& Target() {
  static std::unique_ptr<videobot::db::Database> database = [] {
    std::string dir = (std::filesystem::temp_directory_path() / "videobot-fuzz.XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr) std::abort();
    auto opened = videobot::db::Open("sqlite:" + dir + "/fuzz.db");
    videobot::db::Migrate(*opened);
    return opened;
  }();
  return *database;
}

std::int64_t Rows(videobot::db::Database& database) {
  std::int64_t total = 0;
  for (const char* sql : {"SELECT COUNT(*) FROM videos", "SELECT COUNT(*) FROM video_snapshots"}) {
    total += std::get<std::int64_t>(database.Query(videobot::sql::Query{sql, {}}).at(0).at(0));
  }
  return total;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace videobot;
  db::Database& database = Target();
  const std::int64_t before = Rows(database);
  std::istringstream input(std::string(reinterpret_cast<const char*>(data), size));
  const auto outcome = db::Load(database, input);  // an exception escapes: libFuzzer reports it
  if (!outcome) {
    const ErrorCode code = outcome.error().code;
    if ((code != ErrorCode::kLoadMalformed && code != ErrorCode::kValueOutOfRange) || Rows(database) != before) {
      std::abort();
    }
    return 0;
  }
  // Start the next input from an empty database so row counts stay small.
  database.Execute(
      "DELETE FROM video_snapshot_days; DELETE FROM video_snapshot_age_hours; "
      "DELETE FROM video_snapshot_day_totals; DELETE FROM video_snapshot_creator_hours; "
      "DELETE FROM video_snapshots; DELETE FROM videos");
  return 0;
}
