// AtomicFile: a results file appears complete or not at all.
#include <filesystem>
#include <stdexcept>

#include <gtest/gtest.h>

#include "bp/output.hpp"
#include "kit_helpers.hpp"

namespace {

using bp::data::AtomicFile;
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

}  // namespace
