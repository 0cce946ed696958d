#include "support/clickhouse_env.hpp"

#include <random>
#include <stdexcept>

#include "db/clickhouse_database.hpp"
#include "db/database.hpp"

namespace videobot::testing {
namespace {

std::string Suffix() {
  std::random_device device;
  std::mt19937_64 random(device());
  return std::to_string(random() % 1'000'000'000'000ULL);
}

// The URL with its database replaced by `database` (the options kept).
std::string WithDatabase(const std::string& url, const std::string& database) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme + 3);
  const auto question = url.find('?', slash);
  return url.substr(0, slash + 1) + database + (question == std::string::npos ? "" : url.substr(question));
}

std::string BaseUrl(bool cluster) {
  std::string url = Env(cluster ? "VIDEOBOT_TEST_CLICKHOUSE_CLUSTER_URL" : "VIDEOBOT_TEST_CLICKHOUSE_URL");
  if (url.empty()) throw std::runtime_error("no ClickHouse test server");
  return url;
}

void OnEveryHost(bool cluster, const std::string& statement) {
  auto database = db::Open(BaseUrl(cluster));
  auto& clickhouse = dynamic_cast<db::ClickHouseDatabase&>(*database);
  for (std::size_t host = 0; host < clickhouse.hosts().size(); ++host) clickhouse.ExecuteOn(host, statement);
}

}  // namespace

std::string ClickHouseUrlOf(bool cluster, const std::string& name) { return WithDatabase(BaseUrl(cluster), name); }

void CreateClickHouseDatabase(bool cluster, const std::string& name) {
  OnEveryHost(cluster, "CREATE DATABASE " + name);
}

void DropClickHouseDatabase(bool cluster, const std::string& name) {
  OnEveryHost(cluster, "DROP DATABASE IF EXISTS " + name);
}

ScratchClickHouse::ScratchClickHouse(bool cluster)
    : cluster_(cluster), name_("vb_" + Suffix()), url_(ClickHouseUrlOf(cluster, name_)) {
  CreateClickHouseDatabase(cluster_, name_);
}

ScratchClickHouse::~ScratchClickHouse() {
  try {
    DropClickHouseDatabase(cluster_, name_);
  } catch (const std::exception&) {
    // The servers are thrown away at the end of the run anyway.
  }
}

}  // namespace videobot::testing
