#pragma once
// Scratch databases on the throwaway ClickHouse servers started by scripts/with-clickhouse.sh.

#include <string>

#include "support/test_env.hpp"

namespace videobot::testing {

/// The URL of database `name` on the ClickHouse test server, or on the two-shard test cluster
/// (`cluster`).
std::string ClickHouseUrlOf(bool cluster, const std::string& name);

/// Creates database `name` on the test server or on every shard of the cluster, or drops it
/// there (when it exists). Databases several test processes share are made and removed with
/// these; ScratchClickHouse is the usual way.
void CreateClickHouseDatabase(bool cluster, const std::string& name);
void DropClickHouseDatabase(bool cluster, const std::string& name);

/// A fresh, uniquely named database on the ClickHouse test server (or on every shard of the
/// two-shard test cluster), dropped on destruction.
class ScratchClickHouse {
 public:
  /// `cluster`: on the two shards of VIDEOBOT_TEST_CLICKHOUSE_CLUSTER_URL; otherwise on the
  /// single server of VIDEOBOT_TEST_CLICKHOUSE_URL.
  explicit ScratchClickHouse(bool cluster);
  ~ScratchClickHouse();
  ScratchClickHouse(const ScratchClickHouse&) = delete;
  ScratchClickHouse& operator=(const ScratchClickHouse&) = delete;
  /// clickhouse:// URL of the scratch database.
  const std::string& url() const { return url_; }

 private:
  bool cluster_;
  std::string name_;
  std::string url_;
};

}  // namespace videobot::testing

/// Skips the test (or fails it under CI) when the ClickHouse test servers are not running.
#define VIDEOBOT_REQUIRE_CLICKHOUSE()                                                                  \
  do {                                                                                                 \
    if (::videobot::testing::Env("VIDEOBOT_TEST_CLICKHOUSE_URL").empty() ||                            \
        ::videobot::testing::Env("VIDEOBOT_TEST_CLICKHOUSE_CLUSTER_URL").empty()) {                    \
      if (::videobot::testing::InCi()) FAIL() << "CI must run ClickHouse tests (use scripts/test.sh)"; \
      GTEST_SKIP() << "no ClickHouse test servers: run through scripts/with-clickhouse.sh";            \
    }                                                                                                  \
  } while (0)
