// AtomicFile: a results file appears complete or not at all, and never replaces anything
// but a regular file.
#include <filesystem>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "bp/output.hpp"
#include "kit_helpers.hpp"

#ifndef _WIN32
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

using bp::data::AtomicFile;
using bp::kit_test::Contains;
using bp::kit_test::message_of;
using bp::kit_test::TempDir;

TEST(AtomicFile, LeavesNoFileWhenNotCommitted) {
  TempDir dir;
  {
    AtomicFile file(dir.path("out.txt"));
    file.stream() << "half a result";
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path("out.txt")));
  EXPECT_EQ(dir.entries(), 0u) << "the temporary file was left behind";
}

TEST(AtomicFile, KeepsThePreviousFileWhenNotCommitted) {
  TempDir dir;
  const std::string target = dir.write("out.txt", "old run\n");
  {
    AtomicFile file(target);
    file.stream() << "interrupted";
  }
  EXPECT_EQ(TempDir::read(target), "old run\n");
}

TEST(AtomicFile, WritesNothingToTheTargetBeforeCommit) {
  TempDir dir;
  const std::string target = dir.write("out.txt", "old run\n");
  AtomicFile file(target);
  file.stream() << "new run\n";
  file.stream().flush();
  EXPECT_EQ(TempDir::read(target), "old run\n");
  file.commit();
}

TEST(AtomicFile, ReplacesTheTargetWhenCommitted) {
  TempDir dir;
  const std::string target = dir.write("out.txt", "old run, longer than the new one\n");
  AtomicFile file(target);
  file.stream() << "new run\n";
  file.commit();
  EXPECT_TRUE(file.committed());
  EXPECT_EQ(TempDir::read(target), "new run\n");
  EXPECT_EQ(dir.entries(), 1u) << "the temporary file was left behind";
}

TEST(AtomicFile, WritesItsTemporaryFileNextToTheTarget) {
  TempDir dir;
  AtomicFile file(dir.path("out.txt"));
  // Same folder, so the final rename cannot cross file systems and stays atomic.
  EXPECT_EQ(std::filesystem::path(file.temp_path()).parent_path(),
            std::filesystem::path(dir.path("out.txt")).parent_path());
  EXPECT_TRUE(std::filesystem::exists(file.temp_path()));
}

TEST(AtomicFile, SaysWhichFolderDoesNotExist) {
  try {
    AtomicFile file("no_such_results_folder/x.csv");
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(),
                 "cannot write no_such_results_folder/x.csv: folder no_such_results_folder "
                 "does not exist");
  }
}

TEST(AtomicFile, RefusesToWriteAfterCommit) {
  TempDir dir;
  AtomicFile file(dir.path("out.txt"));
  file.commit();
  EXPECT_THROW(file.stream(), std::logic_error);
  EXPECT_THROW(file.commit(), std::logic_error);
}

TEST(AtomicFile, RefusesAFolderAsTargetBeforeCreatingAnything) {
  TempDir dir;
  std::filesystem::create_directory(dir.path("results"));
  const std::string target = dir.path("results");
  EXPECT_EQ(message_of<std::runtime_error>([&] { AtomicFile file(target); }),
            "cannot write " + target +
                ": it exists and is not a regular file but a folder; give the path of a file "
                "to create or replace");
  EXPECT_EQ(dir.entries(), 1u) << "a temporary file was created";
  EXPECT_TRUE(std::filesystem::is_directory(target));
}

#ifndef _WIN32
// A named pipe stands in for /dev/null and the other devices: renaming over it would replace
// it with a regular file, as renaming over /dev/null does for root. Tests never point at a
// real device.
TEST(AtomicFile, RefusesANamedPipeAsTargetBeforeCreatingAnything) {
  TempDir dir;
  const std::string target = dir.path("pipe.csv");
  ASSERT_EQ(mkfifo(target.c_str(), 0600), 0);
  EXPECT_EQ(message_of<std::runtime_error>([&] { AtomicFile file(target); }),
            "cannot write " + target +
                ": it exists and is not a regular file but a named pipe (FIFO); give the path "
                "of a file to create or replace");
  EXPECT_EQ(dir.entries(), 1u) << "a temporary file was created";
  EXPECT_TRUE(std::filesystem::is_fifo(target)) << "the named pipe was replaced";
}

TEST(AtomicFile, RefusesASymbolicLinkToANamedPipe) {
  TempDir dir;
  ASSERT_EQ(mkfifo(dir.path("pipe").c_str(), 0600), 0);
  std::filesystem::create_symlink(dir.path("pipe"), dir.path("link.csv"));
  EXPECT_TRUE(
      Contains(message_of<std::runtime_error>([&] { AtomicFile file(dir.path("link.csv")); }),
               "it exists and is not a regular file but a named pipe"));
  EXPECT_TRUE(std::filesystem::is_symlink(dir.path("link.csv")));
}
#endif

TEST(AtomicFile, ReportsAFailedWriteAtCommitAndKeepsThePreviousFile) {
  TempDir dir;
  const std::string target = dir.write("out.txt", "old run\n");
  AtomicFile file(target);
  file.stream() << "new run\n";
  file.stream().setstate(std::ios::badbit);  // what a write to a full disk leaves behind
  EXPECT_TRUE(Contains(message_of<std::runtime_error>([&] { file.commit(); }),
                       "writing " + target + " failed"));
  EXPECT_FALSE(file.committed());
  EXPECT_EQ(TempDir::read(target), "old run\n");
  EXPECT_EQ(dir.entries(), 1u) << "the temporary file was left behind";
}

TEST(AtomicFile, FinishChecksTheWritesWithoutTouchingTheTarget) {
  TempDir dir;
  const std::string target = dir.write("out.txt", "old run\n");
  AtomicFile file(target);
  file.stream() << "new run\n";
  file.finish();
  EXPECT_EQ(TempDir::read(target), "old run\n");
  EXPECT_THROW(file.stream(), std::logic_error);
  file.commit();
  EXPECT_EQ(TempDir::read(target), "new run\n");
}

#ifndef _WIN32
// A real write error, in a child process: a file size limit makes writes past 1000 bytes
// fail (EFBIG) as a full disk makes them fail (ENOSPC), in write(), flush() or close().
TEST(AtomicFile, ReportsAFullDiskAtCommitAndKeepsThePreviousFile) {
  TempDir dir;
  const std::string target = dir.write("out.txt", "old run\n");
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);  // a failed write, not the end of the process
    rlimit limit{};
    getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = 1000;
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(20);
    try {
      AtomicFile file(target);
      for (int i = 0; i < 10000; ++i) file.stream() << "0.123456789,";
      file.commit();
      _exit(10);  // reported success
    } catch (const std::runtime_error& e) {
      _exit(std::string(e.what()).find("writing " + target + " failed") == 0 ? 0 : 11);
    } catch (...) {
      _exit(12);
    }
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_NE(WEXITSTATUS(status), 10) << "commit() reported success although writing failed";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "10: no error, 11: another message, 12: another "
                                       "exception, 20: no file size limit";
  EXPECT_EQ(TempDir::read(target), "old run\n");
  EXPECT_EQ(dir.entries(), 1u) << "the temporary file was left behind";
}
#endif

}  // namespace
