#include "db/text_format.hpp"

#include <charconv>

namespace videobot::db {
namespace {

// Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse).
void CivilFromDays(std::int64_t z, int& year, int& month, int& day) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0));
}

void Put(char*& p, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  p += width;
}

}  // namespace

void AppendInteger(std::string& out, std::int64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void AppendInstant(std::string& out, Instant instant) {
  std::int64_t days = instant / kMicrosPerDay;
  std::int64_t rest = instant % kMicrosPerDay;
  if (rest < 0) {
    rest += kMicrosPerDay;
    --days;
  }
  int year = 0;
  int month = 0;
  int day = 0;
  CivilFromDays(days, year, month, day);
  const auto seconds = static_cast<unsigned>(rest / kMicrosPerSecond);
  const auto micros = static_cast<unsigned>(rest % kMicrosPerSecond);
  char buffer[32];
  char* p = buffer;
  Put(p, static_cast<unsigned>(year), 4);
  *p++ = '-';
  Put(p, static_cast<unsigned>(month), 2);
  *p++ = '-';
  Put(p, static_cast<unsigned>(day), 2);
  *p++ = ' ';
  Put(p, seconds / 3600, 2);
  *p++ = ':';
  Put(p, seconds / 60 % 60, 2);
  *p++ = ':';
  Put(p, seconds % 60, 2);
  *p++ = '.';
  Put(p, micros, 6);
  *p++ = '+';
  *p++ = '0';
  *p++ = '0';
  out.append(buffer, p);
}

}  // namespace videobot::db
