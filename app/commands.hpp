#pragma once
// One function per CLI command; each returns the process exit status (cli.hpp).

#include <string>

#include "app/context.hpp"
#include "datagen/generator.hpp"
#include "db/loader.hpp"

namespace videobot::app {

int RunMigrate(const AppContext& context);
int RunLoad(const AppContext& context, const std::string& file, const db::LoadOptions& options = {});
int RunGenerate(const datagen::GeneratorOptions& options);
int RunAsk(const AppContext& context, const std::string& question);
int RunPlan(const AppContext& context, const std::string& question);
int RunRunPlan(const AppContext& context, const std::string& file);
int RunSql(const AppContext& context, const std::string& question);
int RunChat(const AppContext& context);
int RunBot(const AppContext& context);
int RunServe(const AppContext& context);

}  // namespace videobot::app
