#!/usr/bin/env python3
"""Stage 3 figures from the files of train_mlp (see the "3" recipe in plots/recipes.json):
  stage3_digits.png         digits, 64-64-10 sigmoid/softmax: cost and accuracy per epoch
  stage3_breast_cancer.png  breast cancer, 30 features, sigmoid output + binary cross-entropy
  stage3_runge.png          the network's fit of the Runge function over the true curve and
                            the samples, and the cost per epoch
  stage3_activations.png    digits with sigmoid, tanh and ReLU hidden layers, all else equal
Each run is a CSV (epoch, train_cost, test_cost, train_<score>, test_<score>) with a .json
beside it that describes the run (layer sizes, activations, cost, η, batch, ...).
Usage: plot_stage3.py RESULTS_DIR FIGURES_DIR"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plotkit import (PlotError, any_drawable, for_log_axis, main_guard, plt,  # noqa: E402
                     read_csv, read_json, save)
from matplotlib.ticker import FormatStrFormatter, LogLocator, NullFormatter  # noqa: E402

COST_NAMES = {"cross_entropy": "softmax cross-entropy",
              "binary_cross_entropy": "binary cross-entropy", "mse": "MSE ½(a − y)²"}
COMPARED = ("sigmoid", "tanh", "relu")


def load_run(results, stem):
    """(columns, meta) of one train_mlp run: <stem>.csv and <stem>.json."""
    meta = read_json(os.path.join(results, stem + ".json"))
    data = read_csv(os.path.join(results, stem + ".csv"))
    score = "accuracy" if meta.get("score") == "accuracy" else "r2"
    for column in ("epoch", "train_cost", "test_cost", "train_" + score, "test_" + score):
        if column not in data:
            raise PlotError("%s.csv has no column %s" % (stem, column))
    return data, meta


def architecture(meta):
    """'64-64-10, sigmoid hidden, softmax output' from a run's description."""
    sizes = "-".join(str(n) for n in meta["sizes"])
    hidden = sorted(set(meta["activations"]))
    text = sizes + (", %s hidden" % "/".join(hidden) if hidden else ", no hidden layer")
    return text + ", %s output" % meta["output"]


def training(meta):
    return "η = %g, batch %d, %d epochs, seed %d" % (meta["eta"], meta["batch"],
                                                      meta["epochs"], meta["seed"])


def last_finite(values):
    finite = [v for v in values if math.isfinite(v)]
    return finite[-1] if finite else float("nan")


def diverged_note(meta):
    d = meta.get("diverged_at")
    return "" if d is None else " — DIVERGED at epoch %d" % d


def figure(width_ratios=None):
    """A 1 × 2 figure whose two-line suptitle never overlaps the panel titles."""
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8), constrained_layout=True,
                             gridspec_kw={"width_ratios": width_ratios or [1, 1]})
    return fig, axes


