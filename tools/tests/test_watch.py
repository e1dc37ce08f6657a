"""Tests of ./kit watch (tools/kitpy/watch.py)."""
import contextlib
import io
import os
import shutil
import time
import unittest

from kit_testing import make_kit, write

from kitpy import watch
from kitpy.common import KitError


class SnapshotTest(unittest.TestCase):
    def setUp(self):
        self.root = make_kit(with_git=False)

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def test_sees_saves_new_and_deleted_sources_but_not_editor_temporaries(self):
        before = watch.snapshot(self.root)
        self.assertIn(os.path.join("exercises", "01_demo", "demo.cpp"), before)
        path = os.path.join(self.root, "exercises", "01_demo", "demo.cpp")
        st = os.stat(path)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        write(self.root, "exercises/01_demo/extra.cpp", "// new\n")
        write(self.root, "exercises/01_demo/.demo.cpp.swp", "x")
        write(self.root, "exercises/01_demo/demo.cpp~", "x")
        os.remove(os.path.join(self.root, "exercises", "01_demo", "demo.hpp"))
        after = watch.snapshot(self.root)
        self.assertEqual(watch.changes(before, after), sorted([
            os.path.join("exercises", "01_demo", "demo.cpp"),
            os.path.join("exercises", "01_demo", "demo.hpp"),
            os.path.join("exercises", "01_demo", "extra.cpp")]))


class WatchLoopTest(unittest.TestCase):
    """The loop with a scripted sequence of snapshots instead of real files."""

    def run_watch(self, snapshots, check, max_checks):
        seq = iter(snapshots)
        last = [None]

        def take():
            try:
                last[0] = next(seq)
            except StopIteration:
                pass
            return last[0]

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = watch.watch(None, interval=0, check=check, sleep=lambda s: None, take=take,
                               max_checks=max_checks)
        return code, out.getvalue()

    def test_a_burst_of_saves_gives_one_check(self):
        calls = []
        a, b, c = {"f": 1}, {"f": 2}, {"f": 3}
        # start, idle, save (b), still saving (c), settled (c, c): one check, then idle.
        code, out = self.run_watch([a, a, b, c, c, c, c], lambda s: calls.append(s),
                                   max_checks=2)
        self.assertEqual(code, 0)
        self.assertEqual(len(calls), 2)
        self.assertIn("Ctrl-C", out)
        self.assertIn("saved: f", out)

    def test_a_failing_check_does_not_stop_watching(self):
        calls = []

        def check(stage):
            calls.append(stage)
            raise KitError("your code does not compile yet")

        code, out = self.run_watch([{"f": 1}, {"f": 2}, {"f": 2}], check, max_checks=2)
        self.assertEqual(len(calls), 2)
        self.assertIn("does not compile", out)

    def test_ctrl_c_stops_cleanly(self):
        def check(stage):
            raise KeyboardInterrupt

        code, out = self.run_watch([{"f": 1}], check, max_checks=5)
        self.assertEqual(code, 0)
        self.assertIn("Stopped watching.", out)

    def test_real_files_and_real_polling(self):
        root = make_kit(with_git=False)
        self.addCleanup(shutil.rmtree, root, True)
        calls = []

        def check(stage):
            calls.append(time.monotonic())
            if len(calls) == 1:  # after the first check, save a file
                write(root, "exercises/01_demo/demo.cpp", "// saved\n")

        with contextlib.redirect_stdout(io.StringIO()):
            watch.watch(None, interval=0.05, root=root, check=check, max_checks=2)
        self.assertEqual(len(calls), 2)


if __name__ == "__main__":
    unittest.main()
