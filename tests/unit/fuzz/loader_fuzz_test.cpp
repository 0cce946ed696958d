// The loader on damaged documents (SQLite in a temporary directory): truncations, flipped bytes,
// swapped keys, deleted fields, type flips, repeated records, huge strings. Load never crashes
// and never throws for bad input: it either loads the whole document or returns kLoadMalformed
// (kValueOutOfRange for a value outside the accepted ranges) with nothing written (every row of both tables unchanged).
// Documents that once failed are replayed from fuzz_regressions/documents/*.json.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "fuzz_input.hpp"
#include "support/generated_document.hpp"
#include "support/test_env.hpp"

namespace videobot::fuzz {
namespace {

using Json = nlohmann::ordered_json;

// A small document: a few videos tracked for a few hours, so mutations reach every part of it.
std::string SmallDocument(std::uint64_t seed, int videos) {
  datagen::GeneratorOptions options;
  options.videos = videos;
  options.creators = 2;
  options.seed = seed;
  options.tracking_start = ParseTimestamp("2025-11-26T11:00:00Z").value();
  options.tracking_end = ParseTimestamp("2025-11-26T16:00:00Z").value();
  options.publications_from = ParseTimestamp("2025-11-20T00:00:00Z").value();
  return testing::GeneratedDocument(options);
}

std::string CellText(const db::Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) return std::to_string(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return "NULL";
}

// Every row of both data tables as text.
std::vector<std::string> Dump(db::Database& database) {
  std::vector<std::string> out;
  for (const char* sql : {"SELECT * FROM videos ORDER BY id", "SELECT * FROM video_snapshots ORDER BY id"}) {
    for (const auto& row : database.Query(sql::Query{sql, {}, sql::Shape::kRows})) {
      std::string line;
      for (const auto& cell : row) line += CellText(cell) + "|";
      out.push_back(std::move(line));
    }
  }
  return out;
}

std::int64_t Count(db::Database& database, const char* table) {
  const auto rows = database.Query(sql::Query{std::string("SELECT COUNT(*) FROM ") + table, {}});
  return std::get<std::int64_t>(rows.at(0).at(0));
}

// A migrated SQLite database holding the preloaded document.
class Target {
 public:
  explicit Target(const std::string& preloaded) { Reset(preloaded); }
  void Reset(const std::string& preloaded) {
    database_.reset();
    dir_.emplace();
    database_ = db::Open("sqlite:" + dir_->path() + "/fuzz.db");
    db::Migrate(*database_);
    std::istringstream input(preloaded);
    auto stats = db::Load(*database_, input);
    if (!stats) throw std::runtime_error("preload failed: " + stats.error().Describe());
  }
  db::Database& db() { return *database_; }

 private:
  std::optional<testing::TempDir> dir_;
  std::unique_ptr<db::Database> database_;
};

void CollectNodes(Json& node, std::vector<Json*>& out) {
  out.push_back(&node);
  if (node.is_structured()) {
    for (auto& child : node) CollectNodes(child, out);
  }
}

// A field of a random video or snapshot.
Json* RandomRecord(Json& document, Random& random) {
  auto& videos = document.at("videos");
  if (videos.empty()) return nullptr;
  Json& video = videos[static_cast<std::size_t>(random.Between(0, static_cast<std::int64_t>(videos.size()) - 1))];
  if (random.Chance(0.5) && video.contains("snapshots") && !video["snapshots"].empty()) {
    auto& snapshots = video["snapshots"];
    return &snapshots[static_cast<std::size_t>(random.Between(0, static_cast<std::int64_t>(snapshots.size()) - 1))];
  }
  return &video;
}

std::string RandomKey(const Json& record, Random& random) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : record.items()) keys.push_back(key);
  return keys.empty() ? std::string("id") : random.Pick(keys);
}

