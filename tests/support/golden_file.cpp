#include "support/golden_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "plan/validator.hpp"
#include "support/test_env.hpp"

namespace videobot::testing::golden {
namespace {

constexpr std::string_view kAnswerSeparator = "----";
constexpr std::string_view kParamsSuffix = "-params";
constexpr std::string_view kWithSuffix = "-with";

[[noreturn]] void Malformed(const std::string& path, int line, const std::string& reason) {
  throw std::runtime_error(path + ":" + std::to_string(line) + ": " + reason);
}

bool IsKeptText(const std::string& line) { return line.empty() || line[0] == '#' || line[0] == '@'; }

std::pair<std::string, std::string> SplitKey(const std::string& line) {
  const auto space = line.find(' ');
  if (space == std::string::npos) return {line, ""};
  return {line.substr(0, space), line.substr(space + 1)};
}

bool IsEngine(const std::string& name) { return std::find(kEngines.begin(), kEngines.end(), name) != kEngines.end(); }

// Sets one "key value" line of a record; false for an unknown key.
bool SetKey(Record& record, const std::string& key, const std::string& value) {
  std::map<std::string, std::optional<std::string>*> fields = {
      {"name", &record.name}, {"question", &record.question}, {"now", &record.now},        {"tz", &record.tz},
      {"plan", &record.plan}, {"refuse", &record.refuse},     {"message", &record.message}};
  if (const auto field = fields.find(key); field != fields.end()) {
    *field->second = value;
    return true;
  }
  // "sqlite", "sqlite-params", "sqlite-with", "sqlite-with-params".
  std::string engine = key;
  const bool params = engine.ends_with(kParamsSuffix);
  if (params) engine.resize(engine.size() - kParamsSuffix.size());
  const bool with = engine.ends_with(kWithSuffix);
  if (with) engine.resize(engine.size() - kWithSuffix.size());
  if (!IsEngine(engine)) return false;
  EngineSql& sql = record.sql[engine];
  if (with)
    (params ? sql.with_params : sql.with_sql) = value;
  else
    (params ? sql.params : sql.sql) = value;
  return true;
  return false;
}

void WriteKey(std::ostream& out, std::string_view key, const std::optional<std::string>& value) {
  if (!value) return;
  out << key;
  if (!value->empty()) out << ' ' << *value;
  out << '\n';
}

void WriteRecord(std::ostream& out, const Record& record) {
  WriteKey(out, "name", record.name);
  WriteKey(out, "question", record.question);
  WriteKey(out, "now", record.now);
  WriteKey(out, "tz", record.tz);
  WriteKey(out, "plan", record.plan);
  WriteKey(out, "refuse", record.refuse);
  WriteKey(out, "message", record.message);
  for (const auto& engine : kEngines) {
    const auto found = record.sql.find(engine);
    if (found == record.sql.end()) continue;
    const EngineSql& sql = found->second;
    out << engine << ' ' << sql.sql << '\n' << engine << kParamsSuffix << ' ' << sql.params << '\n';
    if (sql.with_sql) out << engine << kWithSuffix << ' ' << *sql.with_sql << '\n';
    if (sql.with_params) out << engine << kWithSuffix << kParamsSuffix << ' ' << *sql.with_params << '\n';
  }
  if (record.answer) {
    if (record.answer->find("\n\n") != std::string::npos || record.answer->ends_with('\n')) {
      throw std::runtime_error("an answer with an empty line cannot be written: " + *record.answer);
    }
    out << kAnswerSeparator << '\n' << *record.answer << '\n';
  }
}

}  // namespace

File Read(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot be read");
  File file{path, {}};
  std::optional<Record> record;
  std::vector<std::string> answer;  // the lines after "----" of the current record
  bool in_answer = false;
  const auto finish = [&] {
    if (!record) return;
    if (in_answer) {
      std::string text;
      for (std::size_t i = 0; i < answer.size(); ++i) text += (i == 0 ? "" : "\n") + answer[i];
      record->answer = text;
    }
    file.items.emplace_back(std::move(*record));
    record.reset();
    answer.clear();
    in_answer = false;
  };
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || (!record && IsKeptText(line))) {
      finish();
      file.items.emplace_back(line);
      continue;
    }
    if (in_answer) {
      answer.push_back(line);
      continue;
    }
    if (!record) record = Record{.line = number};
    if (line == kAnswerSeparator) {
      in_answer = true;
      continue;
    }
    const auto [key, value] = SplitKey(line);
    if (!SetKey(*record, key, value)) Malformed(path, number, "unknown key «" + key + "»");
  }
  finish();
  return file;
}

std::string Format(const File& file) {
  std::ostringstream out;
  for (const auto& item : file.items) {
    if (const auto* text = std::get_if<std::string>(&item)) {
      out << *text << '\n';
    } else {
      WriteRecord(out, std::get<Record>(item));
    }
  }
  return out.str();
}

