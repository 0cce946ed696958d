// Loader benchmark driver: generates data sets and loads them, printing throughput figures.
//   loader_bench generate VIDEOS SEED > FILE
//   loader_bench migrate URL
//   loader_bench load URL FILE|-        (migrates first; prints videos, snapshots, bytes, seconds, rows/s)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "datagen/generator.hpp"
#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"

namespace {

int Generate(int videos, std::uint64_t seed) {
  std::ios::sync_with_stdio(false);
  videobot::datagen::GeneratorOptions options;
  options.videos = videos;
  options.creators = std::max(1, videos / 18);
  options.seed = seed;
  videobot::datagen::Generate(options, std::cout);
  return 0;
}

int Load(const std::string& url, const std::string& path) {
  auto database = videobot::db::Open(url);
  videobot::db::Migrate(*database);
  std::ifstream file;
  std::istream* input = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      std::cerr << "cannot open " << path << "\n";
      return 1;
    }
    input = &file;
  }
  const auto start = std::chrono::steady_clock::now();
  auto stats = videobot::db::Load(*database, *input);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!stats) {
    std::cerr << stats.error().Describe() << "\n";
    return 2;
  }
  const double rows = static_cast<double>(stats->videos + stats->snapshots);
  std::printf("videos=%lld snapshots=%lld bytes=%lld seconds=%.2f rows_per_second=%.0f mb_per_second=%.1f\n",
              static_cast<long long>(stats->videos), static_cast<long long>(stats->snapshots),
              static_cast<long long>(stats->bytes), seconds, rows / seconds,
              static_cast<double>(stats->bytes) / seconds / 1e6);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "generate" && argc == 4) return Generate(std::atoi(argv[2]), std::strtoull(argv[3], nullptr, 10));
    if (command == "load" && argc == 4) return Load(argv[2], argv[3]);
    if (command == "migrate" && argc == 3) {
      videobot::db::Migrate(*videobot::db::Open(argv[2]));
      return 0;
    }
    std::cerr << "usage: loader_bench generate VIDEOS SEED | migrate URL | load URL FILE|-\n";
    return 64;
  } catch (const std::exception& error) {
    std::cerr << error.what() << "\n";
    return 1;
  }
}