Json RandomValue(Random& random) {
  switch (random.Between(0, 9)) {
    case 0: return nullptr;
    case 1: return random.Chance(0.5);
    case 2: return random.Between(-5, 5);
    case 3: return std::numeric_limits<std::int64_t>::min();
    case 4: return std::numeric_limits<std::uint64_t>::max();
    case 5: return 0.5;
    case 6: return Json::array();
    case 7: return Json::object();
    case 8: return std::string(static_cast<std::size_t>(random.Between(1, 1 << 20)), random.Chance(0.5) ? 'a' : '0');
    default: return random.Utf8(static_cast<std::size_t>(random.Between(0, 40)));
  }
}

// Swaps the names of two keys in the text ("views_count" ↔ "created_at").
std::string SwapKeys(std::string text, Random& random) {
  static const std::vector<std::string> kKeys = {"\"id\"",          "\"creator_id\"",   "\"video_created_at\"",
                                                 "\"views_count\"", "\"likes_count\"",  "\"video_id\"",
                                                 "\"created_at\"",  "\"updated_at\"",   "\"delta_views_count\"",
                                                 "\"snapshots\"",   "\"reports_count\""};
  const std::string a = random.Pick(kKeys);
  const std::string b = random.Pick(kKeys);
  const auto at_a = text.find(a, static_cast<std::size_t>(random.Between(0, static_cast<std::int64_t>(text.size()))));
  if (at_a == std::string::npos) return text;
  const auto at_b = text.find(b, at_a + a.size());
  if (at_b == std::string::npos) return text;
  text.replace(at_b, b.size(), a);
  text.replace(at_a, a.size(), b);
  return text;
}

std::string MutateDocument(const std::string& base, Random& random) {
  switch (random.Between(0, 8)) {
    case 0: return base.substr(0, static_cast<std::size_t>(random.Between(0, static_cast<std::int64_t>(base.size()))));
    case 1:
    case 2: return random.MutateBytes(base, {"null", "[]", "{}", "\"\"", "-", "1e999", ",", ":", "\\u0000", "\xff"}, 3);
    case 3: return SwapKeys(base, random);
    default: break;
  }
  Json document = Json::parse(base);
  Json* record = RandomRecord(document, random);
  if (record == nullptr) return document.dump();
  switch (random.Between(0, 5)) {
    case 0: record->erase(RandomKey(*record, random)); break;
    case 1: (*record)[RandomKey(*record, random)] = RandomValue(random); break;
    case 2: (*record)[random.Utf8(static_cast<std::size_t>(random.Between(1, 6)))] = 1; break;
    case 3: {  // repeat a video, or move a snapshot to another video
      auto& videos = document["videos"];
      if (random.Chance(0.5)) {
        videos.push_back(videos[0]);
      } else if (videos.size() > 1 && !videos[0]["snapshots"].empty()) {
        videos[1]["snapshots"].push_back(videos[0]["snapshots"][0]);
      }
      break;
    }
    case 4: {  // a structural node replaced by another type
      std::vector<Json*> nodes;
      CollectNodes(document, nodes);
      *random.Pick(nodes) = RandomValue(random);
      break;
    }
    default: {  // a huge string in a string field
      const std::string key = RandomKey(*record, random);
      if ((*record)[key].is_string()) (*record)[key] = (*record)[key].get<std::string>() + std::string(1 << 20, 'f');
      break;
    }
  }
  return random.Chance(0.5) ? document.dump() : document.dump(2);
}

struct Ids {
  std::set<std::string> videos;
  std::set<std::string> snapshots;
};

Ids IdsOf(const std::string& text) {
  Ids ids;
  const auto document = nlohmann::json::parse(text);
  for (const auto& video : document.at("videos")) {
    ids.videos.insert(video.at("id").get<std::string>());
    for (const auto& snapshot : video.at("snapshots")) ids.snapshots.insert(snapshot.at("id").get<std::string>());
  }
  return ids;
}

