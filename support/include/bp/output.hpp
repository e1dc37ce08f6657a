#pragma once
// Writing results so that an interrupted or failed run never leaves a truncated or NaN-filled
// file behind for the plotting script to read. Kit infrastructure, not an exercise.
#include <cstddef>
#include <fstream>
#include <string>
#include <vector>

namespace bp::data {

// A file that appears complete or not at all. Everything is written to a temporary file in
// the target's folder ("<target>.tmp-<pid>-<n>"); commit() renames it over the target, which
// is atomic on POSIX because both are in the same folder. Without commit(), the destructor
// deletes the temporary file and the previous target, if any, is unchanged. On SIGINT,
// SIGTERM or SIGHUP the temporary files of every AtomicFile not yet committed are removed
// before the process ends (see remove_temp_files_on_signals). A process killed outright
// (SIGKILL) can leave a temporary file behind, but never a truncated target.
class AtomicFile {
 public:
  // Throws std::runtime_error, before creating anything, if the target's folder does not
  // exist ("cannot write results/x.csv: folder results does not exist") or the target exists
  // and is not a regular file ("cannot write /dev/null: it exists and is not a regular file
  // (a device)"): renaming over a device, a named pipe, a socket or a folder would replace
  // it. Also throws std::runtime_error if the temporary file cannot be created.
  explicit AtomicFile(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Where to write; throws std::logic_error after finish() or commit().
  std::ostream& stream();
  // Flushes and closes the temporary file and checks that every write succeeded (a full disk
  // shows up only as a failed stream). Throws std::runtime_error if not, after removing the
  // temporary file; the target is untouched either way. A program with several files can
  // finish() them all before it commits any, so a write error leaves no mixed set of old and
  // new files. Throws std::logic_error when called after commit().
  void finish();
  // finish() if not done yet, then renames the temporary file over the target. Throws
  // std::runtime_error if writing or renaming failed (the temporary file is removed and the
  // target left as it was), std::logic_error if called twice.
  void commit();

  const std::string& path() const noexcept { return path_; }
  const std::string& temp_path() const noexcept { return temp_path_; }
  bool committed() const noexcept { return committed_; }

 private:
  void discard() noexcept;

  std::string path_;
  std::string temp_path_;
  std::string registered_path_;  // temp_path_ made absolute, for the signal handler
  std::size_t slot_;             // its place in the registry of live temporary files
  std::ofstream out_;
  bool finished_ = false;
  bool committed_ = false;
  bool discarded_ = false;
};

// Installs handlers for SIGINT (Ctrl-C), SIGTERM and SIGHUP that remove the temporary files
// of every AtomicFile not yet committed and then let the signal end the process as it would
// have (a shell sees the usual status, 128 + the signal's number). Each signal is taken over
// at most once, and only while its action is the default: a signal the process ignores
// (nohup, a background job of a script) stays ignored, and a handler of the program's own is
// left alone. The handler only unlink()s paths registered in advance; it allocates nothing.
// AtomicFile calls this itself, so programs need not; calling it again does nothing.
// On Windows it does nothing.
void remove_temp_files_on_signals();

// A CSV results file in the format read_csv reads: a header row, then rows of numbers with
// full round-trip precision (the shortest text that reads back as the identical double).
class CsvWriter {
 public:
  // header: n column names, non-empty, unique, without commas, quotes or line breaks
  // (std::invalid_argument otherwise). Opens the file like AtomicFile.
  CsvWriter(const std::string& path, std::vector<std::string> header);

  // values: n numbers, one per header column. Throws std::invalid_argument for the wrong
  // count and std::domain_error naming the column for NaN or infinity (nothing of the row is
  // written then): a diverged run must stop and say so, not log NaN.
  void row(const std::vector<double>& values);
  // As AtomicFile::finish() and commit(): the file appears, complete, only at commit().
  void finish() { file_.finish(); }
  void commit() { file_.commit(); }

  const std::string& path() const noexcept { return file_.path(); }
  const std::vector<std::string>& header() const noexcept { return header_; }
  std::size_t rows_written() const noexcept { return rows_; }

 private:
  std::vector<std::string> header_;  // before file_: validated before the file is created
  AtomicFile file_;
  std::size_t rows_ = 0;
};

}  // namespace bp::data
