#include "bp/not_implemented.hpp"

namespace bp {

std::string kit_relative_path(const std::string& path) {
  for (const char* root : {"exercises/", "solutions/", "support/", "tests/", "apps/"}) {
    const std::string::size_type at = path.rfind(root);
    if (at != std::string::npos) return path.substr(at);
  }
  return path;
}

NotImplemented::NotImplemented(const std::string& function, const std::string& file,
                               const std::string& task, const std::string& docs)
    : std::logic_error("not written yet: " + function + "() in " + kit_relative_path(file) +
                       " (task " + task + "). Read " + docs + ", then replace the " +
                       "BP_NOT_IMPLEMENTED line with your code."),
      function_(function),
      task_(task) {}

}  // namespace bp
