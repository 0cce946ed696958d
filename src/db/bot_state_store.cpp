#include "db/bot_state_store.hpp"

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "db/engine_sql.hpp"

namespace videobot::db {
namespace {

std::string OffsetName(std::int64_t bot_id) { return "telegram_offset:" + std::to_string(bot_id); }

std::string DonePrefix(std::int64_t bot_id) { return "telegram_done:" + std::to_string(bot_id) + ":"; }

/// The placeholder for parameter `index` (1-based) in the database's engine.
std::string Placeholder(const Database& database, int index) { return database.engine().Placeholder(index); }

/// One statement writing every (name, value) row, replacing rows that exist.
sql::Query UpsertAll(const Database& database, const std::vector<std::pair<std::string, std::int64_t>>& rows) {
  sql::Query query;
  query.text = "INSERT INTO bot_state (name, value) VALUES ";
  int index = 1;
  for (const auto& [name, value] : rows) {
    if (index > 1) query.text += ", ";
    query.text += "(" + Placeholder(database, index) + ", " + Placeholder(database, index + 1) + ")";
    index += 2;
    query.params.emplace_back(name);
    query.params.emplace_back(value);
  }
  query.text += " ON CONFLICT (name) DO UPDATE SET value = excluded.value";
  return query;
}

std::string DoneName(std::int64_t bot_id, std::int64_t id) { return DonePrefix(bot_id) + std::to_string(id); }

std::int64_t AsInteger(const Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return *i;
  if (const auto* d = std::get_if<double>(&value)) return static_cast<std::int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&value)) return std::stoll(*s);
  return 0;
}

std::string AsText(const Value& value) {
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  return {};
}

}  // namespace

BotStateStore::BotStateStore(Opener open) : open_(std::move(open)) {}

Database& BotStateStore::Connection() {
  if (!database_) {
    synced_ = false;
    database_ = open_();
  }
  return *database_;
}

BotLedger BotStateStore::Load(std::int64_t bot_id) {
  try {
    Database& database = Connection();
    sql::Query query;
    query.text = "SELECT name, value FROM bot_state WHERE name = " + Placeholder(database, 1) + " OR name LIKE " +
                 Placeholder(database, 2) + " ORDER BY value";
    query.params = {OffsetName(bot_id), DonePrefix(bot_id) + "%"};
    query.shape = sql::Shape::kRows;
    BotLedger state;
    std::set<std::int64_t> done;
    for (const auto& row : database.Query(query)) {
      if (row.size() < 2) continue;
      const std::string name = AsText(row[0]);
      if (name == OffsetName(bot_id)) {
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
    synced_bot_ = bot_id;
    return state;
  } catch (const EnvironmentError&) {
    database_.reset();
    throw;
  }
}

void BotStateStore::Save(std::int64_t bot_id, const BotLedger& state) {
  Database* database = nullptr;
  try {
    database = &Connection();
    database->Begin();
    SaveIncrementally(*database, bot_id, state);
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

void BotStateStore::SaveIncrementally(Database& database, std::int64_t bot_id, const BotLedger& state) {
  if (!synced_ || synced_bot_ != bot_id) {
    // Unknown table contents (new connection, or a failed transaction): rewrite the done rows.
    sql::Query clear;
    clear.text = "DELETE FROM bot_state WHERE name LIKE " + Placeholder(database, 1);
    clear.params = {DonePrefix(bot_id) + "%"};
    database.Execute(clear);
    persisted_done_.clear();
  } else if (!persisted_done_.empty() && *persisted_done_.begin() < state.offset) {
    sql::Query prune;
    prune.text = "DELETE FROM bot_state WHERE name LIKE " + Placeholder(database, 1) + " AND value < " +
                 Placeholder(database, 2);
    prune.params = {DonePrefix(bot_id) + "%", state.offset};
    database.Execute(prune);
    persisted_done_.erase(persisted_done_.begin(), persisted_done_.lower_bound(state.offset));
  }
  std::set<std::int64_t> wanted(state.done_ids.begin(), state.done_ids.end());
  for (const std::int64_t id : persisted_done_) {
    if (!wanted.contains(id)) {
      sql::Query remove;
      remove.text = "DELETE FROM bot_state WHERE name = " + Placeholder(database, 1);
      remove.params = {DoneName(bot_id, id)};
      database.Execute(remove);
    }
  }
  std::vector<std::pair<std::string, std::int64_t>> rows = {{OffsetName(bot_id), state.offset}};
  for (const std::int64_t id : wanted) {
    if (!persisted_done_.contains(id)) rows.emplace_back(DoneName(bot_id, id), id);
  }
  database.Execute(UpsertAll(database, rows));
  persisted_done_ = std::move(wanted);
  synced_ = true;
  synced_bot_ = bot_id;
}

}  // namespace videobot::db
