#include "datagen/video_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace videobot::datagen {
namespace {

constexpr Instant kMillis = 1000;

// Shape of the data (tuned to resemble the real file).
constexpr double kPublishedDuringTracking = 0.08;
constexpr double kLateStart = 0.25;
constexpr double kStopsEarly = 0.12;
constexpr double kTickMissing = 0.03;
constexpr double kRoundHour = 0.1;

// How a metric grows. The curve's metric follows the video's growth curve; any other is a share
// of it, drawn per video (log-normal with median `share` and `sigma`, at most `max_share`).
// With probability `dip` a measurement falls below the previous one.
struct MetricShape {
  metrics::Metric metric;
  bool curve = false;
  double share = 0;
  double sigma = 0;
  double max_share = 0;
  double dip = 0;
};

// One row per metric, in catalogue order.
constexpr std::array<MetricShape, 4> kShapes = {{
    {.metric = metrics::kViews, .curve = true, .dip = 0.01},
    {.metric = metrics::kLikes, .share = 0.02, .sigma = 0.6, .max_share = 0.2, .dip = 0.004},
    {.metric = metrics::kComments, .share = 0.002, .sigma = 0.8, .max_share = 0.05},
    {.metric = metrics::kReports, .share = 0.0005, .sigma = 1.0, .max_share = 0.02},
}};

constexpr bool ShapesFollowCatalogue() {
  if (kShapes.size() != metrics::kCount) return false;
  int curves = 0;
  for (std::size_t i = 0; i < metrics::kCount; ++i) {
    if (kShapes[i].metric.name != metrics::kAll[i].name) return false;
    curves += kShapes[i].curve ? 1 : 0;
  }
  return curves == 1;
}
static_assert(ShapesFollowCatalogue(), "kShapes needs one row per metric, in catalogue order, and one curve");

Instant DefaultInstant(int year, int month, int day, int hour) {
  return ToInstant(DateTime{Date{year, month, day}, hour * 3600}, UtcOffset{0});
}

Id128 RandomId(Random& random) { return Id128{random.Bits(), random.Bits()}; }

// Counters at time `t` of a video with total potential `total` growing with time constant
// `tau` after `published`.
std::int64_t Curve(double total, Instant published, double tau_hours, Instant t) {
  if (t <= published) return 0;
  const double hours = static_cast<double>(t - published) / static_cast<double>(kMicrosPerHour);
  return static_cast<std::int64_t>(total * (1.0 - std::exp(-hours / tau_hours)));
}

// A small drop below the previous value: the platform removed some views or likes.
std::int64_t Dip(Random& random, std::int64_t previous) {
  if (previous <= 0) return previous;
  return previous - random.Between(1, 1 + previous / 200);
}

// One video's share of the curve per metric (1 for the curve's own metric).
metrics::PerMetric<double> DrawShares(Random& random) {
  metrics::PerMetric<double> shares{};
  for (std::size_t i = 0; i < metrics::kCount; ++i) {
    const MetricShape& shape = kShapes[i];
    shares[i] = shape.curve ? 1.0 : std::min(shape.max_share, random.LogNormal(std::log(shape.share), shape.sigma));
  }
  return shares;
}

// The counters of a measurement at which the curve stands at `curve`.
Counters Measure(std::int64_t curve, const metrics::PerMetric<double>& shares) {
  Counters counters{};
  for (std::size_t i = 0; i < metrics::kCount; ++i) {
    counters[i] = kShapes[i].curve ? curve : static_cast<std::int64_t>(static_cast<double>(curve) * shares[i]);
  }
  return counters;
}

// Lets some counters of `now` fall below their `previous` value.
void Dips(Random& random, const Counters& previous, Counters& now) {
  for (std::size_t i = 0; i < metrics::kCount; ++i) {
    if (kShapes[i].dip > 0 && random.Chance(kShapes[i].dip)) now[i] = Dip(random, previous[i]);
  }
}

}  // namespace

GeneratorOptions Resolve(const GeneratorOptions& options) {
  GeneratorOptions out = options;
  if (out.tracking_start == 0) out.tracking_start = DefaultInstant(2025, 11, 26, 11);
  if (out.tracking_end == 0) out.tracking_end = DefaultInstant(2025, 12, 1, 10);
  if (out.publications_from == 0) out.publications_from = DefaultInstant(2025, 6, 1, 0);
  if (out.videos < 0) throw std::invalid_argument("the number of videos must not be negative");
  if (out.creators < 1) throw std::invalid_argument("there must be at least one creator");
  if (out.tracking_end < out.tracking_start + kMicrosPerHour) {
    throw std::invalid_argument("the tracking window must span at least one hour");
  }
  if (out.publications_from >= out.tracking_start) {
    throw std::invalid_argument("publications must start before tracking starts");
  }
  return out;
}

