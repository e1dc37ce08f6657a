# One bad-input case of a training program, run by ctest as `cmake -P run_case.cmake`:
# runs the program in a fresh folder and checks what a user relies on: the exit code, a
# message that says what is wrong, and nothing lost or half-written on disk.
#
#   -DEXE=path            the program
#   -DARGS=a|b|c          its arguments, separated by | (CMake lists do not survive -D)
#   -DWORKDIR=path        emptied, then the working directory of the program
#   -DCOPY=a|b            files copied into WORKDIR first (inputs the program may touch);
#                         "path=>name" copies path under another name
#   -DFIFOS=a|b           named pipes created in WORKDIR first (mkfifo): they stand in for
#                         /dev/null and other devices, which a test must never touch; each
#                         must still be a named pipe afterwards
#   -DTIMEOUT=s           seconds the program may run (default 60): a program that blocks,
#                         e.g. reading a named pipe, fails instead of hanging
#   -DEXPECT_CODE=n       the exit code it must return
#   -DEXPECT_REGEX=re     stderr + stdout must match this
#   -DMISSING=a|b         files (relative to WORKDIR) that must NOT exist afterwards
#   -DFINITE_CSV=a|b      files that must exist, have a header and at least one row, and hold
#                         no nan or inf
#   -DREPEAT=1            run twice (out.csv renamed to first.csv in between) and require
#                         byte-identical first.csv and out.csv: same seed, same bytes
# Whatever the case, no temporary file (*.tmp-*) may be left behind in WORKDIR, and the
# output holds no raw control character (text from files is shown escaped, as \x01).
cmake_minimum_required(VERSION 3.20)

foreach(var EXE WORKDIR EXPECT_CODE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_case.cmake: -D${var}=... is required")
  endif()
endforeach()

string(REPLACE "|" ";" args "${ARGS}")
file(REMOVE_RECURSE "${WORKDIR}")
file(MAKE_DIRECTORY "${WORKDIR}")
string(REPLACE "|" ";" copies "${COPY}")
foreach(f IN LISTS copies)
  if(f MATCHES "^(.*)=>(.*)$")
    configure_file("${CMAKE_MATCH_1}" "${WORKDIR}/${CMAKE_MATCH_2}" COPYONLY)
  else()
    file(COPY "${f}" DESTINATION "${WORKDIR}")
  endif()
endforeach()
string(REPLACE "|" ";" fifos "${FIFOS}")
foreach(f IN LISTS fifos)
  execute_process(COMMAND mkfifo "${f}" WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE made)
  if(NOT made EQUAL 0)
    message(FATAL_ERROR "run_case.cmake: cannot create the named pipe ${f}")
  endif()
endforeach()
if(NOT DEFINED TIMEOUT OR TIMEOUT STREQUAL "")
  set(TIMEOUT 60)
endif()

# Control characters other than tab and line feed, which no message should carry raw.
set(control_chars "")
foreach(code 1 2 3 4 5 6 7 8 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31
             127)
  string(ASCII ${code} c)
  list(APPEND control_chars "${c}")
endforeach()

function(run_once)
  execute_process(COMMAND "${EXE}" ${args} WORKING_DIRECTORY "${WORKDIR}"
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err
                  TIMEOUT ${TIMEOUT})
  message("exit code: ${code}\n--- stderr ---\n${err}--- stdout ---\n${out}--------------")
  if(NOT "${code}" STREQUAL "${EXPECT_CODE}")
    message(FATAL_ERROR "FAIL: expected exit code ${EXPECT_CODE}, got '${code}'")
  endif()
  if(DEFINED EXPECT_REGEX AND NOT "${err}${out}" MATCHES "${EXPECT_REGEX}")
    message(FATAL_ERROR "FAIL: the output does not match the expected message: ${EXPECT_REGEX}")
  endif()
  foreach(c IN LISTS control_chars)
    string(FIND "${err}${out}" "${c}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "FAIL: the output holds a raw control character (at ${at})")
    endif()
  endforeach()
endfunction()

run_once()
if(REPEAT)
  file(RENAME "${WORKDIR}/out.csv" "${WORKDIR}/first.csv")
  run_once()
  file(SHA256 "${WORKDIR}/first.csv" first)
  file(SHA256 "${WORKDIR}/out.csv" second)
  if(NOT first STREQUAL second)
    message(FATAL_ERROR "FAIL: two runs with the same seed wrote different bytes")
  endif()
endif()

string(REPLACE "|" ";" missing "${MISSING}")
foreach(f IN LISTS missing)
  if(EXISTS "${WORKDIR}/${f}")
    message(FATAL_ERROR "FAIL: ${f} exists but must not (a failed run must not leave files)")
  endif()
endforeach()

foreach(f IN LISTS fifos)
  execute_process(COMMAND test -p "${f}" WORKING_DIRECTORY "${WORKDIR}" RESULT_VARIABLE is_fifo)
  if(NOT is_fifo EQUAL 0)
    message(FATAL_ERROR "FAIL: ${f} is no longer a named pipe (it was replaced)")
  endif()
endforeach()

string(REPLACE "|" ";" finite "${FINITE_CSV}")
foreach(f IN LISTS finite)
  if(NOT EXISTS "${WORKDIR}/${f}")
    message(FATAL_ERROR "FAIL: ${f} was not written")
  endif()
  file(STRINGS "${WORKDIR}/${f}" lines)
  list(LENGTH lines n)
  if(n LESS 2)
    message(FATAL_ERROR "FAIL: ${f} has ${n} lines; expected a header and at least one row")
  endif()
  file(READ "${WORKDIR}/${f}" text)
  string(TOLOWER "${text}" text)
  if(text MATCHES "nan|inf")
    message(FATAL_ERROR "FAIL: ${f} holds a non-finite value")
  endif()
endforeach()

file(GLOB_RECURSE leftovers "${WORKDIR}/*.tmp-*")
if(leftovers)
  message(FATAL_ERROR "FAIL: temporary files left behind: ${leftovers}")
endif()
message("PASS")
