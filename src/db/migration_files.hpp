#pragma once
// The migration files embedded in the binary (migrations/<dialect>/NNNN_name.sql).

#include <string>
#include <string_view>
#include <vector>

#include "sql/query.hpp"

namespace videobot::db {

/// One embedded migration file.
struct MigrationFile {
  int version = 0;
  std::string name;      ///< file stem, e.g. "0001_init"
  std::string_view sql;  ///< the file's text
  std::string checksum;  ///< SHA-256 of the text, lowercase hex
};

/// The embedded migrations of `dialect`, sorted by version. Asserts on a malformed file name
/// or a duplicate version (a build error, not an input error).
std::vector<MigrationFile> EmbeddedMigrations(sql::Dialect dialect);

/// SHA-256 of `text` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view text);

}  // namespace videobot::db