// Loads `text` and checks the all-or-nothing contract; returns true when it loaded.
bool LoadAndCheck(Target& target, const std::string& text, const Ids& preloaded, const std::string& label) {
  const auto before = Dump(target.db());
  std::istringstream input(text);
  Result<db::LoadStats> outcome = Unexpected{Error{ErrorCode::kUsage, "", ""}};
  try {
    outcome = db::Load(target.db(), input);
  } catch (const std::exception& error) {
    ADD_FAILURE() << label << ": Load threw " << error.what() << " for «" << Escape(text.substr(0, 3000)) << "»";
    return false;
  }
  if (!outcome) {
    const ErrorCode code = outcome.error().code;
    EXPECT_TRUE(code == ErrorCode::kLoadMalformed || code == ErrorCode::kValueOutOfRange)
        << label << ": " << outcome.error().Describe();
    EXPECT_TRUE(Dump(target.db()) == before)
        << label << ": a rejected document changed the tables: " << outcome.error().Describe() << " «"
        << Escape(text.substr(0, 3000)) << "»";
    return false;
  }
  // Loaded: every record of the document is in the tables, on top of what was there.
  Ids ids;
  try {
    ids = IdsOf(text);
  } catch (const std::exception& error) {
    ADD_FAILURE() << label << ": the loader accepted a document nlohmann rejects (" << error.what() << "): «"
                  << Escape(text.substr(0, 3000)) << "»";
    return true;
  }
  std::set<std::string> videos = preloaded.videos;
  videos.insert(ids.videos.begin(), ids.videos.end());
  std::set<std::string> snapshots = preloaded.snapshots;
  snapshots.insert(ids.snapshots.begin(), ids.snapshots.end());
  EXPECT_EQ(outcome->videos, static_cast<std::int64_t>(ids.videos.size())) << label;
  EXPECT_EQ(outcome->snapshots, static_cast<std::int64_t>(ids.snapshots.size())) << label;
  EXPECT_EQ(Count(target.db(), "videos"), static_cast<std::int64_t>(videos.size())) << label;
  EXPECT_EQ(Count(target.db(), "video_snapshots"), static_cast<std::int64_t>(snapshots.size())) << label;
  return true;
}

TEST(LoaderFuzz, DamagedDocumentsLoadFullyOrNotAtAll) {
  const std::string preloaded = SmallDocument(77, 2);
  const Ids preloaded_ids = IdsOf(preloaded);
  Target target(preloaded);
  Random random(BaseSeed() + 3);
  const std::vector<std::string> bases = {SmallDocument(31, 3), SmallDocument(32, 1), SmallDocument(33, 4)};
  const int iterations = Iterations(500);
  const Budget budget(15);
  int done = 0;
  int loaded = 0;
  for (; done < iterations && !budget.Spent(); ++done) {
    std::string text = random.Pick(bases);
    const auto rounds = random.Between(1, 2);
    for (std::int64_t r = 0; r < rounds; ++r) {
      try {
        text = MutateDocument(text, random);
      } catch (const nlohmann::json::exception&) {
        text = random.MutateBytes(text, {}, 2);
      }
    }
    if (LoadAndCheck(target, text, preloaded_ids, "iteration " + std::to_string(done))) {
      ++loaded;
      target.Reset(preloaded);  // back to the preloaded state for the next document
    }
    if (::testing::Test::HasFailure()) break;
  }
  std::printf("loader fuzz: %d documents (%d loaded) in %.1f s\n", done, loaded, budget.Elapsed());
}

TEST(LoaderFuzz, RegressionDocuments) {
  const std::string preloaded = SmallDocument(77, 2);
  const Ids preloaded_ids = IdsOf(preloaded);
  Target target(preloaded);
  int count = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(RegressionDir() + "/documents"))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    if (path.extension() != ".json") continue;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (LoadAndCheck(target, text.str(), preloaded_ids, path.filename().string())) target.Reset(preloaded);
    ++count;
  }
  EXPECT_GT(count, 0);
}

}  // namespace
}  // namespace videobot::fuzz
