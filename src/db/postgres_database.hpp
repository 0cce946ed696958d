#pragma once
// The PostgreSQL implementation of Database over libpq (internal to db/). Sessions are pinned to
// UTC and identify themselves as application_name=videobot.

#include <libpq-fe.h>

#include <chrono>
#include <memory>
#include <string>

#include "db/database.hpp"

namespace videobot::db {

/// Owns a PGresult.
struct PgResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, PgResultDeleter>;

/// One libpq connection.
class PostgresDatabase final : public Database {
 public:
  /// Connects to `url` (a libpq URI or conninfo string). Throws DatabaseError; the message
  /// never contains the password.
  explicit PostgresDatabase(const std::string& url);
  ~PostgresDatabase() override;
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
  const EngineSql& engine() const override;
  std::vector<Row> Query(const sql::Query& query) override;
  void Execute(std::string_view statements) override;
  void Execute(const sql::Query& statement) override;
  void Begin() override;
  void Commit() override;
  void Rollback() override;
  void SetStatementTimeout(std::chrono::milliseconds timeout) override;
  std::unique_ptr<LoadSink> MakeLoadSink(bool replace) override;

  /// The raw connection, for the bulk loader's COPY.
  PGconn* connection() const { return connection_; }

  /// Checks that `result` succeeded (TUPLES_OK, COMMAND_OK or COPY_IN); otherwise throws
  /// DatabaseError (see Fail).
  PgResult Check(PGresult* result) const;

  /// Throws the DatabaseError for a failed `result` (null: the connection's failure): a
  /// QueryTimeoutError for a cancelled statement, a ValueOutOfRangeError for a value out of its
  /// type's range. The message names what failed and its SQLSTATE, never the statement or
  /// the server's own words (which may quote values).
  [[noreturn]] void Fail(const PGresult* result, std::string_view what = "statement failed") const;

  /// The SQLSTATE of a failed result ("" when none).
  static std::string SqlState(const PGresult* result);

 private:
  PgResult ExecParams(const sql::Query& query) const;

  PGconn* connection_ = nullptr;
  std::string url_;
};

}  // namespace videobot::db
