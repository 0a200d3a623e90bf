"""Recurrent pictures: the gradient norms on a log scale with the decades asked, a curve moved
in place, the character loss with its moving average, and clear errors."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from circuits.plots.recurrent import (plot_char_loss, plot_gradient_norms,  # noqa: E402
                                      set_gradient_norms)


def test_gradient_norms_are_drawn_as_powers_of_ten_over_the_decades_asked(ax):
    plot_gradient_norms({"a": [1e-6, 1e-3, 1.0], "b": [1e4, 1e2, 1.0]}, ax, decades=(-8, 6))
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [-6, -3, 0])
    assert ax.get_ylim() == (-8, 6) and [t.get_text() for t in ax.get_yticklabels()] == \
        ["1e-5", "1", "1e5"]
    set_gradient_norms(ax.lines[1], [0.0, 10.0, 1.0, 0.1])       # longer, with a zero
    np.testing.assert_allclose(ax.lines[1].get_xydata(), [[0, -300], [1, 1], [2, 0], [3, -1]])
    with pytest.raises(ValueError, match="curves is empty"):
        plot_gradient_norms({}, ax)


def test_the_character_loss_has_its_moving_average(ax):
    losses = np.arange(1.0, 11.0)
    smooth = plot_char_loss(losses, ax, window=4, chance=3.0)
    np.testing.assert_allclose(smooth, np.arange(2.5, 9.0))      # the mean of 4 in a row
    np.testing.assert_allclose(ax.lines[1].get_xdata(), np.arange(3, 10))
    with pytest.raises(ValueError, match="at least window = 20 losses"):
        plot_char_loss(losses, ax, window=20)
