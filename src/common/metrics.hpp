#pragma once
// The closed catalogue of the counters a video carries: views, likes, comments, reports. The one
// place that names their keys in the data file and their columns, and the Russian names replies
// use for them; the loader, the rollups, the SQL catalogue, the plan's JSON names, the generator
// and the explanations take them from here.
//
// Each metric is a final counter on a video, the same counter at measurement time on a snapshot
// (one column name for both: the file's key), and the snapshot's change since the previous one
// (the delta). The rollups keep, per metric, the sum of the deltas under the delta's name and the
// number of positive and negative deltas as positive_<name> / negative_<name>.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace videobot::metrics {

struct Metric {
  std::string_view name;        ///< "views": the suffix of the rollups' positive_/negative_ columns
  std::string_view counter;     ///< "views_count": the file's key, the column of videos and snapshots
  std::string_view delta;       ///< "delta_views_count": the snapshot's key and column for the change
  std::string_view nominative;  ///< «просмотры»: the counter named in a reply or a chart
  std::string_view genitive;  ///< «просмотров»: «число просмотров», «прирост просмотров»
};

inline constexpr Metric kViews{"views", "views_count", "delta_views_count", "просмотры", "просмотров"};
inline constexpr Metric kLikes{"likes", "likes_count", "delta_likes_count", "лайки", "лайков"};
inline constexpr Metric kComments{"comments", "comments_count", "delta_comments_count", "комментарии", "комментариев"};
inline constexpr Metric kReports{"reports", "reports_count", "delta_reports_count", "жалобы", "жалоб"};

/// Every metric, in the order of the tables' columns (and of the per-metric records, PerMetric).
inline constexpr std::array<Metric, 4> kAll = {kViews, kLikes, kComments, kReports};

inline constexpr std::size_t kCount = kAll.size();

/// The position of `metric` in kAll (kCount for a metric outside the catalogue).
constexpr std::size_t IndexOf(const Metric& metric) {
  for (std::size_t i = 0; i < kCount; ++i) {
    if (kAll[i].name == metric.name) return i;
  }
  return kCount;
}

/// One value per metric in kAll's order: indexed by position when looping over the catalogue, or
/// by one of its metrics (values[kLikes]).
template <typename T>
struct PerMetric : std::array<T, kCount> {
  using std::array<T, kCount>::operator[];
  constexpr T& operator[](const Metric& metric) { return (*this)[IndexOf(metric)]; }
  constexpr const T& operator[](const Metric& metric) const { return (*this)[IndexOf(metric)]; }
};

/// `pattern` once per metric, joined by `separator`; in the pattern {name}, {counter} and {delta}
/// stand for the metric's names: Each("sum(s.{delta})") is "sum(s.delta_views_count), …".
std::string Each(std::string_view pattern, std::string_view separator = ", ");

}  // namespace videobot::metrics
