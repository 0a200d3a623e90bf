"""plot_regions: the shading is the classifier's prediction on the grid, one colour per class;
the points are coloured by their labels; bad input gets a plain error."""
import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from circuits.datasets import spirals
from circuits.models.dense import DenseNet
from circuits.plots import grid, plot_regions
from circuits.plots.regions import CLASS_COLORS, move_points


def axes():
    return Figure().subplots()


def right_of_zero(P):
    return (P[:, 0] > 0).astype(int)


def test_the_shading_is_the_prediction_on_each_grid_point():
    X, y = spirals(20, 3, 0.1, seed=1)
    ax = axes()
    labels = plot_regions(right_of_zero, X, y, ax, extent=(-1, 1, -2, 2), n=40)
    assert labels.shape == (40, 40)
    assert (labels[:, :20] == 0).all() and (labels[:, 20:] == 1).all()    # left 0, right 1
    image = ax.get_images()[0]
    assert np.array_equal(image.get_array(), labels)
    assert tuple(image.get_extent()) == (-1, 1, -2, 2)
    assert ax.get_xlim() == (-1, 1) and ax.get_ylim() == (-2, 2)


def test_a_model_with_predict_is_drawn_by_its_predictions():
    X, y = spirals(30, 3, 0.2, seed=2)
    net = DenseNet((2, 5, 3), np.random.default_rng(0))
    extent = (-1.5, 1.5, -1.5, 1.5)
    labels = plot_regions(net, X, y, axes(), extent=extent, n=25)
    assert np.array_equal(labels.ravel(), net.predict(grid(extent, 25)[2]))


def test_each_class_has_its_own_colour_label_and_legend_entry():
    X, y = spirals(10, 4, 0.1, seed=3)
    ax = axes()
    plot_regions(None, X, y, ax)
    assert [line.get_label() for line in ax.lines] == [f"class {k}" for k in range(4)]
    assert [to_rgba(line.get_markerfacecolor()) for line in ax.lines] == \
        [to_rgba(c) for c in CLASS_COLORS[:4]]
    for k, line in enumerate(ax.lines):
        assert np.array_equal(np.column_stack(line.get_data()), X[y == k])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [f"class {k}" for k in range(4)]
    assert ax.get_xlabel() and ax.get_ylabel()


def test_class_colours_in_the_shading_match_the_points():
    X, y = np.array([[-1.0, 0.0], [1.0, 0.0]]), np.array([0, 2])
    ax = axes()
    plot_regions(lambda P: np.where(P[:, 0] > 0, 2, 0), X, y, ax, extent=(-2, 2, -1, 1), n=4)
    image = ax.get_images()[0]
    rgba = image.to_rgba(image.get_array())
    assert np.allclose(rgba[0, 0, :3], to_rgba(CLASS_COLORS[0])[:3])
    assert np.allclose(rgba[0, -1, :3], to_rgba(CLASS_COLORS[2])[:3])


def test_without_predict_only_the_points_are_drawn():
    X, y = spirals(10, 3, 0.1, seed=0)
    ax = axes()
    assert plot_regions(None, X, y, ax, legend=False) is None
    assert not ax.get_images() and ax.get_legend() is None


def test_moved_points_are_where_new_points_would_be_drawn():
    X, y = spirals(10, 3, 0.1, seed=0)
    ax = axes()
    plot_regions(None, X, y, ax)
    X2, y2 = spirals(12, 3, 0.4, seed=1)
    lines = move_points(ax, X2, y2)
    assert lines == list(ax.lines)
    for k, line in enumerate(lines):
        assert np.array_equal(np.column_stack(line.get_data()), X2[y2 == k])


def test_points_of_other_classes_are_not_moved():
    X, y = spirals(10, 3, 0.1, seed=0)
    ax = axes()
    plot_regions(None, X, y, ax)
    assert move_points(ax, X[y < 2], y[y < 2]) is None                 # class 2 gone
    assert move_points(ax, X, np.where(y == 2, 3, y)) is None          # class 3 new
    for k, line in enumerate(ax.lines):                                 # left as they were
        assert np.array_equal(np.column_stack(line.get_data()), X[y == k])
    with pytest.raises(ValueError, match=r"X of shape \(N, 2\) and N labels, got X of shape "
                                         r"\(30, 2\) and y of shape \(29,\)"):
        move_points(ax, X, y[1:])


@pytest.mark.parametrize("X, y, predict, n, error, words", [
    (np.zeros((4, 3)), [0, 1, 0, 1], right_of_zero, 10, ValueError, "shape (N, 2), got (4, 3)"),
    (np.zeros((4, 2)), [0, 1, 0], right_of_zero, 10, ValueError, "4 rows, y of shape (3,)"),
    (np.zeros((2, 2)), [0.5, 1.0], right_of_zero, 10, TypeError, "whole-number"),
    (np.zeros((2, 2)), [0, -1], right_of_zero, 10, ValueError, "from -1 to 0"),
    (np.zeros((2, 2)), [0, 1], lambda P: np.zeros(3, int), 10, ValueError, "for 100 points"),
    (np.zeros((2, 2)), [0, 1], lambda P: np.full(len(P), 12), 10, ValueError, "0 ... 9"),
    (np.zeros((2, 2)), [0, 1], "not a model", 10, TypeError, "got a str"),
    (np.zeros((2, 2)), [0, 1], right_of_zero, 1, ValueError, ">= 2, got 1"),
])
def test_bad_input_is_named(X, y, predict, n, error, words):
    with pytest.raises(error, match=words.replace("(", r"\(").replace(")", r"\)")):
        plot_regions(predict, X, y, axes(), extent=(-1, 1, -1, 1), n=n)