def readable_log_ticks(ax, values):
    """A log axis spanning less than two decades gets labelled ticks at 1, 2 and 5 times each
    power of ten; by default it would show one label or none."""
    drawable = [v for v in values if math.isfinite(v)]
    if drawable and math.log10(max(drawable) / min(drawable)) < 2.0:
        ax.yaxis.set_major_locator(LogLocator(base=10.0, subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
        ax.yaxis.set_minor_formatter(NullFormatter())


def cost_axis(ax, data, meta, colour_train="C0", colour_test="C1"):
    """Train and test cost against epoch on a log axis (zeros and non-finite values become
    gaps instead of breaking the axis)."""
    train, test = for_log_axis(data["train_cost"]), for_log_axis(data["test_cost"])
    if not (any_drawable(train) or any_drawable(test)):
        raise PlotError("run %s has no finite positive cost to draw" % meta.get("data", "?"))
    ax.plot(data["epoch"], train, color=colour_train, label="train (%d rows)" % meta["train_rows"])
    ax.plot(data["epoch"], test, color=colour_test, label="test (%d rows)" % meta["test_rows"])
    ax.set_yscale("log")
    readable_log_ticks(ax, train + test)
    ax.set_xlabel("epoch")
    ax.set_ylabel("mean %s (log scale)" % COST_NAMES.get(meta["cost"], meta["cost"]))
    ax.set_title("Cost")
    ax.legend()


def classification_figure(results, figures, stem, filename, what):
    data, meta = load_run(results, stem)
    fig, (ax_cost, ax_acc) = figure()
    cost_axis(ax_cost, data, meta)
    ax_acc.plot(data["epoch"], data["train_accuracy"], color="C0", label="train")
    ax_acc.plot(data["epoch"], data["test_accuracy"], color="C1", label="test")
    final = last_finite(data["test_accuracy"])
    low = min(v for v in data["train_accuracy"] + data["test_accuracy"] if math.isfinite(v))
    ax_acc.set_ylim(max(0.0, min(low, 0.8) - 0.02), 1.005)
    ax_acc.axhline(final, color="C1", linestyle=":", linewidth=1)
    ax_acc.annotate("final test accuracy %.1f %%" % (100 * final), xy=(0.98, final),
                    xycoords=("axes fraction", "data"), ha="right", va="top", color="C1",
                    xytext=(0, -4), textcoords="offset points")
    ax_acc.set_xlabel("epoch")
    ax_acc.set_ylabel("accuracy (share of rows classified right)")
    ax_acc.set_title("Accuracy")
    ax_acc.legend(loc="center right")
    fig.suptitle("%s: %s, %s\n%s; features standardised on the training rows%s"
                 % (what, architecture(meta), COST_NAMES.get(meta["cost"], meta["cost"]),
                    training(meta), diverged_note(meta)), fontsize=10)
    return save(fig, figures, filename)


def runge_figure(results, figures):
    data, meta = load_run(results, "runge")
    fit = read_csv(os.path.join(results, "runge_fit.csv"))
    points = read_csv(os.path.join(results, "runge_points.csv"))
    for name, columns, needed in (("runge_fit.csv", fit, ("x", "y_pred", "y_true")),
                                  ("runge_points.csv", points, ("x", "y", "is_test"))):
        for column in needed:
            if column not in columns:
                raise PlotError("%s has no column %s" % (name, column))
    fig, (ax_fit, ax_cost) = figure([1.25, 1])
    for is_test, marker, name, colour in ((0.0, "o", "training", "gray"),
                                          (1.0, "x", "test", "black")):
        xs = [x for x, t in zip(points["x"], points["is_test"]) if t == is_test]
        ys = [y for y, t in zip(points["y"], points["is_test"]) if t == is_test]
        ax_fit.scatter(xs, ys, s=10, marker=marker, alpha=0.5, color=colour, zorder=1,
                       label="%s samples (%d)" % (name, len(xs)))
    # The true curve dashed on top of the network's: where the fit is good they coincide, and
    # the dashes keep the true curve visible there.
    ax_fit.plot(fit["x"], fit["y_pred"], color="C3", linewidth=2.5, alpha=0.85, zorder=2,
                label="network")
    ax_fit.plot(fit["x"], fit["y_true"], "--", color="black", linewidth=1.1, zorder=3,
                label="true f(x) = 1/(1 + 25x²)")
    ax_fit.set_xlabel("x")
    ax_fit.set_ylabel("y")
    ax_fit.set_title("Fit after %d epochs: test R² = %.4f"
                     % (meta["epochs_completed"], last_finite(data["test_r2"])))
    ax_fit.legend(loc="upper left", fontsize=8)
    cost_axis(ax_cost, data, meta)
    noise = meta.get("noise", 0.0)
    if noise > 0:
        # The best any model can do on noisy targets: the mean of ½ e², e ~ N(0, σ²), is ½ σ².
        ax_cost.axhline(0.5 * noise ** 2, color="gray", linestyle=":", linewidth=1.2,
                        label="noise floor ½σ² = %g" % (0.5 * noise ** 2))
        ax_cost.legend()
    fig.suptitle("Runge function, regression: %s, %s\n%d samples x ~ U[-1, 1], y = f(x) + "
                 "N(0, %g²); %s%s"
                 % (architecture(meta), COST_NAMES["mse"], meta.get("samples", 0),
                    meta.get("noise", 0.0), training(meta), diverged_note(meta)), fontsize=10)
    return save(fig, figures, "stage3_runge.png")


def activations_figure(results, figures):
    runs = [(name,) + load_run(results, "digits_" + name) for name in COMPARED]
    # The comparison means something only if the runs differ in the hidden activation alone.
    keys = ("data", "sizes", "output", "cost", "eta", "batch", "epochs", "seed", "test_fraction")
    first = runs[0][2]
    for name, _, meta in runs[1:]:
        for key in keys:
            if meta.get(key) != first.get(key):
                raise PlotError("the activation runs differ in %s (%s: %r, %s: %r); they must "
                                "differ in the hidden activation only"
                                % (key, runs[0][0], first.get(key), name, meta.get(key)))
    fig, (ax_cost, ax_acc) = figure()
    for i, (name, data, meta) in enumerate(runs):
        colour = "C%d" % i
        label = name + diverged_note(meta).replace(" — ", ", ")
        ax_cost.plot(data["epoch"], for_log_axis(data["test_cost"]), color=colour,
                     label=label + " (test)")
        ax_cost.plot(data["epoch"], for_log_axis(data["train_cost"]), "--", color=colour,
                     alpha=0.7, label=label + " (train)")
        ax_acc.plot(data["epoch"], data["test_accuracy"], color=colour,
                    label="%s: final %.1f %%" % (name, 100 * last_finite(data["test_accuracy"])))
    ax_cost.set_yscale("log")
    ax_cost.set_xlabel("epoch")
    ax_cost.set_ylabel("mean softmax cross-entropy (log scale)")
    ax_cost.set_title("Cost (solid: test, dashed: train)")
    ax_cost.legend(fontsize=8, ncol=2)
    # Zoomed on the top: every run passes 85 % within a few epochs, and the differences
    # between the activations are a few percent.
    ax_acc.set_ylim(0.85, 1.0)
    ax_acc.set_xlabel("epoch")
    ax_acc.set_ylabel("test accuracy (axis from 85 %)")
    ax_acc.set_title("Accuracy on the %d test rows" % first["test_rows"])
    ax_acc.legend(loc="lower right")
    fig.suptitle("Hidden activation compared on digits: %s, softmax output, cross-entropy\n%s; "
                 "same seed, split and initial weights for all three"
                 % ("-".join(str(n) for n in first["sizes"]), training(first)), fontsize=10)
    return save(fig, figures, "stage3_activations.png")


def main():
    if len(sys.argv) != 3:
        raise PlotError("usage: plot_stage3.py RESULTS_DIR FIGURES_DIR")
    results, figures = sys.argv[1], sys.argv[2]
    classification_figure(results, figures, "digits_sigmoid", "stage3_digits.png",
                          "Digits (8×8 images, 10 classes)")
    classification_figure(results, figures, "breast_cancer", "stage3_breast_cancer.png",
                          "Breast cancer (30 features, malignant 0/1)")
    runge_figure(results, figures)
    activations_figure(results, figures)


if __name__ == "__main__":
    main_guard(main)
