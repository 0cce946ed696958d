#pragma once
// clickhouse://[user[:password]@]host:port[,host:port…]/database[?cluster=NAME] URLs.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace videobot::db {

/// A parsed ClickHouse URL. Every host is an HTTP endpoint "host:port"; with a cluster, every
/// shard's endpoint is listed and `cluster` names the cluster in the servers' remote_servers.
struct ClickHouseUrl {
  std::string user = "default";
  std::string password;
  std::vector<std::string> hosts;
  std::string database;
  std::string cluster;  ///< "" for a single server
};

/// True for URLs of the clickhouse:// scheme.
bool IsClickHouseUrl(std::string_view url);

/// Parses a clickhouse:// URL. Returns nullopt and sets `problem` to an English message (never
/// holding the password) when the URL is malformed: a missing host or port, a port outside
/// 1…65535, a database or cluster name outside [A-Za-z0-9_], an unknown option.
std::optional<ClickHouseUrl> ParseClickHouseUrl(std::string_view url, std::string& problem);

}  // namespace videobot::db
