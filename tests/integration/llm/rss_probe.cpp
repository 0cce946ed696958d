// rss_probe OUT_FILE PROGRAM [ARGS…]: runs PROGRAM (a full path) as a child, waits for it, writes
// the child's peak resident set in KiB to OUT_FILE and exits with the child's status (128 + the
// signal when it was killed). A test spawns this small process rather than the program itself:
// Linux counts the memory of the process a child was spawned from into the child's peak, so the
// test binary, many megabytes large, would hide the peak of a small program.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: rss_probe OUT_FILE PROGRAM [ARGS...]\n", stderr);
    return 125;
  }
  const pid_t pid = fork();
  if (pid < 0) return 126;
  if (pid == 0) {
    execv(argv[2], argv + 2);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) return 126;
  }
  std::FILE* out = std::fopen(argv[1], "w");
  if (out == nullptr) return 126;
  std::fprintf(out, "%ld\n", usage.ru_maxrss);
  std::fclose(out);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
