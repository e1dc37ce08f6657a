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
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
    except UnicodeDecodeError:
        raise PlotError("results file %s is not a text CSV file" % path)
    except (OSError, csv.Error) as e:
        raise PlotError("cannot read results file %s: %s" % (path, e))
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
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (ValueError, OSError) as e:  # UnicodeDecodeError is a ValueError
        raise PlotError("results file %s is not valid JSON: %s" % (path, e))
    if not isinstance(data, dict):
        raise PlotError("results file %s should hold a JSON object" % path)
    return data


def for_log_axis(values):
    """Values a log axis can draw: zero, negative and non-finite become nan (a gap)."""
    return [v if (isinstance(v, float) and math.isfinite(v) and v > 0.0) else float("nan")
            for v in values]


def any_drawable(values):
    return any(math.isfinite(v) for v in values)


def save(fig, folder, name):
    """Writes folder/name atomically (temporary file, then rename) and prints its path."""
    path = os.path.join(folder, name)
    tmp = path + ".tmp.png"
    try:
        os.makedirs(folder, exist_ok=True)
        fig.savefig(tmp, bbox_inches="tight")
        os.replace(tmp, path)
    except OSError as e:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise PlotError("cannot write figure %s: %s" % (path, e))
    finally:
        plt.close(fig)
    print("wrote %s" % path)
    return path


def main_guard(run):
    """Runs run() and turns a PlotError, or results of the wrong shape (a field missing or
    of the wrong type), into a one-line message and exit code 1 instead of a traceback."""
    try:
        run()
    except PlotError as e:
        print("plot error: %s" % e, file=sys.stderr)
        sys.exit(1)
    except (KeyError, TypeError, ValueError, IndexError, OverflowError, RecursionError) as e:
        print("plot error: the results in %s are malformed (%s: %s); make them again with "
              "./kit plots" % (" ".join(sys.argv[1:2]) or "the results folder",
                               type(e).__name__, e), file=sys.stderr)
        sys.exit(1)
