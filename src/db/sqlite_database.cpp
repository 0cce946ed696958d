#include "db/sqlite_database.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>

#include "db/engine_sql.hpp"
#include "db/schema_state.hpp"

namespace videobot::db {
namespace {

// The progress handler runs every this many virtual-machine instructions.
constexpr int kProgressInstructions = 1000;

bool IsBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n;") == std::string_view::npos; }

// SQLite reports an overflowing sum() or abs() as a plain SQLITE_ERROR with this message.
bool IsIntegerOverflow(sqlite3* handle, int rc) {
  return (rc & 0xff) == SQLITE_ERROR && handle != nullptr &&
         std::string_view(sqlite3_errmsg(handle)) == "integer overflow";
}

}  // namespace

const EngineSql& SqliteDatabase::engine() const { return SqliteEngine(); }

// sqlite3_errstr is a fixed description of the result code; sqlite3_errmsg (which may quote
// table and column names or values) stays out of messages.
[[noreturn]] void ThrowSqliteError(sqlite3* handle, int rc, std::string_view what) {
  const std::string message =
      "SQLite: " + std::string(what) + ": " + sqlite3_errstr(rc) + " (code " + std::to_string(rc) + ")";
  if ((rc & 0xff) == SQLITE_INTERRUPT) throw QueryTimeoutError(message + " (statement timeout)");
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) throw DatabaseBusyError(message);
  if (IsIntegerOverflow(handle, rc)) {
    throw ValueOutOfRangeError("SQLite: " + std::string(what) + ": a sum left the 64-bit integer range");
  }
  throw DatabaseError(message);
}

// Arms the statement deadline for the duration of one call.
class StatementDeadline {
 public:
  explicit StatementDeadline(SqliteDatabase& database) : database_(database) {
    if (database_.timeout_.count() > 0 && !database_.timeout_suspended_) {
      database_.deadline_ = std::chrono::steady_clock::now() + database_.timeout_;
      database_.deadline_armed_ = true;
    }
  }
  ~StatementDeadline() { database_.deadline_armed_ = false; }
  StatementDeadline(const StatementDeadline&) = delete;
  StatementDeadline& operator=(const StatementDeadline&) = delete;

 private:
  SqliteDatabase& database_;
};

SqliteStatement::SqliteStatement(sqlite3* handle, std::string_view sql) : handle_(handle) {
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(handle, sql.data(), static_cast<int>(sql.size()), &statement_, &tail);
  if (rc != SQLITE_OK) ThrowSqliteError(handle, rc, "cannot prepare a statement");
  if (statement_ == nullptr) throw DatabaseError("SQLite: empty statement");
  const std::size_t used = static_cast<std::size_t>(tail - sql.data());
  if (!IsBlank(sql.substr(used))) {
    sqlite3_finalize(statement_);
    throw DatabaseError("SQLite: exactly one statement expected, found more");
  }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

void SqliteStatement::Bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(statement_, index, value);
  if (rc != SQLITE_OK) ThrowSqliteError(handle_, rc, "cannot bind parameter " + std::to_string(index));
}

void SqliteStatement::Bind(int index, std::string_view value) {
  const int rc = sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) ThrowSqliteError(handle_, rc, "cannot bind parameter " + std::to_string(index));
}

bool SqliteStatement::Step() {
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // sqlite3_reset returns the same code and keeps the error message for ThrowSqliteError.
  sqlite3_reset(statement_);
  ThrowSqliteError(handle_, rc, "statement failed");
}

void SqliteStatement::Reset() { sqlite3_reset(statement_); }

