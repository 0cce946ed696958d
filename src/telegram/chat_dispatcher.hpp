#pragma once
// A bounded pool of worker threads that runs tasks in parallel across chats and one at a time,
// in submission order, within a chat. A chat with a slow task occupies one worker; the other
// chats are served by the rest, round robin.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace videobot::telegram {

class ChatDispatcher {
 public:
  /// A task receives the index of the worker running it (0 … workers-1), so it can use that
  /// worker's own resources (Answerer, HTTP connection).
  using Task = std::function<void(std::size_t worker)>;

  /// Starts `workers` threads (at least one).
  explicit ChatDispatcher(std::size_t workers);
  /// Stops as Shutdown() does.
  ~ChatDispatcher();
  ChatDispatcher(const ChatDispatcher&) = delete;
  ChatDispatcher& operator=(const ChatDispatcher&) = delete;

  /// Queues `task` behind the earlier tasks of `chat_id`. Ignored after Shutdown.
  void Submit(std::int64_t chat_id, Task task);

  /// Number of tasks queued or running.
  std::size_t Outstanding() const;

  /// Lets running tasks finish, discards the queued ones, joins the workers. Returns how many
  /// queued tasks were discarded. Idempotent.
  std::size_t Shutdown();

  std::size_t workers() const { return threads_.size(); }

 private:
  void WorkerLoop(std::size_t worker);

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::unordered_map<std::int64_t, std::deque<Task>> queues_;  ///< chats with queued tasks
  std::deque<std::int64_t> ready_;                             ///< chats with queued tasks and no running one
  std::unordered_map<std::int64_t, bool> running_;             ///< chats with a running task
  std::size_t outstanding_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace videobot::telegram
