// Commands that manage data: migrate, load, generate.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/output.hpp"
#include "db/load_progress.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"

namespace videobot::app {
namespace {

// A one-line progress indicator on stderr, shown only when stderr is a terminal; its line is
// ended before anything else is printed.
class ProgressBar {
 public:
  explicit ProgressBar(std::int64_t total)
      : total_(total), enabled_(isatty(STDERR_FILENO) != 0), started_(std::chrono::steady_clock::now()) {}
  ~ProgressBar() { Finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(const db::LoadProgress& progress) {
    if (!enabled_) return;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started_;
    // "\r" and clear to the end of the line: a shorter line leaves nothing of a longer one.
    fmt::print(stderr, "\r{}\x1b[K", db::FormatLoadProgress(progress, total_, elapsed.count()));
    std::fflush(stderr);
    shown_ = true;
  }

  /// Ends the progress line (once).
  void Finish() {
    if (enabled_ && shown_) fmt::print(stderr, "\n");
    shown_ = false;
  }

 private:
  std::int64_t total_;
  bool enabled_;
  std::chrono::steady_clock::time_point started_;
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
    if (!file_stream) return PrintEnvironmentError(fmt::format("cannot open file {}", file));
    file_stream.seekg(0, std::ios::end);
    total = file_stream.tellg();
    file_stream.seekg(0, std::ios::beg);
    input = &file_stream;
  }
  auto database = context.OpenDatabase(db::OpenMode::kCreate);
  // A fresh database is brought up to date first, so `load` works on its own.
  db::Migrate(*database);
  ProgressBar bar(total);
  auto stats = db::Load(
      *database, *input, [&bar](const db::LoadProgress& progress) { bar.Update(progress); }, options);
  bar.Finish();
  // Load errors are for the operator: code, JSON path and message.
  if (!stats) return PrintLoadError(stats.error());
  if (options.replace) {
    fmt::print(stderr, "loaded: {} videos, {} snapshots; removed {} videos absent from the file\n", stats->videos,
               stats->snapshots, stats->removed_videos);
  } else {
    fmt::print(stderr, "loaded: {} videos, {} snapshots\n", stats->videos, stats->snapshots);
  }
  return kExitOk;
}

int RunGenerate(const datagen::GeneratorOptions& options) {
  std::ios::sync_with_stdio(false);
  datagen::Generate(options, std::cout);
  std::cout.flush();
  return std::cout ? kExitOk : PrintEnvironmentError("cannot write the data to stdout");
}

}  // namespace videobot::app
