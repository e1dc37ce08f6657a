#pragma once
// The error every stub throws until the student writes the function. Kit infrastructure:
// never an exercise, never stubbed.
#include <stdexcept>
#include <string>

namespace bp {

class NotImplemented : public std::logic_error {
 public:
  // function: the function to write; file: where it is (__FILE__ is fine, the path is
  // shortened to start at exercises/ or solutions/); task: "1.1"; docs:
  // "docs/01_perceptron.md#task-11".
  NotImplemented(const std::string& function, const std::string& file, const std::string& task,
                 const std::string& docs);

  const std::string& function() const noexcept { return function_; }
  const std::string& task() const noexcept { return task_; }

 private:
  std::string function_;
  std::string task_;
};

// Shortens an absolute source path to the part a student recognises (exercises/...).
std::string kit_relative_path(const std::string& path);

}  // namespace bp

// In a stub: BP_NOT_IMPLEMENTED("1.1", "docs/01_perceptron.md#task-11-the-sigmoid");
#define BP_NOT_IMPLEMENTED(task, docs) \
  throw ::bp::NotImplemented(__func__, __FILE__, (task), (docs))
