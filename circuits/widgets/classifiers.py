"""Explorers for chapter 2: train an SVM or a small network on a 2-D dataset and watch the
decision boundary, the cost and the accuracy; click to add or remove points."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..datasets import DATASETS, loss_example, make_dataset
from ..losses import LOSSES
from ..models import linear, two_layer
from ..plots.classifier import grid, limits, plot_boundary
from ..plots.curves import plot_curves
from ..plots.neurons import plot_hidden_lines
from ..train import accuracy, gradient_descent, train
from .explorer import Explorer, InPlace, add_player, log_slider
from .points import PointsExplorer, own_points


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


def svm_explorer(dataset="guide", n=40, noise=0.0, step_size=0.01, regularization=1.0,
                 loss="hinge", iteration=400, seed=0, max_iterations=2000):
    """The linear SVM trained by SGD: scrub through the iterations, change the step size,
    the spring, the loss or the data, and see the boundary, cost and accuracy."""
    @lru_cache(maxsize=32)
    def run(dataset, noise, step_size, regularization, loss):
        X, y = make_dataset(dataset, n, noise, seed)
        picks = np.random.default_rng(seed).integers(len(y), size=max_iterations)
        return X, y, train(linear, X, y, picks, linear.START, step_size, regularization, loss)

    def draw(fig, dataset, noise, step_size, regularization, loss, iteration):
        X, y, history = run(dataset, noise, step_size, regularization, loss)
        k, warning = _shown(history, iteration)
        a, b, c = history.parameters[k]
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.3))
        plot_boundary(lambda P: linear.scores((a, b, c), P), X, y, left, legend=False)
        left.set_title(f"iteration {history.iterations[k]}", y=1)
        plot_curves(*_sane(history)[1:], right, iterations=_sane(history)[0], now=iteration)
        right.set_title("SVM cost and accuracy", y=1)
        return (warning + f"a = {a:.3g}, b = {b:.3g}, c = {c:.3g}; "
                f"training accuracy {history.accuracy[k]:.0%}, cost {history.cost[k]:.3f}")

    controls = {
        "dataset": W.Dropdown(options=list(DATASETS), value=dataset, description="dataset"),
        "noise": W.FloatSlider(value=noise, min=0, max=0.5, step=0.05, description="noise"),
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

    @lru_cache(maxsize=32)
    def run(points, labels, hidden, step_size, regularization):
        X, y = np.frombuffer(points).reshape(-1, 2), np.frombuffer(labels)
        rng = np.random.default_rng(seed)
        start = two_layer.Network(hidden, rng).parameters()
        picks = rng.integers(len(y), size=max_iterations)
        return train(two_layer, X, y, picks, start, step_size, regularization, every=every)

    def draw(fig, explorer, dataset, noise, hidden, step_size, regularization, iteration, view):
        if dataset == "your points" and explorer.source != dataset:
            explorer.load(*mine, dataset)
        elif dataset != "your points" and explorer.source != (dataset, noise):
            explorer.load(*make_dataset(dataset, n, noise, seed), (dataset, noise))
        X, y = explorer.X, explorer.labels
        history = run(X.tobytes(), y.tobytes(), hidden, step_size, regularization)
        k, warning = _shown(history, iteration)
        params = history.parameters[k]
        extent = limits(X)
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.3))
        plot_boundary(lambda P: two_layer.scores(params, P), X, y, left, extent=extent, n=50,
                      legend=False)
        if view == "boundary":
            iterations, cost, acc = _sane(history)
            plot_curves(cost, acc, right, iterations=iterations, now=iteration)
            right.set_title("cost and accuracy", y=1)
            xs, ys, grid_points = grid(extent, 50)

            def update(iteration, **unchanged):   # only the iteration moved: draw in place
                k, warning = _shown(history, iteration)
                s = two_layer.scores(history.parameters[k], grid_points).reshape(50, 50)
                left.images[0].set_data(np.clip(s, -3, 3))
                for old in left.collections:
                    old.remove()
                if s.min() < 1 and s.max() > -1:
                    left.contour(xs, ys, s, levels=[-1, 0, 1], colors="k",
                                 linestyles=["--", "-", "--"], linewidths=[0.8, 1.5, 0.8])
                right.lines[-1].set_xdata([iteration])
                return text(k, warning), [*left.images, *left.collections, *left.lines,
                                          left.title, right.lines[-1]]
        else:
            W_hidden, top, _ = two_layer.unpack(params)
            plot_hidden_lines(W_hidden, top, X, y, right, extent=extent)
            right.set_title("hidden neurons: line, firing side (weight)", y=1)
            update = None

        def text(k, warning):
            left.set_title(f"iteration {history.iterations[k]}, {len(y)} points", y=1)
            return warning + (
                f"iteration {history.iterations[k]}: training accuracy "
                f"{history.accuracy[k]:.0%}, cost {history.cost[k]:.3f}; "
                f"{int((y > 0).sum())} points +1, {int((y < 0).sum())} points -1")
        shown = text(k, warning)
        return (shown if update is None else InPlace(shown, update)), left

    controls = {
        "dataset": W.Dropdown(options=datasets, value=dataset, description="dataset"),
        "noise": W.FloatSlider(value=noise, min=0, max=0.5, step=0.05, description="noise"),
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


def cost_explorer(w0=0.1, w1=0.2, w2=0.3, regularization=0.2 / 3):
    """The SVM cost of the guide's three points: move the weights and see each example's loss,
    their mean, the regularization cost and the total."""
    X, y = loss_example()

    def draw(fig, w0, w1, w2, regularization):
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.35))
        plot_boundary(lambda P: linear.scores((w0, w1, w2), P), X, y, left,
                      extent=(-2, 4, -1.5, 3.5), legend=False)
        cost = linear.cost(X, y, [w0, w1, w2], regularization)
        names = ["example 0", "example 1", "example 2", "mean", "regularization", "total"]
        values = list(cost.losses) + [cost.losses.mean(), cost.regularization, cost.total]
        right.barh(["ex. 0", "ex. 1", "ex. 2", "mean", "reg.", "total"], values,
                   color=["0.6"] * 3 + ["0.3", "tab:orange", "tab:purple"])
        right.invert_yaxis()
        right.set(xlabel="cost", xlim=(0, max(4.0, max(values) * 1.1)))
        right.set_title(f"total cost {cost.total:.3f}", y=1)
        return "   ".join(f"{n}: {v:.3f}" for n, v in zip(names, values))

    controls = {name: W.FloatSlider(value=v, min=-2, max=2, step=0.05, description=name)
                for name, v in (("w0", w0), ("w1", w1), ("w2", w2))}
    controls["regularization"] = W.FloatSlider(value=regularization, min=0, max=1, step=0.05,
                                               description="regularization")
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)


def descent_explorer(dataset="three points", step_size=0.15, regularization=0.2 / 3,
                     iteration=100, max_iterations=400, seed=0):
    """Gradient descent on the SVM cost from the guide's w = (0.1, 0.2, 0.3): scrub through
    the steps and watch the line and the cost."""
    @lru_cache(maxsize=32)
    def run(dataset, step_size, regularization):
        X, y = loss_example() if dataset == "three points" else \
            make_dataset(dataset, 40, 0.1, seed)
        path = gradient_descent(lambda w: linear.cost_gradient(X, y, w, regularization),
                                [0.1, 0.2, 0.3], step_size, max_iterations)
        with np.errstate(all="ignore"):
            cost = [linear.cost(X, y, w, regularization).total for w in path]
            return X, y, path, np.array(cost), accuracy(linear.scores(path, X), y)

    def draw(fig, dataset, step_size, regularization, iteration):
        X, y, path, cost, acc = run(dataset, step_size, regularization)
        w = path[iteration]
        left, right = fig.subplots(1, 2, gridspec_kw=dict(bottom=0.17, wspace=0.3))
        plot_boundary(lambda P: linear.scores(w, P), X, y, left, legend=False)
        left.set_title(f"step {iteration}", y=1)
        plot_curves(cost, acc, right, now=iteration)
        right.set_title("cost and accuracy", y=1)
        return f"w = ({w[0]:.3f}, {w[1]:.3f}, {w[2]:.3f}); cost {cost[iteration]:.3f}"

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
