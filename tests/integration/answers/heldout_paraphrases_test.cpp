// Held-out paraphrases (tests/cases/heldout/*.tsv) asked through the path `videobot ask` takes
// (rule parser → validator → compiler → database), on databases loaded with
// ../shared/data/dev_videos.json. Each reply is judged against the intended meaning, computed by
// the oracle straight from the data file: RIGHT (the intended number, or a refusal where no
// number is right), REFUSED (the product declined an answerable question: allowed, counted and
// listed) or WRONG (any other number). One WRONG fails the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"
#include "service/answer_service.hpp"
#include "support/clickhouse_env.hpp"
#include "support/heldout.hpp"
#include "support/oracle.hpp"

namespace videobot::testing {
namespace {

constexpr const char* kDataFile = "/data/dev_videos.json";

enum class Verdict { kRight, kRefused, kWrong, kFailed };

/// One judged record.
struct Finding {
  const HeldoutRecord* record = nullptr;
  Verdict verdict = Verdict::kRight;
  std::optional<std::string> intended;  ///< nullopt: no number is right
  std::string answered;                 ///< the number, or the refusal's text
  std::string product_plan;             ///< the product's plan, when it made one
  bool other_plan = false;              ///< RIGHT, but from a plan other than the intended one
};

std::vector<HeldoutRecord> LoadAllRecords() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(SourceDir() + "/tests/cases/heldout")) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<HeldoutRecord> records;
  for (const auto& file : files) {
    auto loaded = LoadHeldoutRecords(file.string());
    records.insert(records.end(), loaded.begin(), loaded.end());
  }
  return records;
}

std::string FormatCell(const db::Value& value) {
  auto text = service::FormatValue(value);
  return text ? *text : std::string("NULL");
}

// The reply the intended meaning gives, or nullopt when no number is right.
std::optional<std::string> IntendedAnswer(const Dataset& data, const HeldoutRecord& record) {
  switch (record.kind) {
    case HeldoutRecord::Kind::kRefuse: return std::nullopt;
    case HeldoutRecord::Kind::kState: return std::to_string(EvaluateState(data, *record.state));
    case HeldoutRecord::Kind::kPlan: break;
  }
  const plan::TimeContext time{record.context.now, record.intended_offset};
  const auto result = Evaluate(data, *record.plan, time);
  if (!record.plan->group_by) {
    if (std::holds_alternative<std::monostate>(result.scalar)) return std::nullopt;
    return FormatCell(result.scalar);
  }
  if (result.rows.empty()) return std::nullopt;
  std::string text;
  for (const auto& [key, value] : result.rows) text += (text.empty() ? "" : "\n") + key + " " + FormatCell(value);
  return text;
}

// Equal texts; two decimals may differ by the last digit's rounding.
bool SameAnswer(const std::string& intended, const std::string& answered) {
  if (intended == answered) return true;
  if (intended.find('.') == std::string::npos || intended.find('\n') != std::string::npos) return false;
  try {
    std::size_t used = 0;
    const double got = std::stod(answered, &used);
    return used == answered.size() && std::fabs(got - std::stod(intended)) <= 0.0100001;
  } catch (const std::exception&) {
    return false;
  }
}

Verdict Judge(const std::optional<std::string>& intended, bool refused, const std::string& answered) {
  if (refused) return intended ? Verdict::kRefused : Verdict::kRight;
  if (!intended) return Verdict::kWrong;
  return SameAnswer(*intended, answered) ? Verdict::kRight : Verdict::kWrong;
}

std::string OneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ';');
  return text;
}

std::string Describe(const Finding& finding) {
  const auto& r = *finding.record;
  std::ostringstream out;
  out << "  " << r.file << ":" << r.line << "  " << r.question << "\n"
      << "      intended: " << OneLine(finding.intended.value_or("a refusal")) << "\n"
      << "      product:  " << OneLine(finding.answered) << "\n";
  if (!finding.product_plan.empty()) out << "      its plan: " << finding.product_plan << "\n";
  return out.str();
}

