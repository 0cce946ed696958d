#pragma once
// The ClickHouse implementation of Database over its HTTP interface (internal to db/), through
// the product's libcurl client. ClickHouse has no transactions: Begin/Commit/Rollback do nothing,
// and the loader makes its writes safe by staging tables and a RENAME switch instead.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "db/clickhouse_url.hpp"
#include "db/database.hpp"
#include "net/http_client.hpp"

namespace videobot::db {

class ClickHouseDatabase final : public Database {
 public:
  /// Connects to the first host of `url` that answers (a cluster's questions and loads go
  /// through its Distributed tables). Throws DatabaseError when none answers; the message never
  /// holds the password.
  ClickHouseDatabase(const ClickHouseUrl& url, std::string redacted_url);

  sql::Dialect dialect() const override { return sql::Dialect::kClickHouse; }
  const EngineSql& engine() const override;
  std::vector<Row> Query(const sql::Query& query) override;
  void Execute(std::string_view statements) override;
  void Execute(const sql::Query& statement) override;
  void Begin() override {}
  void Commit() override {}
  void Rollback() override {}
  void SetStatementTimeout(std::chrono::milliseconds timeout) override { statement_timeout_ = timeout; }
  /// Applies migrations/clickhouse/ on every host (clickhouse_migrations.hpp).
  std::vector<AppliedMigration> ApplyMigrations() override;
  /// Stages the rows and switches them in at the end (clickhouse_load.hpp); `replace` is
  /// applied by the switch.
  std::unique_ptr<LoadSink> MakeLoadSink(bool replace) override;

  /// The URL's hosts, the one in use, and the cluster name ("" for a single server).
  const std::vector<std::string>& hosts() const { return url_.hosts; }
  std::size_t active_host() const { return active_; }
  const std::string& cluster() const { return url_.cluster; }
  const std::string& database() const { return url_.database; }
  bool is_cluster() const { return !url_.cluster.empty(); }

  /// Runs one statement on host `host` (an index into hosts()), for per-shard DDL and loads.
  void ExecuteOn(std::size_t host, std::string_view statement);
  /// Runs a query on host `host` and returns its rows.
  std::vector<Row> QueryOn(std::size_t host, std::string_view query);
  /// Streams `rows` (TabSeparated, one line per row) into `table` on the active host
  /// (`INSERT INTO table FORMAT TabSeparated`); through a Distributed table, synchronously.
  void InsertTabSeparated(std::string_view table, std::string rows);

 private:
  net::HttpResponse Post(std::size_t host, std::string_view query, std::string body, bool timed);
  std::string Send(std::size_t host, std::string_view query, std::string body = {}, bool timed = true);

  ClickHouseUrl url_;
  std::string redacted_url_;
  std::unique_ptr<net::HttpClient> http_;
  std::size_t active_ = 0;
  std::chrono::milliseconds statement_timeout_{0};
};

/// Splits a script into statements at `;` outside quotes; drops -- comments and empty ones.
std::vector<std::string> SplitStatements(std::string_view script);

}  // namespace videobot::db
