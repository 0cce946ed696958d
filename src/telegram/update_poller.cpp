#include "telegram/update_poller.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "telegram/bot_api.hpp"

namespace videobot::telegram {

struct UpdatePoller::Channel {
  Channel(std::unique_ptr<net::HttpClient> client, std::string api_url, std::string token)
      : http(std::move(client)), api(*http, std::move(api_url), std::move(token)) {}

  std::unique_ptr<net::HttpClient> http;
  BotApi api;
  std::mutex mutex;
  std::condition_variable cv;
  bool closed = false;
  bool requested = false;  ///< a request is waiting to be run or running
  std::int64_t offset = 0;
  std::chrono::seconds timeout{0};
  /// The batch size asked of getUpdates: halved after an oversized reply, back to the full batch
  /// once a reply holds fewer updates than asked for (nothing more is pending).
  int batch_limit = kMaxUpdatesPerRequest;
  bool has_result = false;
  std::vector<Update> updates;
  std::exception_ptr error;
  std::thread thread;

  /// The polling thread's loop. Holds its own reference so a detached thread keeps the channel alive.
  static void Run(std::shared_ptr<Channel> self) {
    std::unique_lock lock(self->mutex);
    while (true) {
      self->cv.wait(lock, [&] { return self->closed || (self->requested && !self->has_result); });
      if (self->closed) return;
      const std::int64_t offset = self->offset;
      const std::chrono::seconds timeout = self->timeout;
      lock.unlock();
      std::vector<Update> updates;
      std::exception_ptr error;
      try {
        updates = self->api.GetUpdates(offset, timeout, self->batch_limit);
        // A reply short of the batch holds everything pending: the full batch is safe again.
        if (updates.size() < static_cast<std::size_t>(self->batch_limit)) self->batch_limit = kMaxUpdatesPerRequest;
      } catch (const net::ResponseTooLargeError&) {
        // Fewer updates per reply make the next one smaller; the error still goes to the bot,
        // which logs it and retries with its back-off.
        self->batch_limit = std::max(1, self->batch_limit / 2);
        error = std::current_exception();
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      self->updates = std::move(updates);
      self->error = error;
      self->has_result = true;
      self->cv.notify_all();
    }
  }
};

UpdatePoller::UpdatePoller(std::unique_ptr<net::HttpClient> http, std::string api_url, std::string token)
    : channel_(std::make_shared<Channel>(std::move(http), std::move(api_url), std::move(token))) {
  channel_->thread = std::thread(&Channel::Run, channel_);
}

UpdatePoller::~UpdatePoller() {
  bool busy = false;
  {
    std::lock_guard lock(channel_->mutex);
    channel_->closed = true;
    busy = channel_->requested && !channel_->has_result;
  }
  channel_->cv.notify_all();
  if (busy) {
    channel_->thread.detach();
  } else {
    channel_->thread.join();
  }
}

std::optional<std::vector<Update>> UpdatePoller::Fetch(std::int64_t offset, std::chrono::seconds timeout,
                                                       const Lifecycle& lifecycle) {
  constexpr auto kStopCheck = std::chrono::milliseconds(100);
  std::unique_lock lock(channel_->mutex);
  if (!channel_->requested) {
    channel_->requested = true;
    channel_->has_result = false;
    channel_->offset = offset;
    channel_->timeout = timeout;
    channel_->cv.notify_all();
  }
  // (A request left unfinished by an earlier stopped Fetch is awaited instead of a new one.)
  while (!channel_->has_result) {
    if (lifecycle.stopping()) return std::nullopt;
    channel_->cv.wait_for(lock, kStopCheck);
  }
  channel_->requested = false;
  channel_->has_result = false;
  if (channel_->error) std::rethrow_exception(std::exchange(channel_->error, nullptr));
  return std::move(channel_->updates);
}

}  // namespace videobot::telegram
