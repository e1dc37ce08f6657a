"""./kit hint STAGE.TASK: the hints for a task, one more step per call, never the solution."""
import json
import os

from . import catalog
from .common import ROOT, KitError, bold, say

STATE = os.path.join(ROOT, ".kit", "hints.json")


def _load():
    """{task id: steps shown}; a missing or damaged file counts as no hints shown yet."""
    try:
        with open(STATE) as f:
            state = json.load(f)
    except (OSError, ValueError):
        return {}
    if not isinstance(state, dict):
        return {}
    return {k: v for k, v in state.items() if isinstance(v, int) and v >= 0}


def _save(state):
    os.makedirs(os.path.dirname(STATE), exist_ok=True)
    tmp = STATE + ".tmp"
    with open(tmp, "w") as f:
        json.dump(state, f, indent=1)
    os.replace(tmp, STATE)


def hint(spec, step=None, reset=False):
    stages = catalog.load()
    task = catalog.find_task(stages, spec)
    if isinstance(task, catalog.Stage):
        raise KitError("name a task, for example ./kit hint %d.1 (stage %d has tasks %s)"
                       % (task.number, task.number, ", ".join(t.id for t in task.tasks)))
    if not task.hints:
        raise KitError("task %s has no hints yet; read %s" % (task.id, task.docs))
    state = _load()
    if reset:
        state.pop(task.id, None)
        _save(state)
        say("Hints for task %s start again from step 1." % task.id)
        return 0
    total = len(task.hints)
    if step is None:
        shown = min(total, state.get(task.id, 0) + 1)
    else:
        if not 1 <= step <= total:
            raise KitError("task %s has hint steps 1 to %d" % (task.id, total))
        shown = step
    state[task.id] = max(state.get(task.id, 0), shown)
    _save(state)
    line = task.todo_line()
    say(bold("Task %s, %s" % (task.id, task.title)))
    say("  edit %s() in %s%s; read %s" % (task.function, task.file,
                                        ":%d" % line if line else "", task.docs))
    say()
    for i in range(shown):
        say("  Hint %d of %d: %s" % (i + 1, total, task.hints[i]))
    say()
    if shown < total:
        say("  Still stuck? Run ./kit hint %s again for the next step." % task.id)
    else:
        say("  That was the last hint. The guide's section (above) derives the formula.")
    return 0
