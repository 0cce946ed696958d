#pragma once
// The printed forms of an answer: plain text (the number, or `key value` lines), CSV and JSON.
// Used by the CLI's `ask --format` and by the HTTP API's series, rows and comparison fields.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "service/answerer.hpp"

namespace videobot::service {

enum class AnswerFormat { kText, kCsv, kJson };

/// "text", "csv", "json" → the format; nullopt otherwise.
std::optional<AnswerFormat> ParseAnswerFormat(std::string_view name);

/// A series as a JSON array of {"key": "2025-11-28", "value": 12}.
nlohmann::json SeriesJson(const std::vector<SeriesPoint>& series);

/// A ranking's (or any grouped answer's) `key value` lines as a JSON array of {"key", "value"},
/// the values exactly as the text prints them.
nlohmann::json RowsJson(const std::string& text);

/// A comparison as {"a": {"label", "value"}, "b": {…}, "difference" | "percent": N} (no result
/// key for «сравни»).
nlohmann::json ComparisonJson(const ComparisonResult& comparison);

/// An answer (its text and, for a series, its buckets) in `format`:
///  - text: the text itself (one number, or `key value` lines);
///  - csv: a header `key,value` and one line per bucket or group; a single number is `value` and it;
///  - json: {"series": [...]} for a series, {"rows": [{"key", "value"}…]} for groups, {"value": N}
///    for one number.
/// No trailing newline.
std::string FormatAnswer(const std::string& text, const std::vector<SeriesPoint>& series, AnswerFormat format);

/// A comparison answer in `format`: text as the reply shows it (the number, or two `label value`
/// lines); csv `side,label,value` with lines A, B and `difference`/`percent` (empty label);
/// json {"a": {"label", "value"}, "b": {…}, "difference" | "percent": N} (no result key for
/// «сравни»). No trailing newline.
std::string FormatComparison(const ComparisonResult& comparison, AnswerFormat format);

}  // namespace videobot::service
