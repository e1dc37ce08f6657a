"""Configuring, building and testing one configuration of the kit."""
import json
import os
import re
import xml.etree.ElementTree as ET

from .common import BUILD, ROOT, KitError, capture, jobs, rel, run, say, step, which

CONFIGS = {
    # name: (build folder, CMake options)
    "student": ("student", {"BACKPROP_SOLUTIONS": "OFF"}),
    "solutions": ("solutions", {"BACKPROP_SOLUTIONS": "ON"}),
    "verify-solutions": ("verify-solutions", {"BACKPROP_SOLUTIONS": "ON", "BACKPROP_WERROR": "ON"}),
    "verify-exercises": ("verify-exercises", {"BACKPROP_SOLUTIONS": "OFF", "BACKPROP_WERROR": "ON"}),
    "sanitize": ("sanitize", {"BACKPROP_SOLUTIONS": "ON", "BACKPROP_WERROR": "ON",
                              "BACKPROP_SANITIZE": "ON", "CMAKE_BUILD_TYPE": "Debug"}),
}


class Build:
    """One build folder: configure, build, run ctest and read the results."""

    def __init__(self, config, source=ROOT, folder=None, options=None):
        name, opts = CONFIGS[config] if config in CONFIGS else (config, {})
        self.config = config
        self.source = source
        self.dir = folder or os.path.join(BUILD, name)
        self.options = dict(opts)
        self.options.update(options or {})
        self.log_dir = os.path.join(self.dir, "kit-logs")

    def log(self, what):
        os.makedirs(self.log_dir, exist_ok=True)
        return os.path.join(self.log_dir, what + ".log")

    def configure(self, quiet=True):
        # The default generator (Unix Makefiles), as the presets use: a build folder made by
        # the kit and one made by `cmake --preset` must be interchangeable.
        cmd = ["cmake", "-S", self.source, "-B", self.dir]
        cmd += ["-D%s=%s" % kv for kv in sorted(self.options.items())]
        os.makedirs(self.dir, exist_ok=True)
        log = self.log("configure")
        proc = run(cmd, quiet=quiet, log=log, check=False)
        if proc.returncode != 0:
            raise KitError("configuring %s failed. The end of %s:\n%s"
                           % (rel(self.dir), rel(log), tail(log, 25)))

    def build(self, targets=None, quiet=True, what="build"):
        """Builds; returns (ok, log path). Never raises for a compile error: the caller
        decides how to explain it."""
        cmd = ["cmake", "--build", self.dir, "-j", jobs()]
        for t in targets or []:
            cmd += ["--target", t]
        log = self.log(what)
        proc = run(cmd, quiet=quiet, log=log, check=False)
        return proc.returncode == 0, log

    def ctest(self, labels=None, exclude_labels=None, regex=None, what="ctest", timeout=None):
        """Runs ctest and returns a list of TestResult (name, labels, passed, output)."""
        junit = os.path.join(self.log_dir, what + ".xml")
        os.makedirs(self.log_dir, exist_ok=True)
        if os.path.exists(junit):
            os.remove(junit)
        cmd = ["ctest", "--no-tests=error", "-j", jobs(), "--output-junit", junit]
        if labels:
            cmd += ["-L", labels]
        if exclude_labels:
            cmd += ["-LE", exclude_labels]
        if regex:
            cmd += ["-R", regex]
        if timeout:
            cmd += ["--timeout", str(timeout)]
        code, out = capture(cmd, cwd=self.dir)
        with open(self.log(what), "w") as f:
            f.write(out)
        if not os.path.exists(junit):
            raise KitError("ctest did not run (exit %d). Its output:\n%s" % (code, out[-3000:]))
        return read_junit(junit, self.test_labels())

    def test_labels(self):
        """{test name: [labels]} from ctest's own JSON listing."""
        code, out = capture(["ctest", "--show-only=json-v1"], cwd=self.dir)
        if code != 0:
            return {}
        labels = {}
        for test in json.loads(out).get("tests", []):
            for prop in test.get("properties", []):
                if prop.get("name") == "LABELS":
                    labels[test["name"]] = list(prop.get("value", []))
            labels.setdefault(test["name"], [])
        return labels


class TestResult:
    def __init__(self, name, labels, status, output):
        self.name = name
        self.labels = labels
        self.status = status  # "passed", "failed", "notrun"
        self.output = output

    @property
    def passed(self):
        return self.status == "passed"

    def stage(self):
        for label in self.labels:
            m = re.fullmatch(r"stage(\d+)", label)
            if m:
                return int(m.group(1))
        return None

    def task(self):
        for label in self.labels:
            m = re.fullmatch(r"task(\d+\.\d+)", label)
            if m:
                return m.group(1)
        return None


def read_junit(path, labels):
    root = ET.parse(path).getroot()
    results = []
    for case in root.iter("testcase"):
        name = case.get("name")
        status = case.get("status", "")
        if case.find("failure") is not None or case.find("error") is not None:
            status = "failed"
        elif case.find("skipped") is not None or status in ("notrun", "disabled"):
            status = "notrun"
        else:
            status = "passed" if status in ("run", "passed", "") else status
        out_node = case.find("system-out")
        output = out_node.text if out_node is not None and out_node.text else ""
        results.append(TestResult(name, labels.get(name, []), status, output))
    return results


def tail(path, n):
    try:
        with open(path, errors="replace") as f:
            lines = f.readlines()
    except OSError:
        return ""
    return "".join(lines[-n:])


def compile_errors(log, limit=12):
    """The first compiler error lines of a build log, for a short explanation."""
    out = []
    try:
        with open(log, errors="replace") as f:
            for line in f:
                if re.search(r"error:|Error \d|undefined reference", line):
                    out.append(line.rstrip())
                    if len(out) >= limit:
                        break
    except OSError:
        pass
    return out


def warnings_in(log):
    try:
        with open(log, errors="replace") as f:
            return [line.rstrip() for line in f if "warning:" in line]
    except OSError:
        return []


def first_failure(output):
    """The first failure message of a gtest run's output, without gtest's framing."""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if "Failure" in line or "C++ exception" in line or "not written yet" in line:
            block = []
            for follow in lines[i:i + 18]:
                if follow.startswith("[  FAILED  ]") or follow.startswith("[       OK ]"):
                    break
                block.append(follow)
            return clean_failure("\n".join(block))
    return "\n".join(lines[-8:])


def clean_failure(text):
    m = re.search(r"not written yet: (.*?)(?:\" thrown in the test body\.|$)", text, re.S)
    if m:
        return "not written yet: " + m.group(1).strip()
    # GoogleTest's frame around a checker report ("Value of: ... Actual: false (REPORT)
    # Expected: true") hides the report; keep the report.
    lines, opened = [], False
    for line in text.strip().splitlines():
        if line.startswith("Value of: "):
            continue
        if line.strip() == "Expected: true":
            if opened and lines and lines[-1].endswith(")"):
                lines[-1] = lines[-1][:-1]  # the ")" that closed "Actual: false ("
            opened = False
            continue
        if line.startswith("  Actual: false ("):
            line, opened = line[len("  Actual: false ("):], True
        lines.append(line)
    return "\n".join(lines)
