#include "db/migration_files.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <utility>

#include "db/engine_sql.hpp"

namespace videobot::embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& migrations();
}  // namespace videobot::embedded

namespace videobot::db {

std::string Sha256Hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 is unavailable in libcrypto");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{size} * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xf];
  }
  return out;
}

std::vector<MigrationFile> EmbeddedMigrations(sql::Dialect dialect) {
  const std::string_view folder = EngineOf(dialect).migration_folder();
  std::vector<MigrationFile> out;
  for (const auto& [path, text] : embedded::migrations()) {
    if (!path.starts_with(folder)) continue;
    std::string_view file = path.substr(folder.size());
    assert(file.size() > 9 && file.ends_with(".sql") && file[4] == '_');
    file.remove_suffix(4);
    MigrationFile migration;
    for (char c : file.substr(0, 4)) migration.version = migration.version * 10 + (c - '0');
    migration.name = std::string(file);
    migration.sql = text;
    migration.checksum = Sha256Hex(text);
    out.push_back(std::move(migration));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
  assert(std::adjacent_find(out.begin(), out.end(),
                            [](const auto& a, const auto& b) { return a.version == b.version; }) == out.end());
  return out;
}

}  // namespace videobot::db
