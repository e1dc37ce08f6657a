"""Tests of ./kit reset (tools/kitpy/reset.py)."""
import contextlib
import io
import os
import shutil
import unittest

from kit_testing import SOLUTION, STUB, git, make_kit, read, write

from kitpy import reset
from kitpy.common import KitError

STUDENT = STUB.replace(
    'double square([[maybe_unused]] double x) {\n'
    '  // TODO(stage 1, task 1.1): return x squared.\n'
    '  BP_NOT_IMPLEMENTED("1.1", "docs/01_demo.md#task-11");\n}',
    "double square(double x) {\n  // my answer {with braces in a comment}\n"
    "  const char* note = \"}\";\n  (void)note;\n  return x * x;\n}").replace(
    'double cube([[maybe_unused]] double x,\n            [[maybe_unused]] double scale) {\n'
    '  // TODO(stage 1, task 1.2): return scale * x cubed.\n'
    '  BP_NOT_IMPLEMENTED("1.2", "docs/01_demo.md#task-12");\n}',
    "double cube(double x, double scale) {\n  return scale * x * x * x;\n}")


class NoTty(io.StringIO):
    def isatty(self):
        return False


class ScannerTest(unittest.TestCase):
    def test_mask_keeps_length_and_blanks_comments_and_strings(self):
        text = 'int a = 1; // {\nconst char* s = "{"; /* } */ char c = \'}\';\n#define X {\n'
        masked = reset.mask(text)
        self.assertEqual(len(masked), len(text))
        self.assertNotIn("{", masked)
        self.assertNotIn("}", masked)
        self.assertEqual(masked.count("\n"), text.count("\n"))
        kept = reset.mask(text, strings=False)
        self.assertIn('"{"', kept)
        self.assertNotIn("/*", kept)

    def test_finds_namespace_scope_definitions_only(self):
        text = ("namespace a {\nnamespace {\nint helper(int x) { return x; }\n}  // namespace\n"
                "struct S {\n  int method() { return 1; }\n};\n"
                "double f(int x,\n         int y) {\n  if (x) { return y; }\n  return 0;\n}\n"
                "int g(int);\n}  // namespace a\n")
        names = [n for n, _, _ in reset.function_definitions(text)]
        self.assertEqual(names, ["helper", "f"])
        (start, end), = reset.find_function(text, "f")
        self.assertTrue(text[start:end].startswith("double f(int x,"))
        self.assertTrue(text[start:end].endswith("return 0;\n}"))

    def test_stub_of_task(self):
        self.assertTrue(reset.stub_of_task(STUB, "1.2"))
        self.assertFalse(reset.stub_of_task(SOLUTION, "1.2"))


class RestoreFunctionsTest(unittest.TestCase):
    def test_only_the_named_function_changes(self):
        new, why = reset.restore_functions(STUDENT, STUB, ["square"])
        self.assertIsNone(why)
        self.assertIn('BP_NOT_IMPLEMENTED("1.1"', new)
        self.assertIn("return scale * x * x * x;", new)  # task 1.2 work stays
        self.assertNotIn("my answer", new)

    def test_missing_includes_are_added(self):
        student = STUDENT.replace('#include "bp/not_implemented.hpp"\n', "")
        new, why = reset.restore_functions(student, STUB, ["cube"])
        self.assertIsNone(why)
        self.assertIn('#include "bp/not_implemented.hpp"', new)

    def test_refuses_when_not_safe(self):
        twice = STUDENT.replace("}  // namespace bp::demo",
                                "double square(int x) { return x; }\n}  // namespace bp::demo")
        self.assertIsNone(reset.restore_functions(twice, STUB, ["square"])[0])
        broken = STUDENT.replace("return x * x;\n}", "return x * x;\n")
        new, why = reset.restore_functions(broken, STUB, ["square"])
        self.assertIsNone(new)
        self.assertIn("unbalanced", why)
        gone = STUDENT.replace("double square(double x)", "double squared(double x)")
        self.assertIn("0 times", reset.restore_functions(gone, STUB, ["square"])[1])


