#pragma once
// The loader's writer for ClickHouse (internal to db/). There are no transactions, so a load
// writes into staging tables on every host and then switches them in with one RENAME per host:
// a malformed, failed or killed load leaves the tables the questions read as they were.

#include <memory>

#include "common/time.hpp"
#include "db/clickhouse_database.hpp"
#include "db/load_sink.hpp"

namespace videobot::db {

/// The writer ClickHouseDatabase::MakeLoadSink returns: it drops any staging tables an
/// interrupted load left and creates empty ones on every host. Its Complete (the switch) builds
/// the next tables from the staged rows (an upsert over the stored ones, or with `replace` the
/// staged rows alone), writes the coverage row, renames them into place on every host and drops
/// the previous tables; it returns how many stored videos a replacing load removed.
std::unique_ptr<LoadSink> MakeClickHouseLoadSink(ClickHouseDatabase& database);

}  // namespace videobot::db
