"""Tests of the plotting scripts' robustness: missing, empty or ragged CSV files, and zero or
non-finite values on log axes. Run with a Python that has matplotlib:
    python3 -m unittest discover -s plots/tests
(./kit verify runs them with the interpreter it finds for the plots.)"""
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

PLOTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, PLOTS)

import plotkit  # noqa: E402


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def scalar_results(folder, cost_rows):
    """A minimal stage 1 results folder whose single run has the given train costs."""
    write(os.path.join(folder, "stage1_runs.json"), json.dumps({
        "stage": 1, "feature": "f", "target": "t",
        "runs": [{"model": "perceptron", "eta": 0.5, "file": "perceptron_eta_0.5.csv",
                  "fit_column": "perceptron_eta_0.5", "epochs": len(cost_rows) - 1,
                  "diverged_at": None}]}))
    lines = ["epoch,train_cost,train_accuracy,test_cost,test_accuracy,w,b"]
    for i, c in enumerate(cost_rows):
        lines.append("%d,%s,0.5,%s,0.5,0,0" % (i, c, c))
    write(os.path.join(folder, "perceptron_eta_0.5.csv"), "\n".join(lines) + "\n")
    write(os.path.join(folder, "stage1_data.csv"), "x,x_original,y,is_test\n0,1,0,0\n1,2,1,1\n")
    write(os.path.join(folder, "stage1_fit.csv"),
          "x,x_original,perceptron_eta_0.5\n-1,0,0.2\n1,2,0.8\n")
    write(os.path.join(folder, "finite_differences.csv"),
          "h,forward_error,central_error,richardson_error\n1e-8,1e-8,0,nan\n1e-4,1e-4,1e-8,1e-12\n")


def run_script(name, results, figures):
    return subprocess.run([sys.executable, os.path.join(PLOTS, name), results, figures],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)


class ReadCsv(unittest.TestCase):
    def test_a_missing_file_is_a_plot_error_naming_it(self):
        with self.assertRaisesRegex(plotkit.PlotError, "missing results file .*nope.csv"):
            plotkit.read_csv("/nonexistent/nope.csv")

    def test_an_empty_file_is_a_plot_error(self):
        with tempfile.TemporaryDirectory() as d:
            write(os.path.join(d, "e.csv"), "")
            with self.assertRaisesRegex(plotkit.PlotError, "empty"):
                plotkit.read_csv(os.path.join(d, "e.csv"))

    def test_a_header_without_rows_is_a_plot_error(self):
        with tempfile.TemporaryDirectory() as d:
            write(os.path.join(d, "h.csv"), "a,b\n")
            with self.assertRaisesRegex(plotkit.PlotError, "empty"):
                plotkit.read_csv(os.path.join(d, "h.csv"))

    def test_a_ragged_row_is_a_plot_error(self):
        with tempfile.TemporaryDirectory() as d:
            write(os.path.join(d, "r.csv"), "a,b\n1,2\n3\n")
            with self.assertRaisesRegex(plotkit.PlotError, "1 fields, expected 2"):
                plotkit.read_csv(os.path.join(d, "r.csv"))


class Malformed(unittest.TestCase):
    def test_binary_garbage_in_a_csv_is_a_plot_error(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "g.csv"), "wb") as f:
                f.write(b"\xff\xfe\x00garbage\n\x80\x81\n")
            with self.assertRaisesRegex(plotkit.PlotError, "not a text CSV"):
                plotkit.read_csv(os.path.join(d, "g.csv"))

    def test_runs_json_of_the_wrong_shape_gives_a_message_not_a_traceback(self):
        for text in ("[]", '{"runs": [{}]}', '{"runs": [{"eta": "x", "file": null}]}'):
            with self.subTest(json=text), tempfile.TemporaryDirectory() as d:
                scalar_results(d, ["0.1", "0.05"])
                write(os.path.join(d, "stage1_runs.json"), text)
                proc = run_script("plot_stage1.py", d, os.path.join(d, "figures"))
                self.assertEqual(proc.returncode, 1)
                self.assertIn("plot error:", proc.stderr)
                self.assertNotIn("Traceback", proc.stderr)

    def test_a_figures_folder_that_is_a_file_gives_a_message(self):
        with tempfile.TemporaryDirectory() as d:
            scalar_results(d, ["0.1", "0.05"])
            write(os.path.join(d, "figures"), "not a folder")
            proc = run_script("plot_stage1.py", d, os.path.join(d, "figures"))
            self.assertEqual(proc.returncode, 1)
            self.assertIn("cannot write figure", proc.stderr)
            self.assertNotIn("Traceback", proc.stderr)


class LogAxis(unittest.TestCase):
    def test_zero_negative_and_non_finite_values_become_gaps(self):
        out = plotkit.for_log_axis([1.0, 0.0, -1.0, float("nan"), float("inf"), 2.0])
        self.assertEqual(out[0], 1.0)
        self.assertEqual(out[5], 2.0)
        self.assertTrue(all(math.isnan(v) for v in out[1:5]))


class Scripts(unittest.TestCase):
    def test_stage1_draws_despite_zero_and_nan_costs(self):
        with tempfile.TemporaryDirectory() as d:
            scalar_results(d, ["0.125", "0", "nan", "0.01"])
            figures = os.path.join(d, "figures")
            proc = run_script("plot_stage1.py", d, figures)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            names = sorted(os.listdir(figures))
            self.assertEqual(names, ["stage1_cost.png", "stage1_finite_differences.png",
                                     "stage1_fit.png"])  # and no temporary file left behind

    def test_stage1_refuses_a_run_with_nothing_drawable_in_one_line(self):
        with tempfile.TemporaryDirectory() as d:
            scalar_results(d, ["0", "nan"])
            proc = run_script("plot_stage1.py", d, os.path.join(d, "figures"))
            self.assertEqual(proc.returncode, 1)
            self.assertIn("plot error:", proc.stderr)
            self.assertNotIn("Traceback", proc.stderr)

    def test_every_script_says_what_is_missing_in_an_empty_folder(self):
        for script in sorted(n for n in os.listdir(PLOTS) if n.startswith("plot_stage")):
            with self.subTest(script=script), tempfile.TemporaryDirectory() as d:
                proc = run_script(script, d, os.path.join(d, "figures"))
                self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
                self.assertIn("plot error:", proc.stderr)
                self.assertNotIn("Traceback", proc.stderr)


if __name__ == "__main__":
    unittest.main()
