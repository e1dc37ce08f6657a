"""Shared helpers for the kit's plotting scripts: headless matplotlib, careful CSV reading,
log axes that survive zeros and non-finite values, and atomic PNG writing."""
import csv
import json
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")  # headless: no display needed, also over ssh and in CI
import matplotlib.pyplot as plt  # noqa: E402

plt.rcParams.update({"figure.dpi": 110, "savefig.dpi": 110, "axes.grid": True,
                     "grid.alpha": 0.3, "legend.fontsize": 9, "font.size": 10})


class PlotError(Exception):
    pass


def read_csv(path):
    """{column: [floats]} of a CSV with a header row. Non-numbers become nan."""
    if not os.path.exists(path):
        raise PlotError("missing results file %s (did the training program run?)" % path)
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    if len(rows) < 2:
        raise PlotError("results file %s is empty (no data rows)" % path)
    header = rows[0]
    columns = {name: [] for name in header}
    for row in rows[1:]:
        if len(row) != len(header):
            raise PlotError("results file %s has a row with %d fields, expected %d"
                            % (path, len(row), len(header)))
        for name, value in zip(header, row):
            try:
                columns[name].append(float(value))
            except ValueError:
                columns[name].append(float("nan"))
    return columns


def read_json(path):
    if not os.path.exists(path):
        raise PlotError("missing results file %s (did the training program run?)" % path)
    with open(path) as f:
        try:
            return json.load(f)
        except ValueError as e:
            raise PlotError("results file %s is not valid JSON: %s" % (path, e))


def for_log_axis(values):
    """Values a log axis can draw: zero, negative and non-finite become nan (a gap)."""
    return [v if (isinstance(v, float) and math.isfinite(v) and v > 0.0) else float("nan")
            for v in values]


def any_drawable(values):
    return any(math.isfinite(v) for v in values)


def save(fig, folder, name):
    """Writes folder/name atomically (temporary file, then rename) and prints its path."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    tmp = path + ".tmp.png"
    fig.savefig(tmp, bbox_inches="tight")
    plt.close(fig)
    os.replace(tmp, path)
    print("wrote %s" % path)
    return path


def main_guard(run):
    """Runs run() and turns a PlotError into a one-line message and exit code 1."""
    try:
        run()
    except PlotError as e:
        print("plot error: %s" % e, file=sys.stderr)
        sys.exit(1)
