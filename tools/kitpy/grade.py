"""./kit grade [DIR]: grade a student's tree against the kit's own tests.

Only DIR/exercises/**/*.cpp is taken from the submission. Those files are copied into a
scratch copy of the kit's exercises/ (which keeps the KIT's headers), and the kit's own
CMake, tests, checker and support code are built against it with
-DBACKPROP_IMPL_DIR=<scratch>/exercises: an edited test, checker, header or CMake file in DIR
gains nothing.

Robust by construction, so every submission gets a report:
  - each stage library is built on its own; one that does not compile scores zero for its
    stage, with the compiler's first errors, and the other stages are still graded. A later
    stage whose tests link a broken earlier stage is graded with that stage's stubs in its
    place, and the report says so (its tests that call the earlier stage then fail);
  - every test runs in its own process with a timeout (the process group is killed), each
    stage has a time budget, and the whole run an overall limit;
  - a test passes only if its process exits 0 and GoogleTest reports it OK.
Points per task come from tests/grading.json. Results: grade.xml (JUnit) and grade.txt.
Exit code 0 when grading ran to the end (whatever the score).
"""
import concurrent.futures
import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET

from . import catalog, deps
from .build import Build, TestResult, compile_errors, first_failure
from .common import BUILD, ROOT, KitError, bold, capture, green, jobs, rel, say, step
from .reset import pristine_text, stub_of_task

WEIGHTS = os.path.join(ROOT, "tests", "grading.json")
TEST_TIMEOUT = 10.0     # seconds per test; the kit's tests take milliseconds
STAGE_BUDGET = 300.0    # seconds of tests per stage; then the rest of the stage is not run
BUILD_TIMEOUT = 900.0   # seconds per build step
MAX_TIME = 3600.0       # the whole grading, builds included
OUTPUT_LIMIT = 64 * 1024


# --------------------------------------------------------------------------------------
# Weights.


class Weights:
    def __init__(self, points, partial, warnings):
        self.points = points      # {task id: points}
        self.partial = partial    # partial credit: points × (tests passed / tests)
        self.warnings = warnings


def load_weights(stages, path=WEIGHTS):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise KitError("cannot read the grading weights %s: %s" % (path, e))
    except ValueError as e:
        raise KitError("%s is not valid JSON: %s" % (path, e))
    default = data.get("default_task_points", 1)
    partial = data.get("partial_credit", True)
    tasks = data.get("tasks", {})
    if not isinstance(tasks, dict) or not isinstance(partial, bool):
        raise KitError("%s: \"tasks\" must map task ids to points and \"partial_credit\" must "
                       "be true or false (see its \"about\")" % path)
    known = {t.id for s in stages for t in s.tasks}
    warnings = ["%s gives points to task %s, which no tests/stage*/tasks.json has; ignored"
                % (rel(path), k) for k in sorted(tasks) if k not in known]
    points = {}
    for s in stages:
        for t in s.tasks:
            value = tasks.get(t.id, default)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise KitError("%s: the points of task %s must be a number >= 0, not %r"
                               % (path, t.id, value))
            points[t.id] = float(value)
    return Weights(points, partial, warnings)


# --------------------------------------------------------------------------------------
# Running things with a timeout that really stops them.


class Clock:
    def __init__(self, max_time):
        self.start = time.monotonic()
        self.deadline = self.start + max_time
        self.max_time = max_time

    def remaining(self):
        return self.deadline - time.monotonic()

    def elapsed(self):
        return time.monotonic() - self.start


def _trim(data):
    if len(data) <= OUTPUT_LIMIT:
        return data
    half = OUTPUT_LIMIT // 2
    return data[:half] + b"\n[... output cut ...]\n" + data[-half:]


def run_guarded(cmd, cwd=None, timeout=None, log=None):
    """Runs cmd in its own process group with stdout+stderr to a file. Returns
    (exit code or None on timeout, output text). On timeout the whole group is killed."""
    with tempfile.TemporaryFile() as out:
        kwargs = {"start_new_session": True} if os.name == "posix" else {}
        try:
            proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, **kwargs)
        except OSError as e:
            return 127, "could not run %s: %s" % (cmd[0], e)
        try:
            code = proc.wait(timeout=None if timeout is None else max(0.01, timeout))
        except subprocess.TimeoutExpired:
            code = None
        finally:
            if os.name == "posix":
                try:
                    os.killpg(proc.pid, signal.SIGKILL)  # a leftover child of a test, too
                except (ProcessLookupError, PermissionError):
                    pass
            elif proc.poll() is None:
                proc.kill()
            proc.wait()
        out.seek(0)
        data = _trim(out.read())
    text = data.decode("utf-8", "replace")
    if log:
        os.makedirs(os.path.dirname(log), exist_ok=True)
        with open(log, "w", encoding="utf-8") as f:
            f.write(text)
    return code, text


