"""Explorers for chapter 2: train an SVM or a small network on a 2-D dataset and watch the
decision boundary, the cost and the accuracy; click to add or remove points."""
from functools import lru_cache, partial

import ipywidgets as W
import numpy as np

from ..datasets import DATASETS, loss_example, make_dataset
from ..losses import LOSSES
from ..models import linear, two_layer
from ..plots.classifier import Boundary, covering, limits, set_points
from ..plots.curves import plot_curves
from ..plots.neurons import plot_hidden_lines
from ..train import History, accuracy, gradient_descent, train
from ..train import cost as cost_rows
from .explorer import Explorer, InPlace, add_player, log_slider, settled, settled_cache
from .points import PointsExplorer, own_points

NOISE = dict(min=0.0, max=0.5, step=0.05)       # the noise slider's range


@lru_cache(maxsize=64)
def _plane(dataset, n, seed):
    """The extent holding ``dataset`` at every noise level the slider offers: the plane stays
    put while the noise moves."""
    levels = np.linspace(NOISE["min"], NOISE["max"],
                         round((NOISE["max"] - NOISE["min"]) / NOISE["step"]) + 1)
    return limits(np.vstack([make_dataset(dataset, n, noise, seed)[0] for noise in levels]))


def _shown(history, iteration):
    """The row of ``history`` to show at ``iteration`` (the last sane one if training blew up),
    and a warning when it did."""
    k = history.index(iteration)
    if history.diverged_at is None or history.iterations[k] < history.diverged_at:
        return k, ""
    k = max(history.index(history.diverged_at) - 1, 0)
    return k, (f"training diverged at step {history.diverged_at}: the step size is too large. ")


def _sane(history):
    """Cost and accuracy up to where training blew up, for the curves."""
    end = len(history.cost) if history.diverged_at is None else history.index(history.diverged_at)
    return history.iterations[:end], history.cost[:end], history.accuracy[:end]


def _training(fig, model, X, y, history, iteration, extent=None, n=60, curves=True):
    """The boundary at ``iteration`` (left) and, with ``curves``, the cost and accuracy up to
    where training blew up (right, over every iteration); and ``move(history, iteration, X=None,
    y=None) -> (row shown, warning, artists changed)`` to show another run, iteration or points
    in place."""
    left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.3))
    k, _ = _shown(history, iteration)
    boundary = Boundary(partial(model.scores, history.parameters[k]), X, y, left, extent,
                        n, legend=False)
    iterations, cost, acc = _sane(history)
    span = (history.iterations[0], history.iterations[-1])
    lines = plot_curves(cost, acc, right, iterations, iteration, span=span) if curves else None

    def move(history, iteration, X=None, y=None):
        k, warning = _shown(history, iteration)
        artists = boundary.update(partial(model.scores, history.parameters[k]), X, y)
        if lines is not None:
            iterations, cost, acc = _sane(history)
            artists += lines.update(cost, acc, iterations, iteration)
        return k, warning, artists + [left.title]
    return left, right, move


