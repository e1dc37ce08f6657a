#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "bp/output.hpp"

#ifdef _WIN32
#include <process.h>
#define BP_GETPID _getpid
#else
#include <unistd.h>
#define BP_GETPID getpid
#endif

namespace bp::data {
namespace {

namespace fs = std::filesystem;

// The pid keeps two runs apart, the counter two AtomicFiles for one target in one run.
std::string temp_name(const std::string& path) {
  static std::atomic<unsigned long> counter{0};
  return path + ".tmp-" + std::to_string(BP_GETPID()) + "-" + std::to_string(counter++);
}

void check_target(const std::string& path) {
  const fs::path folder = fs::path(path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !fs::exists(folder, ec)) {
    throw std::runtime_error("cannot write " + path + ": folder " + folder.string() +
                             " does not exist");
  }
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    throw std::runtime_error("cannot write " + path + ": " + folder.string() + " is not a folder");
  }
  if (fs::is_directory(path, ec)) {
    throw std::runtime_error("cannot write " + path + ": it is a folder");
  }
}

}  // namespace

AtomicFile::AtomicFile(const std::string& path) : path_(path) {
  check_target(path_);
  temp_path_ = temp_name(path_);
  // Binary: '\n' stays '\n' on every platform, so the same run writes the same bytes.
  out_.open(temp_path_, std::ios::out | std::ios::trunc | std::ios::binary);
  if (!out_) {
    throw std::runtime_error("cannot write " + path_ + ": cannot create " + temp_path_ +
                             " (is the folder writable?)");
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) discard();
}

void AtomicFile::discard() noexcept {
  if (discarded_) return;
  discarded_ = true;
  out_.close();
  std::error_code ec;
  fs::remove(temp_path_, ec);  // best effort: a destructor must not throw
}

std::ostream& AtomicFile::stream() {
  if (committed_ || discarded_) {
    throw std::logic_error("AtomicFile " + path_ + ": written after commit()");
  }
  return out_;
}

void AtomicFile::commit() {
  if (committed_ || discarded_) {
    throw std::logic_error("AtomicFile " + path_ + ": commit() called twice");
  }
  // A full disk shows up only as a failed stream; checking here is what keeps a truncated
  // file from replacing a good one.
  out_.flush();
  out_.close();
  if (out_.fail()) {
    discard();
    throw std::runtime_error("writing " + path_ + " failed (disk full?); " +
                             "the previous file, if any, is unchanged");
  }
  std::error_code ec;
  fs::rename(temp_path_, path_, ec);
  if (ec) {
    discard();
    throw std::runtime_error("cannot replace " + path_ + ": " + ec.message());
  }
  committed_ = true;
}

}  // namespace bp::data