# --------------------------------------------------------------------------------------
# The scratch copy of exercises/.


def _read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def _sync(folder, wanted):
    """Makes folder hold exactly wanted ({relative path: bytes}); unchanged files keep their
    time stamps so the build stays incremental."""
    for relpath, data in wanted.items():
        path = os.path.join(folder, relpath)
        if os.path.isfile(path) and _read_bytes(path) == data:
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    for top, dirs, names in os.walk(folder, topdown=False):
        for name in names:
            path = os.path.join(top, name)
            if os.path.relpath(path, folder) not in wanted:
                os.remove(path)
        if top != folder and not os.listdir(top):
            os.rmdir(top)


def kit_stub(relpath, stages, root=ROOT):
    """The pristine stub of exercises/<relpath> (bytes), or None."""
    full = "exercises/" + relpath
    ids = [t.id for s in stages for t in s.tasks if t.file == full]
    accept = lambda text: all(stub_of_task(text, i) for i in ids)  # noqa: E731
    text, _ = pristine_text(full, root, accept=accept)
    if text is None:
        path = os.path.join(root, full)
        if os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                candidate = f.read()
            if ids and accept(candidate):
                text = candidate
    return None if text is None else text.encode("utf-8")


def submission_sources(src_root, stages, root=ROOT):
    """({relative path under exercises/: bytes} for the scratch copy, notes).
    Headers and anything that is not a .cpp come from the kit; .cpp files from the
    submission (a kit .cpp missing there is replaced by the kit's stub)."""
    kit_ex = os.path.join(root, "exercises")
    sub_ex = os.path.join(src_root, "exercises")
    wanted, notes = {}, []
    topics = sorted(d for d in os.listdir(kit_ex) if os.path.isdir(os.path.join(kit_ex, d)))
    for topic in topics:
        for name in sorted(os.listdir(os.path.join(kit_ex, topic))):
            kit_file = os.path.join(kit_ex, topic, name)
            relpath = topic + "/" + name
            if not os.path.isfile(kit_file):
                continue
            if not name.endswith(".cpp"):
                wanted[relpath] = _read_bytes(kit_file)  # the kit's header, never the student's
                continue
            theirs = os.path.join(sub_ex, topic, name)
            if os.path.isfile(theirs) and not os.path.islink(theirs):
                wanted[relpath] = _read_bytes(theirs)
            else:
                stub = kit_stub(relpath, stages, root)
                wanted[relpath] = stub if stub is not None else _read_bytes(kit_file)
                notes.append("exercises/%s is missing from the submission: graded as the stub"
                             % relpath)
    if os.path.isdir(sub_ex):
        for top, dirs, names in os.walk(sub_ex):
            dirs.sort()
            for name in sorted(names):
                if not name.endswith(".cpp"):
                    continue
                path = os.path.join(top, name)
                relpath = os.path.relpath(path, sub_ex).replace(os.sep, "/")
                if relpath in wanted:
                    continue
                parts = relpath.split("/")
                if len(parts) == 2 and parts[0] in topics and not os.path.islink(path):
                    wanted[relpath] = _read_bytes(path)
                    notes.append("exercises/%s is an extra file of the submission: compiled "
                                 "into its stage" % relpath)
                else:
                    notes.append("exercises/%s is not in a stage folder: ignored" % relpath)
    return wanted, notes


# --------------------------------------------------------------------------------------
# Results.


class Outcome:
    """One test's result."""

    def __init__(self, name, task, status, message="", output="", seconds=0.0, kind="failure"):
        self.name = name
        self.task = task
        self.status = status      # "passed", "failed", "error", "notrun"
        self.message = message
        self.output = output
        self.seconds = seconds
        self.kind = kind          # for failures: failure, timeout, crash, notrun


class StageGrade:
    def __init__(self, stage):
        self.stage = stage
        self.compiled = None      # True / False
        self.problem = None       # why the stage scores zero, or None
        self.errors = []          # compiler / linker lines
        self.notes = []
        self.outcomes = []
        self.task_points = {}     # task id: (points, max, passed, total)
        self.seconds = 0.0

    @property
    def points(self):
        return sum(p for p, _, _, _ in self.task_points.values())

    @property
    def max_points(self):
        return sum(m for _, m, _, _ in self.task_points.values())


