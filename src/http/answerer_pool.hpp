#pragma once
// Answerers for the HTTP server's worker threads: each request borrows one (with its own database
// connection) and gives it back; the pool grows to the number of requests served at once.

#include <memory>
#include <mutex>
#include <vector>

#include "service/answerer.hpp"

namespace videobot::http {

class AnswererPool {
 public:
  explicit AnswererPool(service::AnswererFactory factory);

  /// An Answerer borrowed for one request: returned to the pool on destruction unless discarded.
  class Lease {
   public:
    Lease(AnswererPool& pool, std::unique_ptr<service::Answerer> answerer);
    ~Lease();
    Lease(Lease&&) = delete;
    /// False when the factory gave no Answerer, or after Discard.
    explicit operator bool() const { return answerer_ != nullptr; }
    service::Answerer& operator*() const { return *answerer_; }
    service::Answerer* operator->() const { return answerer_.get(); }
    /// Drops the Answerer instead of returning it (its connection may be broken).
    void Discard() { answerer_.reset(); }

   private:
    AnswererPool& pool_;
    std::unique_ptr<service::Answerer> answerer_;
  };

  /// An idle Answerer, or a new one from the factory. Throws what the factory throws.
  std::unique_ptr<Lease> Acquire();

 private:
  void Return(std::unique_ptr<service::Answerer> answerer);

  service::AnswererFactory factory_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<service::Answerer>> idle_;
};

}  // namespace videobot::http
