#include "db/postgres_database.hpp"

#include <charconv>
#include <cstdlib>

#include "db/connection_url.hpp"
#include "db/engine_sql.hpp"

namespace videobot::db {
namespace {

// Type OIDs from pg_type.h (stable across PostgreSQL versions).
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

constexpr std::string_view kQueryCanceled = "57014";
constexpr std::string_view kNumericValueOutOfRange = "22003";
constexpr std::string_view kDatetimeFieldOverflow = "22008";

// Fixed names of SQLSTATE conditions (PostgreSQL's errcodes), most specific first: a message
// names the condition, never the server's text.
struct Condition {
  std::string_view prefix;
  std::string_view name;
};
constexpr Condition kConditions[] = {
    {"42501", "permission denied"},
    {"42P01", "undefined table"},
    {"42703", "undefined column"},
    {"42601", "syntax error"},
    {"25006", "read-only transaction"},
    {"40001", "serialization failure"},
    {"40P01", "deadlock detected"},
    {"53100", "disk full"},
    {"53200", "out of memory"},
    {"57P01", "server shutting down"},
    {"08", "connection exception"},
    {"22", "data exception"},
    {"23", "integrity constraint violation"},
    {"25", "invalid transaction state"},
    {"28", "invalid authorization"},
    {"3D", "database does not exist"},
    {"40", "transaction rollback"},
    {"42", "syntax error or access rule violation"},
    {"53", "insufficient resources"},
    {"54", "program limit exceeded"},
    {"55", "object not in prerequisite state"},
    {"57", "operator intervention"},
    {"58", "system error"},
    {"XX", "internal error"},
};

std::string_view ConditionName(std::string_view state) {
  for (const auto& condition : kConditions) {
    if (state.starts_with(condition.prefix)) return condition.name;
  }
  return "error";
}

std::string Trim(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

Value ToValue(const PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column) != 0) return std::monostate{};
  const char* text = PQgetvalue(result, row, column);
  const auto size = static_cast<std::size_t>(PQgetlength(result, row, column));
  switch (PQftype(result, column)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      std::int64_t value = 0;
      const auto parsed = std::from_chars(text, text + size, value);
      if (parsed.ec != std::errc{}) throw DatabaseError("PostgreSQL: an integer column holds an unreadable value");
      return value;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: return std::strtod(text, nullptr);
    default: return std::string(text, size);
  }
}

}  // namespace

const EngineSql& PostgresDatabase::engine() const { return PostgresEngine(); }

PostgresDatabase::PostgresDatabase(const std::string& url) : url_(url) {
  // application_name comes first so that one given in the URL wins; dbname is expanded as a
  // full URI or conninfo string.
  const char* keywords[] = {"application_name", "dbname", nullptr};
  const char* values[] = {"videobot", url.c_str(), nullptr};
  connection_ = PQconnectdbParams(keywords, values, 1);
  if (connection_ == nullptr) throw DatabaseError("PostgreSQL: out of memory while connecting");
  if (PQstatus(connection_) != CONNECTION_OK) {
    std::string message = Trim(PQerrorMessage(connection_));
    PQfinish(connection_);
    connection_ = nullptr;
    throw DatabaseError(ScrubPassword("PostgreSQL: cannot connect to «" + RedactUrl(url) + "»: " + message, url));
  }
  // Server notices ("relation … already exists, skipping") are not for the user's terminal.
  PQsetNoticeProcessor(
      connection_, [](void*, const char*) {}, nullptr);
  try {
    Execute("SET TimeZone = 'UTC'");
  } catch (...) {
    PQfinish(connection_);
    throw;
  }
}

PostgresDatabase::~PostgresDatabase() { PQfinish(connection_); }

std::string PostgresDatabase::SqlState(const PGresult* result) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return state != nullptr ? state : "";
}

void PostgresDatabase::Fail(const PGresult* result, std::string_view what) const {
  const std::string state = SqlState(result);
  if (state.empty()) {
    const bool lost = connection_ == nullptr || PQstatus(connection_) != CONNECTION_OK;
    throw DatabaseError("PostgreSQL: " + std::string(what) +
                        (lost ? ": the connection to the server is lost" : ": no result from the server"));
  }
  const std::string message =
      "PostgreSQL: " + std::string(what) + ": " + std::string(ConditionName(state)) + " (SQLSTATE " + state + ")";
  if (state == kQueryCanceled) throw QueryTimeoutError(message + " (statement timeout)");
  if (state == kNumericValueOutOfRange || state == kDatetimeFieldOverflow) {
    throw ValueOutOfRangeError("PostgreSQL: " + std::string(what) + ": a value left the range of its type (SQLSTATE " +
                               state + ")");
  }
  throw DatabaseError(message);
}

PgResult PostgresDatabase::Check(PGresult* raw) const {
  PgResult result(raw);
  const auto status = result != nullptr ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_COPY_IN) Fail(result.get());
  return result;
}

PgResult PostgresDatabase::ExecParams(const sql::Query& query) const {
  std::vector<std::string> texts;
  texts.reserve(query.params.size());
  for (const auto& param : query.params) {
    if (const auto* number = std::get_if<std::int64_t>(&param)) {
      texts.push_back(std::to_string(*number));
    } else {
      texts.push_back(std::get<std::string>(param));
    }
  }
  std::vector<const char*> values;
  values.reserve(texts.size());
  for (const auto& text : texts) values.push_back(text.c_str());
  // All parameters travel as text with server-inferred types; the SQL carries explicit casts.
  return Check(PQexecParams(connection_, query.text.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                            nullptr, nullptr, 0));
}

std::vector<Row> PostgresDatabase::Query(const sql::Query& query) {
  const bool own_transaction = PQtransactionStatus(connection_) == PQTRANS_IDLE;
  if (own_transaction) Execute("BEGIN READ ONLY");
  PgResult result;
  try {
    result = ExecParams(query);
    if (own_transaction) Execute("COMMIT");
  } catch (...) {
    if (own_transaction) PgResult(PQexec(connection_, "ROLLBACK"));
    throw;
  }
  std::vector<Row> rows;
  const int row_count = PQntuples(result.get());
  const int columns = PQnfields(result.get());
  rows.reserve(static_cast<std::size_t>(row_count));
  for (int r = 0; r < row_count; ++r) {
    Row row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) row.push_back(ToValue(result.get(), r, c));
    rows.push_back(std::move(row));
  }
  return rows;
}

void PostgresDatabase::Execute(std::string_view statements) {
  const std::string text(statements);
  Check(PQexec(connection_, text.c_str()));
}

void PostgresDatabase::Execute(const sql::Query& statement) { ExecParams(statement); }

void PostgresDatabase::Begin() { Execute("BEGIN"); }

void PostgresDatabase::Commit() { Execute("COMMIT"); }

void PostgresDatabase::Rollback() {
  if (PQtransactionStatus(connection_) != PQTRANS_IDLE) Execute("ROLLBACK");
}

void PostgresDatabase::SetStatementTimeout(std::chrono::milliseconds timeout) {
  const long long ms = timeout.count() > 0 ? static_cast<long long>(timeout.count()) : 0;
  Execute("SET statement_timeout = " + std::to_string(ms));
}

}  // namespace videobot::db