VideoModel::VideoModel(const GeneratorOptions& options, Random& random)
    : options_(options),
      ticks_((options.tracking_end - options.tracking_start) / kMicrosPerHour + 1),
      outage_(static_cast<std::size_t>(ticks_), false) {
  // One or two hours in which the tracker was down for every video.
  const int outages = static_cast<int>(random.Between(1, 2));
  for (int i = 0; i < outages && ticks_ > 2; ++i)
    outage_[static_cast<std::size_t>(random.Between(1, ticks_ - 2))] = true;
}

Instant VideoModel::Publication(Random& random) const {
  Instant published = 0;
  if (random.Chance(kPublishedDuringTracking)) {
    // Leaves at least one measurement after the publication.
    published = options_.tracking_start +
                static_cast<Instant>(random.Uniform() * static_cast<double>(TickTime(ticks_ - 1) -
                                                                            options_.tracking_start - kMicrosPerHour));
  } else {
    published = options_.publications_from +
                static_cast<Instant>(random.Uniform() *
                                     static_cast<double>(options_.tracking_start - options_.publications_from));
  }
  published -= published % kMicrosPerSecond;
  if (random.Chance(kRoundHour)) published -= published % kMicrosPerHour;
  return published;
}

int VideoModel::PickCreator(Random& random) const {
  // Skewed: a few creators publish much more than the rest.
  const double u = random.Uniform();
  return std::min(options_.creators - 1, static_cast<int>(u * u * options_.creators));
}

void VideoModel::Next(Random& random, VideoData& out) const {
  out.id = RandomId(random);
  out.creator = PickCreator(random);
  out.published = Publication(random);
  out.snapshots.clear();

  // Seconds past the hour at which this video's tracker runs.
  const double lane = random.Uniform();
  const double offset_seconds = lane < 0.7   ? random.Uniform(6, 15)
                                : lane < 0.9 ? random.Uniform(28, 36)
                                             : random.Uniform(62, 72);
  const auto offset = static_cast<Instant>(offset_seconds * kMicrosPerSecond);

  std::int64_t first = 0;
  if (out.published >= options_.tracking_start) {
    first = (out.published - options_.tracking_start) / kMicrosPerHour;
    while (TickTime(first) + offset <= out.published) ++first;
  } else if (random.Chance(kLateStart)) {
    first = random.Between(1, std::max<std::int64_t>(1, ticks_ / 2));
  }
  first = std::min(first, ticks_ - 1);
  std::int64_t last = ticks_ - 1;
  if (random.Chance(kStopsEarly)) last = random.Between(first, ticks_ - 1);

  const double total = std::min(5e7, random.LogNormal(std::log(1500.0), 2.0));
  const double tau = std::clamp(random.LogNormal(std::log(48.0), 1.0), 2.0, 5000.0);
  const metrics::PerMetric<double> shares = DrawShares(random);

  Counters previous{};
  for (std::int64_t tick = first; tick <= last; ++tick) {
    const bool first_one = out.snapshots.empty();
    if (!first_one && (outage_[static_cast<std::size_t>(tick)] || random.Chance(kTickMissing))) continue;
    SnapshotData snapshot;
    snapshot.id = RandomId(random);
    snapshot.created_at = TickTime(tick) + offset + random.Between(-600 * kMillis, 600 * kMillis);
    snapshot.updated_at = snapshot.created_at + (random.Chance(0.4) ? 1 : 0);
    Counters& now = snapshot.counters;
    now = Measure(Curve(total, out.published, tau, snapshot.created_at), shares);
    if (!first_one) Dips(random, previous, now);
    // The first measurement carries the whole counter as its delta.
    for (std::size_t i = 0; i < metrics::kCount; ++i) snapshot.deltas[i] = now[i] - previous[i];
    previous = now;
    out.snapshots.push_back(snapshot);
  }
  out.counters = previous;
  out.created_at = out.snapshots.front().created_at - random.Between(20 * kMillis, 100 * kMillis);
  out.updated_at = std::max(
      out.created_at, TickTime(ticks_ - 1) + offset - static_cast<Instant>(random.Uniform(2, 10) * kMicrosPerSecond));
}

}  // namespace videobot::datagen
