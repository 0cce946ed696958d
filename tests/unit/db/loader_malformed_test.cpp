// The loader on malformed documents: every kind is rejected with kLoadMalformed (or
// kValueOutOfRange for a value outside the accepted ranges), the JSON path of the culprit and its
// byte offset, and nothing is written.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <regex>
#include <sstream>

#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "document.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

using nlohmann::json;

std::string Base() { return GeneratedDocument(5, 31); }
std::string Preloaded() { return GeneratedDocument(3, 77); }

std::string Edit(const std::function<void(json&)>& change) {
  json document = json::parse(Base());
  change(document);
  return document.dump();
}

std::string Upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// Video 0 with `count` copies of its first snapshot (distinct ids), each growing views by `delta`.
std::string ManySnapshots(int count, std::int64_t delta) {
  return Edit([&](json& d) {
    json& video = d["videos"][0];
    const json first = video["snapshots"][0];
    video["snapshots"] = json::array();
    for (int i = 0; i < count; ++i) {
      json snapshot = first;
      char id[33];
      std::snprintf(id, sizeof id, "%032x", i);
      snapshot["id"] = id;
      snapshot["delta_views_count"] = delta;
      video["snapshots"].push_back(snapshot);
    }
  });
}

std::string ReplaceFirst(std::string text, const std::string& what, const std::string& with) {
  const auto at = text.find(what);
  if (at == std::string::npos) throw std::runtime_error("test document lacks " + what);
  return text.replace(at, what.size(), with);
}

struct Case {
  std::string name;
  std::function<std::string()> document;
  std::string path;  ///< expected error path
  bool path_is_prefix = false;
  std::string offset_marker{};  ///< when set: the offset must point into this text…
  std::size_t offset_skip = 0;  ///< …this many bytes after its start
  ErrorCode code = ErrorCode::kLoadMalformed;
};

constexpr auto kRange = ErrorCode::kValueOutOfRange;

void PrintTo(const Case& c, std::ostream* out) { *out << c.name; }

