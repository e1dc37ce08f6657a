"""Static checks of the kit's structure: twins, TODO markers, docs anchors, formatting."""
import glob
import os
import re
import subprocess

from . import catalog
from .common import ROOT, which


def slug(heading):
    """The anchor a Markdown renderer (GitHub) gives a heading."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text, flags=re.UNICODE)
    return text.replace(" ", "-")


def anchors(markdown_path):
    out = set()
    try:
        with open(markdown_path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"#{1,6}\s+(.*)", line)
                if m:
                    out.add(slug(m.group(1)))
    except OSError:
        pass
    return out


def check_twins():
    problems = []
    for ex in glob.glob(os.path.join(ROOT, "exercises", "*", "*.cpp")):
        twin = os.path.join(ROOT, "solutions", os.path.relpath(ex, os.path.join(ROOT, "exercises")))
        if not os.path.exists(twin):
            problems.append("%s has no twin in solutions/" % os.path.relpath(ex, ROOT))
    for so in glob.glob(os.path.join(ROOT, "solutions", "*", "*.cpp")):
        twin = os.path.join(ROOT, "exercises", os.path.relpath(so, os.path.join(ROOT, "solutions")))
        if not os.path.exists(twin):
            problems.append("%s has no twin in exercises/" % os.path.relpath(so, ROOT))
    if glob.glob(os.path.join(ROOT, "solutions", "*", "*.hpp")):
        problems.append("solutions/ holds headers: headers belong in exercises/ only (shared)")
    return problems


def check_markers_and_docs():
    """Every task has its TODO marker in its file and its docs anchor exists; every
    BP_NOT_IMPLEMENTED docs reference in a stub points at an existing heading."""
    problems = []
    for stage in catalog.load():
        for task in stage.tasks:
            if task.todo_line() is None:
                problems.append("task %s: no 'TODO(stage %d, task %s)' marker in %s"
                                % (task.id, stage.number, task.id, task.file))
            path, _, anchor = task.docs.partition("#")
            if anchor not in anchors(os.path.join(ROOT, path)):
                problems.append("task %s: %s has no heading with anchor #%s"
                                % (task.id, path, anchor))
    for stub in glob.glob(os.path.join(ROOT, "exercises", "*", "*.cpp")):
        with open(stub, encoding="utf-8") as f:
            text = f.read()
        for task_id, docs in re.findall(r'BP_NOT_IMPLEMENTED\("([^"]+)",\s*"([^"]+)"\)', text):
            path, _, anchor = docs.partition("#")
            if anchor not in anchors(os.path.join(ROOT, path)):
                problems.append("%s: task %s points at %s, which has no such heading"
                                % (os.path.relpath(stub, ROOT), task_id, docs))
    return problems


def kit_cpp_files():
    files = []
    for folder in ("exercises", "solutions", "support", "tests", "apps", "bench"):
        for ext in ("cpp", "hpp"):
            files += glob.glob(os.path.join(ROOT, folder, "**", "*." + ext), recursive=True)
    return sorted(files)


def check_format():
    """clang-format --dry-run on all kit C++ files; None when clang-format is absent."""
    exe = which("clang-format")
    if not exe:
        return None
    bad = []
    for path in kit_cpp_files():
        proc = subprocess.run([exe, "--dry-run", "--Werror", "--style=file", path],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if proc.returncode != 0:
            bad.append(os.path.relpath(path, ROOT))
    return ["not clang-formatted: %s (run clang-format -i on it)" % p for p in bad]
