#pragma once
// The golden case format (tests/cases/golden/*.test, described in tests/cases/golden/README.md):
// reading a file into records, writing it back with new expectations, and the compact form of a
// plan that records hold.

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "plan/resolve.hpp"

namespace videobot::testing::golden {

/// The engines a record states SQL for, in the order they are written.
inline const std::vector<std::string> kEngines = {"sqlite", "postgres", "clickhouse"};

/// SQL text and its parameters (a JSON array) for one engine; a comparison also has the query of
/// its side B (the plan's "with").
struct EngineSql {
  std::string sql;
  std::string params;
  std::optional<std::string> with_sql;
  std::optional<std::string> with_params;
  bool operator==(const EngineSql&) const = default;
};

/// One case: a question (or a bare plan) and what it must give.
struct Record {
  int line = 0;                     ///< first line in its file
  std::optional<std::string> name;  ///< a label, for records without a question
  std::optional<std::string> question;
  std::optional<std::string> now;        ///< this record's clock, overriding the file's @now
  std::optional<std::string> tz;         ///< this record's time zone, overriding the file's @tz
  std::optional<std::string> plan;       ///< the compact plan (see Compact)
  std::optional<std::string> refuse;     ///< the refusal code of a question the rules refuse
  std::optional<std::string> message;    ///< the whole refusal message, when it is pinned
  std::map<std::string, EngineSql> sql;  ///< by engine name (kEngines)
  std::optional<std::string> answer;     ///< the reply on the file's data set (lines after ----)
};

/// What a file holds, in order: text kept as it is (comments, directives, blank lines) and records.
using Item = std::variant<std::string, Record>;

struct File {
  std::string path;
  std::vector<Item> items;
};

/// The settings in force for a record: the file's directives before it, then its own keys.
struct Settings {
  std::string now = "2025-12-02T12:00:00Z";
  std::string tz = "UTC";
  std::string data;  ///< the data set answers are computed on; "" for none
};

/// Reads a file; throws std::runtime_error with "path:line: reason" on a malformed line.
File Read(const std::string& path);

/// The text of a file (Read(path) written back gives the same bytes for a well-formed file).
std::string Format(const File& file);

/// The settings for every record of `file`, in the order of its records.
std::vector<std::pair<Record, Settings>> RecordsWithSettings(const File& file);

/// The *.test files of a directory, sorted by name.
std::vector<std::string> ListFiles(const std::string& directory);

/// tests/cases/golden of the source tree.
std::string CasesDir();

/// A record with its settings and where it is ("01_counts.test:12").
struct Case {
  std::string where;
  Record record;
  Settings settings;
};

/// Every record of every file of CasesDir(), in file order.
std::vector<Case> AllCases();

/// The clock and time zone of a record's settings.
plan::TimeContext TimeOf(const Settings& settings);

/// The full plan document (plan::ParsePlan's input) of a record that states a plan.
std::string FullPlan(const Record& record);

/// A plan's JSON (plan::ToJson) without the keys whose value is the schema's "not used" (null
/// where the schema allows null, an empty list for a list), at every level: what a record states.
nlohmann::ordered_json Compact(const nlohmann::ordered_json& plan);

/// The full plan document of a compact plan: every key the schema requires, a left-out one as null
/// or an empty list, in the schema's order.
nlohmann::ordered_json Expand(const nlohmann::ordered_json& compact);

}  // namespace videobot::testing::golden
