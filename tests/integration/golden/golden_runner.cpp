// The golden runner: one test per file of tests/cases/golden (format in its README.md). For each
// record it checks the rules' plan or refusal for the question, the SQL for every engine, and the
// reply on the file's data set on every engine that is up — the same reply on all of them, and
// for a one-number plan the brute-force oracle's value. With --update (or VIDEOBOT_UPDATE_GOLDEN=1)
// it rewrites the expectations instead; the diff shows what changed.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "nl/rule_parser.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "service/answer_service.hpp"
#include "sql/compiler.hpp"
#include "support/clickhouse_env.hpp"
#include "support/generated_document.hpp"
#include "support/golden_file.hpp"
#include "support/oracle.hpp"
#include "support/test_env.hpp"

namespace videobot::testing::golden {
namespace {

bool update_mode = false;

// ---- data sets ----

// "generated videos=40 creators=6 seed=7" → datagen options; the keys left out keep their defaults.
datagen::GeneratorOptions GeneratorOptionsOf(const std::string& spec) {
  datagen::GeneratorOptions options;
  std::istringstream words(spec.substr(spec.find(' ') + 1));
  std::string word;
  while (words >> word) {
    const auto equals = word.find('=');
    const std::string key = word.substr(0, equals);
    const long long value = std::stoll(word.substr(equals + 1));
    if (key == "videos")
      options.videos = static_cast<int>(value);
    else if (key == "creators")
      options.creators = static_cast<int>(value);
    else if (key == "seed")
      options.seed = static_cast<std::uint64_t>(value);
    else
      throw std::runtime_error("unknown generator option «" + key + "» in @data " + spec);
  }
  return options;
}

// A data set by name: "generated …" (see GeneratorOptionsOf) or a file data/NAME.json.
std::string DocumentOf(const std::string& name) {
  if (name.rfind("generated", 0) == 0) return GeneratedDocument(GeneratorOptionsOf(name));
  std::ifstream in(CasesDir() + "/data/" + name + ".json", std::ios::binary);
  if (!in) throw std::runtime_error("no data set «" + name + "» in " + CasesDir() + "/data");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::unique_ptr<db::Database> Loaded(const std::string& url, const std::string& document) {
  auto database = db::Open(url);
  db::Migrate(*database);
  std::istringstream input(document);
  const auto stats = db::Load(*database, input);
  if (!stats) throw std::runtime_error("loading into " + url + ": " + stats.error().Describe());
  return database;
}

// The servers the test command starts (PostgreSQL, ClickHouse, ClickHouse on two shards), each
// with how to name, create and drop a database on it.
struct Server {
  std::string engine;
  std::function<std::string(const std::string&)> url_of;
  std::function<void(const std::string&)> create;
  std::function<void(const std::string&)> drop;
};

std::vector<Server> ServersUp() {
  std::vector<Server> servers;
  if (!Env("VIDEOBOT_TEST_PG_ADMIN_URL").empty()) {
    servers.push_back({"postgres", PostgresUrlOf, CreatePostgresDatabase, DropPostgresDatabase});
  }
  if (!Env("VIDEOBOT_TEST_CLICKHOUSE_URL").empty() && !Env("VIDEOBOT_TEST_CLICKHOUSE_CLUSTER_URL").empty()) {
    for (const bool cluster : {false, true}) {
      servers.push_back({cluster ? "clickhouse on two shards" : "clickhouse",
                         [cluster](const std::string& name) { return ClickHouseUrlOf(cluster, name); },
                         [cluster](const std::string& name) { CreateClickHouseDatabase(cluster, name); },
                         [cluster](const std::string& name) { DropClickHouseDatabase(cluster, name); }});
    }
  }
  return servers;
}

// A data set's database shared by the runner's processes: named after the data's bytes, so a
// changed generator never meets an old load. Under ctest the fixture test golden.prepare_data
// loads every data set the files name into every server once (--prepare-data), each file's test
// opens them, and golden.drop_data drops them (--drop-data).
std::string SharedName(const std::string& document) {
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
  for (const char c : document) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return fmt::format("golden_{:016x}", hash);
}

// The prepared database at `url`, or nullptr when there is none (the runner run by hand).
std::unique_ptr<db::Database> Prepared(const std::string& url) {
  try {
    auto database = db::Open(url);
    const auto rows = database->Query(sql::Query{"SELECT COUNT(*) FROM videos", {}});
    if (rows.empty() || rows.front().empty() || std::get<std::int64_t>(rows.front().front()) == 0) return nullptr;
    return database;
  } catch (const std::exception&) {
    return nullptr;
  }
}

// A database of this process alone on `server`, dropped on destruction: where a data set goes
// when none was prepared.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(const Server& server)
      : server_(server), name_(fmt::format("golden_scratch_{}_{}", getpid(), next_++)) {
    server_.create(name_);
  }
  ~ScratchDatabase() {
    try {
      server_.drop(name_);
    } catch (const std::exception&) {
      // The test servers are thrown away at the end of the run anyway.
    }
  }
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;
  std::string url() const { return server_.url_of(name_); }

 private:
  static inline int next_ = 0;
  Server server_;
  std::string name_;
};

// One data set in every engine that is up: SQLite always, loaded here; on each server the
// prepared database, or a scratch one loaded here when none was prepared.
struct LoadedData {
  explicit LoadedData(const std::string& name) : document(DocumentOf(name)), oracle(ParseDataset(document)) {
    engines.emplace_back("sqlite", Loaded("sqlite:" + dir.path() + "/golden.db", document));
    for (const Server& server : ServersUp()) {
      if (auto prepared = Prepared(server.url_of(SharedName(document)))) {
        engines.emplace_back(server.engine, std::move(prepared));
        continue;
      }
      scratch.push_back(std::make_unique<ScratchDatabase>(server));
      engines.emplace_back(server.engine, Loaded(scratch.back()->url(), document));
    }
  }

