#include "telegram/database_state_store.hpp"

#include <string>
#include <variant>

namespace videobot::telegram {
namespace {

constexpr std::string_view kOffsetName = "telegram_offset";
constexpr std::string_view kDonePrefix = "telegram_done:";

/// The placeholder for parameter `index` (1-based) in the database's dialect.
std::string Placeholder(const db::Database& database, int index) {
  return (database.dialect() == sql::Dialect::kPostgres ? "$" : "?") + std::to_string(index);
}

sql::Query Upsert(const db::Database& database, std::string name, std::int64_t value) {
  sql::Query query;
  query.text = "INSERT INTO bot_state (name, value) VALUES (" + Placeholder(database, 1) + ", " +
               Placeholder(database, 2) + ") ON CONFLICT (name) DO UPDATE SET value = excluded.value";
  query.params = {std::move(name), value};
  return query;
}

std::string DoneName(std::int64_t id) { return std::string(kDonePrefix) + std::to_string(id); }

std::int64_t AsInteger(const db::Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  if (const auto* d = std::get_if<double>(&value)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return std::stoll(*s);
  return 0;
}

std::string AsText(const db::Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return {};
}

}  // namespace

DatabaseStateStore::DatabaseStateStore(Opener open) : open_(std::move(open)) {}

db::Database& DatabaseStateStore::Connection() {
  if (!database_) {
    synced_ = false;
    database_ = open_();
  }
  return *database_;
}

LedgerState DatabaseStateStore::Load() {
  try {
    db::Database& database = Connection();
    sql::Query query;
    query.text = "SELECT name, value FROM bot_state WHERE name = " + Placeholder(database, 1) +
                 " OR name LIKE " + Placeholder(database, 2) + " ORDER BY value";
    query.params = {std::string(kOffsetName), std::string(kDonePrefix) + "%"};
    query.shape = sql::Shape::kRows;
    LedgerState state;
    std::set<std::int64_t> done;
    for (const auto& row : database.Query(query)) {
      if (row.size() < 2) continue;
      const std::string name = AsText(row[0]);
      if (name == kOffsetName) {
        state.offset = AsInteger(row[1]);
      } else {
        done.insert(AsInteger(row[1]));
      }
    }
    for (const std::int64_t id : done) {
      if (id >= state.offset) state.done_ids.push_back(id);
    }
    persisted_done_ = std::move(done);
    synced_ = true;
    return state;
  } catch (const EnvironmentError&) {
    database_.reset();
    throw;
  }
}

void DatabaseStateStore::Save(const LedgerState& state) {
  db::Database* database = nullptr;
  try {
    database = &Connection();
    database->Begin();
    SaveIncrementally(*database, state);
    database->Commit();
  } catch (const EnvironmentError&) {
    if (database != nullptr) {
      try {
        database->Rollback();
      } catch (const EnvironmentError&) {
        // The connection is dropped below anyway.
      }
    }
    database_.reset();
    synced_ = false;
    throw;
  }
}

void DatabaseStateStore::SaveIncrementally(db::Database& database, const LedgerState& state) {
  if (!synced_) {
    // Unknown table contents (new connection, or a failed transaction): rewrite the done rows.
    sql::Query clear;
    clear.text = "DELETE FROM bot_state WHERE name LIKE " + Placeholder(database, 1);
    clear.params = {std::string(kDonePrefix) + "%"};
    database.Execute(clear);
    persisted_done_.clear();
  } else if (!persisted_done_.empty() && *persisted_done_.begin() < state.offset) {
    sql::Query prune;
    prune.text = "DELETE FROM bot_state WHERE name LIKE " + Placeholder(database, 1) + " AND value < " +
                 Placeholder(database, 2);
    prune.params = {std::string(kDonePrefix) + "%", state.offset};
    database.Execute(prune);
    persisted_done_.erase(persisted_done_.begin(), persisted_done_.lower_bound(state.offset));
  }
  std::set<std::int64_t> wanted(state.done_ids.begin(), state.done_ids.end());
  for (const std::int64_t id : persisted_done_) {
    if (!wanted.contains(id)) {
      sql::Query remove;
      remove.text = "DELETE FROM bot_state WHERE name = " + Placeholder(database, 1);
      remove.params = {DoneName(id)};
      database.Execute(remove);
    }
  }
  for (const std::int64_t id : wanted) {
    if (!persisted_done_.contains(id)) database.Execute(Upsert(database, DoneName(id), id));
  }
  database.Execute(Upsert(database, std::string(kOffsetName), state.offset));
  persisted_done_ = std::move(wanted);
  synced_ = true;
}

}  // namespace videobot::telegram
