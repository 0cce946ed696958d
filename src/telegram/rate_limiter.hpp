#pragma once
// The bot's per-chat rate limit: a token bucket per chat id (common/rate_limiter.hpp).

#include <cstdint>

#include "common/rate_limiter.hpp"

namespace videobot::telegram {

using videobot::RateDecision;

/// Per-chat token bucket, keyed by chat id.
using RateLimiter = KeyedRateLimiter<std::int64_t>;

}  // namespace videobot::telegram
