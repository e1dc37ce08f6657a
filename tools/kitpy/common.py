"""Shared helpers: paths, printing, running commands."""
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, "build")

_COLOR = sys.stdout.isatty() and os.environ.get("NO_COLOR") is None and os.environ.get("TERM") != "dumb"


def _paint(code, text):
    return "\033[%sm%s\033[0m" % (code, text) if _COLOR else text


def green(text):
    return _paint("32", text)


def red(text):
    return _paint("31", text)


def yellow(text):
    return _paint("33", text)


def bold(text):
    return _paint("1", text)


def say(text=""):
    print(text, flush=True)


def step(text):
    say(bold("==> ") + text)


class KitError(Exception):
    """An error the kit explains to the user (printed without a traceback)."""


def rel(path):
    """A path as the user should see it: relative to the kit root when inside it."""
    try:
        r = os.path.relpath(path, ROOT)
    except ValueError:
        return path
    return path if r.startswith("..") else r


def run(cmd, cwd=None, quiet=False, log=None, env=None, timeout=None, check=True):
    """Runs cmd. quiet: output goes to log (a path) instead of the terminal.
    Returns the CompletedProcess; raises KitError on failure when check is set."""
    if quiet:
        with open(log or os.devnull, "w") as out:
            proc = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env,
                                  timeout=timeout)
    else:
        proc = subprocess.run(cmd, cwd=cwd, env=env, timeout=timeout)
    if check and proc.returncode != 0:
        where = (" (full output: %s)" % rel(log)) if (quiet and log) else ""
        raise KitError("command failed with exit code %d: %s%s"
                       % (proc.returncode, " ".join(cmd), where))
    return proc


def capture(cmd, cwd=None, env=None, timeout=None):
    """Runs cmd and returns (exit code, stdout+stderr as text)."""
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          env=env, timeout=timeout)
    return proc.returncode, proc.stdout.decode("utf-8", "replace")


def which(name):
    return shutil.which(name)


def jobs():
    return str(max(1, os.cpu_count() or 1))
