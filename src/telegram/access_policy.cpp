#include "telegram/access_policy.hpp"

namespace videobot::telegram {

AccessPolicy::AccessPolicy(const std::vector<std::int64_t>& allowed_users,
                           const std::vector<std::int64_t>& allowed_chats)
    : users_(allowed_users.begin(), allowed_users.end()), chats_(allowed_chats.begin(), allowed_chats.end()) {}

bool AccessPolicy::Allows(std::int64_t user_id, std::int64_t chat_id, bool group) const {
  if (users_.empty() && chats_.empty()) return true;
  const bool user_listed = user_id != 0 && users_.contains(user_id);
  if (group) return chats_.empty() ? user_listed : chats_.contains(chat_id);
  return user_listed || chats_.contains(chat_id);
}

}  // namespace videobot::telegram
