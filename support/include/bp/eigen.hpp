#pragma once
// Include Eigen through this header. Eigen's own asserts abort the process (and vanish with
// NDEBUG); here a violated Eigen precondition throws instead, so a student's indexing bug
// fails one test with a message rather than killing the whole test binary. The kit's public
// functions still validate shapes themselves (std::invalid_argument naming both shapes);
// this is only the safety net underneath.
#include <stdexcept>
#include <string>

#ifndef eigen_assert
#define eigen_assert(x)                                                            \
  do {                                                                             \
    if (!(x))                                                                      \
      throw ::std::logic_error(std::string("Eigen precondition failed: ") + #x +   \
                               " (an index out of range or a shape mismatch; see " \
                               "docs/troubleshooting.md)");                        \
  } while (false)
#endif

#include <Eigen/Dense>

#include <sstream>

namespace bp {

// "3 x 4": how the kit prints a shape in error messages.
template <typename Derived>
std::string shape_of(const Eigen::EigenBase<Derived>& m) {
  std::ostringstream os;
  os << m.rows() << " x " << m.cols();
  return os.str();
}

}  // namespace bp
