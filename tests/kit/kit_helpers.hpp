#pragma once
// Test helpers for the kit's data tests: a fresh folder per test, a temporary environment
// variable or locale, and checks on error messages.
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <locale>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#ifdef _WIN32
#include <process.h>
#else
#include <unistd.h>
#endif

namespace bp::kit_test {

// A folder of its own for each test, under GoogleTest's temporary folder, so tests can run in
// parallel (ctest -j) without seeing each other's files. Removed when the test ends.
class TempDir {
 public:
  TempDir() {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
#ifdef _WIN32
    const int pid = _getpid();
#else
    const int pid = static_cast<int>(getpid());
#endif
    path_ = std::filesystem::path(::testing::TempDir()) /
            (std::string("bp_kit_") + test->test_suite_name() + "_" + test->name() + "_" +
             std::to_string(pid));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string folder() const { return path_.string(); }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

  // Writes contents byte for byte (binary, so "\r\n" stays) and returns the file's path.
  std::string write(const std::string& name, const std::string& contents) const {
    const std::string file = path(name);
    std::ofstream out(file, std::ios::binary);
    out << contents;
    return file;
  }

  // The file's bytes, or "" if it does not exist.
  static std::string read(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  // Number of entries in the folder (to see that no temporary file was left behind).
  std::size_t entries() const {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(path_)) ++n;
    return n;
  }

 private:
  std::filesystem::path path_;
};

// Sets (or with nullptr unsets) an environment variable for one test and restores it after,
// so a user's own BACKPROP_DATA_DIR survives a run of the whole binary.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) previous_ = old;
    set(value);
  }
  ~ScopedEnv() { set(previous_ ? previous_->c_str() : nullptr); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  void set(const char* value) const {
#ifdef _WIN32
    _putenv_s(name_.c_str(), value ? value : "");
#else
    if (value) {
      setenv(name_.c_str(), value, 1);
    } else {
      unsetenv(name_.c_str());
    }
#endif
  }

  std::string name_;
  std::optional<std::string> previous_;
};

// A locale whose decimal separator is a comma, as in much of Europe, for one test. The C++
// global locale always gets it (it breaks parsing through iostreams); the C locale, which
// strtod and printf follow, gets it only if such a locale is installed: c_locale() says which.
class CommaDecimalLocale {
 public:
  CommaDecimalLocale()
      : previous_(std::locale::global(std::locale(std::locale::classic(), new Comma))) {
    if (const char* old = std::setlocale(LC_NUMERIC, nullptr)) previous_c_ = old;
    for (const char* name : {"de_DE.UTF-8", "fr_FR.UTF-8", "nb_NO.UTF-8", "de_DE", "German"}) {
      if (std::setlocale(LC_NUMERIC, name) != nullptr) {
        c_locale_ = name;
        break;
      }
    }
  }
  ~CommaDecimalLocale() {
    std::locale::global(previous_);
    std::setlocale(LC_NUMERIC, previous_c_.c_str());
  }
  CommaDecimalLocale(const CommaDecimalLocale&) = delete;
  CommaDecimalLocale& operator=(const CommaDecimalLocale&) = delete;

  // The C locale in force, or "" if none with a decimal comma is installed.
  const std::string& c_locale() const { return c_locale_; }

 private:
  struct Comma : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
  };

  std::locale previous_;
  std::string previous_c_ = "C";
  std::string c_locale_;
};

// EXPECT_TRUE(Contains(message, "expected")) prints the whole message when it fails.
inline ::testing::AssertionResult Contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

// The what() of the exception of type E that f throws; fails the test if f throws nothing.
template <typename E, typename F>
std::string message_of(F f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception, none was thrown";
  return "";
}

}  // namespace bp::kit_test