// Prints the tally and every finding that is not RIGHT; returns the number of WRONG and failed.
int Report(const std::string& label, const std::vector<Finding>& findings) {
  int counts[4] = {0, 0, 0, 0};
  for (const auto& finding : findings) ++counts[static_cast<int>(finding.verdict)];
  const auto coincidences = std::count_if(findings.begin(), findings.end(), [](const Finding& finding) {
    return finding.verdict == Verdict::kRight && finding.other_plan;
  });
  std::cout << "\n[held-out " << label << "] " << findings.size() << " questions: right " << counts[0] << " / refused "
            << counts[1] << " / wrong " << counts[2] << " / failed " << counts[3]
            << " (right from another plan: " << coincidences << ")\n";
  const std::pair<Verdict, const char*> sections[] = {
      {Verdict::kWrong, "WRONG (a number that is not the intended one)"},
      {Verdict::kFailed, "FAILED (no answer and no refusal)"},
      {Verdict::kRefused, "REFUSED (an answerable question declined)"},
      {Verdict::kRight, "RIGHT, from a plan other than the intended one (a coincidence to look at)"},
  };
  for (const auto& [verdict, title] : sections) {
    bool first = true;
    for (const auto& finding : findings) {
      if (finding.verdict != verdict || (verdict == Verdict::kRight && !finding.other_plan)) continue;
      if (first) std::cout << title << ":\n";
      first = false;
      std::cout << Describe(finding);
    }
  }
  std::cout << std::flush;
  return counts[2] + counts[3];
}

class HeldoutParaphrases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (SharedDir().empty()) return;
    document_ = new std::string(ReadFile(SharedDir() + kDataFile));
    data_ = new Dataset(ParseDataset(*document_));
    records_ = new std::vector<HeldoutRecord>(LoadAllRecords());
  }
  static void TearDownTestSuite() {
    delete document_;
    delete data_;
    delete records_;
    document_ = nullptr;
    data_ = nullptr;
    records_ = nullptr;
  }

  // Asks every record through the service on `database` and judges the replies.
  static std::vector<Finding> AskAll(db::Database& database) {
    std::vector<Finding> findings;
    for (const auto& record : *records_) {
      nl::RuleParser parser;
      const FixedClock clock(record.context.now);
      service::AnswerService service(parser, database, clock, record.context.offset);
      const auto reply = service.Answer(record.question);
      Finding finding{&record, Verdict::kRight, IntendedAnswer(*data_, record), reply.text, ""};
      if (const auto plan = service.PlanFor(record.question)) {
        finding.product_plan = plan::ToJson(*plan).dump();
        finding.other_plan = record.plan && (*plan != *record.plan || record.intended_offset != record.context.offset);
      }
      if (reply.kind == service::Reply::Kind::kAnswer || reply.kind == service::Reply::Kind::kRefusal) {
        finding.verdict = Judge(finding.intended, reply.kind == service::Reply::Kind::kRefusal, reply.text);
      } else {
        finding.verdict = Verdict::kFailed;
      }
      findings.push_back(std::move(finding));
    }
    return findings;
  }

  static void ExpectNoWrongNumber(db::Database& database, const std::string& label) {
    const auto findings = AskAll(database);
    EXPECT_EQ(Report(label, findings), 0) << "the product printed numbers other than the intended ones (listed above)";
  }

  static std::string* document_;
  static Dataset* data_;
  static std::vector<HeldoutRecord>* records_;
};

std::string* HeldoutParaphrases::document_ = nullptr;
Dataset* HeldoutParaphrases::data_ = nullptr;
std::vector<HeldoutRecord>* HeldoutParaphrases::records_ = nullptr;

