#pragma once
// Migrations on ClickHouse (internal to db/): migrations/clickhouse/ applied on every host of
// the URL by videobot itself — 18.16 cannot run ON CLUSTER DDL without ZooKeeper.

#include <string>
#include <string_view>
#include <vector>

#include "db/clickhouse_database.hpp"
#include "db/migrations.hpp"

namespace videobot::db {

/// The table a statement names for data of `table` on one host: `table` on a single server,
/// `table_local` on a cluster's shard (whose Distributed table is `table`).
std::string LocalTable(const ClickHouseDatabase& database, std::string_view table);

/// The migration text for this database: `{local:NAME}` becomes LocalTable(NAME) and
/// `{distributed:NAME:KEY}` a Distributed table NAME over NAME_local sharded by KEY (nothing on
/// a single server).
std::string ExpandClickHouseMigration(const ClickHouseDatabase& database, std::string_view text);

/// ClickHouseDatabase::ApplyMigrations applies the embedded ClickHouse migrations on every
/// host, recording each in that host's schema_migrations. Every statement may run again after an
/// interrupted run. Throws MigrationError for a changed or unknown applied migration,
/// DatabaseError on failure.

}  // namespace videobot::db
