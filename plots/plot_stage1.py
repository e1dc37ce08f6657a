#!/usr/bin/env python3
"""Stage 1 figures from the CSV files of train_perceptron and finite_differences:
  stage1_cost.png                cost and accuracy against epoch, one line per learning rate
  stage1_fit.png                 the data with each trained sigmoid over it
  stage1_finite_differences.png  error of forward, central and Richardson differences vs h
Usage: plot_stage1.py RESULTS_DIR FIGURES_DIR"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plotkit import (PlotError, any_drawable, for_log_axis, main_guard, plt, read_csv,  # noqa: E402
                     read_json, save)


def cost_figure(results, figures):
    meta = read_json(os.path.join(results, "stage1_runs.json"))
    fig, (ax_cost, ax_acc) = plt.subplots(1, 2, figsize=(11, 4.2))
    drawn = 0
    for run in meta["runs"]:
        data = read_csv(os.path.join(results, run["file"]))
        label = "η = %g" % run["eta"]
        if run.get("diverged_at") is not None:
            label += " (diverged at epoch %d)" % run["diverged_at"]
        cost = for_log_axis(data["train_cost"])
        if any_drawable(cost):
            line, = ax_cost.plot(data["epoch"], cost, label=label)
            ax_cost.plot(data["epoch"], for_log_axis(data["test_cost"]), "--",
                         color=line.get_color(), alpha=0.7)
            ax_acc.plot(data["epoch"], data["train_accuracy"], color=line.get_color(), label=label)
            ax_acc.plot(data["epoch"], data["test_accuracy"], "--", color=line.get_color(),
                        alpha=0.7)
            drawn += 1
    if drawn == 0:
        raise PlotError("no run of stage 1 has a finite positive cost to draw")
    ax_cost.set_yscale("log")
    ax_cost.set_xlabel("epoch")
    ax_cost.set_ylabel("mean cost C = mean ½(a − y)²  (log scale)")
    ax_cost.set_title("Stage 1: cost (solid: train, dashed: test)")
    ax_cost.legend()
    ax_acc.set_xlabel("epoch")
    ax_acc.set_ylabel("accuracy (a ≥ ½ predicts 1)")
    ax_acc.set_ylim(0.0, 1.02)
    ax_acc.set_title("Stage 1: accuracy (solid: train, dashed: test)")
    ax_acc.legend(loc="lower right")
    fig.suptitle("Scalar perceptron on breast cancer, x = %s (standardised), y = %s"
                 % (meta.get("feature", "?"), meta.get("target", "?")), fontsize=10)
    return save(fig, figures, "stage1_cost.png")


def fit_figure(results, figures):
    meta = read_json(os.path.join(results, "stage1_runs.json"))
    data = read_csv(os.path.join(results, "stage1_data.csv"))
    fit = read_csv(os.path.join(results, "stage1_fit.csv"))
    fig, ax = plt.subplots(figsize=(8, 4.5))
    # y is 0 or 1: a small deterministic jitter keeps overlapping points visible.
    jitter = [0.03 * math.sin(12.9898 * i) for i in range(len(data["y"]))]
    for is_test, marker, name in ((0.0, "o", "train"), (1.0, "x", "test")):
        xs = [x for x, t in zip(data["x"], data["is_test"]) if t == is_test]
        ys = [y + j for y, j, t in zip(data["y"], jitter, data["is_test"]) if t == is_test]
        ax.scatter(xs, ys, s=12, marker=marker, alpha=0.45, label="%s samples" % name,
                   color="gray" if is_test == 0.0 else "black")
    for run in meta["runs"]:
        column = "a_eta_%s" % format_eta(run, fit)
        if column in fit and any_drawable(fit[column]):
            ax.plot(fit["x"], fit[column], linewidth=2, label="σ(w x + b), η = %g" % run["eta"])
    ax.axhline(0.5, color="gray", linewidth=0.8, linestyle=":")
    ax.set_xlabel("%s (standardised)" % meta.get("feature", "x"))
    ax.set_ylabel("%s  /  prediction a" % meta.get("target", "y"))
    ax.set_ylim(-0.1, 1.1)
    ax.set_title("Stage 1: the trained perceptron over the data")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    return save(fig, figures, "stage1_fit.png")


def format_eta(run, fit):
    """The fit column's name for this run (the C++ side prints η with default precision)."""
    for name in fit:
        if name.startswith("a_eta_") and float(name[len("a_eta_"):]) == run["eta"]:
            return name[len("a_eta_"):]
    return "%g" % run["eta"]


def finite_difference_figure(results, figures):
    data = read_csv(os.path.join(results, "finite_differences.csv"))
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    for column, label in (("forward_error", "forward (f(x+h) − f(x))/h, O(h)"),
                          ("central_error", "central (f(x+h) − f(x−h))/2h, O(h²)"),
                          ("richardson_error", "Richardson (4D(h/2) − D(h))/3, O(h⁴)")):
        ax.plot(data["h"], for_log_axis(data[column]), marker=".", markersize=3, label=label)
    eps = 2.0 ** -52
    ax.axvline(eps ** (1.0 / 3.0), color="gray", linestyle=":",
               label="checker's step h = ∛ε ≈ 6e-6")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("step h")
    ax.set_ylabel("|numeric − exact| for σ'(0.5)")
    ax.set_title("Truncation error (right) against round-off error (left)")
    ax.legend(loc="upper center", fontsize=8)
    return save(fig, figures, "stage1_finite_differences.png")


def main():
    if len(sys.argv) != 3:
        raise PlotError("usage: plot_stage1.py RESULTS_DIR FIGURES_DIR")
    results, figures = sys.argv[1], sys.argv[2]
    cost_figure(results, figures)
    fit_figure(results, figures)
    finite_difference_figure(results, figures)


if __name__ == "__main__":
    main_guard(main)
