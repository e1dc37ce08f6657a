"""./kit reset STAGE.TASK|STAGE: put a task's stub (or a whole stage's files) back, after
confirmation, keeping the student's version in .kit/backups/<timestamp>/ first.

Where the pristine stubs come from, in this order:
  1. .kit/pristine/exercises/...   the copies `./kit release` writes into a student bundle;
  2. git: the newest commit (HEAD first) whose version of the file still has the stub of
     the task (so a student who commits their work in a clone still gets the stub back).

A task is reset function by function: only the task's function definitions are replaced,
everything else in the file (other tasks' work, helpers, comments) stays. When that is not
safe (the file does not parse, a function is missing or defined twice) the whole file is
restored instead, and the confirmation says so before anything changes.
"""
import datetime
import os
import re
import shutil
import subprocess
import sys

from . import catalog
from .common import ROOT, KitError, bold, green, say, yellow

SOURCE_EXTENSIONS = (".cpp", ".hpp", ".h", ".cc", ".cxx", ".hh")


# --------------------------------------------------------------------------------------
# A small C++ scanner: enough to find function definitions in clang-formatted stubs.


def mask(text, strings=True):
    """text with comments, string/char literals and preprocessor lines replaced by spaces
    (newlines kept), so braces and parentheses can be counted. Same length as text.
    strings=False keeps string literals and preprocessor lines: only comments go."""
    out = list(text)
    i, n = 0, len(text)
    at_line_start = True

    def blank(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if c == "\n":
            at_line_start = True
            i += 1
            continue
        if at_line_start and c == "#" and strings:
            j = i
            while j < n:  # a directive runs to the end of the line, with \ continuations
                if text[j] == "\n" and text[j - 1] != "\\":
                    break
                j += 1
            blank(i, j)
            i = j
            continue
        if not c.isspace():
            at_line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            blank(i, j)
            i = j
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum()
                                                                       or text[i - 1] == "_")):
            m = re.match(r'R"([^()\\ ]{0,16})\(', text[i:])
            if not m:
                i += 1
                continue
            close = ")" + m.group(1) + '"'
            j = text.find(close, i + m.end())
            j = n if j < 0 else j + len(close)
            if strings:
                blank(i, j)
            i = j
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                i += 1  # a digit separator: 1'000'000
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(n, j + 1)
            if strings:
                blank(i, j)
            i = j
        else:
            i += 1
    return "".join(out)


def balanced(masked):
    depth = {"{": 0, "(": 0, "[": 0}
    close = {"}": "{", ")": "(", "]": "["}
    for c in masked:
        if c in depth:
            depth[c] += 1
        elif c in close:
            depth[close[c]] -= 1
            if depth[close[c]] < 0:
                return False
    return all(v == 0 for v in depth.values())


def _matching(masked, i, open_c, close_c):
    depth = 0
    for j in range(i, len(masked)):
        if masked[j] == open_c:
            depth += 1
        elif masked[j] == close_c:
            depth -= 1
            if depth == 0:
                return j
    return -1


def _declarator_name(head):
    """The (unqualified) name before the first top-level '(' of a definition's head."""
    depth = 0
    for k, c in enumerate(head):
        if c in "<[":
            depth += 1  # template arguments, attributes
        elif c in ">]":
            depth = max(0, depth - 1)
        elif c == "(" and depth == 0:
            m = re.search(r"([A-Za-z_]\w*)\s*$", head[:k])
            return m.group(1) if m else None
    return None


