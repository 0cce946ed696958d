#include "telegram/chat_dispatcher.hpp"

#include <algorithm>

namespace videobot::telegram {

ChatDispatcher::ChatDispatcher(std::size_t workers) {
  const std::size_t count = std::max<std::size_t>(1, workers);
  threads_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) threads_.emplace_back([this, i] { WorkerLoop(i); });
}

ChatDispatcher::~ChatDispatcher() { Shutdown(); }

void ChatDispatcher::Submit(std::int64_t chat_id, Task task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    auto& queue = queues_[chat_id];
    queue.push_back(std::move(task));
    ++outstanding_;
    if (queue.size() == 1 && !running_.contains(chat_id)) ready_.push_back(chat_id);
  }
  cv_.notify_one();
}

std::size_t ChatDispatcher::Outstanding() const {
  std::lock_guard lock(mutex_);
  return outstanding_;
}

std::size_t ChatDispatcher::Shutdown() {
  std::size_t discarded = 0;
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      stopping_ = true;
      for (const auto& [chat, queue] : queues_) discarded += queue.size();
      outstanding_ -= discarded;
      queues_.clear();
      ready_.clear();
    }
  }
  cv_.notify_all();
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  return discarded;
}

void ChatDispatcher::WorkerLoop(std::size_t worker) {
  std::unique_lock lock(mutex_);
  while (true) {
    cv_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
    if (stopping_) return;
    const std::int64_t chat = ready_.front();
    ready_.pop_front();
    auto queue = queues_.find(chat);
    Task task = std::move(queue->second.front());
    queue->second.pop_front();
    running_[chat] = true;
    lock.unlock();
    task(worker);
    task = nullptr;  // release captured state outside the lock
    lock.lock();
    running_.erase(chat);
    --outstanding_;
    queue = queues_.find(chat);
    if (queue != queues_.end()) {
      if (queue->second.empty()) {
        queues_.erase(queue);
      } else {
        ready_.push_back(chat);
        cv_.notify_one();
      }
    }
  }
}

}  // namespace videobot::telegram
