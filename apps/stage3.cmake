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

# bp_app_case(NAME program exit_code "regex" ARGS a b c [COPY f ...] [MISSING f ...]
#             [FINITE f ...] [REPEAT])
# ARGS are the program's arguments; COPY files are copied into the case's folder first;
# MISSING files must not exist afterwards; FINITE files must exist and hold no nan/inf;
# REPEAT runs twice and compares out.csv byte for byte.
# The regex must not contain ';' (CMake would split it into a list).
function(bp_app_case name program code regex)
  cmake_parse_arguments(C "REPEAT" "" "ARGS;COPY;MISSING;FINITE" ${ARGN})
  if(NOT TARGET ${program})
    return()
  endif()
  string(REPLACE ";" "|" args "${C_ARGS}")
  string(REPLACE ";" "|" missing "${C_MISSING}")
  string(REPLACE ";" "|" finite "${C_FINITE}")
  string(REPLACE ";" "|" copy "${C_COPY}")
  set(test "apps.${program}.${name}")
  add_test(NAME ${test}
           COMMAND ${CMAKE_COMMAND} "-DEXE=$<TARGET_FILE:${program}>" "-DARGS=${args}"
                   "-DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/app_cases/${program}.${name}"
                   "-DCOPY=${copy}" "-DEXPECT_CODE=${code}" "-DEXPECT_REGEX=${regex}"
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
bp_app_case(rejects_a_test_fraction_of_one train_mlp 2 "--test-fraction must be"
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

# The scalar trainers of stages 1 and 2 answer the same mistakes the same way.
foreach(program train_perceptron train_hidden_neuron)
  bp_app_case(rejects_an_unknown_flag ${program} 2 "unknown option --colour"
              ARGS --out-dir . --colour red)
  bp_app_case(rejects_a_zero_learning_rate ${program} 2 "--eta: every value must be"
              ARGS --out-dir . --eta 0.1,0)
  bp_app_case(rejects_an_output_folder_that_does_not_exist ${program} 1
              "folder no_such_folder does not exist"
              ARGS --out-dir no_such_folder MISSING no_such_folder)
endforeach()