std::vector<Case> Cases() {
  return {
      {"NotJson", [] { return std::string("hello"); }, ""},
      {"Empty", [] { return std::string(); }, ""},
      {"TopLevelArray", [] { return std::string("[]"); }, ""},
      {"Truncated",
       [] {
         const auto t = Base();
         return t.substr(0, t.size() * 2 / 3);
       },
       "/videos/", true},
      {"TrailingGarbage", [] { return Base() + "x"; }, ""},
      {"ExtraTopLevelField", [] { return Edit([](json& d) { d["zzz"] = 1; }); }, ""},
      {"MissingComma", [] { return ReplaceFirst(Base(), ",\n      \"likes_count\"", "\n      \"likes_count\""); },
       "/videos/0", true},
      {"TrailingComma", [] { return ReplaceFirst(Base(), "    }\n  ]\n}", "    },\n  ]\n}"); }, "/videos/5"},
      {"MissingSnapshotField",
       [] { return Edit([](json& d) { d["videos"][1]["snapshots"][2].erase("delta_views_count"); }); },
       "/videos/1/snapshots/2/delta_views_count"},
      {"MissingVideoField", [] { return Edit([](json& d) { d["videos"][2].erase("creator_id"); }); },
       "/videos/2/creator_id"},
      {"MissingSnapshots", [] { return Edit([](json& d) { d["videos"][3].erase("snapshots"); }); },
       "/videos/3/snapshots"},
      {"CounterAsString", [] { return Edit([](json& d) { d["videos"][2]["views_count"] = "12"; }); },
       "/videos/2/views_count", false, "\"views_count\":\"12\"", 14},
      {"CounterAsFraction",
       [] { return Edit([](json& d) { d["videos"][0]["snapshots"][3]["delta_likes_count"] = 1.5; }); },
       "/videos/0/snapshots/3/delta_likes_count"},
      {"CounterNull", [] { return Edit([](json& d) { d["videos"][3]["reports_count"] = nullptr; }); },
       "/videos/3/reports_count"},
      {"CounterOverflow",
       [] { return ReplaceFirst(Base(), "\"views_count\": ", "\"views_count\": 99999999999999999999"); },
       "/videos/0/views_count", false, "\"views_count\": 99999999999999999999", 15, kRange},
      {"NegativeVideoCounter", [] { return Edit([](json& d) { d["videos"][1]["likes_count"] = -1; }); },
       "/videos/1/likes_count", false, "", 0, kRange},
      {"NegativeSnapshotCounter",
       [] { return Edit([](json& d) { d["videos"][2]["snapshots"][1]["views_count"] = -5; }); },
       "/videos/2/snapshots/1/views_count", false, "", 0, kRange},
      {"CounterAboveLimit", [] { return Edit([](json& d) { d["videos"][0]["views_count"] = kMaxCounter + 1; }); },
       "/videos/0/views_count", false, "", 0, kRange},
      {"SnapshotCounterAboveLimit",
       [] { return Edit([](json& d) { d["videos"][4]["snapshots"][0]["reports_count"] = kMaxCounter + 1; }); },
       "/videos/4/snapshots/0/reports_count", false, "", 0, kRange},
      {"DeltaBelowLimit",
       [] {
         return Edit([](json& d) { d["videos"][3]["snapshots"][0]["delta_comments_count"] = -(kMaxCounter + 1); });
       },
       "/videos/3/snapshots/0/delta_comments_count", false, "", 0, kRange},
      {"DeltaSumsOfOneVideoBeyondInt64", [] { return ManySnapshots(9300, kMaxCounter); },
       "/videos/0/snapshots/9223/delta_views_count", false, "", 0, kRange},
      {"InstantBeforeYearOneInUtc",
       [] { return Edit([](json& d) { d["videos"][0]["video_created_at"] = "0001-01-01T05:00:00+14:00"; }); },
       "/videos/0/video_created_at", false, "", 0, kRange},
      {"InstantAfterYear9999InUtc",
       [] { return Edit([](json& d) { d["videos"][2]["snapshots"][3]["created_at"] = "9999-12-31T23:00:00-14:00"; }); },
       "/videos/2/snapshots/3/created_at", false, "", 0, kRange},
      {"InstantOneMicrosecondPastTheEnd",
       [] { return Edit([](json& d) { d["videos"][1]["updated_at"] = "9999-12-31T20:00:00.000000-04:00"; }); },
       "/videos/1/updated_at", false, "", 0, kRange},
      {"YearZero", [] { return Edit([](json& d) { d["videos"][3]["created_at"] = "0000-06-01T00:00:00+00:00"; }); },
       "/videos/3/created_at"},
      {"IdAsNumber", [] { return Edit([](json& d) { d["videos"][1]["snapshots"][0]["id"] = 12345; }); },
       "/videos/1/snapshots/0/id"},
      {"SnapshotsNotArray", [] { return Edit([](json& d) { d["videos"][1]["snapshots"] = json::object(); }); },
       "/videos/1/snapshots"},
      {"VideoNotObject", [] { return Edit([](json& d) { d["videos"][2] = 5; }); }, "/videos/2"},
      {"UnknownSnapshotField", [] { return Edit([](json& d) { d["videos"][0]["snapshots"][1]["extra"] = 1; }); },
       "/videos/0/snapshots/1/extra"},
      {"UnknownVideoField", [] { return Edit([](json& d) { d["videos"][3]["title"] = "x"; }); }, "/videos/3/title"},
      {"RepeatedField",
       [] { return ReplaceFirst(Base(), "\"likes_count\": ", "\"likes_count\": 1, \"likes_count\": "); },
       "/videos/0/likes_count"},
      {"BadTimestamp",
       [] { return Edit([](json& d) { d["videos"][1]["snapshots"][4]["created_at"] = "2025-13-01T00:00:00+00:00"; }); },
       "/videos/1/snapshots/4/created_at"},
      {"TimestampWithoutOffset",
       [] { return Edit([](json& d) { d["videos"][0]["video_created_at"] = "2025-08-19T08:54:35"; }); },
       "/videos/0/video_created_at"},
      {"TimestampAsNumber", [] { return Edit([](json& d) { d["videos"][4]["updated_at"] = 1732000000; }); },
       "/videos/4/updated_at"},
      {"MismatchedVideoId",
       [] { return Edit([](json& d) { d["videos"][1]["snapshots"][3]["video_id"] = d["videos"][0]["id"]; }); },
       "/videos/1/snapshots/3/video_id"},
      {"DuplicateVideoId",
       [] {
         return Edit([](json& d) {
           d["videos"][2]["id"] = d["videos"][0]["id"];
           for (auto& s : d["videos"][2]["snapshots"]) s["video_id"] = d["videos"][0]["id"];
         });
       },
       "/videos/2/id"},
      {"BadVideoId",
       [] {
         return Edit([](json& d) {
           d["videos"][0]["id"] = "not-a-uuid";
           for (auto& s : d["videos"][0]["snapshots"]) s["video_id"] = "not-a-uuid";
         });
       },
       "/videos/0/id"},
      {"BadCreatorId", [] { return Edit([](json& d) { d["videos"][1]["creator_id"] = "ABC"; }); },
       "/videos/1/creator_id"},
      {"CreatorIdWithNonHexLetter",
       [] {
         return Edit([](json& d) {
           d["videos"][1]["creator_id"] = "G" + d["videos"][1]["creator_id"].get<std::string>().substr(1);
         });
       },
       "/videos/1/creator_id"},
      {"BadSnapshotVideoId", [] { return Edit([](json& d) { d["videos"][1]["snapshots"][0]["video_id"] = "zz"; }); },
       "/videos/1/snapshots/0/video_id"},
      {"DuplicateVideoIdInAnotherCase",
       [] {
         return Edit([](json& d) {
           const std::string id = Upper(d["videos"][0]["id"].get<std::string>());
           d["videos"][2]["id"] = id;
           for (auto& s : d["videos"][2]["snapshots"]) s["video_id"] = id;
         });
       },
       "/videos/2/id"},
      {"RepeatedSnapshotIdInAnotherCase",
       [] {
         return Edit([](json& d) {
           d["videos"][0]["snapshots"][5]["id"] = Upper(d["videos"][0]["snapshots"][1]["id"].get<std::string>());
         });
       },
       "/videos/0/snapshots/5/id"},
      {"BadSnapshotId", [] { return Edit([](json& d) { d["videos"][1]["snapshots"][1]["id"] = "zz"; }); },
       "/videos/1/snapshots/1/id"},
      {"RepeatedSnapshotIdInVideo",
       [] {
         return Edit([](json& d) { d["videos"][0]["snapshots"][5]["id"] = d["videos"][0]["snapshots"][1]["id"]; });
       },
       "/videos/0/snapshots/5/id"},
      {"RepeatedSnapshotIdAcrossVideos",
       [] {
         return Edit([](json& d) { d["videos"][2]["snapshots"][0]["id"] = d["videos"][1]["snapshots"][0]["id"]; });
       },
       "/videos", true},
      {"SnapshotIdOfAnotherStoredVideo",
       [] {
         const json stored = json::parse(Preloaded());
         return Edit(
             [&](json& d) { d["videos"][1]["snapshots"][0]["id"] = stored["videos"][0]["snapshots"][0]["id"]; });
       },
       "/videos", true},
      {"LastVideoBrokenAfterManyRows",
       [] {
         json d = json::parse(GeneratedDocument(30, 41));
         d["videos"][29]["snapshots"].back().erase("updated_at");
         return d.dump(2);
       },
       "/videos/29/snapshots/", true},
  };
}

