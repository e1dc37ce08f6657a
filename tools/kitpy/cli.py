"""The ./kit command line."""
import argparse
import subprocess
import sys

from .common import KitError, red, say

DESCRIPTION = """backprop-kit: learn backpropagation by writing it, test by test.

The two commands:
  ./kit plots --solutions   build the reference solutions, train them on the bundled real
                            data and write the convergence plots (PNG) under build/
  ./kit verify              the kit's own test: solutions pass, stubs fail, checker sound

A student's loop:
  ./kit check [STAGE]       build your code, run the tests, show progress and the next task
  ./kit watch [STAGE]       the same, again every time you save a file in exercises/
  ./kit hint TASK           a hint for a task (e.g. 1.5), one more step each time
  ./kit reset TASK|STAGE    put a task's stub (or a whole stage's) back; asks first and keeps
                            your version in .kit/backups/
  ./kit plots               train and plot YOUR implementation (finished stages only)
  ./kit doctor              check the compiler, CMake, Eigen, GoogleTest and matplotlib

For instructors:
  ./kit release DIR         write the student bundle (no solution code: checked), then build
                            and test it on its own
  ./kit grade [DIR]         grade DIR/exercises/*.cpp with the kit's own tests: points per
                            task (tests/grading.json), build/grade/grade.xml (JUnit) + grade.txt

Run ./kit COMMAND --help for a command's options.
"""


def _seconds(text):
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be a number of seconds > 0, not %s" % text)
    return value


def _parser():
    p = argparse.ArgumentParser(prog="./kit", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("plots", help="train every finished stage on real data and draw the figures")
    s.add_argument("--solutions", action="store_true",
                   help="use the reference solutions instead of your code in exercises/")
    s.add_argument("--no-install", action="store_true",
                   help="never install missing packages; just say what is missing")

    s = sub.add_parser("verify", help="prove the kit sound: solutions pass, stubs fail, checker sound")
    s.add_argument("--no-install", action="store_true",
                   help="never install missing packages; just say what is missing")

    s = sub.add_parser("check", help="build your code, run the tests, show progress and the next task")
    s.add_argument("stage", nargs="?", help="only this stage (e.g. 1)")

    s = sub.add_parser("hint", help="show the hints for a task, one more step per call")
    s.add_argument("task", help="the task, e.g. 1.5")
    s.add_argument("--step", type=int, help="show the hints up to this step")
    s.add_argument("--reset", action="store_true", help="start this task's hints again at step 1")

    s = sub.add_parser("watch", help="run check again every time a file in exercises/ is saved",
                       description="Runs ./kit check now, then again every time you save a file "
                       "under exercises/ (it polls the files every 0.5 s), until you press "
                       "Ctrl-C.")
    s.add_argument("stage", nargs="?", help="only this stage (e.g. 1)")
    s.add_argument("--interval", type=_seconds, default=0.5, metavar="SECONDS",
                   help="how often to look for saved files (default: 0.5)")

    s = sub.add_parser("reset", help="put the stub of a task (or of a stage) back, keeping a backup",
                       description="Restores the stub of one task (only its function(s); the "
                       "rest of the file stays) or every exercise file of a stage. Asks first; "
                       "your current file is copied to .kit/backups/<date-time>/ before "
                       "anything changes, and the path is printed.")
    s.add_argument("task", metavar="TASK|STAGE", help="a task such as 1.5, or a stage such as 1")
    s.add_argument("-y", "--yes", action="store_true",
                   help="do not ask (needed when there is no terminal to ask on)")

    sub.add_parser("doctor", help="check what the kit needs and say how to install what is missing")

    s = sub.add_parser("release", help="(instructors) write the student bundle and check it",
                       description="Writes the student bundle into DIR (new or empty): every "
                       "file git tracks except solutions/ and tests/mutants/, plus the pristine "
                       "stubs under .kit/pristine/ for ./kit reset. Fails if any non-trivial "
                       "line of solutions/**/*.cpp appears anywhere in the bundle, then builds "
                       "and tests the bundle on its own in a temporary folder (stage tests "
                       "must fail, checker and kit tests pass).")
    s.add_argument("dir", metavar="DIR", help="the folder to write (must not exist or be empty)")
    s.add_argument("--no-build", action="store_true",
                   help="skip building and testing the bundle (faster; the bundle is untested)")

    s = sub.add_parser("grade", help="(instructors) grade a student's tree: JUnit XML and points",
                       description="Grades DIR (default: this kit) using ONLY its "
                       "exercises/**/*.cpp, built against this kit's own headers, tests, checker "
                       "and CMake. Every stage is graded even if another does not compile; "
                       "tests that hang are stopped. Points per task: tests/grading.json. "
                       "Writes grade.xml (JUnit) and grade.txt. Exit code 0 when grading "
                       "finished, whatever the score.")
    s.add_argument("dir", metavar="DIR", nargs="?",
                   help="the student's tree, the folder holding exercises/ (default: this kit)")
    s.add_argument("--out", metavar="DIR2",
                   help="where grade.xml, grade.txt and the build go (default: build/grade/)")
    s.add_argument("--timeout", type=_seconds, default=10.0, metavar="SECONDS",
                   help="the time limit of each test (default: 10)")
    s.add_argument("--max-time", type=_seconds, default=3600.0, metavar="SECONDS",
                   help="the limit for the whole grading, builds included (default: 3600)")
    return p


def main(argv):
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "plots":
            from .plots import plots
            return plots(args.solutions, install=not args.no_install)
        if args.command == "verify":
            from .verify import verify
            return verify(install=not args.no_install)
        if args.command == "check":
            from .progress import check
            return check(args.stage)
        if args.command == "hint":
            from .hints import hint
            return hint(args.task, step=args.step, reset=args.reset)
        if args.command == "watch":
            from .watch import watch
            return watch(args.stage, interval=args.interval)
        if args.command == "reset":
            from .reset import reset
            return reset(args.task, assume_yes=args.yes)
        if args.command == "release":
            from .release import release
            return release(args.dir, build=not args.no_build)
        if args.command == "grade":
            from .grade import grade
            return grade(args.dir, out=args.out, test_timeout=args.timeout,
                         max_time=args.max_time)
        if args.command == "doctor":
            from .deps import doctor
            return doctor()
        parser.print_help()
        return 0
    except KitError as e:
        print(red("kit: ") + str(e), file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired as e:
        print(red("kit: ") + "timed out: %s" % e, file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as e:
        # A file the kit could not read or write: say which, without a traceback.
        print(red("kit: ") + "%s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        say()
        return 130
