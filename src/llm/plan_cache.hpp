#pragma once
// A bounded, thread-safe, in-memory LRU cache of plans, so a repeated question costs no model
// call. Keys combine the normalised question with the local date: relative wordings («вчера»,
// «за ноябрь») mean different plans on different days.

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "plan/plan.hpp"
#include "plan/resolve.hpp"

namespace videobot::llm {

/// `question` lower-cased (Latin and Cyrillic), «ё» folded to «е», runs of whitespace
/// (including non-breaking spaces) collapsed to one space, trimmed. Invalid UTF-8 bytes are kept.
std::string NormalizeQuestion(std::string_view question);

/// The cache key of `question` asked at `context`: normalised text, local date and UTC offset.
std::string PlanCacheKey(std::string_view question, const plan::TimeContext& context);

/// Least-recently-used plans, at most `capacity` of them. All members are thread-safe.
class PlanCache {
 public:
  /// A cache holding at most `capacity` plans (0: stores nothing).
  explicit PlanCache(std::size_t capacity) : capacity_(capacity) {}

  /// The plan stored under `key` (and marks it recently used), or nullopt.
  std::optional<plan::Plan> Find(const std::string& key);

  /// Stores `plan` under `key`, evicting the least recently used entry when full.
  void Insert(const std::string& key, plan::Plan plan);

  /// Number of stored plans.
  std::size_t Size() const;

 private:
  using Entry = std::pair<std::string, plan::Plan>;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  ///< most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace videobot::llm
