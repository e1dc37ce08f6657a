"""Tests of ./kit release (tools/kitpy/release.py), without the (slow) CMake build."""
import contextlib
import io
import json
import os
import shutil
import stat
import tempfile
import unittest

from kit_testing import git, make_kit, read, write

from kitpy import release
from kitpy.common import KitError


class LinesTest(unittest.TestCase):
    def test_trivial_lines(self):
        for line in ["}", "return g;", "#include <cmath>", "namespace bp::demo {",
                     "};", "double sum = 0.0;", "std::ostringstream os;",
                     "Rng rng(seed);", "for (std::size_t i = 0; i < xs.size(); ++i) {",
                     "case Activation::relu:", "switch (f) {", "} else {"]:
            self.assertTrue(release.trivial(line), line)
        # (made-up lines: real solution lines here would leak them into the bundle)
        for line in ["return 0.25 * q * q;", "const double t = squash(u);",
                     "g.d_dv = g.err * u;", "if (u >= 1.0) return 2.0 / (3.0 + std::exp(-u));"]:
            self.assertFalse(release.trivial(line), line)

    def test_cmake_error_text(self):
        out = ("-- ok\nCMake Error at cmake/X.cmake:12 (message):\n  backprop-kit: no .cpp files for\n"
               "  stage 1 in /b/solutions/01_x\nCall Stack (most recent call first):\n")
        self.assertEqual(release.cmake_error(out),
                         "backprop-kit: no .cpp files for stage 1 in /b/solutions/01_x")

    def test_comments_are_not_part_of_a_line(self):
        lines = release.code_lines("int a = b + c;  // why\n/* block\n still */ x = 1;\n")
        self.assertEqual(lines[0], (1, "int a = b + c;"))
        self.assertEqual(lines[1], (2, ""))
        self.assertEqual(lines[2][1], "x = 1;")


class BundleTest(unittest.TestCase):
    def setUp(self):
        self.root = make_kit()
        self.dest = tempfile.mkdtemp(prefix="kit-bundle-")
        os.rmdir(self.dest)
        self.quiet = contextlib.redirect_stdout(io.StringIO())
        self.quiet.__enter__()

    def tearDown(self):
        self.quiet.__exit__(None, None, None)
        shutil.rmtree(self.root, ignore_errors=True)
        shutil.rmtree(self.dest, ignore_errors=True)

    def test_solution_lines_leave_out_what_the_stub_and_header_show(self):
        lines = release.solution_lines(self.root)
        self.assertIn("const double product_of_x = x * x;", lines)
        self.assertIn("return scale * x * x * x;", lines)  # the comment is cut off
        self.assertNotIn("double square(double x) {", lines)  # the stub has it, [[maybe_unused]]
        self.assertNotIn('#include "01_demo/demo.hpp"', lines)

    def test_bundle_has_no_solutions_and_keeps_pristine_stubs(self):
        info = release.write_bundle(self.dest, self.root)
        self.assertFalse(os.path.exists(os.path.join(self.dest, "solutions")))
        self.assertFalse(os.path.exists(os.path.join(self.dest, "tests", "mutants")))
        self.assertEqual(read(self.dest, ".kit/pristine/exercises/01_demo/demo.cpp"),
                         read(self.root, "exercises/01_demo/demo.cpp"))
        self.assertTrue(os.stat(os.path.join(self.dest, "kit")).st_mode & stat.S_IXUSR)
        ignore = read(self.dest, ".gitignore")
        self.assertIn("!/.kit/pristine/", ignore)
        self.assertIn("solutions/01_demo/demo.cpp", info["left_out"])
        meta = json.loads(read(self.dest, ".kit/release.json"))
        self.assertEqual(len(meta["kit_commit"]), 40)
        rows = release.check_no_solution_code(self.dest, self.root)
        self.assertTrue(all(ok for _, ok, _ in rows), rows)

    def test_a_leaked_line_anywhere_fails(self):
        write(self.root, "docs/guide.md", "Try:   const double product_of_x = x  *  x;\n")
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "-m", "leak")
        release.write_bundle(self.dest, self.root)
        rows = release.check_no_solution_code(self.dest, self.root)
        failed = [(name, detail) for name, ok, detail in rows if not ok]
        self.assertEqual(len(failed), 1)
        self.assertIn("docs/guide.md:1", failed[0][1])
        self.assertIn("solutions/01_demo/demo.cpp", failed[0][1])

    def test_untracked_files_stay_out_and_are_reported(self):
        write(self.root, "exercises/01_demo/notes.cpp", "// untracked\n")
        notes = release.worktree_warnings(self.root)
        self.assertTrue(any("untracked" in n and "notes.cpp" in n for n in notes), notes)
        release.write_bundle(self.dest, self.root)
        self.assertFalse(os.path.exists(os.path.join(self.dest, "exercises/01_demo/notes.cpp")))

    def test_refuses_a_non_empty_folder_and_the_kit_itself(self):
        write(self.dest, "something.txt", "x")
        with self.assertRaises(KitError):
            release.write_bundle(self.dest, self.root)
        with self.assertRaises(KitError):
            release.write_bundle(self.root, self.root)
        with self.assertRaises(KitError):
            release.write_bundle(os.path.dirname(self.root), self.root)

    def test_release_without_build_succeeds_on_a_clean_kit(self):
        self.assertEqual(release.release(self.dest, build=False, root=self.root), 0)

    def test_check_release_adds_rows_to_a_report(self):
        class Report:
            rows = []

            def add(self, name, ok, detail=""):
                self.rows.append((name, ok, detail))

        report = Report()
        bundle = os.path.join(self.root, "build", "release-check")
        release.check_release(report, bundle=bundle, root=self.root, build=False)
        self.assertTrue(report.rows)
        self.assertTrue(all(ok for _, ok, _ in report.rows), report.rows)
        write(bundle, "extra.txt", "stale")  # a second run starts from scratch
        release.check_release(report, bundle=bundle, root=self.root, build=False)
        self.assertFalse(os.path.exists(os.path.join(bundle, "extra.txt")))


if __name__ == "__main__":
    unittest.main()
