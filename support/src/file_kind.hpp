#pragma once
// Private to bp_support: what a path that is not a regular file is, for messages.
#include <filesystem>
#include <string>

namespace bp::data::detail {

inline std::string file_kind(std::filesystem::file_type type) {
  switch (type) {
    case std::filesystem::file_type::directory:
      return "a folder";
    case std::filesystem::file_type::fifo:
      return "a named pipe (FIFO)";
    case std::filesystem::file_type::character:
    case std::filesystem::file_type::block:
      return "a device";
    case std::filesystem::file_type::socket:
      return "a socket";
    default:
      return "a special file";
  }
}

}  // namespace bp::data::detail
