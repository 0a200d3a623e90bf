"""Explorers for chapter 2: train an SVM or a small network on a 2-D dataset and watch the
decision boundary, the cost and the accuracy; click to add or remove points."""
import csv
import io
from functools import lru_cache

import ipywidgets as W
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.image import imsave

from ..datasets import DATASETS, loss_example, make_dataset
from ..losses import LOSSES
from ..models import linear, two_layer
from ..plots.classifier import grid, limits, plot_boundary
from ..plots.curves import plot_curves
from ..plots.neurons import plot_hidden_lines
from ..train import accuracy, gradient_descent, train
from .explorer import Explorer, collector_paused, log_slider

try:                                   # mouse clicks on the picture, where the browser has it
    from ipyevents import Event
except ImportError:                    # pragma: no cover - clicks then come only from .click()
    Event = None


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


class PointsExplorer(Explorer):
    """An Explorer whose data can be edited by clicking: ``click(x, y)`` adds a point of the
    class chosen in ``mode`` or, in mode "remove", deletes the point nearest to (x, y)."""

    MODES = ("add +1", "add -1", "remove")

    def __init__(self, draw, controls, **kwargs):
        self.X, self.labels = np.zeros((0, 2)), np.zeros(0)
        self.source = None                         # which dataset the points came from
        self.data_axes = None                      # the axes clicks are read in
        controls = dict(controls, mode=W.ToggleButtons(options=self.MODES, value=self.MODES[0],
                                                       description="click to"),
                        reset=W.Button(description="reset points"))
        self._draw_data = draw
        super().__init__(self._draw, controls, **kwargs)
        controls["reset"].on_click(lambda _: self.reset())
        if Event is not None:
            self.events = Event(source=self.image, watched_events=["click"])
            self.events.on_dom_event(lambda e: self.click_pixel(e["dataX"], e["dataY"]))

    @property
    def values(self):
        return {name: c.value for name, c in self.controls.items()
                if name not in ("mode", "reset")}

    def load(self, X, labels, source):
        """Replace the points (and forget the clicks); ``source`` names where they came from."""
        self.X, self.labels, self.source = np.array(X, float), np.array(labels, float), source

    def reset(self):
        """Forget the clicks: back to the dataset the controls describe."""
        self.source = None
        self.redraw()

    def click(self, x, y, button=0):
        """What a mouse click at data coordinates (x, y) does (``button`` 2, the right button,
        always removes); then retrain and redraw."""
        mode = "remove" if button == 2 else self.controls["mode"].value
        if mode == "remove":
            if len(self.labels) <= 2:
                return
            nearest = int(np.argmin(np.hypot(self.X[:, 0] - x, self.X[:, 1] - y)))
            self.X, self.labels = np.delete(self.X, nearest, 0), np.delete(self.labels, nearest)
        else:
            self.X = np.vstack([self.X, [x, y]])
            self.labels = np.append(self.labels, self.label_of(mode))
        self.redraw()

    def label_of(self, mode):
        """The label a click adds in ``mode``."""
        return 1.0 if mode == "add +1" else -1.0

    def pixel_to_data(self, px, py):
        """Image pixel (from the top-left corner) -> data coordinates of the clickable axes."""
        display = (px, self.figure.bbox.height - py)
        return tuple(self.data_axes.transData.inverted().transform(display))

    def data_to_pixel(self, x, y):
        """Data coordinates -> image pixel (from the top-left corner), for tests."""
        px, py = self.data_axes.transData.transform((x, y))
        return px, self.figure.bbox.height - py

    def click_pixel(self, px, py, button=0):
        """A click on the picture at pixel (px, py); ignored outside the data axes."""
        if self.data_axes is None:
            return
        x, y = self.pixel_to_data(px, py)
        (x0, x1), (y0, y1) = self.data_axes.get_xlim(), self.data_axes.get_ylim()
        if x0 <= x <= x1 and y0 <= y <= y1:
            self.click(x, y, button)

    def _draw(self, fig, **values):
        text, self.data_axes = self._draw_data(fig, self, **values)
        return text


