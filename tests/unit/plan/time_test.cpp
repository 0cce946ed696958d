// Timestamps, dates and offsets.
#include <gtest/gtest.h>

#include "common/time.hpp"

namespace videobot {
namespace {

TEST(Time, ParsesTheDataFileFormats) {
  EXPECT_EQ(ParseTimestamp("1970-01-01T00:00:00+00:00"), 0);
  EXPECT_EQ(ParseTimestamp("1970-01-01T00:00:01.5Z"), 1'500'000);
  EXPECT_EQ(ParseTimestamp("1970-01-01T03:00:00+03:00"), 0);
  EXPECT_EQ(ParseTimestamp("2025-11-28T10:00:09.053200+00:00"), ParseTimestamp("2025-11-28T10:00:09.0532Z"));
  EXPECT_FALSE(ParseTimestamp("2025-11-28T10:00:09"));  // no offset
  EXPECT_FALSE(ParseTimestamp("2025-13-01T00:00:00Z"));
  EXPECT_FALSE(ParseTimestamp("2025-02-29T00:00:00Z"));
  EXPECT_FALSE(ParseTimestamp("2025-11-28T24:00:00Z"));
  EXPECT_FALSE(ParseTimestamp("2025-11-28T10:00:09.+00:00"));
}

TEST(Time, FormatsRoundTrip) {
  const Instant at = ParseTimestamp("2025-11-28T10:00:09.053200+00:00").value();
  EXPECT_EQ(FormatInstantIso(at), "2025-11-28T10:00:09.053200Z");
  EXPECT_EQ(FormatInstantSql(at), "2025-11-28 10:00:09.053200+00");
  EXPECT_EQ(ParseTimestamp(FormatInstantIso(at)), at);
}

TEST(Time, OffsetsAndCalendar) {
  EXPECT_EQ(ParseUtcOffset("+03:00")->minutes, 180);
  EXPECT_EQ(ParseUtcOffset("-0530")->minutes, -330);
  EXPECT_EQ(ParseUtcOffset("UTC")->minutes, 0);
  EXPECT_FALSE(ParseUtcOffset("Europe/Moscow"));
  EXPECT_EQ(FormatUtcOffset(UtcOffset{-330}), "-05:30");
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(IsoWeekday(Date{2025, 12, 1}), 1);
  EXPECT_EQ(AddDays(Date{2025, 12, 31}, 1), (Date{2026, 1, 1}));
  EXPECT_EQ(ToLocal(ParseTimestamp("2025-11-30T22:30:00Z").value(), UtcOffset{180}).date, (Date{2025, 12, 1}));
}

}  // namespace
}  // namespace videobot
