"""Tests of ./kit grade (tools/kitpy/grade.py) that need no CMake build: weights, scoring,
the JUnit XML, the scratch copy, and the time limits that must really stop a process."""
import json
import os
import shutil
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

from kit_testing import HEADER, STUB, make_kit, write

from kitpy import catalog, grade
from kitpy.common import KitError


def stages_of(root):
    return catalog.load(root)


class WeightsTest(unittest.TestCase):
    def setUp(self):
        self.root = make_kit(with_git=False)
        self.stages = stages_of(self.root)

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def weights(self, data):
        path = write(self.root, "tests/grading.json", json.dumps(data))
        return grade.load_weights(self.stages, path)

    def test_listed_tasks_and_the_default(self):
        w = self.weights({"about": "x", "default_task_points": 3, "tasks": {"1.1": 5}})
        self.assertEqual(w.points, {"1.1": 5.0, "1.2": 3.0})
        self.assertTrue(w.partial)

    def test_unknown_task_is_a_warning_and_bad_points_an_error(self):
        w = self.weights({"tasks": {"9.9": 1}})
        self.assertTrue(any("9.9" in m for m in w.warnings))
        with self.assertRaises(KitError):
            self.weights({"tasks": {"1.1": -1}})
        with self.assertRaises(KitError):
            self.weights({"tasks": {"1.1": "two"}})

    def test_the_kits_own_file_is_valid(self):
        kit = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        w = grade.load_weights(catalog.load(kit), os.path.join(kit, "tests", "grading.json"))
        self.assertTrue(all(v >= 0 for v in w.points.values()))
        with open(os.path.join(kit, "tests", "grading.json"), encoding="utf-8") as f:
            self.assertIn("about", json.load(f))


def outcome(name, task, status, kind="failure", message="boom"):
    return grade.Outcome(name, task, status, message if status != "passed" else "", "out",
                         0.01, kind if status != "passed" else "")


class ScoreAndReportTest(unittest.TestCase):
    def setUp(self):
        self.root = make_kit(with_git=False)
        self.stages = stages_of(self.root)
        self.weights = grade.Weights({"1.1": 2.0, "1.2": 4.0}, True, [])
        self.meta = {"source": "/tmp/s", "kit": "/tmp/k", "commit": "abc",
                     "timestamp": "2025-01-01T00:00:00", "hostname": "h", "notes": []}

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def graded(self):
        g = grade.StageGrade(self.stages[0])
        g.compiled = True
        g.outcomes = [outcome("Square.A", "1.1", "passed"), outcome("Square.B", "1.1", "passed"),
                      outcome("Cube.A", "1.2", "passed"),
                      outcome("Cube.B", "1.2", "failed", message="expected 8\x1b[0m\x00 got 9"),
                      outcome("Cube.C", "1.2", "error", kind="timeout", message="timed out"),
                      outcome("Cube.D", "1.2", "error", kind="crash", message="crashed (SIGSEGV)")]
        return g

    def test_partial_and_all_or_nothing(self):
        g = self.graded()
        grade.score(g, self.weights)
        self.assertEqual(g.task_points["1.1"], (2.0, 2.0, 2, 2))
        self.assertEqual(g.task_points["1.2"], (1.0, 4.0, 1, 4))
        g = self.graded()
        grade.score(g, grade.Weights(self.weights.points, False, []))
        self.assertEqual(g.points, 2.0)

    def test_a_stage_that_does_not_compile_scores_zero(self):
        g = grade.StageGrade(self.stages[0])
        g.compiled = False
        g.problem = "does not compile"
        g.errors = ["exercises/01_demo/demo.cpp:3: error: expected ';'"]
        grade.score(g, self.weights)
        self.assertEqual((g.points, g.max_points), (0.0, 6.0))
        tree = grade.junit([g], self.meta)
        suite = tree.getroot().find("testsuite")
        self.assertEqual(suite.get("tests"), "3")  # "compiles" + one per task
        err = suite.find("testcase/error")
        self.assertEqual(err.get("type"), "compile")
        self.assertIn("expected ';'", err.text)
        text, total, maximum = grade.summary([g], self.meta, self.weights)
        self.assertIn("does not compile", text)
        self.assertIn("expected ';'", text)

    def test_junit_counts_are_consistent_and_the_xml_is_clean(self):
        g = self.graded()
        grade.score(g, self.weights)
        tree = grade.junit([g], self.meta)
        path = os.path.join(self.root, "grade.xml")
        tree.write(path, encoding="utf-8", xml_declaration=True)
        root = ET.parse(path).getroot()  # parses: no control characters got through
        self.assertEqual(root.tag, "testsuites")
        for node in [root] + root.findall("testsuite"):
            cases = node.iter("testcase")
            cases = list(cases)
            self.assertEqual(int(node.get("tests")), len(cases))
            self.assertEqual(int(node.get("failures")),
                             sum(1 for c in cases if c.find("failure") is not None))
            self.assertEqual(int(node.get("errors")),
                             sum(1 for c in cases if c.find("error") is not None))
            float(node.get("time"))
        suite = root.find("testsuite")
        self.assertEqual(suite.get("name"), "stage1")
        for case in suite.findall("testcase"):
            self.assertTrue(case.get("name") and case.get("classname"))
            self.assertEqual(len([c for c in case if c.tag in ("failure", "error")]) <= 1, True)
        self.assertEqual(suite.find("testcase[@name='Cube.C']/error").get("type"), "timeout")
        with open(path, encoding="utf-8") as f:
            self.assertNotIn("\x1b", f.read())


