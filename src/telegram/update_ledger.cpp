#include "telegram/update_ledger.hpp"

#include <algorithm>

namespace videobot::telegram {

UpdateLedger::UpdateLedger(const LedgerState& restored) : seen_until_(restored.offset) {
  for (const std::int64_t id : restored.done_ids) {
    if (id >= restored.offset) entries_.emplace(id, true);
  }
}

std::vector<Update> UpdateLedger::Admit(std::vector<Update> batch) {
  std::sort(batch.begin(), batch.end(), [](const Update& a, const Update& b) { return a.update_id < b.update_id; });
  std::vector<Update> fresh;
  for (auto& update : batch) {
    const std::int64_t id = update.update_id;
    if (entries_.contains(id)) continue;
    // Below seen_until_ and not tracked: handled and pruned, or confirmed in an earlier run.
    if (id < seen_until_) continue;
    entries_.emplace(id, false);
    ++in_progress_;
    fresh.push_back(std::move(update));
  }
  if (!batch.empty()) seen_until_ = std::max(seen_until_, batch.back().update_id + 1);
  Prune();
  return fresh;
}

void UpdateLedger::Complete(std::int64_t update_id) {
  const auto it = entries_.find(update_id);
  if (it == entries_.end() || it->second) return;
  it->second = true;
  --in_progress_;
  Prune();
}

std::int64_t UpdateLedger::Offset() const {
  for (const auto& [id, done] : entries_) {
    if (!done) return id;
    if (id >= seen_until_) break;
  }
  return seen_until_;
}

void UpdateLedger::Prune() {
  const std::int64_t offset = Offset();
  entries_.erase(entries_.begin(), entries_.lower_bound(offset));
}

LedgerState UpdateLedger::Snapshot() const {
  LedgerState state;
  state.offset = Offset();
  for (const auto& [id, done] : entries_) {
    if (done && id >= state.offset) state.done_ids.push_back(id);
  }
  return state;
}

}  // namespace videobot::telegram
