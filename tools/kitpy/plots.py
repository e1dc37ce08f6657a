"""./kit plots: train every finished stage on the bundled real data and draw the figures."""
import json
import os

from . import catalog, deps
from .build import Build, compile_errors
from .common import ROOT, KitError, bold, green, rel, run, say, step, yellow
from .progress import task_status


def recipes():
    with open(os.path.join(ROOT, "plots", "recipes.json"), encoding="utf-8") as f:
        return json.load(f)["stages"]


def plots(solutions, install=True):
    if solutions and not os.path.isdir(os.path.join(ROOT, "solutions")):
        raise KitError("this is the student bundle: it has no reference solutions. "
                       "./kit plots trains and plots your own code.")
    deps.ensure(["cmake", "compiler", "eigen", "gtest", "matplotlib"], install=install)
    python = deps.find_plot_python()
    b = Build("solutions" if solutions else "student")
    who = "the reference solutions" if solutions else "your code (exercises/)"
    step("Configuring the build of %s in %s" % (who, rel(b.dir)))
    b.configure()
    step("Building (the first build compiles everything: a few minutes)")
    ok, log = b.build()
    if not ok:
        raise KitError("the build failed. The first errors:\n  %s\nFull log: %s"
                       % ("\n  ".join(compile_errors(log)) or "(see the log)", rel(log)))
    stages = catalog.load()
    todo = recipes()
    results_root = os.path.join(b.dir, "results")
    figures = os.path.join(b.dir, "figures")
    made, skipped = [], []
    for stage in stages:
        recipe = todo.get(str(stage.number))
        if recipe is None:
            skipped.append((stage, "no plots are defined for this stage yet"))
            continue
        if not solutions:
            results = b.ctest(labels="^stage%d$" % stage.number, what="plots-stage%d" % stage.number)
            status = task_status([stage], results)
            unfinished = [t for t in stage.tasks if not status[t.id][0]]
            if unfinished:
                skipped.append((stage, "unfinished tasks: " + ", ".join(
                    "%s (%s)" % (t.id, t.title) for t in unfinished)))
                continue
        step("Stage %d: training on the bundled data" % stage.number)
        out = os.path.join(results_root, "stage%d" % stage.number)
        os.makedirs(out, exist_ok=True)
        for program in recipe["programs"]:
            exe = os.path.join(b.dir, "apps", program[0])
            args = [a.replace("{results}", out) for a in program[1:]]
            run([exe] + args, cwd=out)
        step("Stage %d: drawing the figures with %s" % (stage.number, python))
        code_log = os.path.join(b.log_dir, "plot-stage%d.log" % stage.number)
        proc = run([python, os.path.join(ROOT, "plots", recipe["script"]), out, figures],
                   quiet=True, log=code_log, check=False)
        with open(code_log, errors="replace") as f:
            text = f.read()
        if proc.returncode != 0:
            raise KitError("plotting stage %d failed:\n%s" % (stage.number, text.strip()))
        made += [line[len("wrote "):].strip() for line in text.splitlines()
                 if line.startswith("wrote ")]
    say()
    for stage, why in skipped:
        say(yellow("Skipped stage %d (%s): " % (stage.number, stage.title)) + why)
    if made:
        say(bold("Figures (PNG):"))
        for path in made:
            say("  " + rel(path))
        say(green("Done.") + " Open them with any image viewer.")
    else:
        say(yellow("No figures were made.") + " Finish a stage first: ./kit check")
    return 0 if made else 1