def score(grade, weights):
    for t in grade.stage.tasks:
        mine = [o for o in grade.outcomes if o.task == t.id]
        passed = sum(1 for o in mine if o.status == "passed")
        maximum = weights.points.get(t.id, 0.0)
        if grade.problem or not mine:
            points = 0.0
        elif weights.partial:
            points = maximum * passed / len(mine)
        else:
            points = maximum if passed == len(mine) else 0.0
        grade.task_points[t.id] = (round(points, 4), maximum, passed, len(mine))


# --------------------------------------------------------------------------------------
# Test execution.


def stage_tests(build_dir, stage_number, timeout=60):
    """[(name, command, working dir, labels)] of a stage's tests, from ctest's listing."""
    code, text = capture(["ctest", "--show-only=json-v1", "-L", "^stage%d$" % stage_number],
                         cwd=build_dir, timeout=timeout)
    if code != 0:
        raise KitError("ctest could not list the tests of stage %d:\n%s" % (stage_number, text))
    start = text.find("{")
    listing = json.loads(text[start:]) if start >= 0 else {}
    tests = []
    for t in listing.get("tests", []):
        props = {p.get("name"): p.get("value") for p in t.get("properties", [])}
        tests.append((t["name"], t.get("command") or [], props.get("WORKING_DIRECTORY") or build_dir,
                      list(props.get("LABELS") or [])))
    return tests


def _signal_name(code):
    try:
        return signal.Signals(-code).name
    except (ValueError, AttributeError):
        return "signal %d" % -code


def run_one(name, command, cwd, timeout):
    """Runs one GoogleTest test. Returns (status, kind, message, output, seconds)."""
    start = time.monotonic()
    if timeout <= 0:
        return ("notrun", "notrun", "not run: out of time (earlier tests hung and used up the "
                "stage's time budget or the grader's overall limit)", "", 0.0)
    code, out = run_guarded(command, cwd=cwd, timeout=timeout)
    seconds = time.monotonic() - start
    if code is None:
        return ("error", "timeout", "timed out after %.0f s (an endless loop?); the test was "
                "stopped" % timeout, out, seconds)
    if code < 0:
        return ("error", "crash", "crashed (%s)" % _signal_name(code), out, seconds)
    # GoogleTest's own name of the test: ctest names parameterised tests by their parameter
    # ("Suite.Case/sigmoid") while GoogleTest says "Suite.Case/1"; the filter has the latter.
    gtest_name = name
    for arg in command:
        if arg.startswith("--gtest_filter="):
            gtest_name = arg[len("--gtest_filter="):]
    ok_line = "[       OK ] %s " % gtest_name
    if code == 0 and ok_line in out and "[  SKIPPED ]" not in out and "[  FAILED  ]" not in out:
        return ("passed", "", "", out, seconds)
    if "[  FAILED  ]" in out:
        return ("failed", "failure", first_failure(out).strip() or "failed", out, seconds)
    if "[  SKIPPED ]" in out:
        return ("failed", "failure", "skipped (a skipped test counts as not passed)", out, seconds)
    return ("error", "crash", "the test program exited with code %d without reporting a result"
            % code, out, seconds)


def run_stage(grade, build_dir, clock, test_timeout, stage_budget, workers):
    tests = stage_tests(build_dir, grade.stage.number)
    stage_deadline = time.monotonic() + stage_budget
    task_of = {}
    for name, _, _, labels in tests:
        task_of[name] = TestResult(name, labels, "", "").task()

    def work(item):
        name, command, cwd, _ = item
        left = min(test_timeout, stage_deadline - time.monotonic(), clock.remaining())
        return name, run_one(name, command, cwd, left)

    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for name, (status, kind, message, out, seconds) in pool.map(work, tests):
            grade.outcomes.append(Outcome(name, task_of.get(name), status, message, out,
                                          seconds, kind))
    unassigned = [o.name for o in grade.outcomes if o.task is None]
    if unassigned:
        grade.notes.append("%d test(s) belong to no task and give no points: %s"
                           % (len(unassigned), ", ".join(unassigned[:5])))


# --------------------------------------------------------------------------------------
# Reports.

_XML_BAD = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def xml_text(text, limit=8000):
    text = _XML_BAD.sub("?", _ANSI.sub("", text or ""))
    if len(text) > limit:
        text = text[:limit] + "\n[... cut ...]"
    return text


