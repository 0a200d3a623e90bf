"""The optimisation pictures draw what they are given, labelled."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from circuits import optim  # noqa: E402
from circuits.optimization import descent_path, optimal_gd  # noqa: E402
from circuits.optimization import quadratic  # noqa: E402
from circuits.plots.optimization import level_curves, plot_distances, plot_paths  # noqa: E402


def test_paths_are_drawn_over_the_contours_with_a_legend():
    path = descent_path(optim.sgd, {"learning_rate": optimal_gd()}, (-3.5, 1.0), 20)
    ax = plot_paths({"gradient descent": path})
    line = [l for l in ax.lines if l.get_label() == "gradient descent"][0]
    assert np.allclose(line.get_xydata(), path)
    assert ax.get_xlabel() == "x1" and ax.get_legend() is not None
    plt.close("all")


def test_distances_and_the_predicted_rate_share_a_start_on_a_log_scale():
    path = descent_path(optim.sgd, {"learning_rate": 0.3}, (-3.5, 1.0), 10)
    ax = plot_distances({"gd": path}, {"gd": 0.5})
    measured, predicted = ax.lines
    assert ax.get_yscale() == "log"
    assert measured.get_ydata()[0] == predicted.get_ydata()[0] == np.hypot(3.5, 1.0)
    assert predicted.get_ydata()[2] == np.hypot(3.5, 1.0) * 0.25
    plt.close("all")


def test_the_level_curves_are_ellipses_of_the_quadratic_at_the_given_levels():
    curves = level_curves((0.2, 4.0), levels=(0.5, 2.0), points=50)
    assert curves.shape == (102, 2) and np.isnan(curves[50]).all() and np.isnan(curves[101]).all()
    assert np.allclose(quadratic(curves[:50]), 0.5) and np.allclose(quadratic(curves[51:101]), 2.0)
