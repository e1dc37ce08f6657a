#!/usr/bin/env python3
"""Stage 1 figures from the CSV files of train_perceptron and finite_differences:
  stage1_cost.png                cost and accuracy against epoch, one line per learning rate
  stage1_fit.png                 the data with each trained sigmoid over it
  stage1_finite_differences.png  error of forward, central and Richardson differences vs h
Usage: plot_stage1.py RESULTS_DIR FIGURES_DIR"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plotkit import PlotError, for_log_axis, main_guard, plt, read_csv, save  # noqa: E402
from scalar_plots import cost_figure, fit_figure  # noqa: E402


def finite_difference_figure(results, figures):
    path = os.path.join(results, "finite_differences.csv")
    if not os.path.exists(path):
        raise PlotError("missing %s (did the finite_differences program run?)" % path)
    data = read_csv(path)
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
    cost_figure(results, figures, 1, "stage1_cost.png", "Stage 1: the scalar perceptron")
    fit_figure(results, figures, 1, "stage1_fit.png",
               "Stage 1: the trained perceptron σ(w x + b) over the data")
    finite_difference_figure(results, figures)


if __name__ == "__main__":
    main_guard(main)
