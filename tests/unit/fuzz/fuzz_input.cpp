#include "fuzz_input.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "common/text.hpp"
#include "support/test_env.hpp"

namespace videobot::fuzz {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

constexpr std::uint64_t kDefaultSeed = 0x7669646562u;  // "videb"

void AppendUtf8(std::string& out, char32_t code_point) {
  const auto c = static_cast<std::uint32_t>(code_point);
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Code-point ranges a question might plausibly (or maliciously) contain.
struct Range {
  char32_t low;
  char32_t high;
};
constexpr std::array kRanges = {
    Range{0x20, 0x7E},        // ASCII
    Range{0x410, 0x44F},      // Cyrillic А..я
    Range{0x400, 0x4FF},      // all of Cyrillic (ё, Ѐ, Ѳ …)
    Range{0x00, 0x1F},        // control characters, NUL included
    Range{0xA0, 0xFF},        // Latin-1: NBSP, «», ×
    Range{0x2000, 0x206F},    // spaces, dashes, quotes, zero-width, bidi controls
    Range{0x300, 0x36F},      // combining marks
    Range{0xFF01, 0xFF5E},    // full-width ASCII look-alikes (＇ ； －)
    Range{0x4E00, 0x4E80},    // CJK
    Range{0x1F600, 0x1F64F},  // emoji
    Range{0xE000, 0xE0FF},    // private use
    Range{0x10FF00, 0x10FFFF},
};

}  // namespace

int Iterations(int default_count) {
  const std::string value = testing::Env("VIDEOBOT_FUZZ_ITERATIONS");
  if (!value.empty()) {
    const long parsed = std::strtol(value.c_str(), nullptr, 10);
    if (parsed > 0) return static_cast<int>(std::min<long>(parsed, 100'000'000));
  }
  return kSanitized ? std::max(1, default_count / 4) : default_count;
}

bool Sanitized() { return kSanitized; }

std::uint64_t BaseSeed() {
  const std::string value = testing::Env("VIDEOBOT_FUZZ_SEED");
  return value.empty() ? kDefaultSeed : std::strtoull(value.c_str(), nullptr, 10);
}

Budget::Budget(double default_seconds) : start_(std::chrono::steady_clock::now()), seconds_(default_seconds) {
  const std::string value = testing::Env("VIDEOBOT_FUZZ_SECONDS");
  if (!value.empty()) {
    const double parsed = std::strtod(value.c_str(), nullptr);
    if (parsed > 0) seconds_ = parsed;
  }
}

bool Budget::Spent() const { return Elapsed() > seconds_; }

double Budget::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Escape(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\\') {
      out += "\\\\";
    } else if (byte >= 0x20 && byte < 0x7F) {
      out += text[i];
    } else {
      // A well-formed multi-byte UTF-8 sequence stays as it is, so Russian text stays readable.
      const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0;
      if (length > 0 && i + length <= text.size() && IsValidUtf8(text.substr(i, length))) {
        out += text.substr(i, length);
        i += length;
        continue;
      }
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
    ++i;
  }
  return out;
}

std::string Unescape(std::string_view text) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    throw std::invalid_argument("bad hex digit in escape");
  };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (i + 1 >= text.size()) throw std::invalid_argument("dangling backslash");
    const char kind = text[++i];
    switch (kind) {
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '0': out += '\0'; break;
      case 'x': {
        if (i + 2 >= text.size()) throw std::invalid_argument("short \\x escape");
        out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
        i += 2;
        break;
      }
      default: throw std::invalid_argument(std::string("unknown escape \\") + kind);
    }
  }
  return out;
}

std::string RegressionDir() { return testing::SourceDir() + "/tests/cases/fuzz_regressions"; }

std::vector<RegressionCase> ReadRegressionCases(const std::string& file) {
  const std::string path = RegressionDir() + "/" + file;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<RegressionCase> cases;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected name<TAB>input");
    }
    try {
      cases.push_back(RegressionCase{line.substr(0, tab), Unescape(std::string_view(line).substr(tab + 1))});
    } catch (const std::invalid_argument& error) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + error.what());
    }
  }
  return cases;
}

std::int64_t Random::Between(std::int64_t low, std::int64_t high) {
  return std::uniform_int_distribution<std::int64_t>(low, high)(engine_);
}

bool Random::Chance(double p) { return std::bernoulli_distribution(p)(engine_); }

std::string Random::Bytes(std::size_t size) {
  std::string out(size, '\0');
  for (auto& ch : out) ch = static_cast<char>(Between(0, 255));
  return out;
}

std::string Random::Utf8(std::size_t code_points) {
  std::string out;
  for (std::size_t i = 0; i < code_points; ++i) {
    // Cyrillic and ASCII most of the time, so the parser sees word-like text.
    const std::size_t index = Chance(0.6) ? static_cast<std::size_t>(Between(0, 1))
                                          : static_cast<std::size_t>(Between(0, kRanges.size() - 1));
    const Range range = kRanges[index];
    AppendUtf8(out, static_cast<char32_t>(Between(range.low, range.high)));
  }
  return out;
}

