#include "telegram/update_ledger.hpp"

#include <gtest/gtest.h>

namespace videobot::telegram {
namespace {

std::vector<Update> Batch(std::initializer_list<std::int64_t> ids) {
  std::vector<Update> batch;
  for (const auto id : ids) batch.push_back(Update{id, "message", std::nullopt, std::nullopt});
  return batch;
}

std::vector<std::int64_t> Ids(const std::vector<Update>& updates) {
  std::vector<std::int64_t> ids;
  for (const auto& u : updates) ids.push_back(u.update_id);
  return ids;
}

TEST(UpdateLedgerTest, FreshLedgerHasNoOffset) {
  UpdateLedger ledger;
  EXPECT_EQ(ledger.Offset(), 0);
  EXPECT_EQ(ledger.Snapshot(), LedgerState{});
}

TEST(UpdateLedgerTest, OffsetStaysAtTheOldestUpdateInProgress) {
  UpdateLedger ledger;
  EXPECT_EQ(Ids(ledger.Admit(Batch({10, 11, 12}))), (std::vector<std::int64_t>{10, 11, 12}));
  EXPECT_EQ(ledger.Offset(), 10);
  EXPECT_EQ(ledger.InProgress(), 3u);
  ledger.Complete(11);
  ledger.Complete(12);
  EXPECT_EQ(ledger.Offset(), 10);
  EXPECT_EQ(ledger.Snapshot(), (LedgerState{10, {11, 12}}));
  ledger.Complete(10);
  EXPECT_EQ(ledger.Offset(), 13);
  EXPECT_EQ(ledger.Snapshot(), (LedgerState{13, {}}));
  EXPECT_EQ(ledger.InProgress(), 0u);
}

TEST(UpdateLedgerTest, RepeatedUpdatesAreNotAdmittedTwice) {
  UpdateLedger ledger;
  ledger.Admit(Batch({10, 11}));
  ledger.Complete(11);
  // A poll from offset 10 returns 10 and 11 again, plus a new one.
  EXPECT_EQ(Ids(ledger.Admit(Batch({10, 11, 12}))), std::vector<std::int64_t>{12});
  ledger.Complete(10);
  ledger.Complete(12);
  EXPECT_EQ(Ids(ledger.Admit(Batch({10, 11, 12}))), std::vector<std::int64_t>{});
  EXPECT_EQ(ledger.Offset(), 13);
}

TEST(UpdateLedgerTest, GapsInIdsDoNotHoldTheOffset) {
  UpdateLedger ledger;
  ledger.Admit(Batch({10, 15, 20}));
  ledger.Complete(10);
  EXPECT_EQ(ledger.Offset(), 15);
  ledger.Complete(20);
  ledger.Complete(15);
  EXPECT_EQ(ledger.Offset(), 21);
}

TEST(UpdateLedgerTest, UnsortedBatchesAreHandled) {
  UpdateLedger ledger;
  EXPECT_EQ(Ids(ledger.Admit(Batch({12, 10, 11}))), (std::vector<std::int64_t>{10, 11, 12}));
  EXPECT_EQ(ledger.Offset(), 10);
}

TEST(UpdateLedgerTest, RestoredStateSkipsDoneUpdatesAndKeepsTheOffset) {
  UpdateLedger ledger(LedgerState{10, {12, 15}});
  EXPECT_EQ(ledger.Offset(), 10);
  EXPECT_EQ(ledger.Snapshot(), (LedgerState{10, {12, 15}}));
  EXPECT_EQ(Ids(ledger.Admit(Batch({9, 10, 11, 12, 13}))), (std::vector<std::int64_t>{10, 11, 13}));
  ledger.Complete(10);
  ledger.Complete(11);
  ledger.Complete(13);
  // 15 is done but was not seen in this run: the offset must not jump over 14.
  EXPECT_EQ(ledger.Offset(), 14);
  EXPECT_EQ(ledger.Snapshot(), (LedgerState{14, {15}}));
  EXPECT_EQ(Ids(ledger.Admit(Batch({14, 15, 16}))), (std::vector<std::int64_t>{14, 16}));
  ledger.Complete(14);
  ledger.Complete(16);
  EXPECT_EQ(ledger.Snapshot(), (LedgerState{17, {}}));
}

TEST(UpdateLedgerTest, CompletingUnknownOrTwiceIsHarmless) {
  UpdateLedger ledger;
  ledger.Admit(Batch({5}));
  ledger.Complete(99);
  ledger.Complete(5);
  ledger.Complete(5);
  EXPECT_EQ(ledger.Offset(), 6);
  EXPECT_EQ(ledger.InProgress(), 0u);
}

TEST(UpdateLedgerTest, EmptyBatchChangesNothing) {
  UpdateLedger ledger(LedgerState{7, {}});
  EXPECT_TRUE(ledger.Admit({}).empty());
  EXPECT_EQ(ledger.Offset(), 7);
}

}  // namespace
}  // namespace videobot::telegram
