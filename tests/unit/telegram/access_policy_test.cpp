#include "telegram/access_policy.hpp"

#include <gtest/gtest.h>

namespace videobot::telegram {
namespace {

constexpr bool kPrivate = false;
constexpr bool kGroup = true;

TEST(AccessPolicyTest, EmptyListsAllowEveryone) {
  const AccessPolicy policy({}, {});
  EXPECT_TRUE(policy.Allows(1, 2, kPrivate));
  EXPECT_TRUE(policy.Allows(0, -100, kGroup));
}

TEST(AccessPolicyTest, UserListAloneAppliesInPrivateChatsAndGroups) {
  const AccessPolicy policy({10}, {});
  EXPECT_TRUE(policy.Allows(10, 10, kPrivate));
  EXPECT_TRUE(policy.Allows(10, -500, kGroup));
  EXPECT_FALSE(policy.Allows(11, 11, kPrivate));
  EXPECT_FALSE(policy.Allows(11, -500, kGroup));
  EXPECT_FALSE(policy.Allows(0, 10, kPrivate));
}

TEST(AccessPolicyTest, ChatListAllowsEveryoneInListedGroups) {
  const AccessPolicy policy({}, {-500});
  EXPECT_TRUE(policy.Allows(11, -500, kGroup));
  EXPECT_FALSE(policy.Allows(11, -600, kGroup));
  EXPECT_FALSE(policy.Allows(11, 11, kPrivate));
}

TEST(AccessPolicyTest, WithAChatListAGroupMustBeListedItselfEvenForAListedUser) {
  const AccessPolicy policy({10}, {-500});
  EXPECT_TRUE(policy.Allows(10, 10, kPrivate));   // the user list applies in private chats
  EXPECT_TRUE(policy.Allows(12, -500, kGroup));   // a listed group is open to its members
  EXPECT_FALSE(policy.Allows(10, -600, kGroup));  // a listed user in an unlisted group is not
  EXPECT_FALSE(policy.Allows(12, 12, kPrivate));
}

TEST(AccessPolicyTest, APrivateChatMayBeListedByItsChatId) {
  const AccessPolicy policy({}, {42});
  EXPECT_TRUE(policy.Allows(42, 42, kPrivate));
}

}  // namespace
}  // namespace videobot::telegram
