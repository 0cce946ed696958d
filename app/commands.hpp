#pragma once
// One function per CLI command; each returns the process exit status (cli.hpp).

#include <string>

#include "app/context.hpp"
#include "datagen/generator.hpp"
#include "db/loader.hpp"
#include "service/status.hpp"

namespace videobot::app {

/// The service's status for the configured database and planner (a missing or uninitialised
/// database is reported, not thrown). Throws DatabaseError when the database fails.
service::Status ReadServiceStatus(const AppContext& context);

/// An Explain reply as the CLI prints it: the explanation, then «SQL:» and the SQL block.
std::string FormatExplanation(const service::Reply& reply);

int RunMigrate(const AppContext& context);
int RunLoad(const AppContext& context, const std::string& file, const db::LoadOptions& options = {});
int RunGenerate(const datagen::GeneratorOptions& options);
/// `ask`: prints the answer in `format`; with `chart_path`, a series answer is also drawn there (PNG).
int RunAsk(const AppContext& context, const std::string& question, const std::string& format = "text",
           const std::string& chart_path = "");
int RunPlan(const AppContext& context, const std::string& question);
int RunRunPlan(const AppContext& context, const std::string& file);
int RunSql(const AppContext& context, const std::string& question);
int RunExplain(const AppContext& context, const std::string& question);
int RunStatus(const AppContext& context);
int RunChat(const AppContext& context);
int RunBot(const AppContext& context);
int RunServe(const AppContext& context);

}  // namespace videobot::app
