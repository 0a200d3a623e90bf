"""The grown playground: a DenseNet on spirals of 2, 3 or 4 classes (softmax or hinge) or on a
regression surface; click to add points of a chosen class or target value, scrub the training."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from .. import optim
from ..datasets import noisy_surface, spirals
from ..metrics import per_class_accuracy
from ..models.dense import DenseNet
from ..plots.axes import few_ticks, frame_plane, title_text
from ..plots.classifier import grid
from ..plots.curves import plot_curves
from ..plots.regions import plot_regions
from ..train import fit
from .explorer import InPlace, add_player, log_slider
from .points import PointsExplorer

TASKS = {"2 classes": 2, "3 classes": 3, "4 classes": 4, "regression": 0}   # 0: no classes
BOX = (-1.25, 1.25, -1.25, 1.25)             # the pictured square, unless points lie outside
TARGETS = (-1.2, 1.2)                        # the colour range of regression targets
GRID = 60                                    # grid points per side of the pictures


def task_data(task, n, noise, seed=0):
    """The points of a playground task: spirals with labels 0 ... k-1 (about ``n`` points in
    all), or ``noisy_surface`` with real targets."""
    if task not in TASKS:
        raise ValueError(f"task must be one of {list(TASKS)}, got {task!r}")
    if task == "regression":
        return noisy_surface(n, noise, seed)
    return spirals(n // TASKS[task], TASKS[task], noise, seed)


def train_task(X, labels, task, loss="softmax", hidden=24, learning_rate=0.1,
               regularization=1e-3, iterations=300, every=10, seed=0):
    """A 2-``hidden``-outputs DenseNet trained full-batch with momentum on the task's points:
    (net, History with a snapshot every ``every`` steps). ``loss`` "hinge" is the binary hinge
    on 2 classes and the multiclass SVM on more; regression always uses squared error."""
    if task not in TASKS:
        raise ValueError(f"task must be one of {list(TASKS)}, got {task!r}")
    if loss not in ("softmax", "hinge"):
        raise ValueError(f"loss must be 'softmax' or 'hinge', got {loss!r}")
    k = TASKS[task]
    if task == "regression":
        name, outputs, target = "mse", 1, np.asarray(labels, float)
    elif loss == "hinge" and k == 2:
        name, outputs, target = "hinge", 1, np.where(np.asarray(labels) > 0, 1.0, -1.0)
    else:
        name, outputs, target = ("svm" if loss == "hinge" else "softmax"), k, \
            np.asarray(labels).astype(int)
    net = DenseNet((2, hidden, outputs), np.random.default_rng(seed), loss=name,
                   regularization=regularization)
    history = fit(net, np.asarray(X, float), target, optim.sgd_momentum,
                  {"learning_rate": learning_rate}, iterations, every=every)
    return net, history


def predicted_classes(net, X):
    """Class labels 0 ... k-1 of the rows of X (a binary hinge net's +1 is class 1)."""
    p = net.predict(X)
    return (p > 0).astype(int) if net.loss_name == "hinge" else p


def _extent(X):
    """The pictured square, grown to hold every point."""
    lo, hi = np.minimum(X.min(axis=0, initial=0) - 0.1, BOX[::2]), \
        np.maximum(X.max(axis=0, initial=0) + 0.1, BOX[1::2])
    return lo[0], hi[0], lo[1], hi[1]


def _plot_surface(ax, cax, X, targets, extent):
    """A colour map for the net's predicted surface (its values set later), the points
    coloured by target, a colour bar."""
    style = dict(cmap="coolwarm", vmin=TARGETS[0], vmax=TARGETS[1])
    ax.imshow(np.zeros((GRID, GRID)), origin="lower", extent=extent, aspect="auto", **style)
    ax.scatter(X[:, 0], X[:, 1], c=targets, s=24, edgecolors="k", linewidths=0.5, **style)
    # the colour bar by hand: an image of the colour scale, three ticks on its right
    cax.imshow(np.linspace(*TARGETS, 64)[:, None], origin="lower", aspect="auto",
               extent=(0, 1, *TARGETS), **style)
    cax.yaxis.tick_right()
    cax.set(xticks=[], yticks=[TARGETS[0], 0, TARGETS[1]])
    cax.text(0.5, 1.02, "value", transform=cax.transAxes, ha="center", va="bottom",
             fontsize="small")


def _plot_cost(ax, history):
    """The squared-error cost against the iteration (regression has no accuracy), and a dotted
    line to move to the iteration shown."""
    it, top = history.iterations, max(float(history.cost.max()), 1e-12)
    ax.plot(it, history.cost, color="tab:purple", lw=1.2)
    ax.axvline(it[-1], color="0.4", lw=0.8, ls=":")
    ax.set(xlabel="iteration", ylim=(0, 1.05 * top), xlim=(0, it[-1]))
    few_ticks(ax, (0, it[-1]), (0, top))
    ax.set_ylabel("cost")


class PlaygroundExplorer(PointsExplorer):
    """A PointsExplorer whose clicks add a point of class 0 ... k-1, or (regression) a point
    with the target value of the ``target`` slider; the modes follow the ``task`` control."""

    def __init__(self, draw, controls, **kwargs):
        self.MODES = self.modes(controls["task"].value)
        self._quiet = False
        super().__init__(draw, controls, **kwargs)

    @staticmethod
    def modes(task):
        """What a click can do in ``task``."""
        adds = ["add point"] if task == "regression" else \
            [f"add class {c}" for c in range(TASKS[task])]
        return (*adds, "remove")

    def label_of(self, mode):
        if mode == "add point":
            return float(self.controls["target"].value)
        return float(mode.removeprefix("add class "))

    def _on_change(self, change):
        if self._quiet:
            return
        if change["owner"] is self.controls["task"]:
            self._quiet = True                        # new options: no redraw for the mode
            try:
                self.controls["mode"].options = self.modes(change["new"])
            finally:
                self._quiet = False
        self.redraw()


def dense_playground(task="3 classes", n=120, noise=0.1, hidden=24, learning_rate=0.1,
                     regularization=1e-3, loss="softmax", iteration=300, target=0.5, seed=0,
                     iterations=300, every=10):
    """A DenseNet (one hidden ReLU layer) on 2, 3 or 4 spiral arms or a regression surface:
    click to add points, scrub or play the training, change the width, learning rate and spring."""
    if task not in TASKS:
        raise ValueError(f"task must be one of {list(TASKS)}, got {task!r}")
    if isinstance(every, bool) or not isinstance(every, int) or every < 1 \
            or not isinstance(iterations, int) or iterations < every:
        raise ValueError(f"need whole numbers 1 <= every <= iterations, got every={every!r}, "
                         f"iterations={iterations!r}")
    for name, value, lo, hi in (("iteration", iteration, 0, iterations), ("hidden", hidden, 1, 40),
                                ("noise", noise, 0, 0.5), ("learning_rate", learning_rate, 1e-3,
                                10 ** 0.5), ("regularization", regularization, 1e-5, 1),
                                ("target", target, *TARGETS)):
        if not lo <= value <= hi:                 # a slider would clamp it without a word
            raise ValueError(f"{name} must lie in [{lo:.3g}, {hi:.3g}] (the slider's range), "
                             f"got {value!r}")

    @lru_cache(maxsize=64)
    def run(points, labels, task, loss, hidden, learning_rate, regularization):
        X, y = np.frombuffer(points).reshape(-1, 2), np.frombuffer(labels)
        try:
            return train_task(X, y, task, loss, hidden, learning_rate, regularization,
                              iterations, every, seed)
        except FloatingPointError as error:
            return None, str(error)

    def draw(fig, explorer, task, noise, hidden, learning_rate, regularization, loss,
             iteration, target):
        if explorer.source != (task, noise):
            explorer.load(*task_data(task, n, noise, seed), (task, noise))
        X, labels, k = explorer.X, explorer.labels, TASKS[task]

        def trained(hidden, learning_rate, regularization):
            return run(X.tobytes(), labels.tobytes(), task, loss if k else "softmax",
                       hidden, learning_rate, regularization)   # regression: one key, any loss

        net, history = trained(hidden, learning_rate, regularization)
        extent = _extent(X)
        left = fig.add_axes((0.07, 0.14, 0.36, 0.76))
        right = fig.add_axes((0.6, 0.14, 0.37, 0.76))
        frame_plane(left, extent)
        explorer.net = explorer.history = None
        if net is None:                               # training blew up: show the points only
            left.scatter(X[:, 0], X[:, 1], c="0.5", s=12)
            right.set_axis_off()
            return f"{history}", left
        points = grid(extent, GRID)[2]
        if k:
            plot_regions(lambda P: np.zeros(len(P), int), X, labels, left, extent=extent,
                         n=GRID, legend=False)          # the shading is set by update
            left.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small",
                        borderaxespad=0)
            curves = plot_curves(history.cost, history.accuracy, right,
                                 iterations=history.iterations, now=0)
        else:
            _plot_surface(left, fig.add_axes((0.44, 0.14, 0.015, 0.76)), X, labels, extent)
            _plot_cost(right, history)
        name = {"mse": "squared error", "hinge": "hinge", "svm": "multiclass hinge",
                "softmax": "softmax"}[net.loss_name]
        title_text(right, f"{name}: cost" + (" and accuracy" if k else ""))
        title, shown = title_text(left, ""), [history]      # the history whose curves are drawn

        def update(iteration, hidden, learning_rate, regularization, **unchanged):
            net, history = trained(hidden, learning_rate, regularization)
            if net is None or not k and history is not shown[0]:
                return None                  # blown up, or a new cost axis: draw anew
            row = history.index(iteration)
            net.params = history.parameters[row]
            explorer.net, explorer.history = net, history  # what is shown, for a notebook
            if k:
                left.images[0].set_data(predicted_classes(net, points).reshape(GRID, GRID))
                if history is not shown[0]:
                    curves.update(history.cost, history.accuracy, history.iterations)
                share = per_class_accuracy(labels, predicted_classes(net, X), k)
                text = f"accuracy {history.accuracy[row]:.0%}, per class " + ", ".join(
                    f"{c}: {a:.0%}" for c, a in enumerate(share) if a == a)  # a != a: none
            else:
                left.images[0].set_data(net.scores(points).reshape(GRID, GRID))
                text = "points coloured by their target, background: the net's prediction"
            shown[0] = history
            right.lines[-1].set_xdata([history.iterations[row]] * 2)
            title.set_text(f"{task}: iteration {history.iterations[row]}, {len(X)} points")
            moving = [*left.images, *left.lines, *left.collections, *left.spines.values(),
                      title, *right.lines, *filter(None, [right.get_legend()])]
            return (f"iteration {history.iterations[row]}: cost {history.cost[row]:.3f}; "
                    f"{text}"), moving

        live = ("iteration", "target", "hidden", "learning_rate", "regularization")
        return InPlace(update(iteration, hidden, learning_rate, regularization)[0], update,
                       live), left

    controls = {
        "task": W.Dropdown(options=list(TASKS), value=task, description="task"),
        "noise": W.FloatSlider(value=noise, min=0, max=0.5, step=0.05, description="noise"),
        "hidden": W.IntSlider(value=hidden, min=1, max=40, description="hidden units"),
        "learning_rate": log_slider(learning_rate, -3, 0.5, "learning rate"),
        "regularization": log_slider(regularization, -5, 0, "regularization"),
        "loss": W.Dropdown(options=["softmax", "hinge"], value=loss, description="loss"),
        "iteration": W.IntSlider(value=iteration, min=0, max=iterations, step=every,
                                 description="iteration"),
        "target": W.FloatSlider(value=target, min=TARGETS[0], max=TARGETS[1], step=0.1,
                                description="click target"),
    }
    explorer = PlaygroundExplorer(draw, controls, figsize=(10, 4), dpi=100)
    add_player(explorer, controls["iteration"])
    return explorer
