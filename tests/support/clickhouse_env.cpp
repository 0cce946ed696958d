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

}  // namespace

ScratchClickHouse::ScratchClickHouse(bool cluster)
    : base_url_(Env(cluster ? "VIDEOBOT_TEST_CLICKHOUSE_CLUSTER_URL" : "VIDEOBOT_TEST_CLICKHOUSE_URL")),
      name_("vb_" + Suffix()) {
  if (base_url_.empty()) throw std::runtime_error("no ClickHouse test server");
  OnEveryHost("CREATE DATABASE " + name_);
  url_ = WithDatabase(base_url_, name_);
}

ScratchClickHouse::~ScratchClickHouse() {
  try {
    OnEveryHost("DROP DATABASE IF EXISTS " + name_);
  } catch (const std::exception&) {
    // The servers are thrown away at the end of the run anyway.
  }
}

void ScratchClickHouse::OnEveryHost(const std::string& statement) const {
  auto database = db::Open(base_url_);
  auto& clickhouse = dynamic_cast<db::ClickHouseDatabase&>(*database);
  for (std::size_t host = 0; host < clickhouse.hosts().size(); ++host) clickhouse.ExecuteOn(host, statement);
}

}  // namespace videobot::testing
