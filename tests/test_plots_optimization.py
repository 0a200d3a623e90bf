"""The optimisation pictures draw what they are given, labelled."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from circuits import optim  # noqa: E402
from circuits.optimization import descent_path, optimal_gd  # noqa: E402
from circuits.plots.optimization import contour_grid, plot_distances, plot_paths  # noqa: E402


def test_paths_are_drawn_over_the_contours_with_a_legend():
    path = descent_path(optim.sgd, {"learning_rate": optimal_gd()}, (-3.5, 1.0), 20)
    ax = plot_paths({"gradient descent": path})
    line = [l for l in ax.lines if l.get_label() == "gradient descent"][0]
    assert np.allclose(line.get_xydata(), path)
    assert ax.get_xlabel() == "x1" and ax.collections          # the contour lines
    plt.close("all")


def test_distances_and_the_predicted_rate_share_a_start_on_a_log_scale():
    path = descent_path(optim.sgd, {"learning_rate": 0.3}, (-3.5, 1.0), 10)
    ax = plot_distances({"gd": path}, {"gd": 0.5})
    measured, predicted = ax.lines
    assert ax.get_yscale() == "log"
    assert measured.get_ydata()[0] == predicted.get_ydata()[0] == np.hypot(3.5, 1.0)
    assert predicted.get_ydata()[2] == np.hypot(3.5, 1.0) * 0.25
    plt.close("all")


def test_the_contour_grid_holds_the_quadratic():
    x1, x2, f = contour_grid(n=5)
    assert f.shape == (5, 5) and np.allclose(f, 0.1 * x1 ** 2 + 2 * x2 ** 2)
    plt.close("all")
