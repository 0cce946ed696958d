#include "observe/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace videobot::observe {
namespace {

bool IsValidName(const std::string& name, bool allow_colon) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allow_colon && c == ':');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

void RenderHeader(std::string& out, const std::string& name, const std::string& help, std::string_view type) {
  std::string escaped_help;
  for (const char c : help) {
    if (c == '\\') {
      escaped_help += "\\\\";
    } else if (c == '\n') {
      escaped_help += "\\n";
    } else {
      escaped_help += c;
    }
  }
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, escaped_help, name, type);
}

/// `{a="x",b="y"}` (plus an optional extra pair such as le), or "" without labels.
std::string RenderLabels(const std::vector<std::string>& names, const LabelValues& values,
                         const std::string& extra_name = {}, const std::string& extra_value = {}) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) {
    out += fmt::format("{}{}=\"{}\"", out.empty() ? "" : ",", names[i], EscapeLabelValue(values[i]));
  }
  if (!extra_name.empty()) out += fmt::format("{}{}=\"{}\"", out.empty() ? "" : ",", extra_name, extra_value);
  return out.empty() ? out : "{" + out + "}";
}

void CheckArity(const std::vector<std::string>& names, const LabelValues& values) {
  if (names.size() != values.size()) {
    throw std::invalid_argument(fmt::format("metric expects {} label values, got {}", names.size(), values.size()));
  }
}

}  // namespace

std::string EscapeLabelValue(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

std::string FormatSampleValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::trunc(value) && std::fabs(value) < 1e15) return fmt::format("{}", static_cast<std::int64_t>(value));
  return fmt::format("{}", value);
}

std::vector<double> LatencyBuckets() { return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}; }

ValueFamily::ValueFamily(std::string name, std::string help, std::vector<std::string> label_names,
                         std::string_view type)
    : name_(std::move(name)), help_(std::move(help)), type_(type), label_names_(std::move(label_names)) {}

void ValueFamily::Update(const LabelValues& labels, const std::function<void(double&)>& update) {
  CheckArity(label_names_, labels);
  std::lock_guard lock(mutex_);
  update(values_[labels]);
}

double ValueFamily::Find(const LabelValues& labels, double fallback) const {
  std::lock_guard lock(mutex_);
  const auto it = values_.find(labels);
  return it == values_.end() ? fallback : it->second;
}

bool ValueFamily::Contains(const LabelValues& labels) const {
  std::lock_guard lock(mutex_);
  return values_.contains(labels);
}

void ValueFamily::Render(std::string& out) const {
  RenderHeader(out, name_, help_, type_);
  std::lock_guard lock(mutex_);
  for (const auto& [labels, value] : values_) {
    out += fmt::format("{}{} {}\n", name_, RenderLabels(label_names_, labels), FormatSampleValue(value));
  }
}

Counter::Counter(std::string name, std::string help, std::vector<std::string> label_names)
    : ValueFamily(std::move(name), std::move(help), std::move(label_names), "counter") {}

void Counter::Increment(const LabelValues& labels, double amount) {
  if (!(amount >= 0)) throw std::invalid_argument("a counter only increases");
  Update(labels, [amount](double& value) { value += amount; });
}

Gauge::Gauge(std::string name, std::string help, std::vector<std::string> label_names)
    : ValueFamily(std::move(name), std::move(help), std::move(label_names), "gauge") {}

void Gauge::Set(double value, const LabelValues& labels) {
  Update(labels, [value](double& stored) { stored = value; });
}

Histogram::Histogram(std::string name, std::string help, std::vector<double> bounds,
                     std::vector<std::string> label_names)
    : name_(std::move(name)), help_(std::move(help)), bounds_(std::move(bounds)), label_names_(std::move(label_names)) {
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    if (!std::isfinite(bounds_[i]) || (i > 0 && bounds_[i] <= bounds_[i - 1])) {
      throw std::invalid_argument("histogram bounds must be finite and strictly increasing");
    }
  }
  if (std::find(label_names_.begin(), label_names_.end(), "le") != label_names_.end()) {
    throw std::invalid_argument("a histogram cannot have a label named le");
  }
}

void Histogram::Observe(double value, const LabelValues& labels) {
  CheckArity(label_names_, labels);
  // The first bound the value does not exceed (le is inclusive); past the last: +Inf.
  const auto bucket =
      static_cast<std::size_t>(std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin());
  std::lock_guard lock(mutex_);
  Series& series = series_[labels];
  if (series.buckets.empty()) series.buckets.assign(bounds_.size() + 1, 0);
  ++series.buckets[bucket];
  series.sum += value;
  ++series.count;
}

std::uint64_t Histogram::Count(const LabelValues& labels) const {
  std::lock_guard lock(mutex_);
  const auto it = series_.find(labels);
  return it == series_.end() ? 0 : it->second.count;
}

void Histogram::Render(std::string& out) const {
  RenderHeader(out, name_, help_, "histogram");
  std::lock_guard lock(mutex_);
  for (const auto& [labels, series] : series_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i <= bounds_.size(); ++i) {
      cumulative += series.buckets[i];
      const std::string le = i < bounds_.size() ? FormatSampleValue(bounds_[i]) : "+Inf";
      out += fmt::format("{}_bucket{} {}\n", name_, RenderLabels(label_names_, labels, "le", le), cumulative);
    }
    out += fmt::format("{}_sum{} {}\n", name_, RenderLabels(label_names_, labels), FormatSampleValue(series.sum));
    out += fmt::format("{}_count{} {}\n", name_, RenderLabels(label_names_, labels), series.count);
  }
}

void Registry::Reserve(const std::string& name, const std::vector<std::string>& label_names) {
  if (!IsValidName(name, true)) throw std::invalid_argument("invalid metric name: " + name);
  for (const auto& label : label_names) {
    if (!IsValidName(label, false) || label.starts_with("__")) {
      throw std::invalid_argument("invalid label name: " + label);
    }
  }
  if (std::find(names_.begin(), names_.end(), name) != names_.end()) {
    throw std::invalid_argument("metric registered twice: " + name);
  }
  names_.push_back(name);
}

Counter& Registry::AddCounter(const std::string& name, const std::string& help,
                              const std::vector<std::string>& label_names) {
  return Register<Counter>(name, label_names, name, help, label_names);
}

Gauge& Registry::AddGauge(const std::string& name, const std::string& help,
                          const std::vector<std::string>& label_names) {
  return Register<Gauge>(name, label_names, name, help, label_names);
}

Histogram& Registry::AddHistogram(const std::string& name, const std::string& help, std::vector<double> bounds,
                                  const std::vector<std::string>& label_names) {
  return Register<Histogram>(name, label_names, name, help, std::move(bounds), label_names);
}

void Registry::AddScrapeHook(std::function<void()> hook) {
  std::lock_guard lock(mutex_);
  hooks_.push_back(std::move(hook));
}

std::string Registry::Render() const {
  std::vector<std::function<void()>> hooks;
  {
    std::lock_guard lock(mutex_);
    hooks = hooks_;
  }
  for (const auto& hook : hooks) {
    try {
      hook();
    } catch (const std::exception&) {
      // A failed hook leaves its gauges at their last values; the hook reports the failure itself.
    }
  }
  std::string out;
  std::lock_guard lock(mutex_);
  for (const auto& render : renderers_) render(out);
  return out;
}

}  // namespace videobot::observe
