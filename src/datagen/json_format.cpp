#include "datagen/json_format.hpp"

#include <charconv>

namespace videobot::datagen {
namespace {

void Put(char*& p, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  p += width;
}

void PutHex(std::string& out, std::uint64_t bits, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i) out += kHex[(bits >> (4 * i)) & 0xf];
}

}  // namespace

void AppendInteger(std::string& out, std::int64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void AppendTimestamp(std::string& out, Instant instant, bool with_micros) {
  const DateTime local = ToLocal(instant, UtcOffset{0});
  Instant micros = instant % kMicrosPerSecond;
  if (micros < 0) micros += kMicrosPerSecond;
  char buffer[40];
  char* p = buffer;
  Put(p, static_cast<unsigned>(local.date.year), 4);
  *p++ = '-';
  Put(p, static_cast<unsigned>(local.date.month), 2);
  *p++ = '-';
  Put(p, static_cast<unsigned>(local.date.day), 2);
  *p++ = 'T';
  const auto seconds = static_cast<unsigned>(local.seconds_of_day);
  Put(p, seconds / 3600, 2);
  *p++ = ':';
  Put(p, seconds / 60 % 60, 2);
  *p++ = ':';
  Put(p, seconds % 60, 2);
  if (with_micros) {
    *p++ = '.';
    Put(p, static_cast<unsigned>(micros), 6);
  }
  for (char c : std::string_view("+00:00")) *p++ = c;
  out.append(buffer, p);
}

void AppendId(std::string& out, const Id128& id, bool dashed) {
  if (!dashed) {
    PutHex(out, id.high, 16);
    PutHex(out, id.low, 16);
    return;
  }
  // Version 4, variant 1, like the ids of the real data.
  const std::uint64_t high = (id.high & ~0xf000ULL) | 0x4000ULL;
  const std::uint64_t low = (id.low & ~(0xcULL << 60)) | (0x8ULL << 60);
  PutHex(out, high >> 32, 8);
  out += '-';
  PutHex(out, high >> 16, 4);
  out += '-';
  PutHex(out, high, 4);
  out += '-';
  PutHex(out, low >> 48, 4);
  out += '-';
  PutHex(out, low, 12);
}

}  // namespace videobot::datagen
