"""Helpers for the tests of the kit's Python front end: a tiny throwaway kit on disk."""
import json
import os
import subprocess
import sys
import tempfile

TOOLS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TOOLS not in sys.path:
    sys.path.insert(0, TOOLS)

STUB = """// Stage 1 stub.
#include "01_demo/demo.hpp"

#include "bp/not_implemented.hpp"

namespace bp::demo {

double square([[maybe_unused]] double x) {
  // TODO(stage 1, task 1.1): return x squared.
  BP_NOT_IMPLEMENTED("1.1", "docs/01_demo.md#task-11");
}

double cube([[maybe_unused]] double x,
            [[maybe_unused]] double scale) {
  // TODO(stage 1, task 1.2): return scale * x cubed.
  BP_NOT_IMPLEMENTED("1.2", "docs/01_demo.md#task-12");
}

}  // namespace bp::demo
"""

SOLUTION = """// Reference solution.
#include "01_demo/demo.hpp"

namespace bp::demo {

double square(double x) {
  const double product_of_x = x * x;
  return product_of_x;
}

double cube(double x, double scale) {
  return scale * x * x * x;  // the cube
}

}  // namespace bp::demo
"""

HEADER = """#pragma once
namespace bp::demo {
double square(double x);
double cube(double x, double scale);
}  // namespace bp::demo
"""

CATALOG = {
    "stage": 1, "title": "Demo", "guide": "docs/01_demo.md",
    "tasks": [
        {"id": "1.1", "title": "the square", "function": "square",
         "file": "exercises/01_demo/demo.cpp", "docs": "docs/01_demo.md#task-11",
         "suites": ["Square"]},
        {"id": "1.2", "title": "the cube", "function": "cube",
         "file": "exercises/01_demo/demo.cpp", "docs": "docs/01_demo.md#task-12",
         "suites": ["Cube"]},
    ],
}


def write(root, relpath, text, mode=None):
    path = os.path.join(root, relpath)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    if mode:
        os.chmod(path, mode)
    return path


def read(root, relpath):
    with open(os.path.join(root, relpath), encoding="utf-8") as f:
        return f.read()


def git(root, *args):
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    subprocess.run(["git"] + list(args), cwd=root, check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_kit(with_git=True):
    """A throwaway kit: one stage, one stub with two tasks, its solution, a mutant file."""
    root = tempfile.mkdtemp(prefix="kit-test-")
    write(root, "exercises/01_demo/demo.cpp", STUB)
    write(root, "exercises/01_demo/demo.hpp", HEADER)
    write(root, "solutions/01_demo/demo.cpp", SOLUTION)
    write(root, "tests/stage1/tasks.json", json.dumps(CATALOG, indent=1))
    write(root, "tests/mutants/stage1.json", '{"mutants": [{"find": "return scale * x * x * x;"}]}')
    write(root, "kit", "#!/usr/bin/env python3\nprint('usage: ./kit')\n", mode=0o755)
    write(root, ".gitignore", "build/\n/.kit/\n")
    if with_git:
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "kit")
    return root
