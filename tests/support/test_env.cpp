#include "support/test_env.hpp"

#include <libpq-fe.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace videobot::testing {

bool WaitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

namespace {

void AdminExecute(const std::string& sql) {
  PGconn* conn = PQconnectdb(Env("VIDEOBOT_TEST_PG_ADMIN_URL").c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("test cluster unreachable: " + message);
  }
  PGresult* result = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  std::string message = PQerrorMessage(conn);
  PQclear(result);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("admin statement failed: " + message);
}

std::string RandomSuffix() {
  static std::atomic<int> counter{0};
  std::random_device device;
  return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(device() % 100000);
}

std::string ReadAll(int fd) {
  std::string out;
  std::array<char, 65536> buffer{};
  ssize_t n = 0;
  while ((n = read(fd, buffer.data(), buffer.size())) > 0) out.append(buffer.data(), static_cast<std::size_t>(n));
  return out;
}

}  // namespace

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool InCi() { return Env("CI") == "true" || Env("CI") == "1"; }

std::string SharedDir() {
  std::string dir = Env("VIDEOBOT_SHARED_DIR");
  if (dir.empty()) dir = SourceDir() + "/../shared";
  return std::filesystem::is_directory(dir) ? std::filesystem::canonical(dir).string() : "";
}

std::string BinaryPath() {
  const std::string path = Env("VIDEOBOT_BINARY");
  return path.empty() ? VIDEOBOT_DEFAULT_BINARY : path;
}

std::string SourceDir() {
  const std::string path = Env("VIDEOBOT_SOURCE_DIR");
  return path.empty() ? VIDEOBOT_DEFAULT_SOURCE_DIR : path;
}

std::string PostgresUrlOf(const std::string& name) {
  const std::string admin = Env("VIDEOBOT_TEST_PG_ADMIN_URL");
  return admin.substr(0, admin.rfind('/') + 1) + name;
}

void CreatePostgresDatabase(const std::string& name) { AdminExecute("CREATE DATABASE " + name); }

void DropPostgresDatabase(const std::string& name) {
  AdminExecute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

ScratchPostgres::ScratchPostgres() : name_("vb_" + RandomSuffix()), url_(PostgresUrlOf(name_)) {
  CreatePostgresDatabase(name_);
}

ScratchPostgres::~ScratchPostgres() {
  try {
    DropPostgresDatabase(name_);
  } catch (const std::exception&) {
    // The cluster is thrown away at the end of the run anyway.
  }
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "videobot-test.XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& input,
                         const std::vector<std::string>& env) {
  int in_pipe[2];
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
    posix_spawn_file_actions_addclose(&actions, fd);
  }
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
  for (const auto& extra : env) env_strings.push_back(extra);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = argv;
  std::vector<char*> argp;
  for (auto& a : args) argp.push_back(a.data());
  argp.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argp[0], &actions, nullptr, argp.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::runtime_error("posix_spawn failed for " + argv[0]);
  }
  std::thread writer([&] {
    std::size_t written = 0;
    while (written < input.size()) {
      const ssize_t n = write(in_pipe[1], input.data() + written, input.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    close(in_pipe[1]);
  });
  ProcessResult result;
  std::thread err_reader([&] { result.err = ReadAll(err_pipe[0]); });
  result.out = ReadAll(out_pipe[0]);
  err_reader.join();
  writer.join();
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace videobot::testing
