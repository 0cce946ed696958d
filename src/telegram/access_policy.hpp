#pragma once
// Who may ask: optional allowlists of user ids and chat ids.

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace videobot::telegram {

/// With both lists empty everyone is allowed; otherwise a message is allowed when its sender is
/// in the user list or its chat is in the chat list (so a listed group is open to its members,
/// and a listed user may ask anywhere).
class AccessPolicy {
 public:
  AccessPolicy(const std::vector<std::int64_t>& allowed_users, const std::vector<std::int64_t>& allowed_chats);

  /// True when a message from `user_id` (0 when unknown) in `chat_id` may be answered.
  bool Allows(std::int64_t user_id, std::int64_t chat_id) const;

 private:
  std::unordered_set<std::int64_t> users_;
  std::unordered_set<std::int64_t> chats_;
};

}  // namespace videobot::telegram