def _first_line(text, limit=200):
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return xml_text(line[:limit])


def junit(grades, meta):
    """The JUnit XML tree: one testsuite per stage, a testcase "stage N compiles", then one
    testcase per test (or per task, when the stage could not run its tests)."""
    root = ET.Element("testsuites", name="backprop-kit grade")
    totals = {"tests": 0, "failures": 0, "errors": 0, "time": 0.0}
    for g in grades:
        s = g.stage
        suite = ET.SubElement(root, "testsuite", name="stage%d" % s.number,
                              timestamp=meta["timestamp"], hostname=meta["hostname"])
        props = ET.SubElement(suite, "properties")
        for k, v in (("title", s.title), ("points", "%g" % g.points),
                     ("max_points", "%g" % g.max_points), ("status", g.problem or "graded")):
            ET.SubElement(props, "property", name=k, value=xml_text(v, 300))
        counts = {"tests": 0, "failures": 0, "errors": 0, "time": 0.0}

        def case(classname, name, seconds=0.0, kind=None, message="", text="", output=""):
            c = ET.SubElement(suite, "testcase", classname=classname, name=xml_text(name, 300),
                              time="%.3f" % seconds)
            counts["tests"] += 1
            counts["time"] += seconds
            if kind:
                tag = "failure" if kind == "failure" else "error"
                counts["failures" if tag == "failure" else "errors"] += 1
                node = ET.SubElement(c, tag, message=_first_line(message) or kind, type=kind)
                node.text = xml_text(text or message)
                if output:
                    ET.SubElement(c, "system-out").text = xml_text(output)
            return c

        compile_text = "\n".join(g.errors)
        case("stage%d" % s.number, "stage %d compiles and links" % s.number,
             kind=None if g.compiled else "compile",
             message=g.problem or "", text=compile_text)
        if g.outcomes:
            for o in g.outcomes:
                cls = "stage%d.task%s" % (s.number, o.task) if o.task else "stage%d" % s.number
                if o.status == "passed":
                    case(cls, o.name, o.seconds)
                else:
                    case(cls, o.name, o.seconds, kind=o.kind or "failure", message=o.message,
                         text=o.message, output=o.output)
        else:
            for t in s.tasks:
                case("stage%d.task%s" % (s.number, t.id), "task %s: %s" % (t.id, t.title),
                     kind="failure", message="not graded: " + (g.problem or "no tests ran"))
        for k in ("tests", "failures", "errors"):
            suite.set(k, str(counts[k]))
            totals[k] += counts[k]
        suite.set("skipped", "0")
        suite.set("time", "%.3f" % counts["time"])
        ET.SubElement(suite, "system-out")
        ET.SubElement(suite, "system-err")
        totals["time"] += counts["time"]
    for k in ("tests", "failures", "errors"):
        root.set(k, str(totals[k]))
    root.set("time", "%.3f" % totals["time"])
    return ET.ElementTree(root)


def summary(grades, meta, weights):
    lines = ["backprop-kit grade",
             "  submission: %s (only exercises/**/*.cpp is used)" % meta["source"],
             "  kit:        %s%s" % (meta["kit"], " (commit %s)" % meta["commit"]
                                     if meta["commit"] else ""),
             "  date:       %s" % meta["timestamp"],
             "  scoring:    %s" % ("points x (tests passed / tests) per task" if weights.partial
                                   else "a task's points only when all its tests pass"),
             ""]
    for note in meta["notes"]:
        lines.append("  note: " + note)
    if meta["notes"]:
        lines.append("")
    total = maximum = 0.0
    for g in grades:
        s = g.stage
        total += g.points
        maximum += g.max_points
        tests = len(g.outcomes)
        passed = sum(1 for o in g.outcomes if o.status == "passed")
        state = g.problem or ("all %d tests pass" % tests if passed == tests and tests
                              else "%d of %d tests pass" % (passed, tests))
        lines.append("Stage %d, %s: %.2f / %g points; %s" % (s.number, s.title, g.points,
                                                             g.max_points, state))
        for e in g.errors[:12]:
            lines.append("      | " + e)
        for note in g.notes:
            lines.append("    note: " + note)
        for t in s.tasks:
            points, most, ok, n = g.task_points[t.id]
            mark = "ok" if n and ok == n and not g.problem else "--"
            bad = [o for o in g.outcomes if o.task == t.id and o.status != "passed"]
            unwritten = bad and all(o.message.startswith("not written yet") and
                                    (" in %s " % t.file) in o.message for o in bad)
            lines.append("  %s %-5s %-40s %6.2f / %-6g %s%s" % (
                mark, t.id, t.title[:40], points, most,
                "(%d/%d tests)" % (ok, n) if n else "(not graded)",
                "  not written yet" if unwritten else ""))
            if unwritten:
                continue
            for o in bad[:2]:
                lines.append("         %s: %s" % (o.name, _first_line(o.message, 110)))
            if len(bad) > 2:
                lines.append("         (+%d more failing tests)" % (len(bad) - 2))
        lines.append("")
    pct = 100.0 * total / maximum if maximum else 0.0
    lines.append("Total  %.2f / %g  (%.1f%%)" % (total, maximum, pct))
    return "\n".join(lines) + "\n", total, maximum


