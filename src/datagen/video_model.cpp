#include "datagen/video_model.hpp"

#include <algorithm>
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
constexpr double kViewsDip = 0.01;
constexpr double kLikesDip = 0.004;
constexpr double kRoundHour = 0.1;

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
  for (int i = 0; i < outages && ticks_ > 2; ++i) outage_[static_cast<std::size_t>(random.Between(1, ticks_ - 2))] = true;
}

Instant VideoModel::Publication(Random& random) const {
  Instant published = 0;
  if (random.Chance(kPublishedDuringTracking)) {
    // Leaves at least one measurement after the publication.
    published = options_.tracking_start +
                static_cast<Instant>(random.Uniform() * static_cast<double>(TickTime(ticks_ - 1) - options_.tracking_start - kMicrosPerHour));
  } else {
    published = options_.publications_from +
                static_cast<Instant>(random.Uniform() * static_cast<double>(options_.tracking_start - options_.publications_from));
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
  const double offset_seconds = lane < 0.7 ? random.Uniform(6, 15) : lane < 0.9 ? random.Uniform(28, 36) : random.Uniform(62, 72);
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
  const double like_rate = std::min(0.2, random.LogNormal(std::log(0.02), 0.6));
  const double comment_rate = std::min(0.05, random.LogNormal(std::log(0.002), 0.8));
  const double report_rate = std::min(0.02, random.LogNormal(std::log(0.0005), 1.0));

  Counters previous;
  for (std::int64_t tick = first; tick <= last; ++tick) {
    const bool first_one = out.snapshots.empty();
    if (!first_one && (outage_[static_cast<std::size_t>(tick)] || random.Chance(kTickMissing))) continue;
    SnapshotData snapshot;
    snapshot.id = RandomId(random);
    snapshot.created_at = TickTime(tick) + offset + random.Between(-600 * kMillis, 600 * kMillis);
    snapshot.updated_at = snapshot.created_at + (random.Chance(0.4) ? 1 : 0);
    Counters& now = snapshot.counters;
    now.views = Curve(total, out.published, tau, snapshot.created_at);
    now.likes = static_cast<std::int64_t>(static_cast<double>(now.views) * like_rate);
    now.comments = static_cast<std::int64_t>(static_cast<double>(now.views) * comment_rate);
    now.reports = static_cast<std::int64_t>(static_cast<double>(now.views) * report_rate);
    if (!first_one && random.Chance(kViewsDip)) now.views = Dip(random, previous.views);
    if (!first_one && random.Chance(kLikesDip)) now.likes = Dip(random, previous.likes);
    // The first measurement carries the whole counter as its delta.
    snapshot.deltas = Counters{now.views - previous.views, now.likes - previous.likes,
                               now.comments - previous.comments, now.reports - previous.reports};
    previous = now;
    out.snapshots.push_back(snapshot);
  }
  out.counters = previous;
  out.created_at = out.snapshots.front().created_at - random.Between(20 * kMillis, 100 * kMillis);
  out.updated_at = std::max(out.created_at, TickTime(ticks_ - 1) + offset - static_cast<Instant>(random.Uniform(2, 10) * kMicrosPerSecond));
}

}  // namespace videobot::datagen
