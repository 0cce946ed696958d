#pragma once
// Bounded random-input testing: deterministic random inputs and mutations, iteration budgets
// (VIDEOBOT_FUZZ_ITERATIONS, VIDEOBOT_FUZZ_SEED, VIDEOBOT_FUZZ_SECONDS) and the escaped text
// form used by the regression files in tests/cases/fuzz_regressions/.

#include <chrono>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace videobot::fuzz {

/// The number of iterations a fuzz test runs: VIDEOBOT_FUZZ_ITERATIONS when set (to run longer
/// or shorter), else `default_count` (a quarter of it under AddressSanitizer, which is slower).
int Iterations(int default_count);

/// True in a build with AddressSanitizer (tests then sample their exhaustive grids more thinly).
bool Sanitized();

/// The base seed: VIDEOBOT_FUZZ_SEED when set, else a fixed constant (runs are reproducible).
std::uint64_t BaseSeed();

/// A wall-clock budget for one fuzz test: VIDEOBOT_FUZZ_SECONDS when set, else `default_seconds`.
/// A test stops early (and says so) when its budget is spent, so CI time stays bounded.
class Budget {
 public:
  explicit Budget(double default_seconds);
  /// True once the budget is spent.
  bool Spent() const;
  /// Seconds since the budget started.
  double Elapsed() const;

 private:
  std::chrono::steady_clock::time_point start_;
  double seconds_;
};

/// `text` with control characters and bytes that are not part of well-formed UTF-8 written as
/// \xNN, and '\\' as "\\\\", so any input can be printed in a failure message and pasted into a
/// regression file (well-formed non-ASCII text stays readable).
std::string Escape(std::string_view text);

/// The inverse of Escape; also accepts \n, \t, \r and \0. Throws std::invalid_argument on a
/// malformed escape.
std::string Unescape(std::string_view text);

/// One regression case: a name and the input bytes.
struct RegressionCase {
  std::string name;
  std::string input;
};

/// Reads tests/cases/fuzz_regressions/<file>: lines "name<TAB>escaped input"; '#' starts a
/// comment line. Throws std::runtime_error when the file is missing or a line is malformed.
std::vector<RegressionCase> ReadRegressionCases(const std::string& file);

/// The directory tests/cases/fuzz_regressions in the source tree.
std::string RegressionDir();

/// A deterministic source of random inputs and mutations.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// Uniform in [low, high].
  std::int64_t Between(std::int64_t low, std::int64_t high);
  /// True with probability `p`.
  bool Chance(double p);
  /// An element of a non-empty list.
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(Between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

  /// `size` arbitrary bytes (NUL and invalid UTF-8 included).
  std::string Bytes(std::size_t size);
  /// Well-formed UTF-8 of `code_points` characters drawn from ASCII, Cyrillic, punctuation,
  /// spaces of every kind, combining marks, look-alikes, CJK, emoji and the highest planes.
  std::string Utf8(std::size_t code_points);
  /// A Cyrillic "word" of 1..12 letters.
  std::string CyrillicWord();
  /// Malformed UTF-8: a lone continuation byte, a truncated sequence, an overlong form, a
  /// surrogate, a code point above U+10FFFF, or 0xFE/0xFF.
  std::string InvalidUtf8();
  /// A decimal number of 1..40 digits, sometimes with a sign, digit-group spaces or a fraction.
  std::string Number();

  /// Byte-level mutation: flip, insert, delete, duplicate or swap ranges, truncate, splice in
  /// a dictionary entry. Applies 1..`max_steps` mutations.
  std::string MutateBytes(std::string text, const std::vector<std::string>& dictionary, int max_steps = 4);

  /// Token-level mutation of a space-separated text: insert, delete, duplicate, swap or replace
  /// tokens (replacements from `dictionary` and random words/numbers).
  std::string MutateTokens(const std::string& text, const std::vector<std::string>& dictionary, int max_steps = 3);

  std::mt19937_64& engine() { return engine_; }

 private:
  std::mt19937_64 engine_;
};

/// Splits on ASCII spaces (empty tokens dropped).
std::vector<std::string> SplitSpaces(std::string_view text);

/// Joins with single spaces.
std::string JoinSpaces(const std::vector<std::string>& tokens);

}  // namespace videobot::fuzz
