#pragma once
// Fresh databases of either backend for the db tests, and helpers to read them back.

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "support/test_env.hpp"

namespace videobot::db::testing {

enum class Backend { kSqlite, kPostgres };

std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

/// Short names in test listings.
void PrintTo(Backend backend, std::ostream* out);

/// A fresh, empty database of one backend (a file in a temporary directory, or a scratch
/// PostgreSQL database), with a connection open on it.
class FreshDatabase {
 public:
  explicit FreshDatabase(Backend backend);
  const std::string& url() const { return url_; }
  Database& db() { return *database_; }
  /// Another connection to the same database.
  std::unique_ptr<Database> Connect() const { return Open(url_); }
  bool postgres() const { return backend_ == Backend::kPostgres; }

 private:
  Backend backend_;
  std::optional<videobot::testing::TempDir> dir_;
  std::optional<videobot::testing::ScratchPostgres> scratch_;
  std::string url_;
  std::unique_ptr<Database> database_;
};

/// A fixture parameterised by backend; PostgreSQL cases skip (fail under CI) without a cluster.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  Database& db() { return fresh_->db(); }
  FreshDatabase& fresh() { return *fresh_; }
  bool postgres() const { return GetParam() == Backend::kPostgres; }

 private:
  std::optional<FreshDatabase> fresh_;
};

/// A value rendered as text for comparisons ("NULL" for null).
std::string Text(const Value& value);

/// Every row of both data tables, all columns as text, timestamps as microseconds, ordered by id.
std::vector<std::string> DumpTables(Database& database);

/// An SQL expression giving `column` (a timestamp) as int64 microseconds since the epoch.
std::string MicrosExpr(const Database& database, const std::string& column);

/// The single integer of a one-row, one-column query.
std::int64_t QueryInt(Database& database, const std::string& sql);

}  // namespace videobot::db::testing
