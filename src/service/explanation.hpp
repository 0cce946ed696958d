#pragma once
// Explanations a person can read: a validated query plan described in plain Russian (what was
// counted or summed, over which videos, which period with its bounds in the configured zone,
// the state moment, the grouping), and the compiled SQL with readable parameters (instants as
// ISO 8601 in the configured zone, never raw microseconds). Pure: no I/O.

#include <cstdint>
#include <optional>
#include <string>

#include "plan/plan.hpp"
#include "plan/resolve.hpp"
#include "sql/query.hpp"

namespace videobot::service {

/// Plain-Russian lines describing a validated query plan, one fact per line, e.g.
/// «Посчитано: сумма прироста просмотров по замерам статистики.»
/// «Период замеров: с 28.11.2025 00:00 по 29.11.2025 00:00 (UTC), конец не включён.»
/// No markup: the text can be sent as escaped plain text.
std::string DescribePlan(const plan::Plan& plan, const plan::TimeContext& context);

/// A short title for a series plan's values, e.g. «Прирост просмотров по дням», «Число видео по
/// месяцам публикации»; "" for a plan without a series.
std::string SeriesTitle(const plan::Plan& plan);

/// What a ranking plan's values are, e.g. «число лайков», «прирост просмотров», «число видео»;
/// "" for a plan without grouping.
std::string RankingValueLabel(const plan::Plan& plan);

/// A short title for a ranking plan, e.g. «Топ-5 видео по числу лайков», «Креатор с наибольшим
/// приростом просмотров» for one row, «3 видео с наименьшим числом комментариев» ascending;
/// "" for a plan without grouping.
std::string RankingTitle(const plan::Plan& plan);

/// The filters of a series or ranking plan in one short line for its chart, e.g. «Замеры:
/// 01.11.2025–30.11.2025 · автор «0123…» · опубликованные 01.10.2025–31.10.2025 · время UTC+03:00»;
/// "" when the plan has none (every video, all time, UTC).
std::string ChartSubtitle(const plan::Plan& plan, const plan::TimeContext& context);

/// The plan that counts the rows `plan` aggregates: the same source and filters (and the same
/// state moment), COUNT(*) instead of the aggregate, no grouping. Nullopt for a refusal.
std::optional<plan::Plan> RowCountPlan(const plan::Plan& plan);

/// «Учтено строк: 1 234 (замеры статистики).» for `rows` rows of `plan`'s source.
std::string DescribeRowCount(const plan::Plan& plan, std::int64_t rows);

/// The SQL text followed by one line per parameter with its placeholder: instants as ISO 8601
/// in the zone `offset` («$1 = 2025-11-28T00:00:00+03:00»), durations as ISO 8601 durations
/// («?2 = 3600000000 µs = PT1H»), texts quoted, integers as digits. The same on both engines.
std::string DescribeQuery(const sql::Query& query, sql::Dialect dialect, UtcOffset offset);

/// "2025-11-28T00:00:00Z" (UTC) or "2025-11-28T03:00:00+03:00"; microseconds appear only when
/// not zero ("2025-11-28T10:00:00.000001Z").
std::string FormatIsoInZone(Instant instant, UtcOffset offset);

/// "PT1H", "PT1H30M", "P2DT3H", "PT0.000001S", "-PT3H".
std::string FormatIsoDuration(std::int64_t micros);

/// 1234567 → "1 234 567" (thin groups with a space, as Russian writes numbers).
std::string GroupDigits(std::int64_t value);

}  // namespace videobot::service
