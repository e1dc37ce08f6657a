#!/usr/bin/env python3
"""Stage 2 figures from the CSV files of train_hidden_neuron:
  stage2_cost.png  cost and test accuracy against epoch for both stages, one colour per η
                   (solid: stage 2 hidden neuron, dotted: stage 1 perceptron)
  stage2_fit.png   the data with every trained model's prediction over it
Usage: plot_stage2.py RESULTS_DIR FIGURES_DIR"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plotkit import PlotError, main_guard  # noqa: E402
from scalar_plots import cost_figure, fit_figure  # noqa: E402


def main():
    if len(sys.argv) != 3:
        raise PlotError("usage: plot_stage2.py RESULTS_DIR FIGURES_DIR")
    results, figures = sys.argv[1], sys.argv[2]
    cost_figure(results, figures, 2, "stage2_cost.png",
                "Stage 2 (solid) against stage 1 (dotted)")
    fit_figure(results, figures, 2, "stage2_fit.png",
               "Stage 2 σ(w2 σ(w1 x + b1) + b2) (solid) and stage 1 σ(w x + b) (dotted)")


if __name__ == "__main__":
    main_guard(main)
