"""Points a student edits: ``PointsExplorer`` adds a point where the picture is clicked (or
removes the nearest), and ``own_points`` reads the student's own points from arrays or a CSV
file."""
import csv

import ipywidgets as W
import numpy as np

from .explorer import Explorer

try:                                   # mouse clicks on the picture, where the browser has it
    from ipyevents import Event
except ImportError:                    # pragma: no cover - clicks then come only from .click()
    Event = None


class PointsExplorer(Explorer):
    """An Explorer whose data can be edited by clicking: ``click(x, y)`` adds a point of the
    class chosen in ``mode`` or, in mode "remove", deletes the point nearest to (x, y)."""

    MODES = ("add +1", "add -1", "remove")

    def __init__(self, draw, controls, **kwargs):
        self.X, self.labels = np.zeros((0, 2)), np.zeros(0)
        self.source = None                         # which dataset the points came from
        self.edits = 0                             # how often the points changed
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

    def key(self, values, live):
        return (*super().key(values, live), self.edits, self.source)

    def load(self, X, labels, source):
        """Replace the points (and forget the clicks); ``source`` names where they came from."""
        self.X, self.labels, self.source = np.array(X, float), np.array(labels, float), source
        self.edits += 1

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
        self.edits += 1
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
