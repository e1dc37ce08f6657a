"""./kit release DIR: write the student bundle and prove it holds no solution code.

The bundle is every file git tracks, except the folders that hold solution code
(solutions/, and tests/mutants/ whose find/replace pairs quote solution lines), plus
pristine copies of the stubs under .kit/pristine/ (what `./kit reset` restores from when the
bundle is not a git checkout of the kit). Then three checks, each of which fails the command:
  1. no non-trivial line of any solutions/**/*.cpp appears anywhere in the bundle;
  2. the bundle configures, builds (warnings as errors) and runs ctest on its own in a
     temporary build folder: every stage test fails (stubs), checker and kit tests pass;
  3. BACKPROP_SOLUTIONS=ON stops at configure time (there are no solutions to build).
check_release(report) runs the same on build/release-check/ for ./kit verify.
"""
import datetime
import glob
import json
import os
import re
import shutil
import tempfile

from .build import Build, compile_errors
from .common import BUILD, ROOT, KitError, capture, green, red, rel, say, step, yellow
from .reset import _git, is_git_checkout, mask

# Never in a bundle: solutions/ and tests/mutants/ hold solution code, and .ci/ is the kit's
# own CI, which runs ./kit verify (it needs the solutions).
EXCLUDED_PREFIXES = ("solutions/", "tests/mutants/", ".ci/")
CXX_EXTENSIONS = (".cpp", ".hpp", ".h", ".cc", ".cxx", ".hh")
MIN_LINE = 12  # shorter solution lines (`return g;`, `} else {`) say nothing


# --------------------------------------------------------------------------------------
# Which files.


def tracked_files(root=ROOT):
    if not is_git_checkout(root):
        raise KitError("%s is not a git checkout with a commit: the bundle is made of the files "
                       "git tracks (git ls-files)" % root)
    out = _git(root, "ls-files", "-z", "--", ".")
    return sorted(p for p in (out or "").split("\0") if p)


def excluded(path):
    return path.startswith(EXCLUDED_PREFIXES)


def bundle_plan(root=ROOT):
    """(files to copy, files left out, tracked files missing from the working tree)."""
    files, left_out, missing = [], [], []
    for path in tracked_files(root):
        if excluded(path):
            left_out.append(path)
        elif not os.path.lexists(os.path.join(root, path)):
            missing.append(path)
        else:
            files.append(path)
    return files, left_out, missing


def worktree_warnings(root=ROOT):
    """Uncommitted changes the bundle takes along, and untracked files it leaves out."""
    notes = []
    changed = [p for p in (_git(root, "diff", "--name-only", "HEAD", "--", ".") or "").split()
               if p and not excluded(p)]
    if changed:
        notes.append("the bundle includes uncommitted changes to %d tracked file(s): %s"
                     % (len(changed), ", ".join(changed[:6]) + (" ..." if len(changed) > 6 else "")))
    untracked = [p for p in (_git(root, "ls-files", "--others", "--exclude-standard", "--", ".")
                             or "").splitlines() if p and not excluded(p)]
    if untracked:
        notes.append("%d untracked file(s) are NOT in the bundle (git add them if students need "
                     "them): %s" % (len(untracked), ", ".join(untracked[:6]) +
                                    (" ..." if len(untracked) > 6 else "")))
    return notes


# --------------------------------------------------------------------------------------
# Solution lines.


def normalise(line):
    return " ".join(line.split())


def code_lines(text):
    """[(line number, code)] of a C++ file: comments removed, whitespace collapsed."""
    no_comments = mask(text, strings=False)
    return [(k, normalise(line)) for k, line in enumerate(no_comments.splitlines(), 1)]


# A declaration that computes nothing: `double sum = 0.0;`, `std::ostringstream os;`,
# `Rng rng(seed);`, `Gradient g;`. Idioms every C++ file shares; they reveal no solution.
_PLAIN_DECLARATION = re.compile(
    r"(static\s+)?(const\s+)?[\w:<>, ]+?[&*]?\s+\w+"
    r"(\s*=\s*[-+]?[\w.]+|\s*\(\s*[\w.]*\s*\)|\s*\{\s*[\w.]*\s*\})?\s*;")
