#include "llm/plan_cache.hpp"

#include <cstdint>

#include "common/time.hpp"
#include "common/utf8.hpp"

namespace videobot::llm {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 || c == 0x2007 ||
         c == 0x2009 || c == 0x202F;
}

}  // namespace

std::string NormalizeQuestion(std::string_view question) {
  std::string out;
  out.reserve(question.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < question.size();) {
    char32_t c = 0;
    const std::size_t length = DecodeUtf8(question, pos, c);
    if (length == 0) {
      out += question[pos];
      pos += 1;
      continue;
    }
    pos += length;
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    AppendUtf8(out, FoldLetter(c));  // the parser's folding: one cache entry per question it reads alike
  }
  return out;
}

std::string PlanCacheKey(std::string_view question, const plan::TimeContext& context) {
  const DateTime local = ToLocal(context.now, context.offset);
  return FormatDate(local.date) + FormatUtcOffset(context.offset) + '\n' + NormalizeQuestion(question);
}

std::optional<plan::Plan> PlanCache::Find(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->second;
}

void PlanCache::Insert(const std::string& key, plan::Plan plan) {
  if (capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (const auto found = index_.find(key); found != index_.end()) {
    found->second->second = std::move(plan);
    entries_.splice(entries_.begin(), entries_, found->second);
    return;
  }
  entries_.emplace_front(key, std::move(plan));
  index_.emplace(key, entries_.begin());
  if (entries_.size() > capacity_) {
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

std::size_t PlanCache::Size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace videobot::llm
