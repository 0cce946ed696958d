#pragma once
// The question → answer boundary that every adapter (CLI ask/chat, Telegram bot) uses.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"
#include "plan/plan.hpp"

namespace videobot::service {

/// One bucket of a series: its key ("2025-11-28", "2025-11-28 14:00", "2025-11-24" for the week
/// starting that Monday, "2025-11") and its value.
struct SeriesPoint {
  std::string key;
  std::int64_t value = 0;
  friend bool operator==(const SeriesPoint&, const SeriesPoint&) = default;
};

/// How a series answer was cut, for drawing and summing it up.
struct SeriesLayout {
  plan::Bucket bucket = plan::Bucket::kDay;
  UtcOffset offset;   ///< the zone the buckets were cut in
  std::string title;  ///< what the values are, e.g. «Прирост просмотров по дням»
  /// Whether the buckets add up to the period's value (counts and sums); a count of distinct
  /// videos per day does not: the same video counts in several days.
  bool additive = true;
  std::string subtitle;  ///< the plan's filters (ChartSubtitle), "" for none
};

/// A comparison answer: both values with their readable labels and, for a difference or a
/// percentage, the result as `Reply::text` shows it.
struct ComparisonResult {
  plan::CompareMode mode = plan::CompareMode::kDifference;
  std::string a_label;  ///< e.g. «28 ноября 2025», «креатор 0123…», «лайки»
  std::string b_label;
  std::string a;  ///< side A's value as printed ("12345")
  std::string b;
  std::string result;  ///< A − B ("-17") or the percentage ("12.35"); "" for mode both
  friend bool operator==(const ComparisonResult&, const ComparisonResult&) = default;
};

/// One row of a ranking answer: the group (a video id, a creator id or a date) and its value.
struct RankingRow {
  std::string key;
  double value = 0;
  friend bool operator==(const RankingRow&, const RankingRow&) = default;
};

/// How a ranking answer was cut, for drawing and summing it up.
struct RankingLayout {
  std::string title;        ///< e.g. «Топ-5 видео по числу лайков»
  std::string value_label;  ///< what the values are, e.g. «число лайков»
  /// Whether the rows add up (counts and sums over disjoint groups), so a total means something.
  bool additive = true;
  bool ascending = false;  ///< the first row has the least value («меньше всего»)
  std::string subtitle;    ///< the plan's filters (ChartSubtitle), "" for none
  /// A superlative (limit 1): its rows are the top value's ties, answered as text, not drawn.
  bool superlative = false;
};

/// What to send back for one question.
struct Reply {
  enum class Kind {
    kAnswer,       ///< `text` is the number (or grouped rows), nothing else
    kRefusal,      ///< `text` is a short Russian explanation with an example question
    kUnavailable,  ///< the database or the model is unavailable: `text` says so in Russian
  };
  Kind kind = Kind::kAnswer;
  std::string text;
  std::string code;       ///< stable outcome code for logs: "ok", an ErrorCode name, "database_unavailable"
  std::string planner;    ///< which plan source answered: "rules", "llm", …
  std::string plan = {};  ///< the validated plan as JSON text when there is one, "" otherwise
  /// Explain only: the SQL with readable parameters (plain text, several lines, meant for a
  /// preformatted block after `text`); "" for a refusal. `text` is complete without it.
  std::string sql = {};
  /// A series answer: every bucket in time order (`text` then holds the same as `key value`
  /// lines); empty for a one-number answer.
  std::vector<SeriesPoint> series = {};
  /// Set with `series`: the bucket width, zone and title.
  std::optional<SeriesLayout> series_layout = {};
  /// A comparison answer: both sides and the result (`text` holds the number, or the two
  /// `label value` lines for «сравни»); absent otherwise.
  std::optional<ComparisonResult> comparison = {};
  /// A ranking answer (groups in rank order; `text` then holds the same as `key value` lines);
  /// empty otherwise.
  std::vector<RankingRow> ranking = {};
  /// Set with `ranking`: the title and what the values are.
  std::optional<RankingLayout> ranking_layout = {};
};

/// Answers questions. One instance is used by one thread at a time.
class Answerer {
 public:
  virtual ~Answerer() = default;
  /// Answers one question. Never throws for bad input; environment failures become kUnavailable.
  virtual Reply Answer(std::string_view question) = 0;
  /// A readable explanation of how `question` is answered: `text` says in plain Russian (no
  /// markup) what is counted, over which videos and which period, and how many rows that reads;
  /// `sql` holds the SQL with readable parameters. A refusal explains why, like Answer.
  virtual Reply Explain(std::string_view question) = 0;
};

/// Creates an Answerer with its own database connection (one per worker thread).
using AnswererFactory = std::function<std::unique_ptr<Answerer>()>;

}  // namespace videobot::service