# A loop header alone: `for (std::size_t i = 0; i < xs.size(); ++i)` or the same with `{`.
_LOOP_HEADER = re.compile(r"for\s*\([^;]*;[^;]*;[^;]*\)\s*\{?")
# Bare control flow: `switch (f) {`, `case Activation::relu:`, `default:`, `} else {`, `break;`.
_CONTROL = re.compile(r"(switch\s*\(\s*[\w.]+\s*\)\s*\{|case\s+[\w:]+\s*:\s*\{?|default\s*:"
                      r"|\}?\s*else\s*\{?|break\s*;|continue\s*;)")


def trivial(code):
    """Lines that say nothing about a solution: short ones, preprocessor lines, braces,
    namespace lines, plain declarations, bare loop headers and bare control flow (switch,
    case labels, else, break): nothing that computes."""
    if len(code) < MIN_LINE:
        return True
    if code.startswith("#"):
        return True
    if re.fullmatch(r"[{}();,\s]*", code):
        return True
    if re.match(r"(inline\s+)?namespace\b|using\s+namespace\b|}\s*;?\s*$", code):
        return True
    if any(p.fullmatch(code) for p in (_PLAIN_DECLARATION, _LOOP_HEADER, _CONTROL)):
        return True
    return False


def public_lines(paths):
    """Normalised code lines of the stub and headers (students get them anyway), with the
    stubs' [[maybe_unused]] markers removed so a signature matches the solution's."""
    out = set()
    for path in paths:
        if os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                for _, code in code_lines(f.read()):
                    out.add(code)
                    out.add(normalise(re.sub(r"\[\[maybe_unused\]\]\s*", "", code)))
    return out


def _in_public(code, public, joined):
    return code in public or code in joined


def solution_lines(root=ROOT):
    """{normalised line: [(solution file, line number)]} of every non-trivial line of
    solutions/**/*.cpp that is not also in (a line of) its stub or its stage's headers, the
    contract students get anyway."""
    lines = {}
    sol_root = os.path.join(root, "solutions")
    for path in sorted(glob.glob(os.path.join(sol_root, "**", "*"), recursive=True)):
        if not path.endswith(CXX_EXTENSIONS) or not os.path.isfile(path):
            continue
        relpath = os.path.relpath(path, sol_root)
        topic = os.path.join(root, "exercises", os.path.dirname(relpath))
        public = public_lines([os.path.join(root, "exercises", relpath)] +
                              sorted(glob.glob(os.path.join(topic, "*.hpp"))))
        joined = "\n".join(sorted(public))
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, code in code_lines(f.read()):
                if trivial(code) or _in_public(code, public, joined):
                    continue
                lines.setdefault(code, []).append(("solutions/" + relpath, number))
    return lines


