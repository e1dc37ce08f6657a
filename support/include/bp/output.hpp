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
// deletes the temporary file and the previous target, if any, is unchanged. A process killed
// outright (SIGKILL) can leave the temporary file behind, but never a truncated target.
class AtomicFile {
 public:
  // Throws std::runtime_error if the target's folder does not exist ("cannot write
  // results/x.csv: folder results does not exist") or the temporary file cannot be created.
  explicit AtomicFile(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Where to write; throws std::logic_error after commit().
  std::ostream& stream();
  // Flushes, checks that every write succeeded, and renames over the target. Throws
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
  std::ofstream out_;
  bool committed_ = false;
  bool discarded_ = false;
};

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
  // As AtomicFile::commit(): the file appears, complete, only now.
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
