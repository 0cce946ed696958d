#pragma once
// Gzip bodies for tests of decoded-size limits: any text compressed, and a "gzip bomb" of zeros
// whose compressed size is about a thousandth of what it inflates to.

#include <cstdint>
#include <string>
#include <string_view>

namespace videobot::testing {

/// `data` as one gzip member (RFC 1952), best compression.
std::string GzipCompress(std::string_view data);

/// A gzip member that inflates to `inflated_bytes` zero bytes (1 GiB gives about 1 MB). Built
/// from one compressed MiB repeated behind full flushes, so even 1 GiB takes milliseconds.
std::string GzipOfZeros(std::uint64_t inflated_bytes);

}  // namespace videobot::testing
