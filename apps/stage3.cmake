# Stage 3 programs: the train_mlp trainer and the tests of how the training programs answer
# bad input. Included by apps/CMakeLists.txt when the bp_stage3 library exists.

# The data preparation and training loop, shared by train_mlp and the benchmark (bench/).
add_library(bp_mlp_apps STATIC mlp_problem.cpp mlp_training.cpp)
target_include_directories(bp_mlp_apps PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
target_link_libraries(bp_mlp_apps PUBLIC bp_stage3 bp_support)
bp_warnings(bp_mlp_apps)

bp_add_app(train_mlp SOURCES train_mlp.cpp LIBS bp_mlp_apps bp_stage3)

# Bad-input tests (ctest label `apps`): each runs a program with one mistake and checks the
# exit code, the message, and that no file is left half-written (tests/apps/run_case.cmake).
# Only where the stages are finished (the solutions, or a given implementation): on the
# stubs the programs stop at the first NotImplemented, which says nothing about input handling.
if(NOT (BACKPROP_SOLUTIONS OR BACKPROP_IMPL_DIR))
  return()
endif()

set(_bp_cases_dir "${CMAKE_SOURCE_DIR}/tests/apps")
set(_bp_cases_data "${_bp_cases_dir}/data")

# bp_app_case(NAME program exit_code "regex" ARGS a b c [COPY f ...] [FIFOS f ...]
#             [MISSING f ...] [FINITE f ...] [REPEAT] [TIMEOUT s])
# ARGS are the program's arguments; COPY files are copied into the case's folder first
# ("path=>name" under another name);
# FIFOS are named pipes created there first (stand-ins for devices such as /dev/null, which
# no test may touch; they must still be named pipes afterwards); MISSING files must not
# exist afterwards; FINITE files must exist and hold no nan/inf; REPEAT runs twice and
# compares out.csv byte for byte; TIMEOUT bounds the program's run (default 60 s).
# The regex must not contain ';' (CMake would split it into a list).
function(bp_app_case name program code regex)
  cmake_parse_arguments(C "REPEAT" "TIMEOUT" "ARGS;COPY;FIFOS;MISSING;FINITE" ${ARGN})
  if(NOT TARGET ${program})
    return()
  endif()
  string(REPLACE ";" "|" args "${C_ARGS}")
  string(REPLACE ";" "|" missing "${C_MISSING}")
  string(REPLACE ";" "|" finite "${C_FINITE}")
  string(REPLACE ";" "|" copy "${C_COPY}")
  string(REPLACE ";" "|" fifos "${C_FIFOS}")
  set(test "apps.${program}.${name}")
  add_test(NAME ${test}
           COMMAND ${CMAKE_COMMAND} "-DEXE=$<TARGET_FILE:${program}>" "-DARGS=${args}"
                   "-DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/app_cases/${program}.${name}"
                   "-DCOPY=${copy}" "-DFIFOS=${fifos}" "-DTIMEOUT=${C_TIMEOUT}"
                   "-DEXPECT_CODE=${code}" "-DEXPECT_REGEX=${regex}"
                   "-DMISSING=${missing}"
                   "-DFINITE_CSV=${finite}" "-DREPEAT=${C_REPEAT}" -P
                   "${_bp_cases_dir}/run_case.cmake")
  set_tests_properties(${test} PROPERTIES LABELS apps TIMEOUT 60)
endfunction()

# train_mlp: exit 2 for a bad option or options that do not fit the data, 1 for a file that
# cannot be read, 4 for divergence. A failed run writes neither out.csv nor out.json.
set(_no_out MISSING out.csv out.json)
bp_app_case(prints_its_options_with_help train_mlp 0 "usage: train_mlp.*--batch"
            ARGS --help)
bp_app_case(rejects_an_unknown_flag train_mlp 2 "unknown option --colour"
            ARGS --out out.csv --colour red ${_no_out})
bp_app_case(rejects_a_flag_without_its_value train_mlp 2 "option --eta needs a value"
            ARGS --out out.csv --eta ${_no_out})
bp_app_case(rejects_a_flag_given_twice train_mlp 2 "option --eta is given twice"
            ARGS --out out.csv --eta 0.1 --eta 0.2 ${_no_out})
bp_app_case(rejects_a_zero_learning_rate train_mlp 2 "--eta must be .*got 0"
            ARGS --out out.csv --eta 0 ${_no_out})
bp_app_case(rejects_a_negative_learning_rate train_mlp 2 "--eta must be .*got -0.5"
            ARGS --out out.csv --eta -0.5 ${_no_out})
bp_app_case(rejects_a_learning_rate_that_is_not_finite train_mlp 2 "--eta: 'nan' is not a finite"
            ARGS --out out.csv --eta nan ${_no_out})
bp_app_case(rejects_a_learning_rate_with_trailing_text train_mlp 2 "--eta: '0.1x' is not a number"
            ARGS --out out.csv --eta 0.1x ${_no_out})
bp_app_case(rejects_batch_size_zero train_mlp 2 "--batch must be between 1"
            ARGS --out out.csv --batch 0 ${_no_out})
bp_app_case(rejects_a_batch_larger_than_the_training_rows train_mlp 2
            "--batch 5000 is larger than the 1438 training rows"
            ARGS --out out.csv --batch 5000 ${_no_out})
bp_app_case(rejects_negative_epochs train_mlp 2 "--epochs must be between 0"
            ARGS --out out.csv --epochs -1 ${_no_out})
bp_app_case(rejects_a_hidden_layer_of_size_zero train_mlp 2 "--layers: every value must be between 1"
            ARGS --out out.csv --layers 64,0 ${_no_out})
bp_app_case(rejects_an_unknown_activation train_mlp 2
            "unknown activation .sigmoidd.. valid names: identity, sigmoid, tanh, relu, leaky_relu"
            ARGS --out out.csv --activations sigmoidd ${_no_out})
bp_app_case(rejects_more_activations_than_hidden_layers train_mlp 2
            "one activation for every hidden layer"
            ARGS --out out.csv --layers 64 --activations relu,tanh ${_no_out})
bp_app_case(rejects_an_unknown_cost train_mlp 2 "unknown cost .hinge.. valid names: mse, bce"
            ARGS --out out.csv --cost hinge ${_no_out})
bp_app_case(rejects_an_output_activation_the_cost_cannot_use train_mlp 2
            "--output sigmoid does not fit --cost cross_entropy"
            ARGS --out out.csv --cost ce --output sigmoid ${_no_out})
bp_app_case(rejects_a_test_fraction_of_one train_mlp 2
            "--test-fraction must be greater than 0 and less than 1, got 1"
            ARGS --out out.csv --test-fraction 1 ${_no_out})
bp_app_case(rejects_binary_cross_entropy_on_ten_classes train_mlp 2
            "needs a 0/1 target, but 'digit' has 10 classes"
            ARGS --out out.csv --data digits --cost bce ${_no_out})
bp_app_case(rejects_cross_entropy_on_a_numeric_target train_mlp 2
            "needs class labels 0, 1, ..., K-1 in the target 'mean_radius'"
            ARGS --out out.csv --data breast_cancer --target mean_radius --cost ce ${_no_out})
bp_app_case(rejects_class_labels_that_do_not_start_at_zero train_mlp 2 "no sample of class 0"
            ARGS --out out.csv --data ${_bp_cases_data}/labels_from_one.csv --cost ce ${_no_out})
bp_app_case(rejects_a_class_label_too_large_to_be_a_class train_mlp 2 "has 1e\\+300"
            ARGS --out out.csv --data ${_bp_cases_data}/huge_label.csv --cost ce ${_no_out})
bp_app_case(rejects_a_constant_regression_target train_mlp 2 "is constant in the"
            ARGS --out out.csv --data ${_bp_cases_data}/constant_target.csv --cost mse
                 --batch 1 ${_no_out})
bp_app_case(asks_for_the_cost_of_a_csv_file train_mlp 2 "--cost is needed with a CSV file"
            ARGS --out out.csv --data ${_bp_cases_data}/tiny.csv ${_no_out})
bp_app_case(rejects_an_unknown_feature_column train_mlp 2 "no feature column .pixel_9_9."
            ARGS --out out.csv --data digits --features pixel_9_9 ${_no_out})
bp_app_case(rejects_a_target_with_more_classes_than_allowed train_mlp 2
            "has 1001 classes. train_mlp allows at most 1000"
            ARGS --out out.csv --data ${_bp_cases_data}/many_classes.csv --cost ce ${_no_out})
bp_app_case(rejects_a_network_too_large_for_memory train_mlp 2
            "64-10000-10000-10 would have 100760010 weights"
            ARGS --out out.csv --layers 10000,10000 ${_no_out})
bp_app_case(reports_features_too_large_to_standardise train_mlp 1
            "feature 'x' of .*huge_feature.csv cannot be standardised"
            ARGS --out out.csv --data ${_bp_cases_data}/huge_feature.csv --cost bce --batch 2
                 ${_no_out})
bp_app_case(reports_targets_too_large_for_any_cost train_mlp 1
            "the untrained network already gives a non-finite cost.*Nothing was written"
            ARGS --out out.csv --data ${_bp_cases_data}/huge_target.csv --cost mse --batch 2
                 ${_no_out})
bp_app_case(refuses_to_write_over_its_data_file train_mlp 2
            "the output tiny.csv is the data file tiny.csv. writing results there would destroy"
            COPY ${_bp_cases_data}/tiny.csv
            ARGS --data tiny.csv --cost bce --batch 2 --out tiny.csv FINITE tiny.csv)
bp_app_case(refuses_one_file_spelled_two_ways_for_two_outputs train_mlp 2
            "two outputs would be written to the same file"
            ARGS --data runge --epochs 1 --out r.csv --points-out ./r.csv MISSING r.csv r.json)
bp_app_case(rejects_a_fit_file_for_classification train_mlp 2 "--fit-out draws y against x"
            ARGS --out out.csv --fit-out fit.csv MISSING out.csv out.json fit.csv)
bp_app_case(reports_a_missing_data_file train_mlp 1 "no_such.csv: no such file"
            ARGS --out out.csv --data no_such.csv --cost mse ${_no_out})
bp_app_case(reports_a_data_file_with_text_in_a_number_column train_mlp 1 ".abc. is not a number"
            ARGS --out out.csv --data ${_bp_cases_data}/not_numeric.csv --cost mse ${_no_out})
bp_app_case(rejects_an_output_folder_that_does_not_exist train_mlp 2
            "--out: cannot write no_such_folder/out.csv: folder no_such_folder does not exist"
            ARGS --out no_such_folder/out.csv MISSING no_such_folder)
bp_app_case(stops_cleanly_when_training_diverges train_mlp 4
            "diverged at epoch [1-9][0-9]*.*try a smaller .*keeps the finite epochs 0 to"
            ARGS --data runge --eta 100 --epochs 100 --out out.csv FINITE out.csv)
bp_app_case(writes_the_same_bytes_twice_with_the_same_seed train_mlp 0 "wrote out.csv"
            ARGS --data digits --layers 16 --epochs 3 --out out.csv FINITE out.csv REPEAT)

bp_app_case(refuses_to_replace_a_named_pipe_given_as_output train_mlp 2
            "--out: cannot write pipe.csv: it exists and is not a regular file but a named pipe"
            FIFOS pipe.csv ARGS --out pipe.csv MISSING pipe.json)
bp_app_case(refuses_to_replace_a_named_pipe_given_as_fit_output train_mlp 2
            "--fit-out: cannot write fit.csv: it exists and is not a regular file"
            FIFOS fit.csv ARGS --data runge --out out.csv --fit-out fit.csv ${_no_out})
bp_app_case(reports_a_data_file_that_is_a_named_pipe train_mlp 1
            "data.csv: is a named pipe .FIFO., not a regular file"
            FIFOS data.csv ARGS --data data.csv --cost mse --out out.csv TIMEOUT 20 ${_no_out})
bp_app_case(rejects_a_learning_rate_that_underflows train_mlp 2
            "--eta: '1e-320' is out of range: too small for a double"
            ARGS --out out.csv --eta 1e-320 ${_no_out})
bp_app_case(says_that_help_takes_no_value train_mlp 2 "option --help takes no value"
            ARGS --help=1)
bp_app_case(lists_its_exit_codes_in_its_help train_mlp 0 "Exit codes: 0 done.*2 a bad option"
            ARGS --help)
bp_app_case(warns_when_every_feature_is_constant train_mlp 0
            "warning: the feature of .*constant_feature.csv has the same value in every"
            ARGS --data ${_bp_cases_data}/constant_feature.csv --cost bce --batch 2 --epochs 2
                 --out out.csv FINITE out.csv)
bp_app_case(shows_binary_garbage_of_a_data_file_escaped train_mlp 1
            "column name .x.x01.x1b.31m. holds control characters"
            ARGS --data ${_bp_cases_data}/binary_header.csv --cost bce --out out.csv ${_no_out})

# finite_differences: the same output checks, through the same AtomicFile.
bp_app_case(refuses_to_replace_a_named_pipe_given_as_output finite_differences 2
            "--out: cannot write pipe.csv: it exists and is not a regular file"
            FIFOS pipe.csv ARGS --out pipe.csv)
bp_app_case(rejects_an_output_folder_that_does_not_exist finite_differences 2
            "--out: cannot write no_such_folder/fd.csv: folder no_such_folder does not exist"
            ARGS --out no_such_folder/fd.csv MISSING no_such_folder)
bp_app_case(lists_its_exit_codes_in_its_help finite_differences 0 "Exit codes: 0 done" ARGS --help)

# The scalar trainers of stages 1 and 2 answer the same mistakes the same way, and write
# their files all together at the end or not at all. One η, so the files are known by name.
set(_stage1_files stage1_perceptron_eta_0.1.csv stage1_data.csv stage1_fit.csv stage1_runs.json)
set(_stage2_files stage2_hidden_eta_0.1.csv stage2_perceptron_eta_0.1.csv stage2_data.csv
                  stage2_fit.csv stage2_runs.json)
foreach(program train_perceptron train_hidden_neuron)
  if(program STREQUAL "train_perceptron")
    set(_none MISSING ${_stage1_files})
    set(_stage stage1)
  else()
    set(_none MISSING ${_stage2_files})
    set(_stage stage2)
  endif()
  bp_app_case(rejects_an_unknown_flag ${program} 2 "unknown option --colour"
              ARGS --out-dir . --colour red)
  bp_app_case(rejects_a_zero_learning_rate ${program} 2 "--eta: every value must be"
              ARGS --out-dir . --eta 0.1,0)
  bp_app_case(rejects_an_output_folder_that_does_not_exist ${program} 2
              "--out-dir: cannot write no_such_folder/.*folder no_such_folder does not exist"
              ARGS --out-dir no_such_folder MISSING no_such_folder)
  bp_app_case(refuses_to_replace_a_named_pipe_in_its_output_folder ${program} 2
              "--out-dir: cannot write ./${_stage}_fit.csv: it exists and is not a regular file"
              FIFOS ${_stage}_fit.csv ARGS --eta 0.1 --out-dir . MISSING ${_stage}_data.csv
                    ${_stage}_runs.json ${_stage}_perceptron_eta_0.1.csv)
  bp_app_case(reports_a_data_file_that_is_a_named_pipe ${program} 1
              "data.csv: is a named pipe .FIFO., not a regular file"
              FIFOS data.csv ARGS --data data.csv --eta 0.1 --out-dir . TIMEOUT 20 ${_none})
  bp_app_case(reports_a_feature_too_large_before_writing_anything ${program} 1
              "feature 'x' of .*huge_feature_rows.csv cannot be standardised: its values are too large"
              ARGS --data ${_bp_cases_data}/huge_feature_rows.csv --feature x --eta 0.1
                   --epochs 5 --out-dir . ${_none})
  bp_app_case(warns_about_a_constant_feature ${program} 0
              "warning: feature 'x' has the same value .3.5. in every training row"
              ARGS --data ${_bp_cases_data}/constant_feature.csv --feature x --eta 0.1
                   --epochs 5 --out-dir . FINITE ${_stage}_perceptron_eta_0.1.csv ${_stage}_fit.csv)
  bp_app_case(rejects_an_unknown_feature_column ${program} 2 "has no feature column .nope."
              ARGS --feature nope --eta 0.1 --out-dir . ${_none})
  bp_app_case(rejects_a_learning_rate_that_underflows ${program} 2
              "--eta: '1e-320' is out of range: too small for a double"
              ARGS --eta 0.1,1e-320 --out-dir . ${_none})
  bp_app_case(rejects_two_learning_rates_that_share_a_file ${program} 2
              "the learning rates 0.1 and 0.1000000001 would both be written to"
              ARGS --eta 0.1,0.1000000001 --out-dir . ${_none})
  bp_app_case(says_that_help_takes_no_value ${program} 2 "option --help takes no value"
              ARGS --help=1)
  bp_app_case(lists_its_exit_codes_in_its_help ${program} 0 "Exit codes: 0 done.*2 a bad option"
              ARGS --help)
  bp_app_case(accepts_every_test_fraction_its_help_allows ${program} 0 "results in"
              ARGS --test-fraction 0.995 --eta 0.1 --epochs 2 --out-dir .
                   FINITE ${_stage}_perceptron_eta_0.1.csv)
  bp_app_case(rejects_a_test_fraction_of_one ${program} 2
              "--test-fraction must be greater than 0 and less than 1, got 1"
              ARGS --test-fraction 1 --eta 0.1 --out-dir . ${_none})
  bp_app_case(rejects_a_test_fraction_that_leaves_no_training_row ${program} 2
              "--test-fraction 0.95 with 10 rows"
              ARGS --data ${_bp_cases_data}/constant_feature.csv --feature x
                   --test-fraction 0.95 --eta 0.1 --out-dir . ${_none})
  bp_app_case(refuses_to_write_over_its_data_file ${program} 2
              "the output ./${_stage}_data.csv is the data file ${_stage}_data.csv"
              COPY "${_bp_cases_data}/constant_feature.csv=>${_stage}_data.csv"
              ARGS --data ${_stage}_data.csv --feature x --eta 0.1 --out-dir .
              MISSING ${_stage}_fit.csv ${_stage}_runs.json)
  bp_app_case(shows_binary_garbage_of_a_data_file_escaped ${program} 1
              "column name .x.x01.x1b.31m. holds control characters"
              ARGS --data ${_bp_cases_data}/binary_header.csv --eta 0.1 --out-dir . ${_none})
endforeach()

# A run stopped by SIGTERM or SIGHUP removes its temporary files (AtomicFile's signal
# handler) and leaves the previous results as they were (tests/apps/interrupted_run.sh).
if(UNIX)
  foreach(program train_perceptron train_hidden_neuron train_mlp)
    if(NOT TARGET ${program})
      continue()
    endif()
    if(program STREQUAL "train_mlp")
      set(program_args --data digits --epochs 1000000 --out out.csv)
    else()
      set(program_args --epochs 1000000 --eta 0.1,0.5 --out-dir .)
    endif()
    foreach(signal TERM HUP)
      string(TOLOWER "${signal}" lower)
      set(test "apps.${program}.removes_its_temporary_files_when_stopped_by_sig${lower}")
      add_test(NAME ${test}
               COMMAND sh "${_bp_cases_dir}/interrupted_run.sh"
                       "${CMAKE_CURRENT_BINARY_DIR}/app_cases/${program}.sig${lower}" ${signal}
                       "$<TARGET_FILE:${program}>" ${program_args})
      set_tests_properties(${test} PROPERTIES LABELS apps TIMEOUT 60)
    endforeach()
  endforeach()
endif()
