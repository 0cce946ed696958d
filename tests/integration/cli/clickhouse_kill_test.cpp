// kill -9 in the middle of a ClickHouse load (`videobot load -` fed through a pipe, killed once
// its first batch is in the staging tables): the questions still read the previous data, and
// the next load succeeds and clears what the killed one left.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "datagen/generator.hpp"
#include "db/coverage.hpp"
#include "db/database.hpp"
#include "db/loader.hpp"
#include "db/migrations.hpp"
#include "support/clickhouse_env.hpp"
#include "support/generated_document.hpp"

extern char** environ;

namespace videobot::testing {
namespace {

// An output buffer writing to a file descriptor; a failed write (the reader is gone) throws.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }

 protected:
  int overflow(int c) override {
    Drain();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override {
    Drain();
    return 0;
  }

 private:
  void Drain() {
    const char* data = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0) {
      const ssize_t written = ::write(fd_, data, left);
      if (written <= 0) throw std::runtime_error("the reader is gone");
      data += written;
      left -= static_cast<std::size_t>(written);
    }
    setp(buffer_, buffer_ + sizeof buffer_);
  }

  int fd_;
  char buffer_[1 << 16];
};

// What a question can see: counts and a sum over both tables.
std::string Visible(db::Database& database) {
  std::string out;
  for (const char* sql : {"SELECT count(), sum(views_count) FROM videos",
                          "SELECT count(), sum(delta_views_count) FROM video_snapshots"}) {
    const auto rows = database.Query(sql::Query{sql, {}});
    for (const auto& cell : rows.at(0)) {
      out += std::holds_alternative<std::int64_t>(cell) ? std::to_string(std::get<std::int64_t>(cell)) : "?";
      out += ' ';
    }
  }
  const auto coverage = db::ReadCoverage(database);
  return out + std::to_string(coverage.videos) + ' ' + std::to_string(coverage.snapshots);
}

std::int64_t StagedSnapshots(db::Database& database) {
  try {
    const auto rows = database.Query(sql::Query{"SELECT count() FROM video_snapshots_staging", {}});
    return std::get<std::int64_t>(rows.at(0).at(0));
  } catch (const db::DatabaseError&) {
    return 0;  // not created yet
  }
}

bool HasStagingTables(db::Database& database) {
  return !database
              .Query(sql::Query{"SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE "
                                "'%staging%'",
                                {}})
              .empty();
}

void LoadDocument(db::Database& database, const std::string& document) {
  std::istringstream input(document);
  const auto stats = db::Load(database, input);
  ASSERT_TRUE(stats.has_value()) << stats.error().Describe();
}

TEST(ClickHouseKill, AKilledLoadLeavesThePreviousAnswers) {
  VIDEOBOT_REQUIRE_CLICKHOUSE();
  std::signal(SIGPIPE, SIG_IGN);
  // One server: a cluster runs the same staging and switch code on each host (the loader tests
  // cover its failed loads), and each run streams a full batch (~200,000 snapshots) first.
  {
    ScratchClickHouse scratch(false);
    auto database = db::Open(scratch.url());
    db::Migrate(*database);
    LoadDocument(*database, GeneratedDocument({.videos = 30, .creators = 4, .seed = 1}));
    const std::string before = Visible(*database);

    int pipe_fds[2];
    ASSERT_EQ(pipe(pipe_fds), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], 0);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const std::string binary = BinaryPath();
    const std::string url = scratch.url();
    std::vector<char*> argv{
        const_cast<char*>(binary.c_str()), const_cast<char*>("--db"), const_cast<char*>(url.c_str()),
        const_cast<char*>("load"),         const_cast<char*>("-"),    nullptr};
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[0]);
    // Far more than one batch: the loader can never reach its switch before the kill.
    std::thread writer([fd = pipe_fds[1]] {
      FdBuffer buffer(fd);
      std::ostream out(&buffer);
      try {
        datagen::Generate({.videos = 100000, .creators = 50, .seed = 2}, out);
        out.flush();
      } catch (const std::exception&) {
        // The loader was killed.
      }
      close(fd);
    });
    const bool staged = WaitFor([&] { return StagedSnapshots(*database) > 0; }, std::chrono::seconds(300));
    ASSERT_GT(pid, 0);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    writer.join();
    ASSERT_TRUE(staged) << "the load never staged a batch";
    EXPECT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(Visible(*database), before);

    const std::string next = GeneratedDocument({.videos = 20, .creators = 3, .seed = 3});
    LoadDocument(*database, next);
    EXPECT_FALSE(HasStagingTables(*database));
    EXPECT_EQ(db::ReadCoverage(*database).videos, 50);
  }
}

}  // namespace
}  // namespace videobot::testing
