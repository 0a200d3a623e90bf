"""Regression pictures: the curve and the surface show exactly what ``predict`` gives, the
colour bar is there, and bad shapes are refused with plain messages."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from circuits.plots.regression import plot_errors, plot_fit, plot_surface  # noqa: E402


def test_plot_fit_draws_the_prediction_over_the_span(ax):
    x, t = np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 0.0, 2.0])
    xs, ys = plot_fit(x, t, lambda X: 3 * X - 1, ax, span=(-1, 4), n=11)
    assert xs[0] == -1 and xs[-1] == 4 and len(xs) == 11
    assert np.allclose(ys, 3 * xs - 1)
    curve = ax.lines[-1]
    assert np.allclose(curve.get_xdata(), xs) and np.allclose(curve.get_ydata(), ys)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_legend() is not None


def test_plot_fit_adds_the_truth_and_the_validation_points(ax):
    x, t = np.linspace(0, 1, 5)[:, None], np.zeros(5)
    plot_fit(x, t, lambda X: X[:, 0], ax, truth=np.sin, validation=(x + 0.5, t + 1))
    labels = [line.get_label() for line in ax.lines]
    assert labels == ["true curve", "validation points", "training points", "prediction"]
    assert np.allclose(ax.lines[0].get_ydata(), np.sin(ax.lines[0].get_xdata()))


def test_plot_fit_refuses_mismatched_targets_and_outputs(ax):
    x = np.zeros((4, 1))
    with pytest.raises(ValueError, match="x has 4 values but t has shape"):
        plot_fit(x, np.zeros(3), lambda X: X, ax)
    with pytest.raises(ValueError, match=r"output of shape \(10, 2\) for 10 points"):
        plot_fit(x, np.zeros(4), lambda X: np.hstack([X, X]), ax, n=10)


def test_plot_surface_puts_each_value_where_its_point_is(ax):
    z = plot_surface(lambda P: P[:, 0] + 10 * P[:, 1], ax, extent=(0, 1, -1, 1), n=5)
    assert z.shape == (5, 5)
    assert z[0, 0] == -10 and z[0, -1] == -9 and z[-1, 0] == 10     # rows: x1, columns: x0
    image = ax.images[0]
    assert np.array_equal(image.get_array(), z) and image.origin == "lower"
    assert len(ax.figure.axes) == 2                                  # the colour bar
    assert ax.figure.axes[1].get_ylabel() == "value"
    assert ax.get_xlabel() == "x0" and ax.get_ylabel() == "x1"


def test_plot_surface_shares_limits_and_survives_a_flat_function(ax):
    z = plot_surface(lambda P: np.zeros((len(P), 1)), ax, n=4, limits=(-1, 1),
                     colorbar=False, points=np.zeros((3, 2)), title="flat", cmap="RdBu")
    assert np.all(z == 0) and ax.images[0].get_clim() == (-1, 1)
    assert ax.images[0].get_cmap().name == "RdBu"
    assert len(ax.figure.axes) == 1 and ax.get_title() == "flat"


def test_plot_errors_spaces_the_sizes_evenly_and_marks_now(ax):
    at = plot_errors([1, 2, 4], [0.3, 0.2, 0.1], [0.4, 0.3, 0.35], ax, now=2, noise=0.25)
    assert at.tolist() == [0, 1, 2]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "4"]
    assert np.allclose(ax.lines[1].get_ydata(), [0.4, 0.3, 0.35])
    assert ax.lines[2].get_ydata()[0] == pytest.approx(0.0625)       # noise variance
    assert ax.lines[3].get_xdata()[0] == 1                           # "now" at size 2
    assert ax.get_ylim() == pytest.approx((0, 1.1 * 0.4))


def test_plot_errors_takes_a_fixed_top(ax):
    plot_errors([1, 2], [0.3, 0.2], [0.4, 0.3], ax, top=2.5)
    assert ax.get_ylim() == (0, 2.5)


def test_plot_errors_refuses_mismatched_lists(ax):
    with pytest.raises(ValueError, match="3 sizes, 2 training and 3 validation"):
        plot_errors([1, 2, 4], [0.3, 0.2], [0.4, 0.3, 0.35], ax)
    with pytest.raises(ValueError, match="now = 8 is not one of the sizes"):
        plot_errors([1, 2, 4], [0.3, 0.2, 0.1], [0.4, 0.3, 0.35], ax, now=8)
