"""Figures shared by the scalar stages (1 and 2): cost and accuracy against epoch, and the
trained models drawn over the data. Input: the files of train_perceptron or
train_hidden_neuron (stageN_runs.json, one CSV per run, stageN_data.csv, stageN_fit.csv)."""
import math
import os

from plotkit import PlotError, any_drawable, for_log_axis, plt, read_csv, read_json, save

MODEL_NAMES = {"perceptron": "stage 1 perceptron", "hidden": "stage 2 hidden neuron"}
MODEL_STYLES = {"hidden": "-", "perceptron": ":"}


def run_label(run, with_model):
    label = "η = %g" % run["eta"]
    if with_model:
        label = "%s, %s" % (MODEL_NAMES.get(run["model"], run["model"]), label)
    if run.get("diverged_at") is not None:
        label += " (diverged at epoch %d)" % run["diverged_at"]
    return label


def cost_figure(results, figures, stage, filename, title):
    """Left: mean cost (log scale) per run; right: accuracy. One colour per η; with two
    models, the line style tells them apart."""
    meta = read_json(os.path.join(results, "stage%d_runs.json" % stage))
    models = sorted({run["model"] for run in meta["runs"]})
    with_model = len(models) > 1
    etas = sorted({run["eta"] for run in meta["runs"]})
    colours = {eta: "C%d" % i for i, eta in enumerate(etas)}
    fig, (ax_cost, ax_acc) = plt.subplots(1, 2, figsize=(12, 4.6))
    drawn = 0
    for run in meta["runs"]:
        data = read_csv(os.path.join(results, run["file"]))
        cost = for_log_axis(data["train_cost"])
        if not any_drawable(cost):
            continue
        style = MODEL_STYLES.get(run["model"], "-") if with_model else "-"
        colour = colours[run["eta"]]
        label = run_label(run, with_model)
        ax_cost.plot(data["epoch"], cost, style, color=colour, label=label)
        ax_acc.plot(data["epoch"], data["test_accuracy"], style, color=colour, label=label)
        if not with_model:
            ax_cost.plot(data["epoch"], for_log_axis(data["test_cost"]), "--", color=colour,
                         alpha=0.6)
        drawn += 1
    if drawn == 0:
        raise PlotError("no run of stage %d has a finite positive cost to draw" % stage)
    ax_cost.set_yscale("log")
    ax_cost.set_xlabel("epoch")
    ax_cost.set_ylabel("mean cost, mean ½(a − y)²  (log scale)")
    ax_cost.set_title("Cost" + ("" if with_model else " (solid: train, dashed: test)"))
    ax_cost.legend(fontsize=8)
    ax_acc.set_xlabel("epoch")
    ax_acc.set_ylabel("test accuracy (a ≥ ½ predicts 1)")
    ax_acc.set_ylim(0.0, 1.02)
    ax_acc.set_title("Accuracy on the held-out test rows")
    ax_acc.legend(loc="lower right", fontsize=8)
    fig.suptitle("%s — breast cancer, x = %s (standardised), y = %s"
                 % (title, meta.get("feature", "?"), meta.get("target", "?")), fontsize=10)
    return save(fig, figures, filename)


def fit_figure(results, figures, stage, filename, title):
    """The samples (train dots, test crosses, y jittered a little) with every trained
    model's prediction a(x) drawn over them."""
    meta = read_json(os.path.join(results, "stage%d_runs.json" % stage))
    data = read_csv(os.path.join(results, "stage%d_data.csv" % stage))
    fit = read_csv(os.path.join(results, "stage%d_fit.csv" % stage))
    with_model = len({run["model"] for run in meta["runs"]}) > 1
    etas = sorted({run["eta"] for run in meta["runs"]})
    colours = {eta: "C%d" % i for i, eta in enumerate(etas)}
    fig, ax = plt.subplots(figsize=(9, 4.8))
    # y is 0 or 1: a small deterministic jitter keeps overlapping points visible.
    jitter = [0.03 * math.sin(12.9898 * i) for i in range(len(data["y"]))]
    for is_test, marker, name, colour in ((0.0, "o", "train", "gray"), (1.0, "x", "test", "black")):
        xs = [x for x, t in zip(data["x"], data["is_test"]) if t == is_test]
        ys = [y + j for y, j, t in zip(data["y"], jitter, data["is_test"]) if t == is_test]
        ax.scatter(xs, ys, s=12, marker=marker, alpha=0.45, color=colour,
                   label="%s samples" % name)
    for run in meta["runs"]:
        column = run.get("fit_column")
        if column in fit and any_drawable(fit[column]):
            style = MODEL_STYLES.get(run["model"], "-") if with_model else "-"
            ax.plot(fit["x"], fit[column], style, linewidth=2, color=colours[run["eta"]],
                    label=run_label(run, with_model))
    ax.axhline(0.5, color="gray", linewidth=0.8, linestyle=":")
    ax.set_xlabel("%s (standardised with the training rows' mean and deviation)"
                  % meta.get("feature", "x"))
    ax.set_ylabel("%s  /  prediction a" % meta.get("target", "y"))
    ax.set_ylim(-0.1, 1.1)
    ax.set_title(title)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)
    return save(fig, figures, filename)