  std::string document;
  Dataset oracle;
  TempDir dir;
  std::vector<std::unique_ptr<ScratchDatabase>> scratch;
  std::vector<std::pair<std::string, std::unique_ptr<db::Database>>> engines;
};

// Every data set the golden files name.
std::set<std::string> DataSetsNamed() {
  std::set<std::string> names;
  for (const auto& path : ListFiles(CasesDir())) {
    for (const auto& [record, settings] : RecordsWithSettings(Read(path))) {
      if (!settings.data.empty()) names.insert(settings.data);
    }
  }
  return names;
}

// --prepare-data: every data set into a shared database on every server that is up.
void PrepareData() {
  for (const std::string& name : DataSetsNamed()) {
    const std::string document = DocumentOf(name);
    for (const Server& server : ServersUp()) {
      const std::string shared = SharedName(document);
      server.drop(shared);
      server.create(shared);
      Loaded(server.url_of(shared), document);
      std::printf("prepared «%s» on %s as %s\n", name.c_str(), server.engine.c_str(), shared.c_str());
    }
  }
}

// --drop-data: the shared databases of --prepare-data dropped.
void DropData() {
  for (const std::string& name : DataSetsNamed()) {
    const std::string shared = SharedName(DocumentOf(name));
    for (const Server& server : ServersUp()) server.drop(shared);
  }
}

// ---- one record ----

sql::Dialect DialectOf(const std::string& engine) {
  if (engine == "sqlite") return sql::Dialect::kSqlite;
  if (engine == "postgres") return sql::Dialect::kPostgres;
  return sql::Dialect::kClickHouse;
}

std::string ParamsText(const sql::Query& query) {
  nlohmann::ordered_json params = nlohmann::ordered_json::array();
  for (const auto& param : query.params) {
    std::visit([&params](const auto& value) { params.push_back(value); }, param);
  }
  return params.dump();
}

bool SamePlan(const std::string& expected, const std::string& actual) {
  return nlohmann::json::parse(expected) == nlohmann::json::parse(actual);
}

// The rules' plan for the record's question, or nullopt after checking (or recording) the refusal.
std::optional<plan::Plan> QuestionPlan(Record& record, const plan::TimeContext& time) {
  nl::RuleParser parser;
  const auto result = parser.MakePlan(*record.question, time);
  if (!result) {
    const std::string code(ErrorCodeName(result.error().code));
    const std::string& message = result.error().message;
    EXPECT_NE(message.find("Пример вопроса: «"), std::string::npos) << "a refusal names an example: " << message;
    if (update_mode) {
      record.plan.reset();
      record.refuse = code;
      if (record.message) record.message = message;
    } else {
      EXPECT_EQ(record.refuse.value_or("(a plan)"), code) << message;
      if (record.message) {
        EXPECT_EQ(*record.message, message);
      }
    }
    return std::nullopt;
  }
  const std::string compact = Compact(plan::ToJson(*result)).dump();
  const auto valid = plan::ValidatePlan(*result);
  EXPECT_TRUE(valid.has_value()) << valid.error().Describe();
  if (update_mode) {
    record.refuse.reset();
    record.message.reset();
    record.plan = compact;
  } else if (record.refuse) {
    ADD_FAILURE() << "expected the refusal " << *record.refuse << ", got the plan " << compact;
  } else {
    EXPECT_TRUE(record.plan && SamePlan(*record.plan, compact))
        << "expected " << record.plan.value_or("(no plan)") << "\n     got " << compact;
  }
  return *result;
}

// The record's stated plan (a record without a question).
std::optional<plan::Plan> StatedPlan(Record& record) {
  if (!record.plan) {
    ADD_FAILURE() << "a record needs a question or a plan";
    return std::nullopt;
  }
  const auto parsed = plan::ParsePlan(FullPlan(record));
  if (!parsed) {
    ADD_FAILURE() << "the plan does not parse: " << parsed.error().Describe();
    return std::nullopt;
  }
  if (update_mode) record.plan = Compact(plan::ToJson(*parsed)).dump();
  return *parsed;
}

// The SQL an engine runs for a plan: one query, or both sides of a comparison.
EngineSql SqlOf(const plan::Plan& plan, const std::string& engine, const plan::TimeContext& time) {
  const sql::CompileOptions options{DialectOf(engine), time};
  if (!plan.compare) {
    const sql::Query query = sql::Compile(plan, options);
    return EngineSql{query.text, ParamsText(query), std::nullopt, std::nullopt};
  }
  const sql::Query a = sql::Compile(plan::ComparisonSideA(plan), options);
  const sql::Query b = sql::Compile(plan::ComparisonSideB(plan), options);
  return EngineSql{a.text, ParamsText(a), b.text, ParamsText(b)};
}

void CheckSql(Record& record, const plan::Plan& plan, const plan::TimeContext& time) {
  for (const auto& engine : kEngines) {
    const EngineSql actual = SqlOf(plan, engine, time);
    if (update_mode) {
      record.sql[engine] = actual;
      continue;
    }
    const auto expected = record.sql.find(engine);
    if (expected == record.sql.end()) {
      ADD_FAILURE() << "no SQL for " << engine << " (run the runner with --update)";
      continue;
    }
    EXPECT_EQ(expected->second.sql, actual.sql) << engine;
    EXPECT_EQ(expected->second.params, actual.params) << engine << " parameters";
    EXPECT_EQ(expected->second.with_sql, actual.with_sql) << engine << ", side B";
    EXPECT_EQ(expected->second.with_params, actual.with_params) << engine << ", side B's parameters";
  }
}

std::string ReplyOn(db::Database& database, const plan::Plan& plan, const plan::TimeContext& time) {
  nl::RuleParser parser;
  const FixedClock clock(time.now);
  service::AnswerService service(parser, database, clock, time.offset);
  const auto outcome = service.Run(plan);
  if (!outcome) return "refused " + std::string(ErrorCodeName(outcome.error().code));
  return outcome->text;
}

// A one-number reply equals the oracle's value (to the two decimals replies show).
void CheckAgainstOracle(const std::string& reply, const plan::Plan& plan, const LoadedData& data,
                        const plan::TimeContext& time) {
  if (plan.group_by || plan.series || plan.compare) return;
  double value = 0;
  const auto [end, error] = std::from_chars(reply.data(), reply.data() + reply.size(), value);
  if (error != std::errc{} || end != reply.data() + reply.size()) return;
  const db::Value expected = Evaluate(data.oracle, plan, time).scalar;
  double oracle = 0;
  if (const auto* integer = std::get_if<std::int64_t>(&expected))
    oracle = static_cast<double>(*integer);
  else if (const auto* real = std::get_if<double>(&expected))
    oracle = *real;
  EXPECT_NEAR(value, oracle, 0.005 + 1e-9) << "the oracle's value differs from the reply";
}

void CheckAnswer(Record& record, const plan::Plan& plan, LoadedData& data, const plan::TimeContext& time) {
  std::optional<std::string> first;
  for (auto& [engine, database] : data.engines) {
    const std::string reply = ReplyOn(*database, plan, time);
    if (!first) {
      first = reply;
      CheckAgainstOracle(reply, plan, data, time);
      continue;
    }
    EXPECT_EQ(*first, reply) << engine << " differs from " << data.engines.front().first;
  }
  if (update_mode) {
    record.answer = *first;
  } else {
    EXPECT_EQ(record.answer.value_or("(no answer)"), *first) << "the reply on " << data.engines.front().first;
  }
}

void CheckRecord(Record& record, const Settings& settings, LoadedData* data) {
  const plan::TimeContext time = TimeOf(settings);
  const auto plan = record.question ? QuestionPlan(record, time) : StatedPlan(record);
  if (!plan || plan->action != plan::Action::kQuery) {
    if (update_mode) {
      record.sql.clear();
      record.answer.reset();
    }
    return;
  }
  CheckSql(record, *plan, time);
  if (data != nullptr) CheckAnswer(record, *plan, *data, time);
}

// ---- one file ----

std::string Where(const std::string& path, const Record& record) {
  const std::string file = path.substr(path.rfind('/') + 1);
  return file + ":" + std::to_string(record.line) + ": " + record.question.value_or(record.name.value_or("(plan)"));
}

class GoldenFile : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenFile, EveryRecordHolds) {
  File file = Read(GetParam());
  std::map<std::string, std::unique_ptr<LoadedData>> data_sets;
  std::size_t records = 0;
  const auto with_settings = RecordsWithSettings(file);
  std::size_t index = 0;
  for (auto& item : file.items) {
    auto* record = std::get_if<Record>(&item);
    if (record == nullptr) continue;
    const Settings& settings = with_settings.at(index++).second;
    LoadedData* data = nullptr;
    if (!settings.data.empty()) {
      auto& loaded = data_sets[settings.data];
      if (!loaded) loaded = std::make_unique<LoadedData>(settings.data);
      data = loaded.get();
    }
    SCOPED_TRACE(Where(file.path, *record));
    CheckRecord(*record, settings, data);
    ++records;
  }
  EXPECT_GT(records, 0u) << "a golden file without records";
  if (update_mode) std::ofstream(file.path, std::ios::binary) << Format(file);
}

std::string FileTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(info.param.rfind('/') + 1);
  name = name.substr(0, name.find('.'));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenFile, ::testing::ValuesIn(ListFiles(CasesDir())), FileTestName);

TEST(GoldenFormat, ReadingAndWritingAFileGivesItsBytesBack) {
  for (const auto& path : ListFiles(CasesDir())) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_EQ(Format(Read(path)), text.str()) << path;
  }
}

}  // namespace

// --prepare-data or --drop-data; 0 on success, 1 with the error on stderr.
int RunDataCommand(bool prepare) {
  try {
    prepare ? PrepareData() : DropData();
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
}

}  // namespace videobot::testing::golden

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument(argv[i]);
    if (argument == "--update") videobot::testing::golden::update_mode = true;
    if (argument == "--prepare-data") return videobot::testing::golden::RunDataCommand(true);
    if (argument == "--drop-data") return videobot::testing::golden::RunDataCommand(false);
  }
  if (videobot::testing::Env("VIDEOBOT_UPDATE_GOLDEN") == "1") videobot::testing::golden::update_mode = true;
  return RUN_ALL_TESTS();
}