def svm_explorer(dataset="guide", n=40, noise=0.0, step_size=0.01, regularization=1.0,
                 loss="hinge", iteration=400, seed=0, max_iterations=2000):
    """The linear SVM trained by SGD: scrub through the iterations, change the step size,
    the spring, the loss or the data, and see the boundary, cost and accuracy."""
    @settled_cache(32)
    def run(dataset, noise, step_size, regularization, loss):
        X, y = make_dataset(dataset, n, noise, seed)
        picks = np.random.default_rng(seed).integers(len(y), size=max_iterations)
        return X, y, train(linear, X, y, picks, linear.START, step_size, regularization, loss)

    def ahead(dataset, noise, step_size, regularization, loss, iteration):
        run(dataset, noise, step_size, regularization, loss)

    def draw(fig, dataset, noise, step_size, regularization, loss, iteration):
        X, y, history = run(dataset, noise, step_size, regularization, loss)
        extent = covering(_plane(dataset, n, seed), X)
        left, right, move = _training(fig, linear, X, y, history, iteration, extent)
        right.set_title("SVM cost and accuracy", y=1)

        def update(dataset, noise, step_size, regularization, loss, iteration):   # in place
            X, y, history = run(dataset, noise, step_size, regularization, loss)
            if covering(extent, X) != extent:
                return None                 # points off the plane: drawn anew, wider
            k, warning, artists = move(history, iteration, X, y)
            return text(history, k, warning), artists

        def text(history, k, warning):
            a, b, c = history.parameters[k]
            left.set_title(f"iteration {history.iterations[k]}", y=1)
            return (warning + f"a = {a:.3g}, b = {b:.3g}, c = {c:.3g}; "
                    f"training accuracy {history.accuracy[k]:.0%}, cost {history.cost[k]:.3f}")
        return InPlace(text(history, *_shown(history, iteration)), update,
                       live=("noise", "step_size", "regularization", "iteration"), ahead=ahead)

    controls = {
        "dataset": W.Dropdown(options=list(DATASETS), value=dataset, description="dataset"),
        "noise": W.FloatSlider(value=noise, description="noise", **NOISE),
        "step_size": log_slider(step_size, -3, 0, "step size"),
        "regularization": log_slider(regularization, -3, 1, "regularization"),
        "loss": W.Dropdown(options=LOSSES, value=loss, description="loss"),
        "iteration": W.IntSlider(value=iteration, min=0, max=max_iterations, step=25,
                                 description="iteration"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)


def network_playground(dataset="two moons", n=60, noise=0.1, hidden=6, step_size=0.1,
                       regularization=0.001, iteration=2000, view="boundary", seed=0,
                       max_iterations=2000, points=None):
    """A 2-layer ReLU network on a dataset you choose and edit by clicking; scrub through
    the training, see the boundary, the cost and accuracy, or what each hidden neuron does.
    ``points``: your own (X, labels +1/-1) or a CSV path (columns x, y, label)."""
    every = 50
    mine = None if points is None else own_points(points)
    datasets = list(DATASETS) + ([] if mine is None else ["your points"])
    dataset = dataset if mine is None else "your points"

    @settled_cache(32)
    def run(points, labels, hidden, step_size, regularization):
        X, y = np.frombuffer(points).reshape(-1, 2), np.frombuffer(labels)
        rng = np.random.default_rng(seed)
        start = two_layer.Network(hidden, rng).parameters()
        picks = rng.integers(len(y), size=max_iterations)
        return train(two_layer, X, y, picks, start, step_size, regularization, every=every)

    def data_and_plane(explorer, dataset, noise, load=True):
        """The points the controls name (loaded unless they are: clicks on them stay, and
        without ``load`` nothing is), and the plane to show them on."""
        source = dataset if dataset == "your points" else (dataset, settled(noise))
        if explorer.source == source:
            X, y = explorer.X, explorer.labels
        else:
            X, y = (np.array(a, float) for a in (mine if dataset == "your points" else
                                                 make_dataset(dataset, n, source[1], seed)))
            if load:
                explorer.load(X, y, source)
        plane = None if dataset == "your points" else _plane(dataset, n, seed)
        return X, y, covering(plane, X)

    def trained(X, y, hidden, step_size, regularization):
        return run(X.tobytes(), y.tobytes(), hidden, step_size, regularization)

    def ahead(dataset, noise, hidden, step_size, regularization, **unchanged):
        trained(*data_and_plane(explorer, dataset, noise, load=False)[:2], hidden, step_size,
                regularization)

    def draw(fig, explorer, dataset, noise, hidden, step_size, regularization, iteration, view):
        X, y, extent = data_and_plane(explorer, dataset, noise)
        history = trained(X, y, hidden, step_size, regularization)
        left, right, move = _training(fig, two_layer, X, y, history, iteration, extent, 50,
                                      curves=view == "boundary")
        if view == "boundary":
            right.set_title("cost and accuracy", y=1)
            neurons = None
        else:
            W_hidden, top, _ = two_layer.unpack(history.parameters[_shown(history, iteration)[0]])
            neurons = plot_hidden_lines(W_hidden, top, X, y, right, extent=extent)
            right.set_title("hidden neurons: line, firing side (weight)", y=1)

        def update(dataset, noise, hidden, step_size, regularization, iteration, view):
            X, y, plane = data_and_plane(explorer, dataset, noise)   # new noise: new points
            if plane != extent:
                return None                 # points off the plane: drawn anew, wider
            history = trained(X, y, hidden, step_size, regularization)
            k, warning, artists = move(history, iteration, X, y)
            if neurons is not None:
                set_points(neurons.dots, X, y)
                artists += neurons.update(*two_layer.unpack(history.parameters[k])[:2])
            return text(history, k, warning, y), artists

        def text(history, k, warning, y):
            left.set_title(f"iteration {history.iterations[k]}, {len(y)} points", y=1)
            return warning + (
                f"iteration {history.iterations[k]}: training accuracy "
                f"{history.accuracy[k]:.0%}, cost {history.cost[k]:.3f}; "
                f"{int((y > 0).sum())} points +1, {int((y < 0).sum())} points -1")
        shown = InPlace(text(history, *_shown(history, iteration), y), update,
                        live=("noise", "hidden", "step_size", "regularization", "iteration"),
                        ahead=ahead)
        return shown, left

    controls = {
        "dataset": W.Dropdown(options=datasets, value=dataset, description="dataset"),
        "noise": W.FloatSlider(value=noise, description="noise", **NOISE),
        "hidden": W.IntSlider(value=hidden, min=1, max=8, description="hidden"),
        "step_size": log_slider(step_size, -3, 0, "step size"),
        "regularization": log_slider(regularization, -4, 0, "regularization"),
        "iteration": W.IntSlider(value=iteration, min=0, max=max_iterations, step=every,
                                 description="iteration"),
        "view": W.Dropdown(options=["boundary", "hidden neurons"], value=view,
                           description="show"),
    }
    explorer = PointsExplorer(draw, controls, figsize=(10, 4), dpi=100)
    add_player(explorer, controls["iteration"])
    return explorer


def _bar_end(values):
    """Where the cost axis ends: 4, or 4 times the power of two that fits the longest bar."""
    return 4.0 * 2 ** int(np.ceil(np.log2(max(max(values) * 1.1 / 4, 1))))


def _signed(v):
    return f"{'-' if v < 0 else '+'} {abs(v):.2f}"


def cost_explorer(w0=0.1, w1=0.2, w2=0.3, regularization=0.2 / 3):
    """The SVM cost of the guide's three points: move the weights and see each example's loss,
    their mean, the regularization cost and the total."""
    X, y = loss_example()
    names = ["example 0", "example 1", "example 2", "mean loss", "regularization", "total"]

    def pieces(w, regularization):
        cost = linear.cost(X, y, w, regularization)
        return list(cost.losses) + [cost.losses.mean(), cost.regularization, cost.total]

    def draw(fig, w0, w1, w2, regularization):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.45))
        boundary = Boundary(partial(linear.scores, (w0, w1, w2)), X, y, left,
                            extent=(-2, 4, -1.5, 3.5), legend=False)
        values = pieces((w0, w1, w2), regularization)
        bars = right.barh(names, values, color=["0.6"] * 3 + ["0.3", "tab:orange", "tab:purple"])
        labels = [right.text(v, i, "", va="center", fontsize="small") for i, v in
                  enumerate(values)]
        right.invert_yaxis()
        end = _bar_end(values)
        right.set(xlabel="cost", xlim=(0, end))

        def update(w0, w1, w2, regularization):
            values = pieces((w0, w1, w2), regularization)
            if _bar_end(values) != end:
                return None                 # the cost axis grows or shrinks: drawn anew
            artists = boundary.update(partial(linear.scores, (w0, w1, w2)))
            return text((w0, w1, w2), values), artists + [*bars, right.spines["left"], *labels,
                                                          left.title, right.title]

        def text(w, values):
            for bar, label, v in zip(bars, labels, values):
                bar.set_width(v)
                label.set_x(v)
                label.set_text(f" {v:.3f}")
            left.set_title(f"score = {w[0]:.2f} x {_signed(w[1])} y {_signed(w[2])}", y=1)
            right.set_title(f"total cost {values[-1]:.3f}", y=1)
            return "   ".join(f"{n}: {v:.3f}" for n, v in zip(names, values))
        return InPlace(text((w0, w1, w2), values), update,
                       live=("w0", "w1", "w2", "regularization"))

    controls = {name: W.FloatSlider(value=v, min=-2, max=2, step=0.05, description=name)
                for name, v in (("w0", w0), ("w1", w1), ("w2", w2))}
    controls["regularization"] = W.FloatSlider(value=regularization, min=0, max=1, step=0.05,
                                               description="regularization")
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)


