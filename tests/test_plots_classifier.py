"""The classifier pictures moved in place: a Boundary (for a new model or points), Curves or
HiddenLines updated shows what one drawn afresh shows, on axes that stay the same."""
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.contour import ContourSet
from matplotlib.figure import Figure

from circuits.datasets import make_dataset
from circuits.plots.classifier import Boundary, covering, grid, plot_boundary
from circuits.plots.curves import plot_curves
from circuits.plots.neurons import plot_hidden_lines


def axes():
    return Figure().subplots()


def line(a, b, c):
    return lambda P: a * P[:, 0] + b * P[:, 1] + c


def test_a_boundary_moved_in_place_shows_the_scores_of_the_new_model():
    X, y = make_dataset("blobs", 20, 0.1, 0)
    extent = (-3, 3, -2, 2)
    ax = axes()
    boundary = Boundary(line(1, 0, 0), X, y, ax, extent, n=30, legend=False)
    limits = ax.get_xlim(), ax.get_ylim()
    changed = boundary.update(line(0.5, -2, 1))
    fresh = plot_boundary(line(0.5, -2, 1), X, y, axes(), extent, n=30, legend=False)
    assert np.array_equal(boundary.scores, fresh)
    assert np.array_equal(boundary.image.get_array(), np.clip(fresh, -3, 3))
    assert (ax.get_xlim(), ax.get_ylim()) == limits
    assert boundary.image in changed and all(dots in changed for dots in boundary.dots)
    contours = [a for a in ax.collections if isinstance(a, ContourSet)]
    assert contours == [boundary.margins] and boundary.margins in changed   # the old lines went


def test_a_boundary_far_from_every_point_draws_no_margin_lines():
    X, y = make_dataset("blobs", 20, 0.1, 0)
    ax = axes()
    boundary = Boundary(line(1, 0, 0), X, y, ax, (-3, 3, -2, 2), n=20)
    boundary.update(line(0, 0, 5))                      # score 5 everywhere: no line to draw
    assert boundary.margins is None and not ax.collections
    assert ax.get_legend() in boundary.update(line(1, 1, 0))   # drawn over the shading too


def test_curves_updated_in_place_match_curves_drawn_anew_within_a_fixed_span():
    cost, acc = np.array([4.0, 2.0, 1.0, 0.5]), np.array([0.5, 0.6, 0.9, 1.0])
    ax = axes()
    curves = plot_curves(cost, acc, ax, iterations=[0, 10, 20, 30], now=10, span=(0, 100))
    xlim = ax.get_xlim()
    assert xlim[0] < 0 and xlim[1] > 100
    changed = curves.update(cost[:2] * 10, acc[:2], iterations=[0, 10], now=50)
    assert ax.get_xlim() == xlim and curves.now.get_xdata()[0] == 50
    assert curves.cost.get_ydata() == pytest.approx([1.0, 0.5])
    assert curves.now in changed and ax.get_legend() not in changed


def test_the_curves_legend_lies_above_every_curve_so_moved_curves_never_cover_it():
    ax = axes()
    curves = plot_curves([4.0, 2.0, 1.0], [0.5, 1.0, 1.0], ax, now=1)
    ax.figure.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    top_of_curves = ax.transData.transform((0, 1.0))[1]      # accuracy and scaled cost <= 1
    assert legend.y0 > top_of_curves
    assert curves.now.get_window_extent().y1 < legend.y0
    assert [t.get_text() for t in ax.get_legend().get_texts()] == \
        ["training accuracy", "cost / its largest"]


def test_a_long_run_is_drawn_with_every_kth_point():
    cost, acc = np.linspace(4.0, 1.0, 2001), np.linspace(0.5, 1.0, 2001)
    curves = plot_curves(cost, acc, axes())
    shown = curves.cost.get_xdata()
    assert len(shown) <= 500 and shown[0] == 0 and set(np.diff(shown)) == {5}
    assert curves.accuracy.get_ydata() == pytest.approx(acc[::5])
    assert curves.cost.get_ydata() == pytest.approx(cost[::5] / 4.0)


def test_curves_without_a_legend_refuse_a_new_scale_in_place():
    ax = axes()
    curves = plot_curves([2.0, 1.0], [0.5, 1.0], ax, legend=False)
    assert curves.update([2.0, 0.5], [0.5, 1.0]) is not None        # same largest cost
    assert curves.update([3.0, 0.5], [0.5, 1.0]) is None            # its y label would change
    assert "cost / 2 " in ax.get_ylabel()


def test_hidden_lines_moved_in_place_count_the_neurons_firing_like_a_fresh_picture():
    X, y = make_dataset("xor", 20, 0.1, 0)
    extent = (-2, 2, -2, 2)
    W0, W1 = np.array([[1.0, 0, 0], [0, 1, 0]]), np.array([[1.0, 1, 0], [1, -1, 0.5], [0, 1, 1]])
    ax = axes()
    lines = plot_hidden_lines(W0, [1.0, -1.0], X, y, ax, extent, n=20)
    changed = lines.update(W1, [0.5, 1.0, -2.0])
    _, _, points = grid(extent, 20)
    firing = (points @ W1[:, :2].T + W1[:, 2] > 0).sum(axis=1).reshape(20, 20)
    assert np.array_equal(lines.image.get_array(), firing) and lines.image.get_clim() == (0, 3)
    assert [t.get_text() for t in ax.texts if t.get_text()] == ["1 (+0.5)", "2 (+1.0)", "3 (-2.0)"]
    assert all(mark in changed for mark in lines.marks) and len(lines.marks) == 9


def test_a_picture_moved_in_place_looks_like_one_drawn_anew():
    X, y = make_dataset("two moons", 30, 0.1, 0)
    pictures = []
    for first in (line(1, 0, 0), None):
        fig = Figure(figsize=(4, 3), dpi=80)
        boundary = Boundary(first or line(0.5, -2, 1), X, y, fig.subplots(), n=30)
        if first is not None:
            boundary.update(line(0.5, -2, 1))
        FigureCanvasAgg(fig).draw()
        pictures.append(np.asarray(fig.canvas.buffer_rgba(), float))
    assert np.abs(pictures[0] - pictures[1]).max() == 0


def test_a_boundary_moves_its_points_in_place_like_one_drawn_for_them():
    X0, y0 = make_dataset("two moons", 30, 0.0, 0)
    X, y = make_dataset("two moons", 30, 0.3, 0)
    extent = (-2.5, 3.5, -2, 2.5)
    pictures = []
    for first in ((X0, y0), (X, y)):
        fig = Figure(figsize=(4, 3), dpi=80)
        boundary = Boundary(line(1, 0, 0), *first, fig.subplots(), extent, n=30)
        changed = boundary.update(line(1, 0, 0), X, y)
        assert all(dots in changed for dots in boundary.dots)
        FigureCanvasAgg(fig).draw()
        pictures.append(np.asarray(fig.canvas.buffer_rgba(), float))
    assert np.abs(pictures[0] - pictures[1]).max() == 0
    plus, minus = boundary.dots
    assert plus.get_xydata().tolist() == X[y == 1].tolist()
    assert minus.get_xydata().tolist() == X[y == -1].tolist()


def test_covering_keeps_an_extent_that_holds_the_points_and_grows_one_that_does_not():
    X = np.array([[0.0, 0.0], [1.0, 2.0]])
    assert covering((-1, 2, -1, 3), X) == (-1, 2, -1, 3)
    assert covering((-1, 0.5, 0.5, 3), X, pad=0.5) == (-1, 1.5, -0.5, 3)
    assert covering(None, X, pad=0.5) == (-0.5, 1.5, -0.5, 2.5)