std::vector<std::pair<Record, Settings>> RecordsWithSettings(const File& file) {
  std::vector<std::pair<Record, Settings>> out;
  Settings settings;
  for (const auto& item : file.items) {
    if (const auto* text = std::get_if<std::string>(&item)) {
      const auto [key, value] = SplitKey(*text);
      if (key == "@now") settings.now = value;
      if (key == "@tz") settings.tz = value;
      if (key == "@data") settings.data = value;
      continue;
    }
    const auto& record = std::get<Record>(item);
    Settings own = settings;
    if (record.now) own.now = *record.now;
    if (record.tz) own.tz = *record.tz;
    out.emplace_back(record, own);
  }
  return out;
}

std::vector<std::string> ListFiles(const std::string& directory) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".test") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string CasesDir() { return SourceDir() + "/tests/cases/golden"; }

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  for (const auto& path : ListFiles(CasesDir())) {
    const std::string file = path.substr(path.rfind('/') + 1);
    for (auto& [record, settings] : RecordsWithSettings(Read(path))) {
      cases.push_back(Case{file + ":" + std::to_string(record.line), record, settings});
    }
  }
  return cases;
}

plan::TimeContext TimeOf(const Settings& settings) {
  const auto now = ParseTimestamp(settings.now);
  const auto offset = ParseUtcOffset(settings.tz);
  if (!now || !offset) throw std::runtime_error("bad @now or @tz: " + settings.now + " " + settings.tz);
  return plan::TimeContext{*now, *offset};
}

std::string FullPlan(const Record& record) { return Expand(nlohmann::ordered_json::parse(record.plan.value())).dump(); }

namespace {

using Json = nlohmann::ordered_json;

const Json& PlanSchema() {
  static const Json schema = Json::parse(plan::PlanSchemaText());
  return schema;
}

// The object schema a property's value follows ($ref and anyOf resolved), or null for a scalar.
const Json* ObjectSchema(const Json& property) {
  if (property.contains("$ref")) {
    const std::string ref = property.at("$ref");
    return ObjectSchema(PlanSchema().at("$defs").at(ref.substr(ref.rfind('/') + 1)));
  }
  if (property.contains("anyOf")) {
    for (const auto& branch : property.at("anyOf")) {
      if (const Json* found = ObjectSchema(branch)) return found;
    }
    return nullptr;
  }
  return property.value("type", Json()) == "object" ? &property : nullptr;
}

bool AllowsNull(const Json& property) {
  if (property.contains("anyOf")) {
    for (const auto& branch : property.at("anyOf")) {
      if (branch.value("type", Json()) == "null") return true;
    }
  }
  const Json type = property.value("type", Json());
  return type == "null" || (type.is_array() && std::find(type.begin(), type.end(), "null") != type.end());
}

bool IsList(const Json& property) { return property.value("type", Json()) == "array"; }

Json CompactObject(const Json& value, const Json& schema) {
  Json out = Json::object();
  for (const auto& [key, item] : value.items()) {
    const Json& property = schema.at("properties").at(key);
    if (item.is_null() && AllowsNull(property)) continue;
    if (item.is_array() && item.empty() && IsList(property)) continue;
    const Json* object = ObjectSchema(property);
    if (!item.is_object() || object == nullptr) {
      out[key] = item;
      continue;
    }
    Json compact = CompactObject(item, *object);
    // An object the schema always has ("filters") is left out when nothing in it is used.
    if (!compact.empty() || AllowsNull(property)) out[key] = std::move(compact);
  }
  return out;
}

Json ExpandObject(const Json& value, const Json& schema) {
  Json out = Json::object();
  for (const std::string key : schema.at("required")) {
    const Json& property = schema.at("properties").at(key);
    const Json* object = ObjectSchema(property);
    if (!value.contains(key)) {
      if (object != nullptr && !AllowsNull(property))
        out[key] = ExpandObject(Json::object(), *object);
      else
        out[key] = IsList(property) ? Json::array() : Json();
      continue;
    }
    const Json& item = value.at(key);
    out[key] = item.is_object() && object != nullptr ? ExpandObject(item, *object) : item;
  }
  for (const auto& [key, item] : value.items()) {
    if (!out.contains(key)) out[key] = item;  // unknown keys stay, for the parser to reject
  }
  return out;
}

}  // namespace

nlohmann::ordered_json Compact(const nlohmann::ordered_json& plan) { return CompactObject(plan, PlanSchema()); }

nlohmann::ordered_json Expand(const nlohmann::ordered_json& compact) { return ExpandObject(compact, PlanSchema()); }

}  // namespace videobot::testing::golden