class ScratchCopyTest(unittest.TestCase):
    def setUp(self):
        self.kit = make_kit()
        self.student = tempfile.mkdtemp(prefix="kit-student-")

    def tearDown(self):
        shutil.rmtree(self.kit, ignore_errors=True)
        shutil.rmtree(self.student, ignore_errors=True)

    def test_only_the_students_cpp_files_are_taken(self):
        write(self.student, "exercises/01_demo/demo.cpp", "// mine\n")
        write(self.student, "exercises/01_demo/demo.hpp", "// my edited header\n")
        write(self.student, "exercises/01_demo/helper.cpp", "// my helper\n")
        write(self.student, "exercises/deep/nested/x.cpp", "// elsewhere\n")
        write(self.student, "tests/stage1/tasks.json", "{}")
        wanted, notes = grade.submission_sources(self.student, stages_of(self.kit), self.kit)
        self.assertEqual(wanted["01_demo/demo.cpp"], b"// mine\n")
        self.assertEqual(wanted["01_demo/demo.hpp"], HEADER.encode())  # the kit's header
        self.assertEqual(wanted["01_demo/helper.cpp"], b"// my helper\n")
        self.assertNotIn("deep/nested/x.cpp", wanted)
        self.assertTrue(any("not in a stage folder" in n for n in notes))

    def test_a_missing_file_is_graded_as_the_stub(self):
        os.makedirs(os.path.join(self.student, "exercises"))
        wanted, notes = grade.submission_sources(self.student, stages_of(self.kit), self.kit)
        self.assertEqual(wanted["01_demo/demo.cpp"], STUB.encode())
        self.assertTrue(any("missing" in n for n in notes))

    def test_sync_keeps_unchanged_files_untouched(self):
        folder = os.path.join(self.student, "scratch")
        grade._sync(folder, {"a/x.cpp": b"1", "a/y.hpp": b"2"})
        old = os.stat(os.path.join(folder, "a", "y.hpp")).st_mtime_ns
        time.sleep(0.02)
        grade._sync(folder, {"a/x.cpp": b"changed", "a/y.hpp": b"2"})
        self.assertEqual(os.stat(os.path.join(folder, "a", "y.hpp")).st_mtime_ns, old)
        grade._sync(folder, {"a/y.hpp": b"2"})
        self.assertFalse(os.path.exists(os.path.join(folder, "a", "x.cpp")))


FAKE_TEST = r"""
import sys, time, os
mode = sys.argv[1]
name = "Suite.Case"
print("[ RUN      ] " + name, flush=True)
if mode == "pass":
    print("[       OK ] %s (0 ms)" % name)
elif mode == "fail":
    print("x.cpp:3: Failure\nExpected: 1\nWhich is: 2")
    print("[  FAILED  ] %s (0 ms)" % name)
    sys.exit(1)
elif mode == "hang":
    os.system("sleep 60 &")  # a child that would outlive a plain kill
    while True:
        time.sleep(1)
elif mode == "crash":
    os.kill(os.getpid(), 11)
elif mode == "exit0":
    sys.exit(0)  # e.g. exit(0) in the student's code: no result reported
"""


class RunOneTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="kit-run-")
        self.script = write(self.dir, "fake_test.py", FAKE_TEST)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def run_mode(self, mode, timeout=5.0):
        return grade.run_one("Suite.Case", [sys.executable, self.script, mode], self.dir, timeout)

    def test_outcomes(self):
        self.assertEqual(self.run_mode("pass")[0], "passed")
        status, kind, message, _, _ = self.run_mode("fail")
        self.assertEqual((status, kind), ("failed", "failure"))
        self.assertIn("Expected: 1", message)
        self.assertEqual(self.run_mode("crash")[:2], ("error", "crash"))
        self.assertIn("SIGSEGV", self.run_mode("crash")[2])
        self.assertEqual(self.run_mode("exit0")[:2], ("error", "crash"))
        self.assertEqual(self.run_mode("pass", timeout=0)[0], "notrun")

    def test_a_hanging_test_is_stopped_on_time(self):
        start = time.monotonic()
        status, kind, message, _, _ = self.run_mode("hang", timeout=1.0)
        self.assertLess(time.monotonic() - start, 10)
        self.assertEqual((status, kind), ("error", "timeout"))
        self.assertIn("timed out", message)


if __name__ == "__main__":
    unittest.main()
