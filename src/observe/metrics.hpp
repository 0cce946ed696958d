#pragma once
// A small thread-safe metrics registry (counters, gauges, histograms with fixed buckets, each
// with labels) and its Prometheus text exposition, format 0.0.4.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace videobot::observe {

/// Label values of one sample, in the order of the family's label names.
using LabelValues = std::vector<std::string>;

/// What counters and gauges share: one value per combination of label values, rendered as one
/// sample each.
class ValueFamily {
 public:
  /// Appends the family in the exposition format.
  void Render(std::string& out) const;

 protected:
  ValueFamily(std::string name, std::string help, std::vector<std::string> label_names, std::string_view type);
  /// Applies `update` to the value with these label values (created at 0), under the lock;
  /// std::invalid_argument when their number differs from the label names'.
  void Update(const LabelValues& labels, const std::function<void(double&)>& update);
  /// The value with these label values, or `fallback` for label values never seen.
  double Find(const LabelValues& labels, double fallback) const;
  bool Contains(const LabelValues& labels) const;

 private:
  std::string name_;
  std::string help_;
  std::string type_;
  std::vector<std::string> label_names_;
  mutable std::mutex mutex_;
  std::map<LabelValues, double> values_;
};

/// A family of monotonically increasing counters, one per combination of label values.
class Counter : public ValueFamily {
 public:
  Counter(std::string name, std::string help, std::vector<std::string> label_names);
  /// Adds `amount` (must be >= 0) to the counter with these label values (created at 0).
  void Increment(const LabelValues& labels = {}, double amount = 1);
  /// The current value (0 for label values never seen).
  double Value(const LabelValues& labels = {}) const { return Find(labels, 0); }
};

/// A family of values that go up and down.
class Gauge : public ValueFamily {
 public:
  Gauge(std::string name, std::string help, std::vector<std::string> label_names);
  /// Sets the gauge with these label values.
  void Set(double value, const LabelValues& labels = {});
  /// The current value, or `fallback` for label values never set.
  double Value(const LabelValues& labels = {}, double fallback = 0) const { return Find(labels, fallback); }
  /// True once the gauge with these label values was set.
  bool Has(const LabelValues& labels = {}) const { return Contains(labels); }
};

/// A family of histograms with fixed upper bounds (the +Inf bucket is implicit).
class Histogram {
 public:
  /// `bounds` must be strictly increasing and finite.
  Histogram(std::string name, std::string help, std::vector<double> bounds, std::vector<std::string> label_names = {});
  /// Records one observation.
  void Observe(double value, const LabelValues& labels = {});
  /// Number of observations so far with these label values.
  std::uint64_t Count(const LabelValues& labels = {}) const;
  void Render(std::string& out) const;

 private:
  struct Series {
    std::vector<std::uint64_t> buckets;  ///< per bound, not cumulative; the last entry is +Inf
    double sum = 0;
    std::uint64_t count = 0;
  };
  std::string name_;
  std::string help_;
  std::vector<double> bounds_;
  std::vector<std::string> label_names_;
  mutable std::mutex mutex_;
  std::map<LabelValues, Series> series_;
};

/// Bucket bounds in seconds for request latencies: 5 ms … 30 s.
std::vector<double> LatencyBuckets();

/// Owns metric families and renders them in registration order. Thread-safe.
class Registry {
 public:
  /// Registers a family. Names and label names must be valid Prometheus names and unique in the
  /// registry (std::invalid_argument otherwise). The reference lives as long as the registry.
  Counter& AddCounter(const std::string& name, const std::string& help,
                      const std::vector<std::string>& label_names = {});
  Gauge& AddGauge(const std::string& name, const std::string& help, const std::vector<std::string>& label_names = {});
  Histogram& AddHistogram(const std::string& name, const std::string& help, std::vector<double> bounds,
                          const std::vector<std::string>& label_names = {});

  /// Runs `hook` at the start of every Render (outside the registry's lock), e.g. to set gauges
  /// read from the database at scrape time. A hook that throws is skipped.
  void AddScrapeHook(std::function<void()> hook);

  /// Every family in the Prometheus text format 0.0.4.
  std::string Render() const;

 private:
  void Reserve(const std::string& name, const std::vector<std::string>& label_names);
  /// Reserves the name, builds the family from `args` and keeps it for Render.
  template <typename Family, typename... Args>
  Family& Register(const std::string& name, const std::vector<std::string>& label_names, Args&&... args) {
    std::lock_guard lock(mutex_);
    Reserve(name, label_names);
    auto family = std::make_shared<Family>(std::forward<Args>(args)...);
    renderers_.push_back([family](std::string& out) { family->Render(out); });
    families_.push_back(family);
    return *family;
  }

  mutable std::mutex mutex_;
  std::vector<std::string> names_;
  std::vector<std::function<void(std::string&)>> renderers_;
  std::vector<std::function<void()>> hooks_;
  std::vector<std::shared_ptr<void>> families_;
};

/// The Content-Type of Registry::Render's output.
inline constexpr const char* kExpositionContentType = "text/plain; version=0.0.4; charset=utf-8";

/// A label value escaped for the exposition format (backslash, double quote, newline).
std::string EscapeLabelValue(const std::string& value);

/// A number in the exposition format: integers without a fraction, "+Inf", "-Inf", "NaN".
std::string FormatSampleValue(double value);

}  // namespace videobot::observe
