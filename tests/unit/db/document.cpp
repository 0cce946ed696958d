#include "document.hpp"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <sstream>

#include "common/time.hpp"
#include "support/generated_document.hpp"
#include "test_database.hpp"

namespace videobot::db::testing {
namespace {

std::string Micros(const nlohmann::json& text) {
  const auto instant = ParseTimestamp(text.get<std::string>());
  if (!instant) throw std::runtime_error("bad timestamp in a test document: " + text.dump());
  return std::to_string(*instant);
}

std::string Int(const nlohmann::json& value) { return std::to_string(value.get<std::int64_t>()); }

// Ids as the loader stores them: lowercase.
std::string Id(const nlohmann::json& value) {
  std::string id = value.get<std::string>();
  std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return id;
}

}  // namespace

std::string GeneratedDocument(int videos, std::uint64_t seed, int creators) {
  return videobot::testing::GeneratedDocument({.videos = videos, .creators = creators, .seed = seed});
}

std::vector<std::string> ExpectedRows(const nlohmann::json& document) {
  std::vector<std::string> videos;
  std::vector<std::string> snapshots;
  for (const auto& v : document.at("videos")) {
    videos.push_back(Id(v.at("id")) + "|" + Id(v.at("creator_id")) + "|" + Micros(v.at("video_created_at")) + "|" +
                     Int(v.at("views_count")) + "|" + Int(v.at("likes_count")) + "|" + Int(v.at("comments_count")) +
                     "|" + Int(v.at("reports_count")) + "|" + Micros(v.at("created_at")) + "|" +
                     Micros(v.at("updated_at")) + "|");
    for (const auto& s : v.at("snapshots")) {
      snapshots.push_back(Id(s.at("id")) + "|" + Id(s.at("video_id")) + "|" + Int(s.at("views_count")) + "|" +
                          Int(s.at("likes_count")) + "|" + Int(s.at("comments_count")) + "|" +
                          Int(s.at("reports_count")) + "|" + Int(s.at("delta_views_count")) + "|" +
                          Int(s.at("delta_likes_count")) + "|" + Int(s.at("delta_comments_count")) + "|" +
                          Int(s.at("delta_reports_count")) + "|" + Micros(s.at("created_at")) + "|" +
                          Micros(s.at("updated_at")) + "|");
    }
  }
  std::sort(videos.begin(), videos.end());
  std::sort(snapshots.begin(), snapshots.end());
  videos.insert(videos.end(), snapshots.begin(), snapshots.end());
  return videos;
}

Totals TotalsOf(const nlohmann::json& document) {
  Totals t;
  for (const auto& v : document.at("videos")) {
    ++t.videos;
    t.views += v.at("views_count").get<std::int64_t>();
    t.likes += v.at("likes_count").get<std::int64_t>();
    t.comments += v.at("comments_count").get<std::int64_t>();
    t.reports += v.at("reports_count").get<std::int64_t>();
    for (const auto& s : v.at("snapshots")) {
      ++t.snapshots;
      t.delta_views += s.at("delta_views_count").get<std::int64_t>();
      t.delta_likes += s.at("delta_likes_count").get<std::int64_t>();
      t.delta_comments += s.at("delta_comments_count").get<std::int64_t>();
      t.delta_reports += s.at("delta_reports_count").get<std::int64_t>();
    }
  }
  return t;
}

Totals TotalsIn(Database& database) {
  Totals t;
  const std::string cast = database.dialect() == sql::Dialect::kPostgres ? "::bigint" : "";
  const auto sum = [&](const char* column, const char* table) {
    return QueryInt(database, "SELECT coalesce(sum(" + std::string(column) + ")" + cast + ", 0) FROM " + table);
  };
  t.videos = QueryInt(database, "SELECT count(*) FROM videos");
  t.snapshots = QueryInt(database, "SELECT count(*) FROM video_snapshots");
  t.views = sum("views_count", "videos");
  t.likes = sum("likes_count", "videos");
  t.comments = sum("comments_count", "videos");
  t.reports = sum("reports_count", "videos");
  t.delta_views = sum("delta_views_count", "video_snapshots");
  t.delta_likes = sum("delta_likes_count", "video_snapshots");
  t.delta_comments = sum("delta_comments_count", "video_snapshots");
  t.delta_reports = sum("delta_reports_count", "video_snapshots");
  return t;
}

std::ostream& operator<<(std::ostream& out, const Totals& t) {
  return out << "videos=" << t.videos << " snapshots=" << t.snapshots << " views=" << t.views << " likes=" << t.likes
             << " comments=" << t.comments << " reports=" << t.reports << " dviews=" << t.delta_views
             << " dlikes=" << t.delta_likes << " dcomments=" << t.delta_comments << " dreports=" << t.delta_reports;
}

}  // namespace videobot::db::testing
