# Find Eigen 3 and GoogleTest as installed packages; fall back sensibly, and when that is
# impossible stop with a message that says exactly what to install.

set(_bp_install_hint
"  Debian/Ubuntu:  sudo apt-get install cmake g++ libeigen3-dev libgtest-dev
  Fedora:         sudo dnf install cmake gcc-c++ eigen3-devel gtest-devel
  macOS (brew):   brew install cmake eigen googletest
  Or run ./kit doctor, which checks everything and prints the missing pieces.")

find_package(Eigen3 3.3 QUIET NO_MODULE)
if(NOT TARGET Eigen3::Eigen)
  message(FATAL_ERROR
    "backprop-kit needs Eigen 3 (header-only linear algebra), and CMake could not find it.\n"
    "${_bp_install_hint}")
endif()
message(STATUS "backprop-kit: Eigen ${Eigen3_VERSION}")

# GoogleTest's own CMake (1.11+) defines the GTest:: names; older sources do not.
macro(bp_alias_gtest)
  if(NOT TARGET GTest::gtest)
    add_library(GTest::gtest ALIAS gtest)
  endif()
  if(NOT TARGET GTest::gtest_main)
    add_library(GTest::gtest_main ALIAS gtest_main)
  endif()
endmacro()

set(BACKPROP_GTEST_SOURCE_DIR /usr/src/googletest CACHE PATH
    "GoogleTest sources to build when no installed GoogleTest package is found")
find_package(GTest QUIET)
if(TARGET GTest::gtest AND TARGET GTest::gtest_main)
  message(STATUS "backprop-kit: GoogleTest found as an installed package")
elseif(EXISTS "${BACKPROP_GTEST_SOURCE_DIR}/CMakeLists.txt")
  # Debian's 'googletest' package ships the sources only: build them here.
  message(STATUS "backprop-kit: building GoogleTest from ${BACKPROP_GTEST_SOURCE_DIR}")
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
  add_subdirectory("${BACKPROP_GTEST_SOURCE_DIR}" "${CMAKE_BINARY_DIR}/_googletest" EXCLUDE_FROM_ALL)
  bp_alias_gtest()
else()
  message(STATUS "backprop-kit: GoogleTest is not installed; trying to fetch it (needs the network)")
  include(FetchContent)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
  set(gtest_force_shared_crt ON CACHE BOOL "" FORCE)
  FetchContent_GetProperties(googletest)
  if(NOT googletest_POPULATED)
    # FetchContent_Populate reports a failed download as a fatal error of its own; check first
    # whether the download can work at all so the student sees what to install instead.
    file(DOWNLOAD https://github.com/google/googletest/archive/refs/tags/release-1.12.1.tar.gz
         "${CMAKE_BINARY_DIR}/_gtest_probe.tar.gz" STATUS _bp_dl_status TIMEOUT 60)
    list(GET _bp_dl_status 0 _bp_dl_code)
    if(NOT _bp_dl_code EQUAL 0)
      message(FATAL_ERROR
        "backprop-kit needs GoogleTest. It is not installed, and fetching it failed "
        "(${_bp_dl_status}).\nInstall it:\n${_bp_install_hint}")
    endif()
    FetchContent_Declare(googletest URL "${CMAKE_BINARY_DIR}/_gtest_probe.tar.gz")
    FetchContent_Populate(googletest)
    add_subdirectory(${googletest_SOURCE_DIR} ${googletest_BINARY_DIR} EXCLUDE_FROM_ALL)
  endif()
  bp_alias_gtest()
endif()
include(GoogleTest)