class ResetCommandTest(unittest.TestCase):
    def setUp(self):
        self.root = make_kit()
        write(self.root, "exercises/01_demo/demo.cpp", STUDENT)
        self.quiet = contextlib.redirect_stdout(io.StringIO())
        self.quiet.__enter__()

    def tearDown(self):
        self.quiet.__exit__(None, None, None)
        shutil.rmtree(self.root, ignore_errors=True)

    def backups(self):
        top = os.path.join(self.root, ".kit", "backups")
        return [os.path.join(top, d) for d in sorted(os.listdir(top))] if os.path.isdir(top) else []

    def test_task_reset_keeps_a_backup_and_the_other_tasks(self):
        self.assertEqual(reset.reset("1.1", assume_yes=True, root=self.root), 0)
        now = read(self.root, "exercises/01_demo/demo.cpp")
        self.assertIn('BP_NOT_IMPLEMENTED("1.1"', now)
        self.assertIn("return scale * x * x * x;", now)
        backup, = self.backups()
        self.assertEqual(read(backup, "exercises/01_demo/demo.cpp"), STUDENT)

    def test_no_tty_and_no_yes_refuses_and_changes_nothing(self):
        import sys
        saved = sys.stdin
        sys.stdin = NoTty("y\n")
        try:
            with self.assertRaises(KitError):
                reset.reset("1.1", root=self.root)
        finally:
            sys.stdin = saved
        self.assertEqual(read(self.root, "exercises/01_demo/demo.cpp"), STUDENT)
        self.assertEqual(self.backups(), [])

    def test_stage_reset_restores_every_file(self):
        write(self.root, "exercises/01_demo/demo.hpp", "// edited\n")
        self.assertEqual(reset.reset("1", assume_yes=True, root=self.root), 0)
        self.assertEqual(read(self.root, "exercises/01_demo/demo.cpp"), STUB)
        self.assertNotIn("edited", read(self.root, "exercises/01_demo/demo.hpp"))
        backup, = self.backups()
        self.assertEqual(read(backup, "exercises/01_demo/demo.cpp"), STUDENT)
        self.assertEqual(read(backup, "exercises/01_demo/demo.hpp"), "// edited\n")

    def test_stage_reset_leaves_the_students_own_files_alone(self):
        write(self.root, "exercises/01_demo/helper.cpp", "// mine\n")
        reset.reset("1", assume_yes=True, root=self.root)
        self.assertEqual(read(self.root, "exercises/01_demo/helper.cpp"), "// mine\n")
        self.assertEqual(read(self.root, "exercises/01_demo/demo.cpp"), STUB)

    def test_nothing_to_do_makes_no_backup(self):
        write(self.root, "exercises/01_demo/demo.cpp", STUB)
        self.assertEqual(reset.reset("1.2", assume_yes=True, root=self.root), 0)
        self.assertEqual(self.backups(), [])

    def test_committed_work_is_not_taken_for_the_stub(self):
        git(self.root, "commit", "-q", "-am", "my work")  # HEAD now has the student's code
        reset.reset("1.1", assume_yes=True, root=self.root)
        self.assertIn('BP_NOT_IMPLEMENTED("1.1"', read(self.root, "exercises/01_demo/demo.cpp"))

    def test_whole_file_fallback_when_a_function_is_missing(self):
        gone = STUDENT.replace("double square(double x)", "double squared(double x)")
        write(self.root, "exercises/01_demo/demo.cpp", gone)
        reset.reset("1.1", assume_yes=True, root=self.root)
        self.assertEqual(read(self.root, "exercises/01_demo/demo.cpp"), STUB)
        backup, = self.backups()
        self.assertEqual(read(backup, "exercises/01_demo/demo.cpp"), gone)

    def test_pristine_copy_without_git(self):
        shutil.rmtree(os.path.join(self.root, ".git"))
        with self.assertRaises(KitError):
            reset.reset("1.1", assume_yes=True, root=self.root)
        write(self.root, ".kit/pristine/exercises/01_demo/demo.cpp", STUB)
        self.assertEqual(reset.reset("1.1", assume_yes=True, root=self.root), 0)
        self.assertIn('BP_NOT_IMPLEMENTED("1.1"', read(self.root, "exercises/01_demo/demo.cpp"))

    def test_two_resets_get_two_backup_folders(self):
        reset.reset("1.1", assume_yes=True, root=self.root)
        reset.reset("1.2", assume_yes=True, root=self.root)
        self.assertEqual(len(self.backups()), 2)


if __name__ == "__main__":
    unittest.main()
