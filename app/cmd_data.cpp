// Commands that manage data: migrate, load, generate.
#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/output.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"

namespace videobot::app {
namespace {

// A one-line progress indicator on stderr, shown only when stderr is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(std::int64_t total) : total_(total), enabled_(isatty(STDERR_FILENO) != 0) {}
  ~ProgressBar() {
    if (enabled_ && shown_) fmt::print(stderr, "\n");
  }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(std::int64_t bytes) {
    if (!enabled_) return;
    shown_ = true;
    if (total_ > 0) {
      const int percent = static_cast<int>(100 * bytes / total_);
      const int filled = percent / 4;
      fmt::print(stderr, "\rзагрузка [{:<25}] {:3}% {} МБ", std::string(static_cast<std::size_t>(filled), '#'),
                 percent, bytes >> 20);
    } else {
      fmt::print(stderr, "\rзагрузка: {} МБ", bytes >> 20);
    }
  }

 private:
  std::int64_t total_;
  bool enabled_;
  bool shown_ = false;
};

void PrintApplied(const std::vector<db::AppliedMigration>& applied) {
  if (applied.empty()) {
    fmt::print("migrations: up to date\n");
    return;
  }
  for (const auto& migration : applied) fmt::print("applied {}\n", migration.name);
}

}  // namespace

int RunMigrate(const AppContext& context) {
  auto database = context.OpenDatabase(db::OpenMode::kCreate);
  PrintApplied(db::Migrate(*database));
  return kExitOk;
}

int RunLoad(const AppContext& context, const std::string& file, const db::LoadOptions& options) {
  std::ifstream file_stream;
  std::istream* input = &std::cin;
  std::int64_t total = 0;
  if (file != "-") {
    file_stream.open(file, std::ios::binary);
    if (!file_stream) return PrintEnvironmentError(fmt::format("не удалось открыть файл {}", file));
    file_stream.seekg(0, std::ios::end);
    total = file_stream.tellg();
    file_stream.seekg(0, std::ios::beg);
    input = &file_stream;
  }
  auto database = context.OpenDatabase(db::OpenMode::kCreate);
  // A fresh database is brought up to date first, so `load` works on its own.
  db::Migrate(*database);
  ProgressBar bar(total);
  auto stats = db::Load(*database, *input, [&bar](std::int64_t bytes) { bar.Update(bytes); }, options);
  // Load errors are for the operator: code, JSON path and message.
  if (!stats) return PrintLoadError(stats.error());
  if (options.replace) {
    fmt::print(stderr, "загружено: {} видео, {} замеров; удалено видео, которых нет в файле: {}\n", stats->videos,
               stats->snapshots, stats->removed_videos);
  } else {
    fmt::print(stderr, "загружено: {} видео, {} замеров\n", stats->videos, stats->snapshots);
  }
  return kExitOk;
}

int RunGenerate(const datagen::GeneratorOptions& options) {
  std::ios::sync_with_stdio(false);
  datagen::Generate(options, std::cout);
  std::cout.flush();
  return std::cout ? kExitOk : PrintEnvironmentError("не удалось записать данные в stdout");
}

}  // namespace videobot::app
