// Commands that answer: ask, plan, run-plan, sql, chat.
#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/output.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "sql/compiler.hpp"

namespace videobot::app {
namespace {

std::optional<std::string> ReadInput(const std::string& file) {
  if (file == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream stream(file, std::ios::binary);
  if (!stream) return std::nullopt;
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

// Plans a question without opening the database: `plan` and `sql` need no data.
Result<plan::Plan> PlanOnly(const AppContext& context, const std::string& question) {
  auto planner = context.MakePlanner();
  return service::PlanQuestion(*planner, question, context.TimeNow());
}

}  // namespace

int RunAsk(const AppContext& context, const std::string& question) {
  auto bundle = MakeService(context);
  auto plan = bundle.service->PlanFor(question);
  if (!plan) return PrintInputError(plan.error());
  auto answer = bundle.service->Execute(*plan);  // a database failure throws: exit 1 at the boundary
  if (!answer) return PrintInputError(answer.error());
  return PrintResult(*answer);
}

int RunPlan(const AppContext& context, const std::string& question) {
  auto plan = PlanOnly(context, question);
  if (!plan) return PrintInputError(plan.error());
  return PrintResult(plan::ToJson(*plan).dump(2));
}

int RunSql(const AppContext& context, const std::string& question) {
  auto plan = PlanOnly(context, question);
  if (!plan) return PrintInputError(plan.error());
  const auto query = sql::Compile(*plan, sql::CompileOptions{context.dialect(), context.TimeNow()});
  return PrintResult(service::DescribeQuery(query));
}

int RunRunPlan(const AppContext& context, const std::string& file) {
  auto text = ReadInput(file);
  if (!text) return PrintEnvironmentError(fmt::format("не удалось открыть файл {}", file));
  auto plan = plan::ParsePlan(*text);
  if (!plan) return PrintInputError(plan.error());
  if (plan->action == plan::Action::kRefuse) {
    fmt::print(stderr, "{}\n", service::RefusalMessage(plan->refusal_reason.value_or(plan::RefusalReason::kNotUnderstood)));
    return kExitInput;
  }
  auto database = context.OpenDatabase(db::OpenMode::kExisting);
  auto planner = context.MakePlanner();
  service::AnswerService service(*planner, *database, context.clock(), context.offset());
  auto answer = service.Execute(*plan);
  if (!answer) return PrintInputError(answer.error());
  return PrintResult(*answer);
}

int RunChat(const AppContext& context) {
  auto bundle = MakeService(context);
  const bool interactive = isatty(STDIN_FILENO) != 0;
  if (interactive) {
    fmt::print("videobot: задайте вопрос о статистике видео (/explain ВОПРОС — план и SQL, /quit — выход)\n");
  }
  std::string line;
  while (true) {
    if (interactive) fmt::print("> ");
    std::fflush(stdout);
    if (!std::getline(std::cin, line)) break;
    if (line.empty()) continue;
    if (line == "/quit" || line == "/exit") break;
    constexpr std::string_view kExplain = "/explain";
    const bool explain = std::string_view(line).starts_with(kExplain);
    const auto reply = explain ? bundle.service->Explain(std::string_view(line).substr(kExplain.size()))
                               : bundle.service->Answer(line);
    fmt::print("{}\n", reply.text);
  }
  return kExitOk;
}

}  // namespace videobot::app
