#pragma once
// Databases loaded with one document, on SQLite and (when the test cluster is up) PostgreSQL.

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "support/test_env.hpp"

namespace videobot::testing {

/// Opens `url`, migrates it and loads `document`; fails the test on a load error.
inline std::unique_ptr<db::Database> LoadedDatabase(const std::string& url, const std::string& document) {
  auto database = db::Open(url);
  db::Migrate(*database);
  std::istringstream input(document);
  auto stats = db::Load(*database, input);
  EXPECT_TRUE(stats.has_value()) << (stats ? "" : stats.error().Describe());
  return database;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace videobot::testing
