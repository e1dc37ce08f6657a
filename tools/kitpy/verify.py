"""./kit verify: prove the kit sound (DESIGN.md §6). Builds both configurations and checks
that the solutions pass every test, the stubs compile warning-free and fail every stage
test, the checker's own tests pass, and the kit's structure is intact."""
import time

from . import deps, integrity
from .build import Build, compile_errors, warnings_in
from .common import KitError, bold, green, red, rel, say, step, yellow


class Report:
    def __init__(self):
        self.rows = []

    def add(self, name, ok, detail=""):
        self.rows.append((name, ok, detail))
        mark = green("PASS") if ok else red("FAIL")
        say("  %s  %s" % (mark, name))
        if detail and not ok:
            for line in detail.splitlines()[:40]:
                say("        " + line)

    @property
    def failed(self):
        return [r for r in self.rows if not r[1]]


def _build(report, config, label):
    b = Build(config)
    step("Configuring and building %s in %s (warnings are errors)" % (label, rel(b.dir)))
    b.configure()
    ok, log = b.build()
    report.add("%s compiles with -Werror" % label, ok,
               "" if ok else "\n".join(compile_errors(log)) + "\nfull log: " + rel(log))
    return b if ok else None, log


def verify_solutions(report):
    b, _ = _build(report, "verify-solutions", "the solutions build")
    if b is None:
        return
    step("Running every test on the solutions")
    results = b.ctest(what="verify")
    failing = [r for r in results if not r.passed]
    report.add("the solutions pass every test (%d tests)" % len(results), not failing and results,
               "\n".join("%s: %s" % (r.name, r.status) for r in failing[:30]))
    checker = [r for r in results if "checker" in r.labels]
    report.add("the gradient checker's own tests pass (%d tests)" % len(checker),
               bool(checker) and all(r.passed for r in checker))
    apps = [r for r in results if "apps" in r.labels]
    kit = [r for r in results if "kit" in r.labels]
    report.add("bad input gets a clear message and a non-zero exit, never a crash, hang, NaN "
               "or half-written file (%d program tests, %d data/output tests)"
               % (len(apps), len(kit)),
               bool(apps) and bool(kit) and all(r.passed for r in apps + kit),
               "\n".join(r.name for r in apps + kit if not r.passed))
    unlabelled = [r.name for r in results if r.stage() is not None and r.task() is None]
    report.add("every stage test belongs to a task (tests/stageN/tasks.json)", not unlabelled,
               "\n".join(unlabelled[:30]))
    stray = [r.name for r in results
             if r.stage() is None and not {"checker", "kit", "apps"} & set(r.labels)]
    report.add("every test has a stage, checker, kit or apps label", not stray, "\n".join(stray[:30]))


def verify_exercises(report):
    b, log = _build(report, "verify-exercises", "the exercises build (the stubs)")
    if b is None:
        return
    warnings = warnings_in(log)
    report.add("the stubs compile without warnings", not warnings, "\n".join(warnings[:20]))
    step("Running every test on the stubs")
    results = b.ctest(what="verify")
    stage_tests = [r for r in results if r.stage() is not None]
    passing = [r for r in stage_tests if r.passed]
    report.add("every stage test fails on the stubs (%d tests)" % len(stage_tests),
               stage_tests and not passing,
               "these pass on a stub, so they teach nothing:\n" +
               "\n".join(r.name for r in passing[:30]))
    crashed = [r for r in stage_tests if "not written yet" not in r.output and not r.passed
               and ("SEGV" in r.output or "Subprocess aborted" in r.output
                    or "Exception: " in r.output)]
    report.add("no stub test crashes or aborts its binary", not crashed,
               "\n".join(r.name for r in crashed[:30]))
    infra = [r for r in results if {"checker", "kit"} & set(r.labels)]
    bad_infra = [r for r in infra if not r.passed]
    report.add("the checker and kit tests pass in the student build too (%d tests)" % len(infra),
               bool(infra) and not bad_infra, "\n".join(r.name for r in bad_infra[:30]))


def verify_sanitizers(report):
    """The whole suite on the solutions under AddressSanitizer + UndefinedBehaviorSanitizer."""
    b, _ = _build(report, "sanitize", "the sanitizer build (ASan + UBSan, Debug)")
    if b is None:
        return
    step("Running every test under the sanitizers")
    results = b.ctest(what="verify-sanitize", timeout=600)
    failing = [r for r in results if not r.passed]
    details = []
    for r in failing[:10]:
        lines = [l for l in r.output.splitlines() if "Sanitizer" in l or "runtime error" in l]
        details.append("%s: %s" % (r.name, lines[0] if lines else r.status))
    report.add("every test passes under ASan and UBSan (%d tests)" % len(results),
               bool(results) and not failing, "\n".join(details))


def verify_reproducible(report):
    """Same seed, same bytes: every training program run twice gives identical files."""
    import json
    import os
    from .common import ROOT
    b = Build("verify-solutions")
    with open(os.path.join(ROOT, "plots", "recipes.json"), encoding="utf-8") as f:
        recipes = json.load(f)["stages"]
    step("Checking that training is reproducible bit for bit")
    problems = []
    try:
        _run_twice(b, recipes, problems)
    except KitError as e:
        problems.append(str(e))
    report.add("two runs with the same seed write byte-identical results", not problems,
               "\n".join(problems))


