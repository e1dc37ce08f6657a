"""What the kit needs, how to find it, and how to install what is missing."""
import glob
import os
import subprocess
import sys

from .common import KitError, capture, say, step, which, yellow

# Each requirement: a check, the Debian package(s), and install lines for other systems.
INSTALL = {
    "cmake": {"debian": ["cmake"], "fedora": "sudo dnf install cmake",
              "macos": "brew install cmake"},
    "compiler": {"debian": ["g++"], "fedora": "sudo dnf install gcc-c++",
                 "macos": "xcode-select --install"},
    "eigen": {"debian": ["libeigen3-dev"], "fedora": "sudo dnf install eigen3-devel",
              "macos": "brew install eigen"},
    "gtest": {"debian": ["libgtest-dev"], "fedora": "sudo dnf install gtest-devel",
              "macos": "brew install googletest"},
    "matplotlib": {"debian": ["python3-matplotlib", "python3-numpy"],
                   "fedora": "sudo dnf install python3-matplotlib python3-numpy",
                   "macos": "python3 -m pip install matplotlib numpy"},
}

DESCRIPTION = {
    "cmake": "CMake 3.20 or newer",
    "compiler": "a C++17 compiler (g++ or clang++)",
    "eigen": "Eigen 3 (linear algebra headers)",
    "gtest": "GoogleTest",
    "matplotlib": "a Python 3 that can import matplotlib (for the plots)",
}

_EIGEN_GLOBS = ["/usr/include/eigen3/Eigen/Dense", "/usr/local/include/eigen3/Eigen/Dense",
                "/opt/homebrew/include/eigen3/Eigen/Dense", "/opt/local/include/eigen3/Eigen/Dense"]
_GTEST_GLOBS = ["/usr/lib/*/cmake/GTest/GTestConfig.cmake", "/usr/lib/cmake/GTest/GTestConfig.cmake",
                "/usr/lib64/cmake/GTest/GTestConfig.cmake",
                "/usr/local/lib/cmake/GTest/GTestConfig.cmake",
                "/opt/homebrew/lib/cmake/GTest/GTestConfig.cmake",
                "/usr/src/googletest/CMakeLists.txt"]


def _cmake_ok():
    exe = which("cmake")
    if not exe:
        return False, "not found"
    code, out = capture([exe, "--version"])
    first = out.splitlines()[0] if out else ""
    try:
        version = tuple(int(x) for x in first.split()[2].split(".")[:2])
    except (IndexError, ValueError):
        return False, "could not read the version: %r" % first
    if version < (3, 20):
        return False, "%s is too old (need 3.20)" % first
    return True, first


def _compiler_ok():
    for name in (os.environ.get("CXX"), "c++", "g++", "clang++"):
        if name and which(name):
            code, out = capture([which(name), "--version"])
            return True, "%s (%s)" % (which(name), out.splitlines()[0] if out else "?")
    return False, "no C++ compiler found"


def _globs_ok(patterns, what):
    for pattern in patterns:
        hits = glob.glob(pattern)
        if hits:
            return True, os.path.dirname(hits[0])
    return False, "%s not found in the usual places" % what


def python_candidates():
    """Interpreters to try for the plots, best first. The first python3 on PATH may be a
    pyenv or conda interpreter without matplotlib, so the system one is tried too."""
    seen, out = set(), []
    env = os.environ.get("BACKPROP_PYTHON")
    names = [env] if env else []
    names += [sys.executable, which("python3"), "/usr/bin/python3", "/usr/local/bin/python3",
              "/opt/homebrew/bin/python3", which("python")]
    for name in names:
        if name and os.path.exists(name):
            real = os.path.realpath(name)
            if real not in seen:
                seen.add(real)
                out.append(name)
    return out


def find_plot_python():
    """The first interpreter that can import matplotlib and numpy, or None."""
    for exe in python_candidates():
        try:
            proc = subprocess.run([exe, "-c", "import matplotlib, numpy"], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if proc.returncode == 0:
            return exe
    return None


def _matplotlib_ok():
    exe = find_plot_python()
    if exe:
        return True, exe
    return False, "none of %s can import matplotlib" % ", ".join(python_candidates() or ["python3"])


CHECKS = {
    "cmake": _cmake_ok,
    "compiler": _compiler_ok,
    "eigen": lambda: _globs_ok(_EIGEN_GLOBS, "Eigen/Dense"),
    "gtest": lambda: _globs_ok(_GTEST_GLOBS, "GoogleTest"),
    "matplotlib": _matplotlib_ok,
}


def missing(names):
    return [n for n in names if not CHECKS[n]()[0]]


def install_lines(names):
    """The exact commands that install names, for each supported system."""
    debian = sorted({p for n in names for p in INSTALL[n]["debian"]})
    lines = ["  Debian/Ubuntu:  sudo apt-get install %s" % " ".join(debian)]
    fedora = [INSTALL[n]["fedora"] for n in names]
    macos = [INSTALL[n]["macos"] for n in names]
    lines.append("  Fedora:         " + " && ".join(dict.fromkeys(fedora)))
    lines.append("  macOS:          " + " && ".join(dict.fromkeys(macos)))
    if "matplotlib" in names:
        lines.append("  Or point the kit at a Python that has matplotlib: "
                     "BACKPROP_PYTHON=/path/to/python3 ./kit ...")
    return lines


def _is_debian():
    return which("apt-get") is not None and os.path.exists("/etc/debian_version")


def ensure(names, install=True):
    """Makes sure every requirement in names is there. On Debian/Ubuntu, with install set,
    installs what is missing with apt-get (as root, or through sudo), saying what it does.
    Elsewhere raises KitError with the exact install commands."""
    need = missing(names)
    if not need:
        return
    say(yellow("Missing: ") + "; ".join(DESCRIPTION[n] for n in need))
    if install and _is_debian():
        packages = sorted({p for n in need for p in INSTALL[n]["debian"]})
        prefix = [] if os.geteuid() == 0 else (["sudo"] if which("sudo") else None)
        if prefix is not None:
            step("Installing with apt-get: %s" % " ".join(packages))
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            update = subprocess.run(prefix + ["apt-get", "update"], env=env)
            inst = subprocess.run(prefix + ["apt-get", "install", "-y"] + packages, env=env)
            if update.returncode == 0 and inst.returncode == 0:
                still = missing(need)
                if not still:
                    return
                need = still
    raise KitError("the kit cannot go on without: %s\nInstall with:\n%s"
                   % ("; ".join(DESCRIPTION[n] for n in need), "\n".join(install_lines(need))))


def doctor():
    """Prints every requirement with what was found; returns 0 when all are there."""
    bad = []
    for name in ("compiler", "cmake", "eigen", "gtest", "matplotlib"):
        ok, detail = CHECKS[name]()
        mark = "ok     " if ok else "MISSING"
        say("  %s  %-52s %s" % (mark, DESCRIPTION[name], detail))
        if not ok:
            bad.append(name)
    ccache = which("ccache")
    say("  %s  %-52s %s" % ("ok     " if ccache else "absent ", "ccache (optional: faster rebuilds)",
                             ccache or "not found; apt-get install ccache"))
    if bad:
        say()
        say("Install what is missing:")
        for line in install_lines(bad):
            say(line)
        return 1
    say()
    say("Everything the kit needs is here.")
    return 0
