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
  ./kit hint TASK           a hint for a task (e.g. 1.5), one more step each time
  ./kit plots               train and plot YOUR implementation (finished stages only)
  ./kit doctor              check the compiler, CMake, Eigen, GoogleTest and matplotlib
"""


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

    sub.add_parser("doctor", help="check what the kit needs and say how to install what is missing")
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
    except KeyboardInterrupt:
        say()
        return 130
