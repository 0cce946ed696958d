#include "http/answerer_pool.hpp"

namespace videobot::http {

AnswererPool::AnswererPool(service::AnswererFactory factory) : factory_(std::move(factory)) {}

AnswererPool::Lease::Lease(AnswererPool& pool, std::unique_ptr<service::Answerer> answerer)
    : pool_(pool), answerer_(std::move(answerer)) {}

AnswererPool::Lease::~Lease() {
  if (answerer_) pool_.Return(std::move(answerer_));
}

std::unique_ptr<AnswererPool::Lease> AnswererPool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto answerer = std::move(idle_.back());
      idle_.pop_back();
      return std::make_unique<Lease>(*this, std::move(answerer));
    }
  }
  // Built outside the lock: opening a connection may take a while.
  return std::make_unique<Lease>(*this, factory_());
}

void AnswererPool::Return(std::unique_ptr<service::Answerer> answerer) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(answerer));
}

}  // namespace videobot::http