def _run_twice(b, recipes, problems):
    import filecmp
    import os
    from .common import run
    for stage, recipe in sorted(recipes.items()):
        outs = []
        for attempt in ("a", "b"):
            out = os.path.join(b.dir, "kit-logs", "repro", attempt, "stage" + stage)
            os.makedirs(out, exist_ok=True)
            for program in recipe["programs"]:
                exe = os.path.join(b.dir, "apps", program[0])
                args = [a.replace("{results}", out) for a in program[1:]]
                run([exe] + args, cwd=out, quiet=True, log=os.path.join(out, "run.log"))
            outs.append(out)
        names = sorted(n for n in os.listdir(outs[0]) if n != "run.log")
        match, mismatch, errors = filecmp.cmpfiles(outs[0], outs[1], names, shallow=False)
        problems += ["stage %s: %s differs between two runs" % (stage, n) for n in mismatch + errors]
        if not names:
            problems.append("stage %s wrote no files" % stage)


def verify_python(report):
    """The front end's and the plotting scripts' own tests (unittest)."""
    import os
    import sys
    from .common import ROOT, capture
    step("Running the Python tests of ./kit and of the plotting scripts")
    suites = [("the ./kit front end's own tests pass", sys.executable, "tools/tests"),
              ("the plotting scripts' own tests pass", deps.find_plot_python(), "plots/tests")]
    for name, python, folder in suites:
        if not os.path.isdir(os.path.join(ROOT, folder)):
            continue
        if python is None:
            report.add(name, False, "no Python that can import matplotlib was found")
            continue
        code, out = capture([python, "-m", "unittest", "discover", "-s", folder, "-t", folder],
                            cwd=ROOT, timeout=1800)
        summary = [l for l in out.splitlines() if l.startswith("Ran ") or l.startswith("OK")
                   or l.startswith("FAILED")]
        report.add("%s (%s)" % (name, " ".join(summary) or "no output"), code == 0,
                   out[-3000:])


def verify_grading(report):
    """./kit grade end to end: a tree whose exercises/ hold the reference solutions must get
    every point, in JUnit XML a CI system reads (testsuites, counts that add up)."""
    import glob
    import os
    import shutil
    import xml.etree.ElementTree as ET
    from .common import BUILD, ROOT
    from .grade import grade
    tree = os.path.join(BUILD, "grade-check", "tree")
    out = os.path.join(BUILD, "grade-check", "out")
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    for src in glob.glob(os.path.join(ROOT, "solutions", "*", "*.cpp")):
        dest = os.path.join(tree, "exercises", os.path.relpath(src, os.path.join(ROOT, "solutions")))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(src, dest)
    step("Grading a tree that holds the reference solutions (./kit grade)")
    try:
        grade(source=tree, out=out)
        root = ET.parse(os.path.join(out, "grade.xml")).getroot()
    except (KitError, ET.ParseError, OSError) as e:
        report.add("./kit grade gives the solutions full marks in valid JUnit XML", False, str(e))
        return
    cases = list(root.iter("testcase"))
    failed = [c.get("classname", "") + "." + c.get("name", "") for c in cases
              if c.find("failure") is not None or c.find("error") is not None]
    counted = sum(int(s.get("tests", "0")) for s in root.iter("testsuite"))
    ok = root.tag == "testsuites" and cases and not failed and counted == len(cases)
    report.add("./kit grade gives the solutions full marks in valid JUnit XML (%d test cases)"
               % len(cases), ok, "\n".join(failed[:20]) or
               "testsuite counts %d, test cases %d" % (counted, len(cases)))


def verify_structure(report):
    step("Checking the kit's structure")
    problems = integrity.check_twins()
    report.add("every stub has its solution twin and no solution hides a header", not problems,
               "\n".join(problems))
    problems = integrity.check_markers_and_docs()
    report.add("every task has its TODO marker and its docs section", not problems,
               "\n".join(problems))
    problems = integrity.check_format()
    if problems is None:
        say(yellow("  skip  clang-format is not installed: formatting not checked"))
    else:
        report.add("all kit C++ code is clang-formatted", not problems, "\n".join(problems[:30]))


def _refuse_changed_exercises(root):
    """verify proves that the stubs fail every test: on a tree where a student has written
    code in exercises/, that check would fail and read as "your code is wrong"."""
    import subprocess
    proc = subprocess.run(["git", "status", "--porcelain", "--", "exercises"], cwd=root,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          universal_newlines=True)
    if proc.returncode == 0 and proc.stdout.strip():
        raise KitError("exercises/ has changes (your work, if you are a student: it is safe).\n"
                       "./kit verify checks the kit itself against its untouched stubs, so it "
                       "would report your finished tasks as failures. Students: use ./kit check.\n"
                       "Maintainers: run ./kit verify in a clean clone (git clone . /tmp/kit).")


def verify(install=True):
    import os
    from .common import ROOT
    if not os.path.isdir(os.path.join(ROOT, "solutions")):
        raise KitError("this is the student bundle: ./kit verify checks the kit against its "
                       "reference solutions, which are not included. Use ./kit check.")
    _refuse_changed_exercises(ROOT)
    start = time.time()
    deps.ensure(["cmake", "compiler", "eigen", "gtest", "matplotlib"], install=install)
    report = Report()
    verify_structure(report)
    verify_python(report)
    verify_solutions(report)
    verify_exercises(report)
    from .release import check_release
    check_release(report)
    verify_grading(report)
    verify_reproducible(report)
    from .mutate import run_mutants
    run_mutants(report)
    verify_sanitizers(report)
    say()
    passed = len(report.rows) - len(report.failed)
    say(bold("Summary") + " (%.0f s)" % (time.time() - start))
    for name, ok, _ in report.rows:
        say("  %s  %s" % (green("PASS") if ok else red("FAIL"), name))
    say()
    say("verify: %d passed, %d failed" % (passed, len(report.failed)))
    if report.failed:
        raise KitError("the kit is not sound: %d check(s) failed (details above)"
                       % len(report.failed))
    say(green("The kit is sound."))
    return 0
