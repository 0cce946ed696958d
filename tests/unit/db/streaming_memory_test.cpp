// The loader's reading and parsing path keeps memory flat: a document far larger than the
// memory it may use passes through a pipe, video by video.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <istream>
#include <ostream>
#include <streambuf>
#include <thread>

#include "datagen/generator.hpp"
#include "db/video_parser.hpp"
#include "db/video_stream.hpp"

namespace videobot::db::testing {
namespace {

// Minimal stream buffers over a file descriptor.
class FdReadBuffer : public std::streambuf {
 public:
  explicit FdReadBuffer(int fd) : fd_(fd) {}

 protected:
  int_type underflow() override {
    const ssize_t n = read(fd_, buffer_, sizeof buffer_);
    if (n <= 0) return traits_type::eof();
    setg(buffer_, buffer_, buffer_ + n);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  int fd_;
  char buffer_[1 << 16];
};

class FdWriteBuffer : public std::streambuf {
 public:
  explicit FdWriteBuffer(int fd) : fd_(fd) {}

 protected:
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    std::streamsize done = 0;
    while (done < size) {
      const ssize_t n = write(fd_, data + done, static_cast<std::size_t>(size - done));
      if (n <= 0) return done;
      done += n;
    }
    return done;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }

 private:
  int fd_;
};

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(StreamingMemoryTest, PeakMemoryDoesNotGrowWithTheDocument) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::int64_t written = 0;
  std::thread writer([&] {
    FdWriteBuffer buffer(fds[1]);
    std::ostream out(&buffer);
    datagen::GeneratorOptions options;
    options.videos = 3000;  // about 150 MB of JSON
    options.seed = 5;
    datagen::Generate(options, out);
    close(fds[1]);
    written = 1;
  });
  const long before = PeakRssKb();
  FdReadBuffer buffer(fds[0]);
  std::istream input(&buffer);
  VideoStream stream(input);
  stream.set_padding(VideoParser::kPadding);
  VideoParser parser;
  std::int64_t videos = 0;
  std::int64_t snapshots = 0;
  while (true) {
    auto next = stream.Next();
    ASSERT_TRUE(next.has_value()) << next.error().Describe();
    if (!*next) break;
    auto parsed = parser.Parse(stream.object_data(), stream.object_size(), stream.object_capacity(),
                               stream.object_offset(), stream.object_index());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
    ++videos;
    snapshots += static_cast<std::int64_t>(parser.snapshots().size());
  }
  writer.join();
  close(fds[0]);
  const long growth_kb = PeakRssKb() - before;
  EXPECT_EQ(videos, 3000);
  EXPECT_GT(snapshots, 250'000);
  EXPECT_GT(stream.bytes_consumed(), std::int64_t{100} << 20);
  EXPECT_EQ(written, 1);
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer keeps freed memory in quarantine: peak RSS says nothing here";
#endif
  // A DOM, or even a copy of the text, would need well over 100 MB here.
  EXPECT_LT(growth_kb, 32 * 1024) << "peak RSS grew by " << growth_kb << " KB for " << stream.bytes_consumed()
                                  << " bytes of input";
}

}  // namespace
}  // namespace videobot::db::testing