def function_definitions(text):
    """[(name, start, end)] of the function definitions at namespace scope: start is the
    beginning of the line the definition starts on, end is just after its closing brace."""
    masked = mask(text)
    defs = []
    stack = []  # kinds of the open braces: "ns" or "other"
    head_start = 0
    i, n = 0, len(masked)
    while i < n:
        c = masked[i]
        if c in ";}":
            if c == "}" and stack:
                stack.pop()
            head_start = i + 1
        elif c == "{":
            head = masked[head_start:i]
            if re.match(r"\s*((inline\s+)?namespace\b|extern\s*$)", head):
                stack.append("ns")
                head_start = i + 1
            elif all(k == "ns" for k in stack) and ")" in head and "=" not in head.split("(")[0]:
                name = _declarator_name(head)
                end = _matching(masked, i, "{", "}")
                if name and end >= 0:
                    first = head_start + (len(head) - len(head.lstrip()))
                    line_start = text.rfind("\n", 0, first) + 1
                    if text[line_start:first].strip() == "":
                        defs.append((name, line_start, end + 1))
                    else:
                        defs.append((name, None, end + 1))  # shares its line: not safe
                    i = end + 1
                    head_start = i
                    continue
                stack.append("other")
                head_start = i + 1
            else:
                stack.append("other")
                head_start = i + 1
        i += 1
    return defs


def find_function(text, name):
    """The (start, end) spans of every namespace-scope definition of name."""
    return [(s, e) for (nm, s, e) in function_definitions(text) if nm == name]


def stub_of_task(text, task_id):
    """True if text has the task's TODO marker and still throws NotImplemented for it."""
    return re.search(r'BP_NOT_IMPLEMENTED\(\s*"%s"' % re.escape(task_id), text) is not None


def include_lines(text):
    return [line.strip() for line in text.splitlines() if re.match(r"\s*#\s*include\b", line)]


def add_missing_includes(current, pristine):
    """current with every #include of pristine it lacks added after its last #include."""
    have = set(include_lines(current))
    missing = [inc for inc in include_lines(pristine) if inc not in have]
    if not missing:
        return current, []
    lines = current.splitlines(True)
    last = max((k for k, line in enumerate(lines) if re.match(r"\s*#\s*include\b", line)),
               default=-1)
    insert = [inc + "\n" for inc in missing]
    if last < 0:
        lines = insert + ["\n"] + lines
    else:
        lines = lines[:last + 1] + insert + lines[last + 1:]
    return "".join(lines), missing


def restore_functions(current, pristine, names):
    """Replaces the definitions of names in current by those of pristine.
    Returns (new text, None) or (None, why a function-level restore is not safe)."""
    for label, text in (("your file", current), ("the stub", pristine)):
        if not balanced(mask(text)):
            return None, "%s has unbalanced braces or parentheses" % label
    spans = []
    for name in names:
        mine, theirs = find_function(current, name), find_function(pristine, name)
        if len(theirs) != 1 or theirs[0][0] is None:
            return None, "the stub does not define %s() exactly once" % name
        if len(mine) != 1:
            return None, ("your file defines %s() %d times; expected once"
                          % (name, len(mine)))
        if mine[0][0] is None:
            return None, "%s() does not start on a line of its own in your file" % name
        spans.append((mine[0], theirs[0]))
    spans.sort(key=lambda pair: pair[0][0])
    for (a, b) in zip(spans, spans[1:]):
        if a[0][1] > b[0][0]:
            return None, "two of the functions overlap"
    out = current
    for (s, e), (ps, pe) in reversed(spans):
        out = out[:s] + pristine[ps:pe] + out[e:]
    out, _ = add_missing_includes(out, pristine)
    for name in names:  # the result must hold exactly the stub's definitions
        got = find_function(out, name)
        want = find_function(pristine, name)[0]
        if len(got) != 1 or out[got[0][0]:got[0][1]] != pristine[want[0]:want[1]]:
            return None, "could not verify the restored %s()" % name
    return out, None


# --------------------------------------------------------------------------------------
# Pristine copies.