def own_points(points):
    """Check the student's points: (X of shape (N, 2), labels +1/-1) or the path of a CSV file
    with columns x, y, label under a header; returns (X, labels) as float arrays."""
    if isinstance(points, str) or hasattr(points, "__fspath__"):
        points = read_points(points)
    if not isinstance(points, (tuple, list)) or len(points) != 2:
        raise TypeError("points must be (X, labels) or the path of a CSV file, got "
                        f"{type(points).__name__}")
    X, labels = np.asarray(points[0], float), np.asarray(points[1], float)
    if X.ndim != 2 or X.shape[1] != 2 or labels.shape != (len(X),):
        raise ValueError(f"need X of shape (N, 2) and N labels, got X of shape {X.shape} and "
                         f"labels of shape {labels.shape}")
    if len(X) < 2 or not np.isfinite(X).all():
        raise ValueError(f"need at least 2 points with finite coordinates, got {len(X)}")
    if not np.isin(labels, (-1, 1)).all():
        others = np.setdiff1d(labels, (-1, 1))[:5].tolist()
        raise ValueError(f"labels must be +1 or -1, got {others}")
    return X, labels


def read_points(path):
    """(X, labels) from a CSV file with a header naming columns x, y and label."""
    with open(path, newline="") as file:
        rows = csv.DictReader(file)
        missing = {"x", "y", "label"} - set(rows.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: the header must name columns x, y and label; missing "
                             f"{sorted(missing)}, found {rows.fieldnames}")
        table = []
        for row in rows:
            try:
                table.append([float(row[name]) for name in ("x", "y", "label")])
            except (TypeError, ValueError):
                raise ValueError(f"{path}, line {rows.line_num}: x, y and label must be "
                                 f"numbers, got {[row[k] for k in ('x', 'y', 'label')]}") from None
    table = np.array(table, float).reshape(-1, 3)
    return table[:, :2], table[:, 2]


class LiveExplorer(PointsExplorer):
    """A PointsExplorer whose ``draw`` may leave ``self.frame``: the values it drew for and
    ``update(iteration) -> (text, changed artists)``. When only the iteration moves, those artists
    are redrawn over a cached picture of the rest (matplotlib's blitting) instead of anew."""

    frame = None

    def redraw(self):
        frame, values = self.frame, self.values
        if frame is None or frame["X"] is not self.X or frame["source"] != self.source or \
                dict(frame["values"], iteration=None) != dict(values, iteration=None):
            self.frame = None
            return super().redraw()
        with collector_paused():
            text, artists = frame["update"](values["iteration"])
            canvas = self.figure.canvas
            if "background" not in frame:          # the first step: picture all but these
                canvas = FigureCanvasAgg(self.figure)
                for artist in artists:
                    artist.set_animated(True)
                canvas.draw()
                frame["background"] = canvas.copy_from_bbox(self.figure.bbox)
            canvas.restore_region(frame["background"])
            for artist in sorted(artists, key=lambda a: a.get_zorder()):
                artist.set_animated(True)
                self.figure.draw_artist(artist)
            self.readout.value = f"<pre style='margin:0'>{text}</pre>"
            buffer = io.BytesIO()
            imsave(buffer, np.asarray(canvas.buffer_rgba()), format="png",
                   pil_kwargs={"compress_level": 1})
            self.image.value = buffer.getvalue()


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

            def update(iteration):                 # only the iteration moved: redraw in place
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
            explorer.frame = dict(values=explorer.values, X=X, source=explorer.source,
                                  update=update)
        else:
            W_hidden, top, _ = two_layer.unpack(params)
            plot_hidden_lines(W_hidden, top, X, y, right, extent=extent)
            right.set_title("hidden neurons: line, firing side (weight)", y=1)

        def text(k, warning):
            left.set_title(f"iteration {history.iterations[k]}, {len(y)} points", y=1)
            return warning + (
                f"iteration {history.iterations[k]}: training accuracy "
                f"{history.accuracy[k]:.0%}, cost {history.cost[k]:.3f}; "
                f"{int((y > 0).sum())} points +1, {int((y < 0).sum())} points -1")
        return text(k, warning), left

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
    explorer = LiveExplorer(draw, controls, figsize=(10, 4), dpi=100)
    add_player(explorer, controls["iteration"])
    return explorer


def add_player(explorer, slider, interval=100):
    """Put Play/Pause and Step above ``explorer``'s controls: Play moves ``slider`` on by one
    step every ``interval`` ms (its value is linked to the slider's), Step by one step."""
    explorer.play = W.Play(value=slider.value, min=slider.min, max=slider.max, step=slider.step,
                           interval=interval, description="play")
    explorer.play_link = W.link((explorer.play, "value"), (slider, "value"))
    explorer.step_button = W.Button(description="step", layout=W.Layout(width="80px"))
    explorer.step_button.on_click(
        lambda _: setattr(slider, "value", min(slider.value + slider.step, slider.max)))
    explorer.children = (W.HBox([explorer.play, explorer.step_button]), *explorer.children)


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
