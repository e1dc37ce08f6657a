"""Mutation testing of the test suite (DESIGN.md §6.3): each classic student mistake in
tests/mutants/stageN.json is applied to a scratch copy of the solutions (never the working
tree), built, and tested; every mutant must be caught by at least one test."""
import glob
import json
import os
import shutil

from . import catalog
from .build import Build
from .common import BUILD, ROOT, KitError, green, red, say, step


def load_mutants(root=ROOT):
    mutants = []
    for path in sorted(glob.glob(os.path.join(root, "tests", "mutants", "stage*.json"))):
        with open(path, encoding="utf-8") as f:
            try:
                data = json.load(f)
            except ValueError as e:
                raise KitError("%s is not valid JSON: %s" % (path, e))
        for m in data["mutants"]:
            m["catalog"] = os.path.relpath(path, root)
            mutants.append(m)
    return mutants


def _stage_of(rel_file, stages):
    topic = rel_file.split("/")[0]
    for s in stages:
        if s.topic == topic:
            return s.number
    raise KitError("mutant file %s is in no known stage folder" % rel_file)


def run_mutants(report):
    """Adds one row per mutant to report; returns the list of (mutant, caught_by)."""
    mutants = load_mutants()
    if not mutants:
        report.add("the mutant catalog is not empty", False, "no tests/mutants/stage*.json")
        return []
    stages = catalog.load()
    scratch = os.path.join(BUILD, "mutants")
    impl = os.path.join(scratch, "impl")
    if os.path.exists(impl):
        shutil.rmtree(impl)
    # copyfile, not copy2: fresh timestamps, so make never keeps an object file built from
    # the previous run's last mutant (its source was restored after that build).
    shutil.copytree(os.path.join(ROOT, "solutions"), impl, copy_function=shutil.copyfile)
    b = Build("mutants", folder=os.path.join(scratch, "build"),
              options={"BACKPROP_IMPL_DIR": impl, "BACKPROP_WERROR": "OFF"})
    step("Mutation testing: %d classic mistakes, each applied to a copy of the solutions"
         % len(mutants))
    b.configure()
    targets = sorted({"stage%d_tests" % _stage_of(m["file"], stages) for m in mutants})
    ok, log = b.build(targets=targets, what="mutants-baseline")
    if not ok:
        report.add("the unmutated copy of the solutions builds", False, "see " + log)
        return []
    outcomes = []
    for m in mutants:
        target = os.path.join(impl, m["file"])
        pristine = os.path.join(ROOT, "solutions", m["file"])
        with open(pristine, encoding="utf-8") as f:
            original = f.read()
        count = original.count(m["find"])
        if count != 1:
            outcomes.append((m, None, "stale: the text to change occurs %d times in solutions/%s"
                             % (count, m["file"])))
            continue
        stage = _stage_of(m["file"], stages)
        try:
            with open(target, "w", encoding="utf-8") as f:
                f.write(original.replace(m["find"], m["replace"]))
            built, _ = b.build(targets=["stage%d_tests" % stage], what="mutant")
            if not built:
                outcomes.append((m, None, "the mutant does not compile: fix its find/replace"))
                continue
            results = b.ctest(labels="^stage%d$" % stage, what="mutant", timeout=60)
            failing = [r.name for r in results if not r.passed]
            outcomes.append((m, failing[0] + ("" if len(failing) == 1 else
                                              " (+%d more)" % (len(failing) - 1))
                             if failing else None, None))
        finally:
            with open(target, "w", encoding="utf-8") as f:
                f.write(original)
    say()
    width = max(len(m["id"]) for m, _, _ in outcomes) if outcomes else 10
    say("  %-*s  %s" % (width, "mutant", "the mistake  ->  the first test that caught it"))
    for m, caught, problem in outcomes:
        text = caught if caught else red(problem or "NOT CAUGHT")
        say("  %-*s  %s" % (width, m["id"], m["description"]))
        say("  %-*s    -> %s" % (width, "", text))
    say()
    survived = [(m, problem) for m, caught, problem in outcomes if not caught]
    report.add("every classic mistake is caught by a test (%d of %d mutants caught)"
               % (len(outcomes) - len(survived), len(outcomes)), not survived,
               "\n".join("%s: %s" % (m["id"], problem or "no test fails when " + m["description"]
                                      + "; add a test that does, do not drop the mutant")
                         for m, problem in survived))
    return outcomes