def _text_of(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if b"\0" in data[:65536]:
        return None  # binary
    return data.decode("utf-8", "replace")


def find_leaks(bundle, lines):
    """[(bundle file, line, solution file, solution line, text)] for every solution line
    that occurs (whitespace-insensitively) anywhere in a file of the bundle."""
    leaks = []
    for folder, dirs, names in os.walk(bundle):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            text = _text_of(path)
            if text is None:
                continue
            norm = [normalise(line) for line in text.splitlines()]
            joined = "\n".join(norm)
            for code, where in lines.items():
                if code not in joined:
                    continue
                for k, line in enumerate(norm, 1):
                    if code in line:
                        leaks.append((os.path.relpath(path, bundle), k, where[0][0],
                                      where[0][1], code))
    return leaks


# --------------------------------------------------------------------------------------
# Writing the bundle.


def _check_destination(dest, root):
    dest = os.path.abspath(dest)
    real_dest, real_root = os.path.realpath(dest), os.path.realpath(root)
    if real_dest == real_root or real_root.startswith(real_dest + os.sep):
        raise KitError("%s contains the kit itself; choose a new folder" % dest)
    if os.path.exists(dest) and (not os.path.isdir(dest) or os.listdir(dest)):
        raise KitError("%s exists and is not empty; give a new or empty folder (nothing was "
                       "written)" % dest)
    return dest


def _gitignore_for_bundle(text):
    """The kit ignores /.kit/ (a student's hints state and backups); in a bundle the
    pristine stubs under .kit/pristine/ must survive a `git add .` by the course."""
    lines = text.splitlines()
    out = []
    for line in lines:
        if line.strip() in ("/.kit/", ".kit/", "/.kit"):
            out += ["/.kit/*", "!/.kit/pristine/", "!/.kit/release.json"]
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def write_bundle(dest, root=ROOT):
    """Copies the bundle to dest (new or empty). Returns a dict describing it."""
    dest = _check_destination(dest, root)
    files, left_out, missing = bundle_plan(root)
    if not any(p.startswith("exercises/") for p in files):
        raise KitError("git tracks no exercises/: nothing to release")
    os.makedirs(dest, exist_ok=True)
    for path in files:
        target = os.path.join(dest, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(root, path), target, follow_symlinks=False)
    pristine = [p for p in files if p.startswith("exercises/")]
    for path in pristine:
        target = os.path.join(dest, ".kit", "pristine", path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(root, path), target)
    ignore = os.path.join(dest, ".gitignore")
    if os.path.isfile(ignore):
        with open(ignore, encoding="utf-8") as f:
            text = f.read()
        with open(ignore, "w", encoding="utf-8") as f:
            f.write(_gitignore_for_bundle(text))
    commit = (_git(root, "rev-parse", "HEAD") or "").strip()
    info = {"kit_commit": commit,
            "created": datetime.datetime.now().isoformat(timespec="seconds"),
            "files": len(files), "pristine_stubs": pristine, "left_out": left_out,
            "missing": missing}
    with open(os.path.join(dest, ".kit", "release.json"), "w", encoding="utf-8") as f:
        json.dump({k: info[k] for k in ("kit_commit", "created", "files", "pristine_stubs")},
                  f, indent=1)
        f.write("\n")
    info["dest"] = dest
    return info


# --------------------------------------------------------------------------------------
# Checks. Each returns [(name, ok, detail)].


def check_no_solution_code(bundle, root=ROOT):
    lines = solution_lines(root)
    if not lines:
        return [("the kit has solution lines to look for", False,
                 "no non-trivial lines in solutions/**/*.cpp: is solutions/ there?")]
    leaks = find_leaks(bundle, lines)
    detail = "\n".join("%s:%d has line %d of %s: %s" % (f, k, sk, sf, code[:100])
                       for f, k, sf, sk, code in leaks[:40])
    if len(leaks) > 40:
        detail += "\n(+%d more)" % (len(leaks) - 40)
    left = [p for p in ("solutions", os.path.join("tests", "mutants"))
            if os.path.exists(os.path.join(bundle, p))]
    rows = [("the bundle has no solutions/ and no tests/mutants/", not left, ", ".join(left)),
            ("no line of the solutions appears in the bundle (%d solution lines checked)"
             % len(lines), not leaks, detail)]
    return rows


def check_build(bundle, build_dir):
    """Configure, build (warnings as errors), ctest the bundle; and BACKPROP_SOLUTIONS=ON
    must stop at configure time."""
    rows = []
    b = Build("release-check", source=bundle, folder=build_dir,
              options={"BACKPROP_SOLUTIONS": "OFF", "BACKPROP_WERROR": "ON"})
    step("Configuring the bundle in %s" % build_dir)
    try:
        b.configure()
    except KitError as e:
        return rows + [("the bundle configures on its own", False, str(e))]
    rows.append(("the bundle configures on its own", True, ""))
    step("Building the bundle (warnings are errors; this takes a few minutes)")
    ok, log = b.build()
    rows.append(("the bundle builds with -Werror", ok,
                 "" if ok else "\n".join(compile_errors(log)) + "\nfull log: " + log))
    if not ok:
        return rows
    step("Running the bundle's tests")
    try:
        results = b.ctest(what="release")
    except KitError as e:
        return rows + [("the bundle's tests run", False, str(e))]
    stage_tests = [r for r in results if r.stage() is not None]
    passing = [r.name for r in stage_tests if r.passed]
    rows.append(("every stage test fails in the bundle (%d tests, stubs)" % len(stage_tests),
                 bool(stage_tests) and not passing,
                 "no stage tests ran" if not stage_tests else
                 "these pass on the stubs:\n" + "\n".join(passing[:30])))
    infra = [r for r in results if {"checker", "kit"} & set(r.labels)]
    bad = [r.name for r in infra if not r.passed]
    rows.append(("the checker and kit tests pass in the bundle (%d tests)" % len(infra),
                 bool(infra) and not bad, "\n".join(bad[:30]) or "no checker/kit tests ran"))
    sol_dir = build_dir.rstrip(os.sep) + "-solutions-on"
    os.makedirs(sol_dir, exist_ok=True)
    code, out = capture(["cmake", "-S", bundle, "-B", sol_dir, "-DBACKPROP_SOLUTIONS=ON"])
    message = cmake_error(out)
    rows.append(("BACKPROP_SOLUTIONS=ON stops at configure time in the bundle%s"
                 % (" (CMake says: %s)" % message[:240] if code != 0 and message else ""),
                 code != 0, "it configured anyway: the bundle must not pretend to have "
                 "solutions" if code == 0 else ""))
    shutil.rmtree(sol_dir, ignore_errors=True)
    return rows


def cmake_error(output):
    """The text of the first `CMake Error` of a configure run, on one line."""
    lines = output.splitlines()
    for k, line in enumerate(lines):
        if line.startswith("CMake Error"):
            body = []
            for follow in lines[k + 1:]:
                if not follow.strip() or follow.startswith("Call Stack"):
                    break
                body.append(follow.strip())
            return " ".join(body)
    return ""


def check_kit_runs(bundle):
    import sys
    code, out = capture([sys.executable, os.path.join(bundle, "kit"), "--help"])
    return [("the bundle's ./kit --help runs", code == 0, out[-2000:])]


def _print_rows(rows):
    for name, ok, detail in rows:
        say("  %s  %s" % (green("PASS") if ok else red("FAIL"), name))
        if detail and not ok:
            for line in detail.splitlines()[:40]:
                say("        " + line)


def release(dest, build=True, root=ROOT):
    step("Writing the student bundle to %s" % dest)
    for note in worktree_warnings(root):
        say(yellow("  note: ") + note)
    info = write_bundle(dest, root)
    dest = info["dest"]
    gone = [prefix for prefix in EXCLUDED_PREFIXES
            if any(p.startswith(prefix) for p in info["left_out"])]
    say("  %d files copied; left out (solution code, and the kit's own CI): %s"
        % (info["files"], ", ".join(gone) or "nothing"))
    say("  pristine stubs for ./kit reset: %d files under .kit/pristine/" % len(info["pristine_stubs"]))
    if info["missing"]:
        say(yellow("  note: ") + "tracked but deleted in your working tree, so not copied: " +
            ", ".join(info["missing"][:8]))
    step("Checking the bundle for solution code")
    rows = check_no_solution_code(dest, root)
    rows += check_kit_runs(dest)
    _print_rows(rows)
    build_dir = None
    if build:
        build_dir = tempfile.mkdtemp(prefix="kit-release-build-")
        built = check_build(dest, build_dir)
        _print_rows(built)
        rows += built
    else:
        say(yellow("  skip  ") + "the bundle was not built and tested (--no-build)")
    failed = [name for name, ok, _ in rows if not ok]
    if failed:
        where = (" Its build folder is kept for you to look at: %s." % build_dir
                 if build_dir else "")
        raise KitError("the bundle in %s failed %d check(s): %s. Do NOT hand it out; fix the "
                       "kit, delete the folder and release again.%s"
                       % (dest, len(failed), "; ".join(failed), where))
    if build_dir:
        shutil.rmtree(build_dir, ignore_errors=True)
    say()
    say(green("Bundle ready: ") + dest)
    say("  Hand out that folder (e.g. as the first commit of the course's student repository).")
    say("  Students start with ./kit check. (./kit verify and ./kit plots --solutions are "
        "instructor commands: they need solutions/.)")
    return 0


def check_release(report, bundle=None, build_dir=None, root=ROOT, build=True):
    """For ./kit verify: writes the bundle to build/release-check/, checks it, and adds a
    row per check to report (anything with add(name, ok, detail))."""
    bundle = bundle or os.path.join(BUILD, "release-check")
    build_dir = build_dir or os.path.join(BUILD, "release-check-build")
    step("Writing the student bundle to %s and checking it" % rel(bundle))
    if os.path.isdir(bundle):
        shutil.rmtree(bundle)
    try:
        info = write_bundle(bundle, root)
    except KitError as e:
        report.add("the student bundle can be written", False, str(e))
        return
    for name, ok, detail in check_no_solution_code(info["dest"], root) + \
            check_kit_runs(info["dest"]):
        report.add("student bundle: " + name, ok, detail)
    if build:
        for name, ok, detail in check_build(info["dest"], build_dir):
            report.add("student bundle: " + name, ok, detail)
