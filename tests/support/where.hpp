#pragma once
// Where to look when a stage test fails: appended to every assertion's message so a failure
// names the function, its file and the section of the guide to read.
#include <cmath>
#include <string>

namespace bp::test {

struct Where {
  const char* function;  // "sigmoid"
  const char* file;      // "exercises/01_perceptron/sigmoid.cpp"
  const char* docs;      // "docs/01_perceptron.md#task-11-the-sigmoid"
};

// A plain comparison's hint for the classic "sum instead of mean" slip: "" unless got is n
// (or 1/n) times want.
inline std::string mean_hint(double got, double want, double n) {
  if (want == 0.0 || n <= 1.0) return "";
  const double ratio = got / want;
  if (std::abs(ratio - n) <= 1e-9 * n)
    return "\n  hint: your value is n = " + std::to_string(static_cast<long long>(n)) +
           " times the expected one: a sum over the samples, not the mean (divide by n)";
  if (std::abs(ratio * n - 1.0) <= 1e-9)
    return "\n  hint: your value is the expected one divided by n once too often";
  return "";
}

inline std::string describe(const Where& w) {
  return std::string("\n  -> check ") + w.function + "() in " + w.file + "\n  -> read " + w.docs;
}

}  // namespace bp::test
