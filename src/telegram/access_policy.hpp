#pragma once
// Who may ask: optional allowlists of user ids and chat ids.

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace videobot::telegram {

/// The rule (also in README.md):
///   - both lists empty: everyone, everywhere;
///   - a private chat: the sender is in the user list, or the chat is in the chat list;
///   - a group or supergroup: with a chat list, the group itself must be listed (everyone in
///     it sees the answer, so a listed user in an unlisted group is not answered); without a
///     chat list, the sender must be in the user list.
class AccessPolicy {
 public:
  AccessPolicy(const std::vector<std::int64_t>& allowed_users, const std::vector<std::int64_t>& allowed_chats);

  /// True when a message from `user_id` (0 when unknown) in `chat_id` may be answered; `group`
  /// tells whether the chat is a group or supergroup.
  bool Allows(std::int64_t user_id, std::int64_t chat_id, bool group) const;

 private:
  std::unordered_set<std::int64_t> users_;
  std::unordered_set<std::int64_t> chats_;
};

}  // namespace videobot::telegram
