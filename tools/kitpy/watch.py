"""./kit watch [STAGE]: run ./kit check again every time a file under exercises/ is saved.

Portable by design: it polls the files' modification times (every 0.5 s by default) with
the standard library only, so it works the same on Linux, macOS, WSL and network drives
where file notifications are unreliable. A burst of saves (an editor writing a backup,
then the file; "save all") triggers one check, once the files have stopped changing.
"""
import datetime
import os
import subprocess
import time

from . import catalog
from .common import ROOT, KitError, bold, red, say

SOURCE_EXTENSIONS = (".cpp", ".hpp", ".h", ".cc", ".cxx", ".hh")


def snapshot(root=ROOT):
    """{path relative to root: (mtime_ns, size)} of the C++ sources under exercises/.
    Editor temporaries (.swp, ~, #...#) are not sources and are left out."""
    files = {}
    top = os.path.join(root, "exercises")
    for folder, dirs, names in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.endswith(SOURCE_EXTENSIONS) or name.startswith((".", "#")):
                continue
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:  # deleted between listing and stat (an editor's atomic save)
                continue
            files[os.path.relpath(path, root)] = (st.st_mtime_ns, st.st_size)
    return files


def changes(before, after):
    """The paths that were added, removed or modified between two snapshots, sorted."""
    return sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))


def settle(current, take, sleep, interval, limit=20):
    """Waits until two snapshots in a row agree (the editor has finished writing), at most
    `limit` intervals. Returns the settled snapshot."""
    for _ in range(limit):
        sleep(interval)
        nxt = take()
        if nxt == current:
            return current
        current = nxt
    return current


def _run_check(check, stage):
    try:
        check(stage)
    except KitError as e:  # a compile error is the normal state while editing: keep watching
        say(red("kit: ") + str(e))
    except (OSError, subprocess.SubprocessError) as e:
        say(red("kit: ") + "the check could not run: %s" % e)


def _banner(stage):
    what = "stage %s" % stage if stage else "all stages"
    say(bold("Watching exercises/ for saves (%s). Stop with Ctrl-C." % what))


def watch(stage=None, interval=0.5, root=ROOT, check=None, sleep=time.sleep, take=None,
          max_checks=None):
    """Runs check(stage) now and after every save until Ctrl-C (or max_checks, for tests)."""
    if stage:
        catalog.find_task(catalog.load(root), stage)  # a typo fails now, not at every save
    if check is None:
        from .progress import check
    take = take or (lambda: snapshot(root))
    runs = 0
    try:
        _banner(stage)
        before = take()  # taken before the check: a save during the check is seen after it
        _run_check(check, stage)
        runs += 1
        _banner(stage)
        while max_checks is None or runs < max_checks:
            sleep(interval)
            now = take()
            if now == before:
                continue
            now = settle(now, take, sleep, interval)
            changed = changes(before, now)
            before = now  # saves made while the check runs trigger the next check
            say()
            say(bold("-" * 72))
            say(bold("%s  saved: %s" % (datetime.datetime.now().strftime("%H:%M:%S"),
                                        ", ".join(changed[:4]) +
                                        (" (+%d more)" % (len(changed) - 4)
                                         if len(changed) > 4 else ""))))
            _run_check(check, stage)
            runs += 1
            _banner(stage)
    except KeyboardInterrupt:
        say()
        say("Stopped watching.")
    return 0
