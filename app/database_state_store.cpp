#include "app/database_state_store.hpp"

#include <utility>

namespace videobot::app {

DatabaseStateStore::DatabaseStateStore(db::BotStateStore::Opener open) : store_(std::move(open)) {}

telegram::LedgerState DatabaseStateStore::Load(std::int64_t bot_id) {
  db::BotLedger ledger = store_.Load(bot_id);
  return telegram::LedgerState{ledger.offset, std::move(ledger.done_ids)};
}

void DatabaseStateStore::Save(std::int64_t bot_id, const telegram::LedgerState& state) {
  try {
    store_.Save(bot_id, db::BotLedger{state.offset, state.done_ids});
  } catch (const db::DatabaseBusyError& error) {
    throw telegram::StateStoreBusy(error.what());
  }
}

}  // namespace videobot::app
