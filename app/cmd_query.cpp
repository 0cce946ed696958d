// Commands that answer: ask, plan, run-plan, sql, chat.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/chat_commands.hpp"
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/line_reader.hpp"
#include "app/output.hpp"
#include "chart/render.hpp"
#include "plan/plan_json.hpp"
#include "plan/validator.hpp"
#include "service/answer_format.hpp"
#include "service/comparison_answer.hpp"
#include "service/explanation.hpp"
#include "service/series_chart.hpp"
#include "service/status.hpp"
#include "service/superlative_ties.hpp"
#include "sql/compiler.hpp"
#include "telegram/bot_messages.hpp"

namespace videobot::app {
namespace {

std::optional<std::string> ReadInput(const std::string& file) {
  std::ostringstream buffer;
  if (file == "-") {
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::ifstream stream(file, std::ios::binary);
  if (!stream) return std::nullopt;
  buffer << stream.rdbuf();
  return buffer.str();
}

// Plans a question without opening the database: `plan` and `sql` need no data.
Result<plan::Plan> PlanOnly(const AppContext& context, const std::string& question) {
  auto planner = context.MakePlanner();
  return service::PlanQuestion(*planner, question, context.TimeNow());
}

}  // namespace

std::string FormatExplanation(const service::Reply& reply) {
  if (reply.sql.empty()) return reply.text;
  return fmt::format("{}\n\nSQL:\n{}", reply.text, reply.sql);
}

// Draws a series or ranking answer into `path` as a PNG; prints why not and returns the exit status otherwise.
static std::optional<int> WriteChart(const service::AnswerService::Outcome& answer, const std::string& path) {
  service::Reply reply;
  reply.series = answer.series;
  reply.series_layout = answer.layout;
  reply.ranking = answer.ranking;
  reply.ranking_layout = answer.ranking_layout;
  const auto png = service::RenderChartPng(reply);
  if (!png) {
    fmt::print(stderr,
               "error: --chart draws a series (a question «по дням», «по часам» …) or a ranking («топ-5 …»); this "
               "answer is one number\n");
    return kExitInput;
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(png->data(), static_cast<std::streamsize>(png->size()));
  file.close();
  if (!file) {
    fmt::print(stderr, "error: cannot write the chart to {}\n", path);
    return kExitEnvironment;
  }
  return std::nullopt;
}

int RunAsk(const AppContext& context, const std::string& question, const std::string& format,
           const std::string& chart_path) {
  auto bundle = MakeService(context);
  auto plan = bundle.service->PlanFor(question);
  if (!plan) return PrintInputError(plan.error());
  auto answer = bundle.service->Run(*plan);  // a database failure throws: exit 1 at the boundary
  if (!answer) return PrintInputError(answer.error());
  if (!chart_path.empty()) {
    if (const auto failed = WriteChart(*answer, chart_path)) return *failed;
  }
  const auto answer_format = service::ParseAnswerFormat(format).value_or(service::AnswerFormat::kText);
  if (answer->comparison) return PrintResult(service::FormatComparison(*answer->comparison, answer_format));
  return PrintResult(service::FormatAnswer(answer->text, answer->series, answer_format));
}

int RunPlan(const AppContext& context, const std::string& question) {
  auto plan = PlanOnly(context, question);
  if (!plan) return PrintInputError(plan.error());
  return PrintResult(plan::ToJson(*plan).dump(2));
}

int RunSql(const AppContext& context, const std::string& question) {
  auto plan = PlanOnly(context, question);
  if (!plan) return PrintInputError(plan.error());
  if (plan->compare) {
    return PrintResult(service::DescribeComparisonQueries(*plan, context.dialect(), context.TimeNow()));
  }
  const auto query = service::CompileAnswerQuery(*plan, sql::CompileOptions{context.dialect(), context.TimeNow()});
  return PrintResult(service::DescribeQuery(query, context.dialect(), plan->time_zone.value_or(context.offset())));
}

int RunExplain(const AppContext& context, const std::string& question) {
  auto bundle = MakeService(context);
  const auto reply = bundle.service->Explain(question);
  if (reply.kind != service::Reply::Kind::kAnswer) {
    fmt::print(stderr, "{}\n", reply.text);
    return reply.kind == service::Reply::Kind::kRefusal ? kExitInput : kExitEnvironment;
  }
  return PrintResult(FormatExplanation(reply));
}

service::Status ReadServiceStatus(const AppContext& context) {
  auto planner = context.MakePlanner();
  const service::StatusSettings settings{std::string(planner->Name()), context.options().database_url,
                                         context.dialect()};
  std::unique_ptr<db::Database> database;
  try {
    database = context.OpenDatabase(db::OpenMode::kExisting);
  } catch (const db::NotInitialisedError& error) {
    return service::UninitialisedStatus(settings, error.what());
  }
  return service::ReadStatus(*database, settings);
}

int RunStatus(const AppContext& context) {
  return PrintResult(service::FormatStatusForOperator(ReadServiceStatus(context), context.offset()));
}

int RunRunPlan(const AppContext& context, const std::string& file) {
  auto text = ReadInput(file);
  if (!text) return PrintEnvironmentError(fmt::format("cannot open file {}", file));
  auto plan = plan::ParsePlan(*text);
  if (!plan) return PrintInputError(plan.error());
  if (plan->action == plan::Action::kRefuse) {
    fmt::print(stderr, "{}\n",
               service::RefusalMessage(plan->refusal_reason.value_or(plan::RefusalReason::kNotUnderstood)));
    return kExitInput;
  }
  auto database = context.OpenDatabase(db::OpenMode::kCurrent);
  auto planner = context.MakePlanner();
  service::AnswerService service(*planner, *database, context.clock(), context.offset());
  auto answer = service.Execute(*plan);
  if (!answer) return PrintInputError(answer.error());
  return PrintResult(*answer);
}

// One line typed into `chat`, answered like the bot answers a private message.
static std::string ChatReply(const AppContext& context, service::AnswerService& service, const ChatLine& line) {
  switch (line.kind) {
    case ChatLine::Kind::kHelp: return std::string(telegram::kHelpText);
    case ChatLine::Kind::kExplain:
      if (line.text.empty()) return std::string(telegram::kExplainUsageReply);
      return FormatExplanation(service.Explain(line.text));
    case ChatLine::Kind::kStatus:
      return service::FormatStatusForChat(ReadServiceStatus(context), context.offset(), true);
    case ChatLine::Kind::kUnknown: return std::string(telegram::kUnknownCommandReply);
    case ChatLine::Kind::kQuestion: return service.Answer(line.text).text;
    case ChatLine::Kind::kEmpty:
    case ChatLine::Kind::kQuit: break;
  }
  return {};
}

int RunChat(const AppContext& context) {
  auto bundle = MakeService(context);
  LineReader reader;
  if (reader.interactive()) {
    fmt::print("videobot: задайте вопрос о статистике видео (/help — справка, Ctrl-D — выход)\n");
    std::fflush(stdout);
  }
  while (const auto text = reader.ReadLine()) {
    const ChatLine line = ParseChatLine(*text);
    if (line.kind == ChatLine::Kind::kQuit) break;
    if (line.kind == ChatLine::Kind::kEmpty) continue;
    fmt::print("{}\n", ChatReply(context, *bundle.service, line));
    std::fflush(stdout);
  }
  if (reader.interactive()) fmt::print("\n");
  return kExitOk;
}

}  // namespace videobot::app