class LoaderMalformedTest : public ::testing::TestWithParam<std::tuple<Backend, Case>> {};

// Whether a case is malformed only next to the preloaded videos (an id they already hold).
bool NeedsStoredVideos(const Case& c) { return c.name == "SnapshotIdOfAnotherStoredVideo"; }

// The first load into an empty database writes straight into the tables (PostgreSQL): a
// malformed file must still leave it empty, with the same message as any other load.
TEST_P(LoaderMalformedTest, RejectsAndLeavesAnEmptyDatabaseEmpty) {
  const auto& [backend, c] = GetParam();
  if (backend == Backend::kPostgres) VIDEOBOT_REQUIRE_POSTGRES();
  if (NeedsStoredVideos(c)) GTEST_SKIP() << "malformed only next to stored videos";
  FreshDatabase fresh(backend);
  Migrate(fresh.db());
  const auto before = DumpTables(fresh.db());
  std::istringstream input(c.document());
  const auto result = Load(fresh.db(), input);
  ASSERT_FALSE(result.has_value()) << c.name << " was accepted";
  EXPECT_EQ(result.error().code, c.code) << result.error().Describe();
  EXPECT_NE(result.error().message.find("некорректный файл данных"), std::string::npos) << result.error().message;
  EXPECT_EQ(result.error().message.find("COPY"), std::string::npos) << result.error().message;
  EXPECT_EQ(DumpTables(fresh.db()), before);
  std::istringstream good(Preloaded());
  EXPECT_TRUE(Load(fresh.db(), good).has_value()) << "the connection still works";
}