// The records themselves: enough of them, every metric and kind present, and intended answers that
// are mostly not zero (a zero agrees with too many misreadings to tell them apart).
TEST_F(HeldoutParaphrases, RecordsAreSound) {
  VIDEOBOT_REQUIRE_SHARED();
  ASSERT_GE(records_->size(), 100u);
  int zeros = 0;
  int refusals = 0;
  std::set<std::string> fields;
  for (const auto& record : *records_) {
    const auto intended = IntendedAnswer(*data_, record);
    if (!intended) ++refusals;
    if (intended == "0") ++zeros;
    if (record.plan && record.plan->field) fields.insert(std::string(plan::Name(*record.plan->field)));
    for (const auto& condition : record.plan ? record.plan->filters.conditions : std::vector<plan::Condition>{}) {
      fields.insert(std::string(plan::Name(condition.field)));
    }
  }
  for (const char* metric : {"views", "likes", "comments", "reports"}) {
    EXPECT_TRUE(fields.count(std::string(metric) + "_count")) << metric;
    EXPECT_TRUE(fields.count(std::string("delta_") + metric + "_count")) << metric;
  }
  EXPECT_GE(refusals, 5);
  EXPECT_LE(zeros * 10, static_cast<int>(records_->size())) << "too many intended answers are 0";
}

TEST_F(HeldoutParaphrases, SqliteGivesNoWrongNumber) {
  VIDEOBOT_REQUIRE_SHARED();
  TempDir dir;
  auto database = LoadedDatabase("sqlite:" + dir.path() + "/heldout.db", *document_);
  ExpectNoWrongNumber(*database, "sqlite");
}

TEST_F(HeldoutParaphrases, PostgresGivesNoWrongNumber) {
  VIDEOBOT_REQUIRE_SHARED();
  VIDEOBOT_REQUIRE_POSTGRES();
  ScratchPostgres scratch;
  auto database = LoadedDatabase(scratch.url(), *document_);
  ExpectNoWrongNumber(*database, "postgres");
}

TEST_F(HeldoutParaphrases, ClickHouseGivesNoWrongNumber) {
  VIDEOBOT_REQUIRE_SHARED();
  VIDEOBOT_REQUIRE_CLICKHOUSE();
  for (const bool cluster : {false, true}) {
    ScratchClickHouse scratch(cluster);
    auto database = LoadedDatabase(scratch.url(), *document_);
    ExpectNoWrongNumber(*database, cluster ? "clickhouse two shards" : "clickhouse");
  }
}

// The real binary on a sample (every fifth record): `ask` exits 0 with the intended number, or 2
// with a refusal.
TEST_F(HeldoutParaphrases, CliAnswersTheSample) {
  VIDEOBOT_REQUIRE_SHARED();
  TempDir dir;
  const std::string url = "sqlite:" + dir.path() + "/heldout_cli.db";
  const std::vector<std::string> env{"VIDEOBOT_PLANNER=rules",
                                     "LLM_API_KEY=", "DATABASE_URL=", "VIDEOBOT_NOW=", "VIDEOBOT_TZ="};
  const auto loaded = RunProcess({BinaryPath(), "--db", url, "load", SharedDir() + kDataFile}, "", env);
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  std::vector<Finding> findings;
  for (std::size_t i = 0; i < records_->size(); i += 5) {
    const auto& record = (*records_)[i];
    const auto run = RunProcess({BinaryPath(), "--db", url, "--now", FormatInstantIso(record.context.now), "--tz",
                                 record.zone_text, "ask", record.question},
                                "", env);
    Finding finding{&record, Verdict::kFailed, IntendedAnswer(*data_, record), "", ""};
    if (run.exit_code == 0 && !run.out.empty() && run.out.back() == '\n') {
      finding.answered = run.out.substr(0, run.out.size() - 1);
      finding.verdict = Judge(finding.intended, false, finding.answered);
    } else if (run.exit_code == 2 && run.out.empty()) {
      finding.answered = run.err;
      finding.verdict = Judge(finding.intended, true, "");
    } else {
      finding.answered = "exit " + std::to_string(run.exit_code) + ": " + run.out + run.err;
    }
    findings.push_back(std::move(finding));
  }
  EXPECT_GE(findings.size(), 20u);
  EXPECT_EQ(Report("cli", findings), 0) << "the CLI printed numbers other than the intended ones (listed above)";
}

}  // namespace
}  // namespace videobot::testing
