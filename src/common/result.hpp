#pragma once
// Result<T>: a value or an Error, with std::expected's member names (C++23 is not available
// on GCC 12). Used for expected, input-caused failures; environment failures are exceptions.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

#include "common/error.hpp"

namespace videobot {

/// Wraps an Error so a Result can be constructed from it unambiguously.
struct Unexpected {
  Error error;
};

/// Makes an Unexpected carrying `code`, `path` and a Russian `message`.
inline Unexpected Fail(ErrorCode code, std::string message, std::string path = {}) {
  return Unexpected{Error{code, std::move(path), std::move(message)}};
}

/// A value of type T or an Error. Marked [[nodiscard]], so every function returning a Result
/// or a Status must have its outcome examined; deliberate ignoring is spelled out with a cast
/// to void and a comment saying why.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Unexpected u) : data_(std::move(u.error)) {}  // NOLINT(google-explicit-constructor)

  bool has_value() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<T>(data_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<T>(std::move(data_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!has_value());
    return std::get<Error>(data_);
  }

 private:
  std::variant<T, Error> data_;
};

/// Result of an operation that yields nothing on success.
struct Ok {};
using Status = Result<Ok>;

}  // namespace videobot
