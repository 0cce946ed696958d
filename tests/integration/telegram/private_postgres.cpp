#include "private_postgres.hpp"

#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/test_env.hpp"

namespace videobot::testing {
namespace {

constexpr const char* kBin = "/usr/lib/postgresql/15/bin";

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

bool PrivatePostgres::Available() { return std::filesystem::exists(std::string(kBin) + "/initdb"); }

void PrivatePostgres::Run(const std::string& command) const {
  // initdb and pg_ctl refuse to run as root: the cluster belongs to the postgres user then.
  const std::string as_user = getuid() == 0 ? "runuser -u postgres -- " : "";
  const auto result = RunProcess({"/bin/sh", "-c", as_user + command + " >>" + dir_ + "/commands.log 2>&1"});
  if (result.exit_code != 0) {
    std::ifstream log(dir_ + "/commands.log");
    std::ostringstream text_buffer;
    text_buffer << log.rdbuf();
    const std::string text = text_buffer.str();
    throw std::runtime_error("private PostgreSQL: «" + command + "» failed:\n" + text);
  }
}

PrivatePostgres::PrivatePostgres() {
  std::string pattern = "/tmp/videobot-pg-private.XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  if (getuid() == 0) {
    const passwd* postgres = getpwnam("postgres");
    if (postgres == nullptr) throw std::runtime_error("no postgres user");
    if (chown(dir_.c_str(), postgres->pw_uid, postgres->pw_gid) != 0) throw std::runtime_error("chown failed");
  }
  port_ = FreePort();
  Run(std::string(kBin) + "/initdb -D " + dir_ + "/data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8");
  std::ofstream conf(dir_ + "/data/postgresql.conf", std::ios::app);
  conf << "listen_addresses = '127.0.0.1'\nport = " << port_ << "\nunix_socket_directories = '" << dir_
       << "'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
  conf.close();
  Start();
  Run(std::string(kBin) + "/createdb -h 127.0.0.1 -p " + std::to_string(port_) + " -U postgres videobot");
  url_ = "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/videobot";
}

PrivatePostgres::~PrivatePostgres() {
  try {
    Run(std::string(kBin) + "/pg_ctl -D " + dir_ + "/data -m immediate stop");
  } catch (const std::exception&) {
    // Already stopped.
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void PrivatePostgres::Stop() { Run(std::string(kBin) + "/pg_ctl -D " + dir_ + "/data -m fast -w stop"); }

void PrivatePostgres::Start() {
  Run(std::string(kBin) + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -t 60 start");
}

}  // namespace videobot::testing
