#pragma once
// Where to look when a stage test fails: appended to every assertion's message so a failure
// names the function, its file and the section of the guide to read.
#include <string>

namespace bp::test {

struct Where {
  const char* function;  // "sigmoid"
  const char* file;      // "exercises/01_perceptron/sigmoid.cpp"
  const char* docs;      // "docs/01_perceptron.md#task-11-the-sigmoid"
};

inline std::string describe(const Where& w) {
  return std::string("\n  -> check ") + w.function + "() in " + w.file + "\n  -> read " + w.docs;
}

}  // namespace bp::test
