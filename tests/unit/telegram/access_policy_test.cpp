#include "telegram/access_policy.hpp"

#include <gtest/gtest.h>

namespace videobot::telegram {
namespace {

TEST(AccessPolicyTest, EmptyListsAllowEveryone) {
  const AccessPolicy policy({}, {});
  EXPECT_TRUE(policy.Allows(1, 2));
  EXPECT_TRUE(policy.Allows(0, -100));
}

TEST(AccessPolicyTest, UserListAllowsListedUsersAnywhere) {
  const AccessPolicy policy({10}, {});
  EXPECT_TRUE(policy.Allows(10, 10));
  EXPECT_TRUE(policy.Allows(10, -500));
  EXPECT_FALSE(policy.Allows(11, 11));
  EXPECT_FALSE(policy.Allows(0, 10));
}

TEST(AccessPolicyTest, ChatListAllowsEveryoneInListedChats) {
  const AccessPolicy policy({}, {-500});
  EXPECT_TRUE(policy.Allows(11, -500));
  EXPECT_FALSE(policy.Allows(11, 11));
}

TEST(AccessPolicyTest, BothListsAreAlternatives) {
  const AccessPolicy policy({10}, {-500});
  EXPECT_TRUE(policy.Allows(10, 10));
  EXPECT_TRUE(policy.Allows(12, -500));
  EXPECT_FALSE(policy.Allows(12, 12));
}

}  // namespace
}  // namespace videobot::telegram
