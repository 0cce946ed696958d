#include "db/clickhouse_migrations.hpp"

#include <fmt/format.h>

#include <map>

#include "common/time.hpp"
#include "db/clickhouse_literal.hpp"
#include "db/migration_files.hpp"
#include "db/schema_state.hpp"

namespace videobot::db {
namespace {

constexpr std::string_view kCreateBookkeeping =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version Int64, name String, checksum String, applied_at Int64)"
    " ENGINE = TinyLog";

std::string AsText(const Value& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return "";
}

std::map<int, std::string> RecordedChecksums(ClickHouseDatabase& database, std::size_t host) {
  std::map<int, std::string> out;
  for (const auto& row : database.QueryOn(host, "SELECT version, checksum FROM schema_migrations")) {
    if (row.size() != 2 || !std::holds_alternative<std::int64_t>(row[0])) {
      throw MigrationError("schema_migrations has an unexpected shape");
    }
    out[static_cast<int>(std::get<std::int64_t>(row[0]))] = AsText(row[1]);
  }
  return out;
}

void Verify(const std::map<int, std::string>& recorded, const std::vector<MigrationFile>& files,
            const std::string& host) {
  const int known = files.empty() ? 0 : files.back().version;
  for (const auto& [version, checksum] : recorded) {
    if (version > known) throw MigrationError(SchemaTooNewMessage(recorded.rbegin()->first, known));
    for (const auto& file : files) {
      if (file.version == version && file.checksum != checksum) {
        throw MigrationError(
            fmt::format("migration {} was changed after it was applied on {}: recorded checksum "
                        "{}, embedded file {}",
                        file.name, host, checksum, file.checksum));
      }
    }
  }
}

std::string Directive(const ClickHouseDatabase& database, std::string_view body) {
  const auto colon = body.find(':');
  const std::string_view table = body.substr(0, colon);
  const std::string_view key = colon == std::string_view::npos ? std::string_view() : body.substr(colon + 1);
  if (!database.is_cluster()) return "";
  return fmt::format("CREATE TABLE IF NOT EXISTS {0} AS {0}_local ENGINE = Distributed({1}, {2}, {0}_local, {3})",
                     table, database.cluster(), database.database(), key);
}

}  // namespace

std::string LocalTable(const ClickHouseDatabase& database, std::string_view table) {
  return database.is_cluster() ? std::string(table) + "_local" : std::string(table);
}

std::string ExpandClickHouseMigration(const ClickHouseDatabase& database, std::string_view text) {
  std::string out;
  while (true) {
    const auto open = text.find('{');
    if (open == std::string_view::npos) break;
    const auto close = text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(0, open));
    const std::string_view macro = text.substr(open + 1, close - open - 1);
    if (macro.starts_with("local:")) {
      out += LocalTable(database, macro.substr(6));
    } else if (macro.starts_with("distributed:")) {
      out += Directive(database, macro.substr(12));
    } else {
      out.append(text.substr(open, close - open + 1));
    }
    text = text.substr(close + 1);
  }
  out.append(text);
  return out;
}

std::vector<AppliedMigration> ClickHouseDatabase::ApplyMigrations() {
  const auto files = EmbeddedMigrations(dialect());
  std::vector<AppliedMigration> applied;
  for (std::size_t host = 0; host < hosts().size(); ++host) {
    ExecuteOn(host, kCreateBookkeeping);
    const auto recorded = RecordedChecksums(*this, host);
    Verify(recorded, files, hosts()[host]);
    for (const auto& file : files) {
      if (recorded.contains(file.version)) continue;
      for (const auto& statement : SplitStatements(ExpandClickHouseMigration(*this, file.sql))) {
        ExecuteOn(host, statement);
      }
      ExecuteOn(host, fmt::format("INSERT INTO schema_migrations VALUES ({}, {}, {}, {})", file.version,
                                  ClickHouseLiteral(file.name), ClickHouseLiteral(file.checksum), SystemClock().Now()));
      if (host == 0) applied.push_back(AppliedMigration{file.version, file.name});
    }
  }
  return applied;
}

}  // namespace videobot::db
