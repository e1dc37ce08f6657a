"""The task catalog: tests/stageN/tasks.json, one file per stage."""
import glob
import json
import os
import re

from .common import ROOT, KitError


class Task:
    def __init__(self, stage, data):
        self.stage = stage
        self.id = data["id"]
        self.title = data["title"]
        self.function = data["function"]
        self.file = data["file"]
        self.docs = data["docs"]
        self.suites = data["suites"]
        self.hints = data.get("hints", [])

    def todo_line(self, root=ROOT):
        """Line number of this task's TODO marker in its exercise file, or None."""
        marker = "TODO(stage %d, task %s)" % (self.stage.number, self.id)
        try:
            with open(os.path.join(root, self.file), errors="replace") as f:
                for number, line in enumerate(f, 1):
                    if marker in line:
                        return number
        except OSError:
            pass
        return None


class Stage:
    def __init__(self, data, path):
        self.number = int(data["stage"])
        self.title = data["title"]
        self.guide = data["guide"]
        self.path = path
        self.tasks = [Task(self, t) for t in data["tasks"]]
        dirs = sorted({os.path.dirname(t.file) for t in self.tasks})
        self.exercise_dir = dirs[0] if dirs else None  # exercises/NN_topic

    @property
    def topic(self):
        return os.path.basename(self.exercise_dir) if self.exercise_dir else None

    def task(self, task_id):
        for t in self.tasks:
            if t.id == task_id:
                return t
        return None


def load(root=ROOT):
    stages = []
    for path in sorted(glob.glob(os.path.join(root, "tests", "stage*", "tasks.json"))):
        with open(path, encoding="utf-8") as f:
            try:
                stages.append(Stage(json.load(f), path))
            except (ValueError, KeyError) as e:
                raise KitError("the task catalog %s is malformed: %s" % (path, e))
    stages.sort(key=lambda s: s.number)
    return stages


def find_task(stages, spec):
    """'1.5' -> Task, '1' -> Stage. Raises KitError listing what exists."""
    if re.fullmatch(r"\d+", spec or ""):
        for s in stages:
            if s.number == int(spec):
                return s
    elif re.fullmatch(r"\d+\.\d+", spec or ""):
        for s in stages:
            t = s.task(spec)
            if t:
                return t
    known = ", ".join(t.id for s in stages for t in s.tasks)
    raise KitError("no stage or task %r. Stages: %s. Tasks: %s"
                   % (spec, ", ".join(str(s.number) for s in stages), known))