SqliteDatabase::SqliteDatabase(const std::string& path, OpenMode mode, std::chrono::milliseconds busy_timeout) {
  const int create = mode == OpenMode::kCreate ? SQLITE_OPEN_CREATE : 0;
  const int flags = SQLITE_OPEN_READWRITE | create | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close(handle_);
    handle_ = nullptr;
    if (mode != OpenMode::kCreate && (rc & 0xff) == SQLITE_CANTOPEN && !std::filesystem::exists(path)) {
      throw NotInitialisedError(MissingDatabaseFileMessage(path));
    }
    throw DatabaseError("SQLite: cannot open «" + path + "»: " + sqlite3_errstr(rc));
  }
  sqlite3_extended_result_codes(handle_, 1);
  // Other connections' locks (a load's write transaction, a checkpoint) are waited for this long.
  sqlite3_busy_timeout(handle_, static_cast<int>(std::min<std::int64_t>(busy_timeout.count(), INT32_MAX)));
  // No statement may attach another database file: sqlite3_stmt_readonly() counts ATTACH as
  // read-only, so without this limit Query would let one create a file anywhere.
  sqlite3_limit(handle_, SQLITE_LIMIT_ATTACHED, 0);
  try {
    // Checked before the pragmas: switching to WAL would write to a file that is no database yet.
    if (mode != OpenMode::kCreate) RequireReadableSchema(*this, mode == OpenMode::kCurrent);
    // WAL lets readers (the bot, ask) run while a load is in progress; NORMAL sync is durable
    // across application crashes in WAL mode.
    Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
  } catch (...) {
    sqlite3_close(handle_);
    throw;
  }
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close(handle_); }

int SqliteDatabase::OnProgress(void* self) {
  auto* database = static_cast<SqliteDatabase*>(self);
  return database->deadline_armed_ && std::chrono::steady_clock::now() > database->deadline_ ? 1 : 0;
}

void SqliteDatabase::SetStatementTimeout(std::chrono::milliseconds timeout) {
  timeout_ = timeout.count() > 0 ? timeout : std::chrono::milliseconds{0};
  if (timeout_.count() > 0) {
    sqlite3_progress_handler(handle_, kProgressInstructions, &SqliteDatabase::OnProgress, this);
  } else {
    sqlite3_progress_handler(handle_, 0, nullptr, nullptr);
  }
}

void SqliteDatabase::Bind(SqliteStatement& statement, const sql::Query& query) {
  const int expected = sqlite3_bind_parameter_count(statement.get());
  if (expected != static_cast<int>(query.params.size())) {
    throw DatabaseError("SQLite: statement expects " + std::to_string(expected) + " parameters, got " +
                        std::to_string(query.params.size()));
  }
  int index = 1;
  for (const auto& param : query.params) {
    std::visit([&](const auto& value) { statement.Bind(index, value); }, param);
    ++index;
  }
}

std::vector<Row> SqliteDatabase::Query(const sql::Query& query) {
  StatementDeadline deadline(*this);
  SqliteStatement statement(handle_, query.text);
  if (sqlite3_stmt_readonly(statement.get()) == 0) {
    throw DatabaseError("SQLite: Query runs read-only statements only");
  }
  Bind(statement, query);
  std::vector<Row> rows;
  const int columns = sqlite3_column_count(statement.get());
  while (statement.Step()) {
    Row row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(statement.get(), c)) {
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(statement.get(), c)));
          break;
        case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(statement.get(), c)); break;
        case SQLITE_NULL: row.emplace_back(std::monostate{}); break;
        default: {
          const auto* text = sqlite3_column_text(statement.get(), c);
          const int size = sqlite3_column_bytes(statement.get(), c);
          row.emplace_back(std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)));
        }
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void SqliteDatabase::Execute(std::string_view statements) {
  StatementDeadline deadline(*this);
  const std::string text(statements);
  char* error = nullptr;
  const int rc = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);
  if (rc != SQLITE_OK) ThrowSqliteError(handle_, rc, "statement failed");
}

void SqliteDatabase::Execute(const sql::Query& statement) {
  StatementDeadline deadline(*this);
  SqliteStatement prepared(handle_, statement.text);
  Bind(prepared, statement);
  while (prepared.Step()) {
  }
}

void SqliteDatabase::Begin() { Execute("BEGIN IMMEDIATE"); }

void SqliteDatabase::Commit() { Execute("COMMIT"); }

void SqliteDatabase::Rollback() {
  // After some errors SQLite has already rolled the transaction back itself.
  if (sqlite3_get_autocommit(handle_) == 0) Execute("ROLLBACK");
}

}  // namespace videobot::db
