#include "service/answer_format.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <utility>

namespace videobot::service {
namespace {

using Json = nlohmann::json;

// "key value" lines (groups) as pairs; the value is everything after the last space.
std::vector<std::pair<std::string, std::string>> SplitRows(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> rows;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const std::size_t space = line.rfind(' ');
    if (space != std::string::npos) rows.emplace_back(line.substr(0, space), line.substr(space + 1));
    start = end + 1;
  }
  return rows;
}

// A formatted value ("12", "-3", "4.50") as a JSON number; text that is no number stays text.
Json NumberJson(const std::string& value) {
  Json parsed = Json::parse(value, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_number()) return parsed;
  return value;
}

bool IsOneValue(const std::string& text) {
  return text.find(' ') == std::string::npos && text.find('\n') == std::string::npos;
}

// A CSV field, quoted when it holds a comma, a quote or a line break.
std::string CsvField(const std::string& field) {
  if (field.find_first_of(",\"\n") == std::string::npos) return field;
  std::string quoted = "\"";
  for (const char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string Csv(const std::string& text, const std::vector<SeriesPoint>& series) {
  if (series.empty() && IsOneValue(text)) return "value\n" + text;
  std::string out = "key,value";
  if (!series.empty()) {
    for (const auto& point : series) out += fmt::format("\n{},{}", CsvField(point.key), point.value);
    return out;
  }
  for (const auto& [key, value] : SplitRows(text)) out += fmt::format("\n{},{}", CsvField(key), CsvField(value));
  return out;
}

std::string JsonText(const std::string& text, const std::vector<SeriesPoint>& series) {
  if (!series.empty()) return Json{{"series", SeriesJson(series)}}.dump();
  if (IsOneValue(text)) return Json{{"value", NumberJson(text)}}.dump();
  return Json{{"rows", RowsJson(text)}}.dump();
}

std::string_view ResultName(plan::CompareMode mode) {
  return mode == plan::CompareMode::kPercent ? "percent" : "difference";
}

std::string ComparisonCsv(const ComparisonResult& comparison) {
  std::string out = fmt::format("side,label,value\nA,{},{}\nB,{},{}", CsvField(comparison.a_label), comparison.a,
                                CsvField(comparison.b_label), comparison.b);
  if (comparison.mode != plan::CompareMode::kBoth) {
    out += fmt::format("\n{},,{}", ResultName(comparison.mode), comparison.result);
  }
  return out;
}

}  // namespace

Json ComparisonJson(const ComparisonResult& comparison) {
  Json out{{"a", Json{{"label", comparison.a_label}, {"value", NumberJson(comparison.a)}}},
           {"b", Json{{"label", comparison.b_label}, {"value", NumberJson(comparison.b)}}}};
  if (comparison.mode != plan::CompareMode::kBoth) {
    out[std::string(ResultName(comparison.mode))] = NumberJson(comparison.result);
  }
  return out;
}

Json RowsJson(const std::string& text) {
  Json rows = Json::array();
  for (const auto& [key, value] : SplitRows(text)) rows.push_back(Json{{"key", key}, {"value", NumberJson(value)}});
  return rows;
}

std::string FormatComparison(const ComparisonResult& comparison, AnswerFormat format) {
  switch (format) {
    case AnswerFormat::kText: break;
    case AnswerFormat::kCsv: return ComparisonCsv(comparison);
    case AnswerFormat::kJson: return ComparisonJson(comparison).dump();
  }
  if (comparison.mode != plan::CompareMode::kBoth) return comparison.result;
  return fmt::format("{} {}\n{} {}", comparison.a_label, comparison.a, comparison.b_label, comparison.b);
}

std::optional<AnswerFormat> ParseAnswerFormat(std::string_view name) {
  if (name == "text") return AnswerFormat::kText;
  if (name == "csv") return AnswerFormat::kCsv;
  if (name == "json") return AnswerFormat::kJson;
  return std::nullopt;
}

Json SeriesJson(const std::vector<SeriesPoint>& series) {
  Json out = Json::array();
  for (const auto& point : series) out.push_back(Json{{"key", point.key}, {"value", point.value}});
  return out;
}

std::string FormatAnswer(const std::string& text, const std::vector<SeriesPoint>& series, AnswerFormat format) {
  switch (format) {
    case AnswerFormat::kText: return text;
    case AnswerFormat::kCsv: return Csv(text, series);
    case AnswerFormat::kJson: return JsonText(text, series);
  }
  return text;
}

}  // namespace videobot::service
