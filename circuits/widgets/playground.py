"""The grown playground: a DenseNet on spirals of 2, 3 or 4 classes (softmax or hinge) or on a
regression surface; click to add points of a chosen class or target value, scrub the training."""
import ipywidgets as W
import numpy as np

from .. import optim
from ..datasets import noisy_surface, spirals
from ..metrics import per_class_accuracy
from ..models.dense import DenseNet
from ..plots.axes import few_ticks, frame_plane, title_text
from ..plots.classifier import grid
from ..plots.regions import move_points, plot_regions
from ..train import fit
from .explorer import Explorer, InPlace, add_player, log_slider, settled, settled_cache
from .points import PointsExplorer

TASKS = {"2 classes": 2, "3 classes": 3, "4 classes": 4, "regression": 0}   # 0: no classes
BOX = (-1.25, 1.25, -1.25, 1.25)             # the pictured square, unless points lie outside
TARGETS = (-1.2, 1.2)                        # the colour range of regression targets
COSTS = (1e-3, 1e2)                          # the cost axis (log), the same for every run
GRID = 60                                    # grid points per side of the pictures
LOSS_NAMES = {"hinge": "hinge", "svm": "multiclass hinge", "softmax": "softmax"}


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
    coloured by target, a colour bar; returns the points (a PathCollection, to move them)."""
    style = dict(cmap="coolwarm", vmin=TARGETS[0], vmax=TARGETS[1])
    ax.imshow(np.zeros((GRID, GRID)), origin="lower", extent=extent, aspect="auto", **style)
    points = ax.scatter(X[:, 0], X[:, 1], c=targets, s=24, edgecolors="k", linewidths=0.5,
                        **style)
    # the colour bar by hand: an image of the colour scale, three ticks on its right
    cax.imshow(np.linspace(*TARGETS, 64)[:, None], origin="lower", aspect="auto",
               extent=(0, 1, *TARGETS), **style)
    cax.yaxis.tick_right()
    cax.set(xticks=[], yticks=[TARGETS[0], 0, TARGETS[1]])
    cax.text(0.5, 1.02, "value", transform=cax.transAxes, ha="center", va="bottom",
             fontsize="small")
    return points


def _plot_training(ax, history, accuracy=True):
    """The cost against the iteration on a fixed log axis (the same for every run, so runs
    compare), the training accuracy on a second axis at the right (regression has none), and
    a dotted line to move to the iteration shown. Returns the lines: cost, accuracy, dotted."""
    it = history.iterations
    cost, = ax.plot(it, history.cost, color="tab:purple", lw=1.2)
    now = ax.axvline(it[-1], color="0.4", lw=0.8, ls=":")
    pad = 0.03 * it[-1]
    ax.set(xlabel="iteration", yscale="log", ylim=COSTS, xlim=(-pad, it[-1] + pad))
    few_ticks(ax, (0, it[-1]))
    decades = 10.0 ** np.arange(np.log10(COSTS[0]), np.log10(COSTS[1]) + 1)
    ax.set_yticks(decades, labels=[f"{v:g}" for v in decades])
    ax.minorticks_off()
    ax.set_ylabel("cost (log scale)", color="tab:purple")
    if not accuracy:
        return cost, None, now
    twin = ax.twinx()
    acc, = twin.plot(it, history.accuracy, color="tab:green", lw=1.2)
    twin.set_ylim(0, 1.05)
    twin.set_yticks([0, 0.5, 1], labels=["0", "0.5", "1"])
    twin.set_ylabel("training accuracy", color="tab:green")
    return cost, acc, now


class PlaygroundExplorer(PointsExplorer):
    """A PointsExplorer whose clicks add a point of class 0 ... k-1, or (regression) a point
    with the target value of the ``target`` slider; the modes follow the ``task`` control."""

    def __init__(self, draw, controls, **kwargs):
        self.MODES = self.modes(controls["task"].value)
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

    def key(self, values, live):
        # not the clicks nor the dataset loaded: the draw's update moves the points itself
        return Explorer.key(self, values, live)

    def _on_change(self, change):
        if change["owner"] is self.controls["task"]:
            self.controls["mode"].options = self.modes(change["new"])
        if change["owner"] not in (self.controls["mode"], self.controls["target"]):
            super()._on_change(change)    # the mode and the target only matter to a click


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

    @settled_cache(64)
    def run(points, labels, task, loss, hidden, learning_rate, regularization):
        X, y = np.frombuffer(points).reshape(-1, 2), np.frombuffer(labels)
        try:
            return train_task(X, y, task, loss, hidden, learning_rate, regularization,
                              iterations, every, seed)
        except FloatingPointError as error:
            return None, str(error)

    def draw(fig, explorer, task, noise, hidden, learning_rate, regularization, loss,
             iteration, target):
        k = TASKS[task]

        def trained(noise, hidden, learning_rate, regularization, loss, load=True):
            noise = settled(noise)
            if explorer.source == (task, noise):          # the points shown, clicks and all
                X, labels = explorer.X, explorer.labels
            else:                                         # a new noise level, or a reset
                X, labels = (np.array(a, float) for a in task_data(task, n, noise, seed))
                if load:
                    explorer.load(X, labels, (task, noise))
            return run(X.tobytes(), labels.tobytes(), task,
                       loss if k else "softmax",           # regression: one key, any loss
                       hidden, learning_rate, regularization)

        def ahead(noise, hidden, learning_rate, regularization, loss, **unchanged):
            trained(noise, hidden, learning_rate, regularization, loss, load=False)

        net, history = trained(noise, hidden, learning_rate, regularization, loss)
        X, labels, extent = explorer.X, explorer.labels, _extent(explorer.X)
        left = fig.add_axes((0.07, 0.14, 0.36, 0.76))
        right = fig.add_axes((0.6, 0.14, 0.33, 0.76))
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
        else:
            dots = _plot_surface(left, fig.add_axes((0.44, 0.14, 0.015, 0.76)), X, labels,
                                 extent)
        cost_line, accuracy_line, now_line = _plot_training(right, history, accuracy=k > 0)
        title_text(right, "training: cost and accuracy" if k else "training: squared error")
        title = title_text(left, "")
        shown = {"X": X}                                 # the points drawn
        moving = [*left.images, *left.lines, *left.collections, title,
                  *filter(None, [cost_line, accuracy_line, now_line])]

        def update(noise, hidden, learning_rate, regularization, loss, iteration, **unchanged):
            net, history = trained(noise, hidden, learning_rate, regularization, loss)
            X, labels = explorer.X, explorer.labels
            if net is None or X is not shown["X"] and not moved(X, labels):
                return None                  # blown up, or the frame or legend would change
            row = history.index(iteration)
            net.params = history.parameters[row]
            explorer.net, explorer.history = net, history  # what is shown, for a notebook
            cost_line.set_data(history.iterations, history.cost)
            if k:
                left.images[0].set_data(predicted_classes(net, points).reshape(GRID, GRID))
                accuracy_line.set_data(history.iterations, history.accuracy)
                per_class = per_class_accuracy(labels, predicted_classes(net, X), k)
                text = f"accuracy {history.accuracy[row]:.0%}, per class " + ", ".join(
                    f"{c}: {a:.0%}" for c, a in enumerate(per_class) if a == a)  # a != a: none
            else:
                left.images[0].set_data(net.scores(points).reshape(GRID, GRID))
                text = "points coloured by their target, background: the net's prediction"
            shown["X"] = X
            now_line.set_xdata([history.iterations[row]] * 2)
            named = f"{task}, {LOSS_NAMES[net.loss_name]}" if k else task
            title.set_text(f"{named}: iteration {history.iterations[row]}, {len(X)} points")
            return (f"iteration {history.iterations[row]}: cost {history.cost[row]:.3f}; "
                    f"{text}"), moving

        def moved(X, labels):
            """Whether the points could be moved to new ones (a new noise level, a click): not
            if the frame or the classes shown would change."""
            if _extent(X) != extent:
                return False
            if k:
                return move_points(left, X, labels) is not None
            dots.set_offsets(X)
            dots.set_array(labels)
            return True

        live = ("noise", "hidden", "learning_rate", "regularization", "loss", "iteration",
                "target")
        return InPlace(update(noise, hidden, learning_rate, regularization, loss,
                              iteration)[0], update, live, ahead), left

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
