#pragma once
// What the kit's programs share about their output files: every file is opened (as a
// temporary file, bp::data::AtomicFile) before any work, so a bad path is a usage error
// (exit code 2) that costs nothing, and the files appear only when everything succeeded.
// Kit infrastructure, not an exercise.
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "bp/cli.hpp"
#include "bp/not_implemented.hpp"

namespace bp::apps {

// The exit codes of every training program, for its --help.
inline const char* const kExitCodes =
    "Exit codes: 0 done; 1 a data file could not be read, an output could not be written, or "
    "another error; 2 a bad option or value, an output path that cannot be written (a folder "
    "that does not exist, a device), or options that do not fit the data, all checked before "
    "any training; 3 a stage is not finished (a stub threw NotImplemented)";

// main() of every program: runs body(argc, argv) and turns each kind of error into one line
// on stderr and its exit code from kExitCodes (2 usage, 3 a stub, 1 anything else), so no
// program ever ends with an uncaught exception. unfinished: "stage 1 is not finished".
inline int run_program(const std::string& name, const std::string& unfinished,
                       int (*body)(int, const char* const*), int argc, char** argv) {
  try {
    return body(argc, argv);
  } catch (const bp::cli::UsageError& e) {
    std::cerr << name << ": " << e.what() << "\n(run " << name << " --help)\n";
    return 2;
  } catch (const bp::NotImplemented& e) {
    std::cerr << name << ": " << unfinished << ": " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << name << ": " << e.what() << "\n";
    return 1;
  }
}

// Opens File (AtomicFile or CsvWriter) on path; a path that cannot be written becomes a
// UsageError naming the flag ("--out: cannot write x/y.csv: folder x does not exist").
template <typename File, typename... Rest>
std::unique_ptr<File> open_output(const std::string& flag, const std::string& path,
                                  Rest&&... rest) {
  try {
    return std::make_unique<File>(path, std::forward<Rest>(rest)...);
  } catch (const bp::cli::UsageError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw bp::cli::UsageError("--" + flag + ": " + e.what());
  }
}

// s as a JSON string literal: quotes, backslashes and control characters escaped.
inline std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += "\\u00";
      out += "0123456789abcdef"[u >> 4];
      out += "0123456789abcdef"[u & 15];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace bp::apps
