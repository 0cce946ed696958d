#pragma once
// The address the HTTP server listens on: "host:port", "[v6 address]:port".

#include <optional>
#include <string>
#include <string_view>

namespace videobot::http {

struct ListenAddress {
  std::string host;  ///< "127.0.0.1", "::1", "0.0.0.0" … (IPv6 without brackets)
  int port = 0;      ///< 0: any free port
};

/// Parses "127.0.0.1:8080", "[::1]:8080", "localhost:0". nullopt for a missing host or port, a
/// port outside 0…65535, or an unbracketed IPv6 address.
std::optional<ListenAddress> ParseListenAddress(std::string_view text);

/// "host:port", with brackets around an IPv6 host.
std::string FormatListenAddress(const ListenAddress& address);

}  // namespace videobot::http