def descent_explorer(dataset="three points", step_size=0.15, regularization=0.2 / 3,
                     iteration=100, max_iterations=400, seed=0):
    """Gradient descent on the SVM cost from the guide's w = (0.1, 0.2, 0.3): scrub through
    the steps and watch the line and the cost."""
    @settled_cache(32)
    def run(dataset, step_size, regularization):
        X, y = loss_example() if dataset == "three points" else \
            make_dataset(dataset, 40, 0.1, seed)
        path = gradient_descent(lambda w: linear.cost_gradient(X, y, w, regularization),
                                [0.1, 0.2, 0.3], step_size, max_iterations)
        with np.errstate(all="ignore"):
            acc = accuracy(linear.scores(path, X), y)
        return X, y, History(np.arange(len(path)), path,
                             cost_rows(linear, path, X, y, regularization), acc)

    def ahead(dataset, step_size, regularization, iteration):
        run(dataset, step_size, regularization)

    def draw(fig, dataset, step_size, regularization, iteration):
        X, y, history = run(dataset, step_size, regularization)
        left, right, move = _training(fig, linear, X, y, history, iteration)
        right.set_title("cost and accuracy", y=1)

        def update(dataset, step_size, regularization, iteration):   # the data stay: in place
            history = run(dataset, step_size, regularization)[2]
            k, warning, artists = move(history, iteration)
            return text(history, k, warning), artists

        def text(history, k, warning):
            w = history.parameters[k]
            left.set_title(f"step {k}", y=1)
            return warning + f"w = ({w[0]:.3f}, {w[1]:.3f}, {w[2]:.3f}); cost {history.cost[k]:.3f}"
        return InPlace(text(history, *_shown(history, iteration)), update,
                       live=("step_size", "regularization", "iteration"), ahead=ahead)

    controls = {
        "dataset": W.Dropdown(options=["three points", "guide", "blobs"], value=dataset,
                              description="dataset"),
        "step_size": log_slider(step_size, -3, 0, "step size"),
        "regularization": W.FloatSlider(value=regularization, min=0, max=1, step=0.05,
                                        description="regularization"),
        "iteration": W.IntSlider(value=iteration, min=0, max=max_iterations, step=5,
                                 description="step"),
    }
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
