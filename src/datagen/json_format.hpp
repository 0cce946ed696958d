#pragma once
// Fast appenders for the generated document's values (internal to datagen).

#include <cstdint>
#include <string>

#include "common/time.hpp"
#include "datagen/video_model.hpp"

namespace videobot::datagen {

/// Appends the decimal form of `value`.
void AppendInteger(std::string& out, std::int64_t value);

/// Appends "2025-11-28T10:00:09.053200+00:00" (with microseconds) or "2025-08-19T08:54:35+00:00".
void AppendTimestamp(std::string& out, Instant instant, bool with_micros);

/// Appends 32 lowercase hex digits, or the dashed 8-4-4-4-12 form of a version-4 UUID.
void AppendId(std::string& out, const Id128& id, bool dashed);

}  // namespace videobot::datagen
