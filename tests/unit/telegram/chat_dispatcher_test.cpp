#include "telegram/chat_dispatcher.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

namespace videobot::telegram {
namespace {

using namespace std::chrono_literals;

TEST(ChatDispatcherTest, KeepsOrderWithinAChat) {
  std::mutex mutex;
  std::map<std::int64_t, std::vector<int>> seen;
  {
    ChatDispatcher dispatcher(4);
    for (int i = 0; i < 200; ++i) {
      for (std::int64_t chat = 0; chat < 10; ++chat) {
        dispatcher.Submit(chat, [&, chat, i](std::size_t) {
          if (i % 17 == 0) std::this_thread::sleep_for(1ms);
          std::lock_guard lock(mutex);
          seen[chat].push_back(i);
        });
      }
    }
    while (dispatcher.Outstanding() > 0) std::this_thread::sleep_for(1ms);
  }
  ASSERT_EQ(seen.size(), 10u);
  for (const auto& [chat, order] : seen) {
    ASSERT_EQ(order.size(), 200u);
    for (int i = 0; i < 200; ++i) EXPECT_EQ(order[static_cast<std::size_t>(i)], i) << "chat " << chat;
  }
}

TEST(ChatDispatcherTest, NeverRunsTwoTasksOfOneChatAtOnce) {
  std::atomic<int> running{0};
  std::atomic<int> worst{0};
  ChatDispatcher dispatcher(4);
  for (int i = 0; i < 50; ++i) {
    dispatcher.Submit(1, [&](std::size_t) {
      const int now = ++running;
      worst = std::max(worst.load(), now);
      std::this_thread::sleep_for(200us);
      --running;
    });
  }
  while (dispatcher.Outstanding() > 0) std::this_thread::sleep_for(1ms);
  EXPECT_EQ(worst.load(), 1);
}

TEST(ChatDispatcherTest, ASlowChatDoesNotBlockOthers) {
  ChatDispatcher dispatcher(2);
  std::atomic<bool> release{false};
  std::atomic<int> fast_done{0};
  dispatcher.Submit(1, [&](std::size_t) {
    while (!release) std::this_thread::sleep_for(1ms);
  });
  dispatcher.Submit(1, [&](std::size_t) {});  // queued behind the slow one
  for (std::int64_t chat = 2; chat < 12; ++chat) dispatcher.Submit(chat, [&](std::size_t) { ++fast_done; });
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (fast_done < 10 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
  EXPECT_EQ(fast_done.load(), 10);
  EXPECT_EQ(dispatcher.Outstanding(), 2u);
  release = true;
}

TEST(ChatDispatcherTest, RunsChatsInParallelUpToTheWorkerCount) {
  ChatDispatcher dispatcher(3);
  std::atomic<int> running{0};
  std::atomic<int> worst{0};
  for (std::int64_t chat = 0; chat < 9; ++chat) {
    dispatcher.Submit(chat, [&](std::size_t worker) {
      EXPECT_LT(worker, 3u);
      const int now = ++running;
      worst = std::max(worst.load(), now);
      std::this_thread::sleep_for(30ms);
      --running;
    });
  }
  while (dispatcher.Outstanding() > 0) std::this_thread::sleep_for(1ms);
  EXPECT_EQ(worst.load(), 3);
}

TEST(ChatDispatcherTest, ShutdownFinishesRunningTasksAndDropsQueuedOnes) {
  ChatDispatcher dispatcher(1);
  std::atomic<bool> started{false};
  std::atomic<bool> finished{false};
  std::atomic<int> later{0};
  dispatcher.Submit(1, [&](std::size_t) {
    started = true;
    std::this_thread::sleep_for(100ms);
    finished = true;
  });
  for (int i = 0; i < 5; ++i) dispatcher.Submit(2, [&](std::size_t) { ++later; });
  while (!started) std::this_thread::sleep_for(1ms);
  EXPECT_EQ(dispatcher.Shutdown(), 5u);
  EXPECT_TRUE(finished.load());
  EXPECT_EQ(later.load(), 0);
  dispatcher.Submit(3, [&](std::size_t) { ++later; });  // ignored after shutdown
  EXPECT_EQ(dispatcher.Shutdown(), 0u);
  EXPECT_EQ(later.load(), 0);
}

}  // namespace
}  // namespace videobot::telegram
