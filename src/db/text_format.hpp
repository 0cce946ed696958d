#pragma once
// Fast text formatting for bulk COPY rows (internal): integers and UTC instants.

#include <cstdint>
#include <string>

#include "common/time.hpp"

namespace videobot::db {

/// Appends the decimal form of `value`.
void AppendInteger(std::string& out, std::int64_t value);

/// Appends "YYYY-MM-DD HH:MM:SS.ffffff+00", PostgreSQL's timestamptz input form, for a UTC
/// instant (years 0001..9999).
void AppendInstant(std::string& out, Instant instant);

}  // namespace videobot::db
