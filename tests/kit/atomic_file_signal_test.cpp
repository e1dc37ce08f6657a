// AtomicFile and Ctrl-C: an interrupted or terminated run leaves no temporary file behind.
// Each test runs the writing side in a child process and sends it a real signal.
#include <chrono>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "bp/output.hpp"
#include "kit_helpers.hpp"

#ifndef _WIN32
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

using bp::data::AtomicFile;
using bp::kit_test::TempDir;

#ifndef _WIN32

// Runs prepare() in a child process, sends it signal_number once prepare() has returned, and
// gives the child's wait status (or -1 if it did not end within 10 s: then it is killed).
int status_after_signal(int signal_number, const std::function<void()>& prepare) {
  int ready[2];
  if (pipe(ready) != 0) return -1;
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    close(ready[0]);
    // A test runner started in the background may ignore SIGINT; the program under test here
    // is one started from a terminal, where it is not ignored.
    struct sigaction current {};
    if (sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == SIG_IGN)
      signal(signal_number, SIG_DFL);
    try {
      prepare();
    } catch (...) {
      _exit(99);
    }
    if (write(ready[1], "r", 1) != 1) _exit(98);
    for (;;) pause();  // until the signal ends the process
  }
  close(ready[1]);
  pollfd wait_ready{ready[0], POLLIN, 0};
  char byte = 0;
  const bool is_ready = poll(&wait_ready, 1, 10000) == 1 && read(ready[0], &byte, 1) == 1;
  close(ready[0]);
  if (is_ready) kill(pid, signal_number);
  int status = 0;
  for (int waited_ms = 0; waited_ms < 10000; waited_ms += 10) {
    if (waitpid(pid, &status, WNOHANG) == pid) return is_ready ? status : -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return -1;
}

void expect_ended_by(int status, int signal_number) {
  ASSERT_NE(status, -1) << "the child did not get ready or did not end";
  ASSERT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) == 99) << "prepare() threw";
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited instead of ending by the signal";
  // The signal is raised again after the cleanup, so a shell still sees 128 + signal.
  EXPECT_EQ(WTERMSIG(status), signal_number);
}

TEST(AtomicFileOnSignals, RemovesTheTemporaryFilesWhenTheProcessIsTerminated) {
  TempDir dir;
  const int status = status_after_signal(SIGTERM, [&] {
    // Never destroyed: the process ends while they are open, as a terminated run does.
    (new AtomicFile(dir.path("a.csv")))->stream() << "half of a\n";
    (new AtomicFile(dir.path("b.csv")))->stream() << "half of b\n";
    if (dir.entries() != 2u) throw std::runtime_error("expected two temporary files");
  });
  expect_ended_by(status, SIGTERM);
  EXPECT_EQ(dir.entries(), 0u) << "a temporary file was left behind";
}

TEST(AtomicFileOnSignals, RemovesTheTemporaryFilesOnCtrlC) {
  TempDir dir;
  const int status = status_after_signal(
      SIGINT, [&] { (new AtomicFile(dir.path("a.csv")))->stream() << "half of a\n"; });
  expect_ended_by(status, SIGINT);
  EXPECT_EQ(dir.entries(), 0u) << "a temporary file was left behind";
}

TEST(AtomicFileOnSignals, KeepsCommittedFilesAndThePreviousVersionOfTheOthers) {
  TempDir dir;
  dir.write("b.csv", "previous b\n");
  const int status = status_after_signal(SIGTERM, [&] {
    AtomicFile* a = new AtomicFile(dir.path("a.csv"));
    a->stream() << "complete a\n";
    a->commit();
    (new AtomicFile(dir.path("b.csv")))->stream() << "half of b\n";
  });
  expect_ended_by(status, SIGTERM);
  EXPECT_EQ(TempDir::read(dir.path("a.csv")), "complete a\n");
  EXPECT_EQ(TempDir::read(dir.path("b.csv")), "previous b\n");
  EXPECT_EQ(dir.entries(), 2u) << "a temporary file was left behind";
}

TEST(AtomicFileOnSignals, LeavesAHandlerOfTheProgramsOwnInPlace) {
  TempDir dir;
  const int status = status_after_signal(SIGHUP, [&] {
    struct sigaction own {};
    own.sa_handler = [](int) { _exit(42); };
    sigemptyset(&own.sa_mask);
    sigaction(SIGHUP, &own, nullptr);
    (new AtomicFile(dir.path("a.csv")))->stream() << "half of a\n";
  });
  ASSERT_NE(status, -1) << "the child did not get ready or did not end";
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 42) << "the program's own SIGHUP handler did not run";
}

#endif  // _WIN32

}  // namespace
