"""./kit check: build the student's code, run the stage tests, show progress and the next task."""
import os

from . import catalog, deps
from .build import Build, compile_errors, first_failure
from .common import KitError, bold, green, rel, red, say, step, yellow


def build_student(build=None, targets=None):
    """Configures (first time only) and builds the student configuration incrementally
    (only targets, when given). Raises KitError with the compiler's first errors when the
    build fails."""
    deps.ensure(["cmake", "compiler", "eigen", "gtest"], install=False)
    b = build or Build("student")
    first = not os.path.exists(os.path.join(b.dir, "CMakeCache.txt"))
    if first:
        step("Configuring the student build in %s (first time only)" % rel(b.dir))
        b.configure()
    step("Building your code" + (" (the first build compiles everything: a few minutes; "
                                 "after that an edit rebuilds in seconds)" if first else ""))
    ok, log = b.build(targets=targets)
    if not ok:
        errors = compile_errors(log)
        raise KitError("your code does not compile yet. The first errors:\n  %s\nFull log: %s"
                       % ("\n  ".join(errors) or "(see the log)", rel(log)))
    return b


def task_status(stages, results):
    """{task id: (passed, total tests, failing TestResults)}."""
    status = {}
    for s in stages:
        for t in s.tasks:
            mine = [r for r in results if r.task() == t.id]
            failing = [r for r in mine if not r.passed]
            status[t.id] = (bool(mine) and not failing, len(mine), failing)
    return status


def most_telling(failing):
    """The failure to show first: one where the gradient checker names a classic mistake,
    else one with a checker report, else the first."""
    for needle in ("hint:", "gradient check FAILED"):
        for r in failing:
            if needle in r.output:
                return r
    return failing[0] if failing else None


def where_to_edit(task, failing):
    """(function, line): the function the failing test names ("-> check f() in file"), when the
    task has several, with the line of its definition; else the task's TODO marker."""
    import re
    names = [n.strip() for n in task.function.split(",")]
    m = re.search(r"-> check (\w+)\(\) in ", failing.output) if failing is not None else None
    if m and m.group(1) in names and len(names) > 1:
        try:
            with open(os.path.join(catalog.ROOT, task.file), errors="replace") as f:
                for number, text in enumerate(f, 1):
                    if re.match(r"^[A-Za-z].*\b%s\(" % re.escape(m.group(1)), text):
                        return m.group(1), number
        except OSError:
            pass
        return m.group(1), None
    return task.function, task.todo_line()


def run_stage_tests(b, stage_numbers):
    regex = None
    labels = "^stage(%s)$" % "|".join(str(n) for n in stage_numbers)
    return b.ctest(labels=labels, regex=regex, what="check")


def check(stage_spec=None):
    stages = catalog.load()
    if stage_spec:
        chosen = catalog.find_task(stages, stage_spec)
        if isinstance(chosen, catalog.Task):
            chosen = chosen.stage
        stages = [chosen]
    # Only the test programs of the chosen stages: after one edit that is a few seconds.
    b = build_student(targets=["stage%d_tests" % s.number for s in stages] if stage_spec else None)
    step("Running the tests of stage%s %s" % ("s" if len(stages) > 1 else "",
                                              ", ".join(str(s.number) for s in stages)))
    results = run_stage_tests(b, [s.number for s in stages])
    status = task_status(stages, results)
    say()
    say(bold("Progress"))
    unfinished = [t for s in stages for t in s.tasks if not status[t.id][0]]
    next_task = unfinished[0] if unfinished else None
    width = max(len(s.title) for s in stages)
    for s in stages:
        done = sum(1 for t in s.tasks if status[t.id][0])
        mark = green("done") if done == len(s.tasks) else "%d/%d tasks" % (done, len(s.tasks))
        say("  Stage %d  %-*s  %s" % (s.number, width, s.title, mark))
        # Task by task for the stage being worked on (or every stage asked for by number).
        if stage_spec or (next_task is not None and next_task.stage is s):
            for t in s.tasks:
                mark = green("✓") if status[t.id][0] else red("✗")
                say("    %s %-5s %s" % (mark, t.id, t.title))
    say()
    if next_task is None:
        say(green("All tasks pass. ") + "Plot your own training with ./kit plots")
        return 0
    _, total, failing_tests = status[next_task.id]
    failing = most_telling(failing_tests)
    function, line = where_to_edit(next_task, failing)
    say(bold("Next: task %s, %s" % (next_task.id, next_task.title)))
    say("  edit:  %s() in %s%s" % (function, next_task.file, ":%d" % line if line else ""))
    say("  read:  %s" % next_task.docs)
    if failing is not None:
        say("  failing: %d of the task's %d tests; the most telling one: %s"
            % (len(failing_tests), total, failing.name))
        for text in first_failure(failing.output).splitlines():
            say("    " + text)
    else:
        say("  (no test ran for this task: is its test binary built?)")
    say("  stuck? ./kit hint %s" % next_task.id)
    return 1
