#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "bp/output.hpp"
#include "bp/text.hpp"
#include "file_kind.hpp"

#ifdef _WIN32
#include <process.h>
#define BP_GETPID _getpid
#else
#include <signal.h>
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

// Everything that can be known about the target before the temporary file is created.
void check_target(const std::string& path) {
  const std::string where = "cannot write " + printable(path) + ": ";
  const fs::path folder = fs::path(path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !fs::exists(folder, ec)) {
    throw std::runtime_error(where + "folder " + printable(folder.string()) + " does not exist");
  }
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    throw std::runtime_error(where + printable(folder.string()) + " is not a folder");
  }
  // status() follows a symbolic link: a link to /dev/null is refused like /dev/null itself.
  const fs::file_status status = fs::status(path, ec);
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    // rename() would replace the device, pipe or socket itself (as root, even /dev/null).
    throw std::runtime_error(where + "it exists and is not a regular file but " +
                             detail::file_kind(status.type()) +
                             "; give the path of a file to create or replace");
  }
}

// The reason the last system call failed, or "" if errno says nothing.
std::string reason(int error) {
  return error != 0 ? std::string(": ") + std::strerror(error) : std::string();
}

// The registry of live temporary files, read by the signal handler. A fixed table of
// lock-free atomic pointers: registering and unregistering never block, and the handler
// only loads pointers, which is async-signal-safe. Each pointer is the c_str() of an
// AtomicFile's registered_path_, which stays valid until the slot is cleared.
constexpr std::size_t kSlots = 1024;
std::atomic<const char*> g_live[kSlots] = {};
static_assert(std::atomic<const char*>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

// The slot taken, or kSlots if the table is full (the file then simply is not removed on a
// signal; everything else works as usual).
std::size_t register_temp(const char* path) {
  for (std::size_t i = 0; i < kSlots; ++i) {
    const char* expected = nullptr;
    if (g_live[i].compare_exchange_strong(expected, path)) return i;
  }
  return kSlots;
}

void unregister_temp(std::size_t slot) {
  if (slot < kSlots) g_live[slot].store(nullptr);
}

}  // namespace

#ifndef _WIN32
extern "C" {
// Only async-signal-safe calls: atomic loads, unlink and raise. SA_RESETHAND has restored
// the default action on entry and the signal is blocked while the handler runs, so raising
// it again ends the process (killed by that signal) as soon as the handler returns.
static void bp_remove_temp_files_handler(int signal_number) {
  const int saved_errno = errno;
  for (std::atomic<const char*>& slot : g_live) {
    if (const char* path = slot.load()) ::unlink(path);
  }
  ::raise(signal_number);
  errno = saved_errno;
}
}
#endif

void remove_temp_files_on_signals() {
#ifndef _WIN32
  static std::mutex mutex;
  static bool installed[3] = {false, false, false};
  const int signals[3] = {SIGINT, SIGTERM, SIGHUP};
  const std::lock_guard<std::mutex> lock(mutex);
  for (int k = 0; k < 3; ++k) {
    if (installed[k]) continue;
    struct sigaction current {};
    if (sigaction(signals[k], nullptr, &current) != 0) continue;
    // Ignored (nohup, a background job) or handled by the program: not ours to take over.
    // Checked again on the next call, in case the program restores the default.
    if ((current.sa_flags & SA_SIGINFO) != 0 || current.sa_handler != SIG_DFL) continue;
    struct sigaction action {};
    action.sa_handler = bp_remove_temp_files_handler;
    sigemptyset(&action.sa_mask);
    for (int other : signals) sigaddset(&action.sa_mask, other);  // one cleanup at a time
    action.sa_flags = SA_RESETHAND;
    if (sigaction(signals[k], &action, nullptr) == 0) installed[k] = true;
  }
#endif
}

AtomicFile::AtomicFile(const std::string& path) : path_(path), slot_(kSlots) {
  check_target(path_);
  remove_temp_files_on_signals();
  temp_path_ = temp_name(path_);
  std::error_code ec;
  const fs::path absolute = fs::absolute(temp_path_, ec);
  registered_path_ = ec ? temp_path_ : absolute.string();
  // Registered before the file exists, so no signal can come between creating and
  // registering it (unlinking a file that does not exist yet is harmless).
  slot_ = register_temp(registered_path_.c_str());
  errno = 0;
  // Binary: '\n' stays '\n' on every platform, so the same run writes the same bytes.
  out_.open(temp_path_, std::ios::out | std::ios::trunc | std::ios::binary);
  if (!out_) {
    const int error = errno;
    unregister_temp(slot_);
    slot_ = kSlots;
    throw std::runtime_error("cannot write " + printable(path_) + ": cannot create " +
                             printable(temp_path_) + reason(error) + " (is the folder writable?)");
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) discard();
  unregister_temp(slot_);
}

void AtomicFile::discard() noexcept {
  if (discarded_) return;
  discarded_ = true;
  out_.close();
  std::error_code ec;
  fs::remove(temp_path_, ec);  // best effort: a destructor must not throw
  unregister_temp(slot_);      // after the removal: a signal in between only repeats it
  slot_ = kSlots;
}

std::ostream& AtomicFile::stream() {
  if (committed_ || discarded_ || finished_) {
    throw std::logic_error("AtomicFile " + path_ + ": written after finish() or commit()");
  }
  return out_;
}

void AtomicFile::finish() {
  if (committed_ || discarded_) {
    throw std::logic_error("AtomicFile " + path_ + ": finish() called after commit()");
  }
  if (finished_) return;
  // A full disk shows up only as a failed stream, possibly only when the last buffer is
  // written out by flush() or close(): each is checked, so a truncated file never replaces
  // a good one.
  const bool written = !out_.fail();
  errno = 0;
  out_.flush();
  const bool flushed = !out_.fail();
  const int flush_error = errno;
  errno = 0;
  out_.close();
  const int close_error = errno;
  if (!written || !flushed || out_.fail()) {
    const int error = flush_error != 0 ? flush_error : close_error;
    discard();
    throw std::runtime_error("writing " + printable(path_) + " failed" +
                             (error != 0 ? reason(error) : std::string(" (disk full?)")) +
                             "; the previous file, if any, is unchanged");
  }
  finished_ = true;
}

void AtomicFile::commit() {
  if (committed_ || discarded_) {
    throw std::logic_error("AtomicFile " + path_ + ": commit() called twice");
  }
  finish();
  std::error_code ec;
  fs::rename(temp_path_, path_, ec);
  if (ec) {
    discard();
    throw std::runtime_error("cannot replace " + printable(path_) + ": " + ec.message());
  }
  committed_ = true;
  unregister_temp(slot_);  // after the rename: the temporary name no longer exists
  slot_ = kSlots;
}

}  // namespace bp::data