TEST_P(LoaderMalformedTest, RejectsAndWritesNothing) {
  const auto& [backend, c] = GetParam();
  if (backend == Backend::kPostgres) VIDEOBOT_REQUIRE_POSTGRES();
  FreshDatabase fresh(backend);
  Migrate(fresh.db());
  {
    std::istringstream preload(Preloaded());
    ASSERT_TRUE(Load(fresh.db(), preload).has_value());
  }
  const auto before = DumpTables(fresh.db());
  ASSERT_FALSE(before.empty());

  const std::string text = c.document();
  std::istringstream input(text);
  const auto result = Load(fresh.db(), input);
  ASSERT_FALSE(result.has_value()) << c.name << " was accepted";
  const Error& error = result.error();
  EXPECT_EQ(error.code, c.code) << error.Describe();
  // What the operator reads: never SQL or the driver's words.
  for (const char* word : {"SELECT", "INSERT", "COPY", "SQLSTATE", "ERROR:"}) {
    EXPECT_EQ(error.message.find(word), std::string::npos) << error.message;
  }
  if (c.path_is_prefix) {
    EXPECT_TRUE(error.path.starts_with(c.path)) << error.Describe();
  } else {
    EXPECT_EQ(error.path, c.path) << error.Describe();
  }
  EXPECT_NE(error.message.find("некорректный файл данных"), std::string::npos) << error.message;
  std::smatch offset;
  ASSERT_TRUE(c.path.starts_with("/videos/") ? std::regex_search(error.message, offset, std::regex("байт (\\d+)"))
                                             : true)
      << error.message;
  if (!c.offset_marker.empty()) {
    EXPECT_EQ(std::stoul(offset[1].str()), text.find(c.offset_marker) + c.offset_skip) << error.message;
  }
  // Nothing written, and the connection still works for the next load.
  EXPECT_EQ(DumpTables(fresh.db()), before);
  std::istringstream again(Preloaded());
  EXPECT_TRUE(Load(fresh.db(), again).has_value());
  EXPECT_EQ(DumpTables(fresh.db()), before);
}

std::string CaseName(const ::testing::TestParamInfo<std::tuple<Backend, Case>>& param_info) {
  return std::string(std::get<0>(param_info.param) == Backend::kSqlite ? "Sqlite" : "Postgres") + "_" +
         std::get<1>(param_info.param).name;
}

INSTANTIATE_TEST_SUITE_P(Cases, LoaderMalformedTest,
                         ::testing::Combine(::testing::Values(Backend::kSqlite, Backend::kPostgres),
                                            ::testing::ValuesIn(Cases())),
                         CaseName);

}  // namespace
}  // namespace videobot::db::testing