def _git(root, *args):
    try:
        proc = subprocess.run(["git"] + list(args), cwd=root, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    except OSError:
        return None
    return proc.stdout.decode("utf-8", "replace") if proc.returncode == 0 else None


def is_git_checkout(root):
    return _git(root, "rev-parse", "--is-inside-work-tree") is not None and \
        (_git(root, "rev-parse", "--verify", "-q", "HEAD") is not None)


def pristine_text(relpath, root=ROOT, accept=None, history=200):
    """(text, where) of the pristine version of relpath (e.g. exercises/01_x/y.cpp) that
    accept(text) allows, or (None, None). accept=None accepts any version."""
    accept = accept or (lambda text: True)
    kept = os.path.join(root, ".kit", "pristine", relpath)
    if os.path.isfile(kept):
        with open(kept, encoding="utf-8") as f:
            text = f.read()
        if accept(text):
            return text, rel_to(kept, root)
    if not is_git_checkout(root):
        return None, None
    revs = ["HEAD"]
    log = _git(root, "log", "--format=%H", "-n", str(history), "--", "./" + relpath)
    revs += [r for r in (log or "").split() if r]
    seen = set()
    for rev in revs:
        text = _git(root, "show", "%s:./%s" % (rev, relpath))
        if text is None or text in seen:
            continue
        seen.add(text)
        if accept(text):
            short = _git(root, "rev-parse", "--short", rev)
            return text, "git (%s %s)" % ("HEAD" if rev == "HEAD" else "commit",
                                          (short or rev).strip())
    return None, None


def pristine_files(folder, root=ROOT):
    """The relative paths of the pristine files of an exercises/NN_topic folder."""
    names = set()
    kept = os.path.join(root, ".kit", "pristine", folder)
    if os.path.isdir(kept):
        names |= {os.path.join(folder, n) for n in os.listdir(kept)
                  if os.path.isfile(os.path.join(kept, n))}
    if is_git_checkout(root):
        # ls-tree prints paths relative to the working directory, here the kit's root.
        listed = _git(root, "ls-tree", "-r", "--name-only", "HEAD", "--", "./" + folder + "/")
        names |= {line.strip() for line in (listed or "").splitlines() if line.strip()}
    return sorted(n for n in names if n.endswith(SOURCE_EXTENSIONS))


def rel_to(path, root):
    r = os.path.relpath(path, root)
    return path if r.startswith("..") else r


# --------------------------------------------------------------------------------------
# Plans: what would change, computed before anything is touched.


class Change:
    """One file to rewrite: its new text, what is restored, and where the stub came from."""

    def __init__(self, relpath, current, new, what, source, whole_file, why=None):
        self.relpath = relpath
        self.current = current
        self.new = new
        self.what = what
        self.source = source
        self.whole_file = whole_file
        self.why = why


def _read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return None


def _file_accept(stages, relpath):
    """The stub of relpath must still throw for every task whose file it is."""
    ids = [t.id for s in stages for t in s.tasks if t.file == relpath]
    return lambda text: all(stub_of_task(text, i) for i in ids)


def plan_task(task, stages, root=ROOT):
    names = [n.strip() for n in task.function.split(",") if n.strip()]
    relpath = task.file
    pristine, source = pristine_text(relpath, root, accept=lambda t: stub_of_task(t, task.id))
    if pristine is None:
        raise KitError("no pristine copy of %s with the stub of task %s: it is neither in "
                       ".kit/pristine/ nor in this folder's git history" % (relpath, task.id))
    current = _read(os.path.join(root, relpath))
    label = ", ".join(n + "()" for n in names)
    if current is None:
        return [Change(relpath, None, pristine, "the whole file (it was missing)", source, True)]
    new, why = restore_functions(current, pristine, names)
    if new is None:
        whole, whole_source = pristine_text(relpath, root, accept=_file_accept(stages, relpath))
        if whole is None:
            whole, whole_source = pristine, source
        return [Change(relpath, current, whole, "the whole file", whole_source, True, why)]
    return [Change(relpath, current, new, label, source, False)]


def plan_stage(stage, stages, root=ROOT):
    if not stage.exercise_dir:
        raise KitError("stage %d has no exercise folder in its catalog" % stage.number)
    changes = []
    for relpath in pristine_files(stage.exercise_dir, root):
        pristine, source = pristine_text(relpath, root, accept=_file_accept(stages, relpath))
        if pristine is None:
            raise KitError("no pristine copy of %s: it is neither in .kit/pristine/ nor in "
                           "this folder's git history" % relpath)
        current = _read(os.path.join(root, relpath))
        changes.append(Change(relpath, current, pristine, "the whole file", source, True))
    if not changes:
        raise KitError("no pristine files for %s: not in .kit/pristine/ and not in git"
                       % stage.exercise_dir)
    known = {c.relpath for c in changes}
    folder = os.path.join(root, stage.exercise_dir)
    extra = sorted(os.path.join(stage.exercise_dir, n) for n in os.listdir(folder)
                   if n.endswith(SOURCE_EXTENSIONS)
                   and os.path.join(stage.exercise_dir, n) not in known) \
        if os.path.isdir(folder) else []
    for relpath in extra:  # the student's own files: not the kit's, so left alone
        changes.append(Change(relpath, None, None, "not part of the kit; left as it is",
                              "", True))
    return changes


# --------------------------------------------------------------------------------------
# Doing it.


def new_backup_dir(root=ROOT, now=None):
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = os.path.join(root, ".kit", "backups", stamp)
    path, k = base, 2
    while os.path.exists(path):
        path = "%s-%d" % (base, k)
        k += 1
    return path


def _write_atomic(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".kit-reset.tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    if os.path.exists(path):
        shutil.copymode(path, tmp)
    os.replace(tmp, path)


def apply(changes, root=ROOT, now=None):
    """Backs up every file that changes, then writes the stubs. Returns the backup folder
    (None when nothing had to be backed up)."""
    backup = None
    todo = [c for c in changes if c.current != c.new]
    for c in todo:
        if c.current is None:
            continue
        if backup is None:
            backup = new_backup_dir(root, now)
        dest = os.path.join(backup, c.relpath)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copy2(os.path.join(root, c.relpath), dest)
        with open(dest, encoding="utf-8") as f:  # the copy must be complete before we write
            if f.read() != c.current:
                raise KitError("could not back up %s to %s; nothing was changed"
                               % (c.relpath, rel_to(dest, root)))
    for c in todo:
        _write_atomic(os.path.join(root, c.relpath), c.new)
    return backup


def confirm(question, assume_yes=False, stdin=None):
    stdin = stdin or sys.stdin
    if assume_yes:
        return True
    if not stdin.isatty():
        raise KitError("reset needs a yes: there is no terminal to ask on. Run it again with "
                       "--yes to reset without asking (your version is still backed up).")
    try:
        answer = input(question + " [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def reset(spec, assume_yes=False, root=ROOT):
    stages = catalog.load(root)
    chosen = catalog.find_task(stages, spec)
    if isinstance(chosen, catalog.Task):
        title = "task %s (%s)" % (chosen.id, chosen.title)
        changes = plan_task(chosen, stages, root)
    else:
        title = "stage %d (%s)" % (chosen.number, chosen.title)
        changes = plan_stage(chosen, stages, root)
    extra = [c for c in changes if c.new is None]
    changes = [c for c in changes if c.new is not None]
    todo = [c for c in changes if c.current != c.new]
    for c in extra:
        say("  note: %s is %s" % (c.relpath, c.what))
    if not todo:
        say("Nothing to reset: %s is already the stub." % title)
        return 0
    say(bold("Reset %s to the stub:" % title))
    for c in todo:
        say("  %s: %s  (stub from %s)" % (c.relpath, c.what, c.source))
        if c.whole_file and isinstance(chosen, catalog.Task):
            say(yellow("    The WHOLE file is restored, so your other functions in it go back "
                       "to stubs too") + (" (a function-level reset is not safe: %s)." % c.why
                                          if c.why else "."))
        elif not c.whole_file:
            say("    Everything else in the file stays as it is.")
    say("  Before anything changes, your current version is copied to .kit/backups/<date-time>/;"
        " nothing is lost.")
    if not confirm("Reset?", assume_yes):
        say("Nothing changed.")
        return 1
    backup = apply(changes, root)
    say()
    for c in todo:
        say(green("Reset ") + "%s in %s" % (c.what, c.relpath))
    if backup:
        say("Your previous version is kept in %s/" % rel_to(backup, root))
        for c in todo:
            if c.current is not None:
                say("  undo: cp %s %s" % (rel_to(os.path.join(backup, c.relpath), root),
                                          c.relpath))
    stage = chosen.stage if isinstance(chosen, catalog.Task) else chosen
    say("Next: ./kit check %d" % stage.number)
    return 0