# --------------------------------------------------------------------------------------
# Grading.


def _relative_errors(lines, scratch_ex):
    return [line.replace(scratch_ex + os.sep, "exercises/").replace(scratch_ex + "/", "exercises/")
            for line in lines]


_MAKE_NOISE = re.compile(r"\s*(g?make|ninja)(\[\d+\])?: ")


def _build_errors(log_text, log_path, scratch_ex):
    """The compiler's or linker's first error lines (not make's), with the scratch folder
    shown as exercises/."""
    errors = [e for e in compile_errors(log_path, limit=60) if not _MAKE_NOISE.match(e)][:12]
    if not errors:
        errors = [line for line in log_text.splitlines() if line.strip()][-12:]
    return _relative_errors(errors, scratch_ex)


def grade(source=None, out=None, test_timeout=TEST_TIMEOUT, max_time=MAX_TIME,
          stage_budget=STAGE_BUDGET, build_timeout=BUILD_TIMEOUT, root=ROOT):
    clock = Clock(max_time)
    source = os.path.abspath(source or root)
    out = os.path.abspath(out or os.path.join(BUILD, "grade"))
    if not os.path.isdir(os.path.join(source, "exercises")):
        raise KitError("%s has no exercises/ folder: give the student's tree (the folder that "
                       "holds exercises/)" % source)
    for forbidden in (source, root, os.path.join(source, "exercises"), os.path.join(root, "exercises")):
        real_out, real_f = os.path.realpath(out), os.path.realpath(forbidden)
        if real_out == real_f or real_f.startswith(real_out + os.sep):
            raise KitError("--out %s would overwrite %s; choose a folder of its own" % (out, forbidden))
    deps.ensure(["cmake", "compiler", "eigen", "gtest"], install=False)
    stages = catalog.load(root)
    if not stages:
        raise KitError("the kit has no task catalogs (tests/stage*/tasks.json)")
    weights = load_weights(stages, os.path.join(root, "tests", "grading.json"))
    # The folder is the grader's own: it deletes what it made there before, so it refuses a
    # non-empty folder it did not make (the marker says it did).
    marker = os.path.join(out, ".kit-grade")
    if os.path.isdir(out) and os.listdir(out) and not os.path.exists(marker):
        raise KitError("--out %s is not empty and was not made by ./kit grade; give a new "
                       "folder (grading replaces its contents)" % out)
    if os.path.exists(out) and not os.path.isdir(out):
        raise KitError("--out %s is a file, not a folder" % out)
    os.makedirs(out, exist_ok=True)
    with open(marker, "w") as f:
        f.write("made by ./kit grade; its contents are replaced by every grading run\n")
    scratch_ex = os.path.join(out, "scratch", "exercises")
    logs = os.path.join(out, "logs")
    shutil.rmtree(logs, ignore_errors=True)
    step("Grading %s (its exercises/**/*.cpp only) against the kit in %s" % (source, rel(root)))
    wanted, notes = submission_sources(source, stages, root)
    _sync(scratch_ex, wanted)
    notes = weights.warnings + notes

    b = Build("grade", source=root, folder=os.path.join(out, "build"),
              options={"BACKPROP_IMPL_DIR": scratch_ex, "BACKPROP_SOLUTIONS": "OFF",
                       "BACKPROP_WERROR": "OFF"})
    step("Configuring the grading build in %s" % rel(b.dir))
    b.configure()

    def build(targets, what):
        cmd = ["cmake", "--build", b.dir, "-j", jobs()]
        for t in targets:
            cmd += ["--target", t]
        log = os.path.join(logs, what + ".log")
        left = min(build_timeout, clock.remaining())
        code, text = run_guarded(cmd, timeout=left, log=log)
        return code, text, log

    step("Building the kit's test support (the first time takes a few minutes)")
    code, text, log = build(["bp_testsupport"], "kit-support")
    if code != 0:
        raise KitError("the kit's own support code does not build (not the student's fault); "
                       "see %s:\n%s" % (log, "\n".join(text.splitlines()[-15:])))

    grades = [StageGrade(s) for s in stages]
    broken = []  # stages whose library does not compile
    for g in grades:
        n = g.stage.number
        step("Stage %d: compiling the submission's code" % n)
        code, text, log = build(["bp_stage%d" % n], "stage%d-library" % n)
        g.compiled = code == 0
        if code is None:
            g.problem = "does not compile within %.0f s" % min(build_timeout, max(0, clock.remaining()))
        elif code != 0:
            g.problem = "does not compile"
            g.errors = _build_errors(text, log, scratch_ex)
        if not g.compiled:
            broken.append(g)

    substituted = []
    for g in broken:  # later stages link this one: put the kit's stubs in its place
        folder = g.stage.exercise_dir and os.path.basename(g.stage.exercise_dir)
        stubs = {}
        for relpath in [p for p in wanted if p.startswith(str(folder) + "/") and p.endswith(".cpp")]:
            stub = kit_stub(relpath, stages, root)
            if stub is None:
                stubs = None
                break
            stubs[relpath] = stub
        if stubs is not None and folder:
            for relpath in [p for p in wanted if p.startswith(folder + "/") and p.endswith(".cpp")]:
                del wanted[relpath]
            wanted.update(stubs)
            substituted.append(g.stage.number)
    if substituted:
        _sync(scratch_ex, wanted)
        substituted = [n for n in substituted
                       if build(["bp_stage%d" % n], "stage%d-stubs" % n)[0] == 0]

    for g in grades:
        n = g.stage.number
        if clock.remaining() <= 0:
            g.problem = g.problem or "not graded: the grader's overall time limit ran out"
            continue
        if not g.compiled:
            continue
        earlier = [x.stage.number for x in broken if x.stage.number < n]
        missing = [k for k in earlier if k not in substituted]
        if missing:
            g.problem = ("not graded: its tests link stage %s, which does not compile"
                         % ", ".join(map(str, missing)))
            continue
        if earlier:
            g.notes.append("stage %s does not compile, so these tests ran with its stubs in its "
                           "place; tests that call stage %s code fail"
                           % (", ".join(map(str, earlier)), ", ".join(map(str, earlier))))
        step("Stage %d: linking the tests" % n)
        code, text, log = build(["stage%d_tests" % n], "stage%d-tests" % n)
        if code != 0:
            g.compiled = False
            g.problem = ("the tests do not link or do not start%s"
                         % (" (timed out)" if code is None else ""))
            g.errors = _build_errors(text, log, scratch_ex)
            continue
        step("Stage %d: running the tests (at most %g s each)" % (n, test_timeout))
        start = time.monotonic()
        run_stage(g, b.dir, clock, test_timeout, stage_budget, int(jobs()))
        g.seconds = time.monotonic() - start

    for g in grades:
        score(g, weights)
    incomplete = clock.remaining() <= 0
    meta = {"source": source, "kit": root,
            "commit": _commit(root),
            "timestamp": datetime.datetime.now().isoformat(timespec="seconds"),
            "hostname": socket.gethostname() or "localhost",
            "notes": notes}
    text, total, maximum = summary(grades, meta, weights)
    xml_path, txt_path = os.path.join(out, "grade.xml"), os.path.join(out, "grade.txt")
    tree = junit(grades, meta)
    tmp = xml_path + ".tmp"
    tree.write(tmp, encoding="utf-8", xml_declaration=True)
    os.replace(tmp, xml_path)
    with open(txt_path, "w", encoding="utf-8") as f:
        f.write(text)
    say()
    say(text.rstrip())
    say()
    say(bold("Wrote ") + "%s (JUnit XML) and %s" % (rel(xml_path), rel(txt_path)))
    if incomplete:
        raise KitError("grading did not finish within --max-time %.0f s; the report covers "
                       "what was graded" % max_time)
    say(green("Grading finished: ") + "%.2f / %g points" % (total, maximum))
    return 0


def _commit(root):
    from .reset import _git
    out = _git(root, "rev-parse", "--short", "HEAD")
    return out.strip() if out else ""
