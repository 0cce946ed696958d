#include "sql/catalogue.hpp"

#include <array>
#include <optional>
#include <stdexcept>
#include <string>

#include "common/metrics.hpp"

namespace videobot::sql::catalogue {

namespace {

// The metric a counter or delta field is of, and whether it is the delta; nullopt for the other fields.
struct FieldMetric {
  const metrics::Metric* metric;
  bool delta;
};

std::optional<FieldMetric> FieldMetricOf(plan::Field field) {
  const metrics::Metric* metric = plan::MetricOf(field);
  if (metric == nullptr) return std::nullopt;
  return FieldMetric{metric, plan::IsDeltaField(field)};
}

// A metric's qualified columns, built once from the catalogue.
struct QualifiedColumns {
  std::string on_videos;     ///< "v.views_count"
  std::string on_snapshots;  ///< "s.views_count"
  std::string delta;         ///< "s.delta_views_count"
};

const QualifiedColumns& ColumnsOf(const metrics::Metric& metric) {
  static const auto table = [] {
    std::array<QualifiedColumns, metrics::kAll.size()> out;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto& m = metrics::kAll[i];
      out[i] = {"v." + std::string(m.counter), "s." + std::string(m.counter), "s." + std::string(m.delta)};
    }
    return out;
  }();
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (metrics::kAll[i].counter == metric.counter) return table[i];
  }
  throw std::logic_error("a metric outside the catalogue");
}

}  // namespace

std::string_view MetricName(plan::Field field) {
  const auto of = FieldMetricOf(field);
  if (!of) throw std::logic_error("not a numeric field");
  return of->metric->name;
}

bool IsDelta(plan::Field field) {
  const auto of = FieldMetricOf(field);
  return of && of->delta;
}

std::string_view NumericColumn(plan::Source source, plan::Field field) {
  const auto of = FieldMetricOf(field);
  if (!of) throw std::logic_error("not a numeric field");
  const QualifiedColumns& columns = ColumnsOf(*of->metric);
  if (of->delta) return columns.delta;
  return source == plan::Source::kVideos ? columns.on_videos : columns.on_snapshots;
}

std::string_view Operator(plan::CompareOp op) {
  using plan::CompareOp;
  switch (op) {
    case CompareOp::kGreater: return ">";
    case CompareOp::kGreaterEqual: return ">=";
    case CompareOp::kLess: return "<";
    case CompareOp::kLessEqual: return "<=";
    case CompareOp::kEqual: return "=";
    case CompareOp::kNotEqual: return "<>";
  }
  return "=";
}

}  // namespace videobot::sql::catalogue