std::string Random::CyrillicWord() {
  std::string out;
  const auto length = Between(1, 12);
  for (std::int64_t i = 0; i < length; ++i) AppendUtf8(out, static_cast<char32_t>(Between(0x430, 0x44F)));
  return out;
}

std::string Random::InvalidUtf8() {
  static const std::vector<std::string> kSamples = {
      "\x80",     "\xBF",         "\xC3",         "\xE2\x82",     "\xF0\x9F\x98",     "\xC0\x80",
      "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80",
      "\xFE",     "\xFF",         "\xD0",         "\xD1\xD1",
  };
  return Pick(kSamples);
}

std::string Random::Number() {
  std::string out;
  if (Chance(0.1)) out += Chance(0.5) ? "-" : "+";
  const auto digits = Between(1, 40);
  for (std::int64_t i = 0; i < digits; ++i) {
    out += static_cast<char>('0' + Between(i == 0 ? 1 : 0, 9));
    if (i + 1 < digits && Chance(0.05)) out += Chance(0.5) ? " " : "\xC2\xA0";
  }
  if (Chance(0.1)) out += (Chance(0.5) ? "," : ".") + std::to_string(Between(0, 999));
  return out;
}

std::string Random::MutateBytes(std::string text, const std::vector<std::string>& dictionary, int max_steps) {
  const auto steps = Between(1, max_steps);
  for (std::int64_t step = 0; step < steps; ++step) {
    const auto size = static_cast<std::int64_t>(text.size());
    const auto at = [&] { return static_cast<std::size_t>(Between(0, size)); };
    switch (Between(0, 8)) {
      case 0:  // flip a bit
        if (size > 0) text[static_cast<std::size_t>(Between(0, size - 1))] ^= static_cast<char>(1 << Between(0, 7));
        break;
      case 1:  // set a random byte
        if (size > 0) text[static_cast<std::size_t>(Between(0, size - 1))] = static_cast<char>(Between(0, 255));
        break;
      case 2: text.insert(at(), Bytes(static_cast<std::size_t>(Between(1, 8)))); break;
      case 3: {  // delete a range
        const auto from = at();
        text.erase(from, static_cast<std::size_t>(Between(1, 16)));
        break;
      }
      case 4: {  // duplicate a range
        const auto from = at();
        const std::string piece = text.substr(from, static_cast<std::size_t>(Between(1, 32)));
        text.insert(at(), piece);
        break;
      }
      case 5: {  // swap two ranges of equal length
        if (size < 4) break;
        const auto length = static_cast<std::size_t>(Between(1, std::max<std::int64_t>(1, size / 4)));
        const auto a = static_cast<std::size_t>(Between(0, size - static_cast<std::int64_t>(length)));
        const auto b = static_cast<std::size_t>(Between(0, size - static_cast<std::int64_t>(length)));
        const std::string first = text.substr(a, length);
        const std::string second = text.substr(b, length);
        text.replace(a, length, second);
        text.replace(b, length, first);
        break;
      }
      case 6: text.resize(at()); break;  // truncate
      case 7:
        if (!dictionary.empty()) text.insert(at(), Pick(dictionary));
        break;
      default: text.insert(at(), InvalidUtf8()); break;
    }
  }
  return text;
}

std::string Random::MutateTokens(const std::string& text, const std::vector<std::string>& dictionary, int max_steps) {
  std::vector<std::string> tokens = SplitSpaces(text);
  const auto steps = Between(1, max_steps);
  const auto fresh = [&]() -> std::string {
    switch (Between(0, 4)) {
      case 0: return CyrillicWord();
      case 1: return Number();
      case 2: return Utf8(static_cast<std::size_t>(Between(1, 6)));
      default: return dictionary.empty() ? CyrillicWord() : Pick(dictionary);
    }
  };
  for (std::int64_t step = 0; step < steps; ++step) {
    const auto size = static_cast<std::int64_t>(tokens.size());
    const auto any = [&] { return static_cast<std::size_t>(Between(0, size - 1)); };
    switch (Between(0, 4)) {
      case 0: tokens.insert(tokens.begin() + Between(0, size), fresh()); break;
      case 1:
        if (size > 0) tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(any()));
        break;
      case 2:
        if (size > 0) {
          const std::string copy = tokens[any()];
          tokens.insert(tokens.begin() + Between(0, size), copy);
        }
        break;
      case 3:
        if (size > 1) std::swap(tokens[any()], tokens[any()]);
        break;
      default:
        if (size > 0) tokens[any()] = fresh();
        break;
    }
  }
  return JoinSpaces(tokens);
}

std::vector<std::string> SplitSpaces(std::string_view text) {
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find(' ', start);
    const auto stop = end == std::string_view::npos ? text.size() : end;
    if (stop > start) tokens.emplace_back(text.substr(start, stop - start));
    start = stop + 1;
  }
  return tokens;
}

std::string JoinSpaces(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

}  // namespace videobot::fuzz
