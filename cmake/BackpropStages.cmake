# Stage libraries and stage test binaries.
#
# bp_add_stage(N DIR): library bp_stageN from <impl>/DIR/*.cpp, compiled against the shared
# headers in exercises/DIR. A stage whose folder does not exist yet is skipped.
function(bp_add_stage number dir)
  file(GLOB stubs CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/exercises/${dir}/*.cpp")
  if(NOT stubs)
    return()  # a stage not written yet
  endif()
  file(GLOB sources CONFIGURE_DEPENDS "${BACKPROP_IMPL_ROOT}/${dir}/*.cpp")
  if(NOT sources)
    message(FATAL_ERROR "backprop-kit: no .cpp files for stage ${number} in ${BACKPROP_IMPL_ROOT}/${dir}")
  endif()
  add_library(bp_stage${number} STATIC ${sources})
  target_include_directories(bp_stage${number} PUBLIC "${CMAKE_SOURCE_DIR}/exercises")
  target_link_libraries(bp_stage${number} PUBLIC bp_support)
  bp_warnings(bp_stage${number})
  set_property(GLOBAL APPEND PROPERTY BP_STAGES ${number})
endfunction()

# Task labels: each tests/stageN/tasks.json (the task catalog ./kit reads too) maps GoogleTest
# suites to tasks. At configure time this becomes a CMake file of suite -> labels, applied to
# the discovered tests by a small script that ctest runs right after GoogleTest's own
# discovery file.
function(bp_generate_suite_labels)
  file(GLOB catalogs CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/stage*/tasks.json")
  set(out "# Generated from tests/stage*/tasks.json: GoogleTest suite -> ctest labels.\n")
  foreach(catalog IN LISTS catalogs)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${catalog}")
    file(READ "${catalog}" json)
    string(JSON stage_id GET "${json}" stage)
    string(JSON ntasks LENGTH "${json}" tasks)
    math(EXPR last_task "${ntasks} - 1")
    foreach(j RANGE ${last_task})
      string(JSON task_id GET "${json}" tasks ${j} id)
      string(JSON nsuites LENGTH "${json}" tasks ${j} suites)
      math(EXPR last_suite "${nsuites} - 1")
      foreach(k RANGE ${last_suite})
        string(JSON suite GET "${json}" tasks ${j} suites ${k})
        string(APPEND out "set(BP_SUITE_LABELS_${suite} \"stage${stage_id};task${task_id}\")\n")
      endforeach()
    endforeach()
  endforeach()
  file(WRITE "${CMAKE_BINARY_DIR}/bp_suite_labels.cmake" "${out}")
endfunction()

# bp_add_test_binary(TARGET LABELS l1 l2 SOURCES a.cpp b.cpp LIBS ...)
# Registers the binary's tests with gtest_discover_tests. Tests whose suite belongs to a task
# get the labels stageN and taskN.K; all others get LABELS.
function(bp_add_test_binary target)
  cmake_parse_arguments(ARG "" "" "LABELS;SOURCES;LIBS" ${ARGN})
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE ${ARG_LIBS} bp_testsupport GTest::gtest)
  bp_warnings(${target})
  gtest_discover_tests(${target}
    TEST_LIST ${target}_TESTS
    DISCOVERY_TIMEOUT 30
    PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT 120)
  set(label_script "${CMAKE_CURRENT_BINARY_DIR}/${target}_labels.cmake")
  file(WRITE "${label_script}"
    "include(\"${CMAKE_BINARY_DIR}/bp_suite_labels.cmake\")\n"
    "foreach(t IN LISTS ${target}_TESTS)\n"
    "  string(REGEX MATCH \"([A-Za-z0-9_]+)\\\\.\" _m \"\${t}\")\n"
    "  if(DEFINED BP_SUITE_LABELS_\${CMAKE_MATCH_1})\n"
    "    set_tests_properties(\"\${t}\" PROPERTIES LABELS \"\${BP_SUITE_LABELS_\${CMAKE_MATCH_1}}\")\n"
    "  endif()\n"
    "endforeach()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${label_script}")
endfunction()
