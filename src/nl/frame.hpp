#pragma once
// The frame of a question: what it says — its subject, the metric and aggregate it names, what
// happened to the metric, publication, periods by role, ranking and series words — read once
// from the linked mentions by a pure function, before a question family is chosen. The family
// decisions (plan_builder*.cpp) read the frame instead of the words. Internal to nl/.

#include <cstddef>
#include <optional>
#include <vector>

#include "nl/analysis.hpp"
#include "nl/concept_traits.hpp"
#include "plan/plan.hpp"

namespace videobot::nl {

/// What the question counts or aggregates: the first free noun after the question head.
struct Target {
  TargetKind kind = TargetKind::kVideo;
  std::size_t mention = 0;
  Concept metric = Concept::kViews;  ///< for kMetric
  bool after_count = false;  ///< the noun after a count («5 видео с наибольшим …»): a ranking

  bool operator==(const Target&) const = default;
};

/// What the question says besides its glue words. Indices are into Analysis::mentions.
struct Frame {
  // The subject and the metric.
  Target target;
  std::optional<Concept> other_metric;  ///< a free metric besides the target (a condition, a sign, a measure)
  bool metrics_conflict = false;        ///< two different free metrics besides the target
  std::optional<Concept> aggregate_word;  ///< средний, максимальный, минимальный (the first in Concept order)
  bool aggregates_conflict = false;  ///< two different ones
  bool distinct = false;             ///< разных
  bool how_much_change = false;      ///< на сколько

  // What happened to the metric.
  bool growth = false;    ///< прирост, выросли, новые (unused by a condition), на сколько
  bool new_word = false;  ///< новые (unused by a condition or by «новых видео»)
  bool negative = false;  ///< уменьшились, отрицательный (unused by a condition)
  bool positive = false;  ///< стало больше, положительный (unused by a condition)
  bool per_hour = false;  ///< за час, почасовой (per measurement)
  bool final_counters = false;   ///< итоговый, в итоге, за всё время
  bool delta_condition = false;  ///< a condition on growth («прирост больше 100»)
  bool snapshot_noun = false;    ///< замеры named

  // Publication.
  bool publish = false;          ///< a publication word about videos, or «новых видео»
  bool new_videos = false;       ///< «новых видео»: videos published in the period
  std::optional<int> window;     ///< «за первые N часов после публикации»: N
  bool window_conflict = false;  ///< two different publication windows

  // Periods by role.
  std::optional<std::size_t> moment;       ///< a period said as a moment («на 28 ноября»)
  std::optional<std::size_t> moment_word;  ///< «по состоянию на», «на момент» before it
  bool moments_conflict = false;           ///< two moments
  std::vector<std::size_t> published;      ///< periods next to a publication word
  std::vector<std::size_t> unattached;  ///< every other period (measurement, or «сколько видео за май»)

  // Ranking.
  bool ranking = false;  ///< топ, больше всего, самый …, «какой … максимальный»
  bool asks_desc = false;                       ///< больше всего, максимальный
  bool asks_asc = false;                        ///< меньше всего, минимальный
  std::optional<Concept> measured_superlative;  ///< «самое популярное» → views

  // Grouping in time.
  bool series = false;                 ///< по дням, динамика …
  std::optional<plan::Bucket> bucket;  ///< the bucket named (the first one)
  bool buckets_conflict = false;       ///< two different buckets named

  bool operator==(const Frame&) const = default;
};

/// The frame of a linked question whose target is `target`; `new_videos` is whether «новых
/// видео» was linked (its «новых» is then not growth). Reads the mentions, changes nothing.
Frame ExtractFrame(const Analysis& analysis, const Target& target, bool new_videos);

/// A word asking for a ranking in `order` (the order column of concept_traits.hpp) outside an
/// explanation.
bool AsksForOrder(const Mentions& mentions, plan::Order order);

/// The metric of a superlative with one measure («самое популярное» → views), if said.
std::optional<Concept> MeasuredSuperlative(const Mentions& mentions);

}  // namespace videobot::nl
