"""The regression explorer: the fits behind it are real, repeatable and regularized, and the
sliders show the fit they name."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.datasets import noisy_curve  # noqa: E402
from circuits.widgets.regression import (HIDDEN, REGULARIZATION, _curve_fits,  # noqa: E402
                                         curve_fits, curve_truth, regression_explorer)

SMALL = dict(n=12, noise=0.2, seed=3, iterations=30)


def test_curve_truth_is_the_noise_free_curve():
    x, t = noisy_curve(50, 0.0, seed=4)
    assert np.allclose(curve_truth(x[:, 0]), t)


def test_every_setting_is_fitted_and_its_errors_are_the_nets_errors():
    fits = curve_fits(**SMALL)
    assert set(fits.nets) == {(h, r) for h in HIDDEN for r in REGULARIZATION}
    net = fits.nets[4, 0.01]
    assert net.sizes == (1, 4, 1) and net.regularization == 0.01
    assert fits.training[4, 0.01] == pytest.approx(
        np.mean((net.predict(fits.x)[:, 0] - fits.t) ** 2))
    assert fits.validation[4, 0.01] == pytest.approx(
        np.mean((net.predict(fits.x_val)[:, 0] - fits.t_val) ** 2))
    assert len(fits.x_val) == 100 and not np.allclose(fits.x_val[:12], fits.x)


def test_fits_are_repeatable_and_training_lowers_the_error():
    again = _curve_fits.__wrapped__(12, 0.2, 3, 30, 0.03)    # computed afresh, not the cache
    fits = curve_fits(**SMALL)
    assert fits.training == again.training and fits is curve_fits(12, 0.2, 3, 30)
    untrained = curve_fits(**dict(SMALL, iterations=0))
    assert fits.training[8, 0.0] < untrained.training[8, 0.0]


def test_stronger_regularization_gives_smaller_weights():
    fits = curve_fits(**dict(SMALL, iterations=200))
    squared = [sum(float(np.sum(fits.nets[32, r].params[k] ** 2)) for k in ("W1", "W2"))
               for r in REGULARIZATION]
    assert squared == sorted(squared, reverse=True)


def test_the_sliders_show_the_fit_they_name():
    e = regression_explorer(hidden=2, regularization=0.1, **SMALL)
    fits = curve_fits(**SMALL)
    assert f"training error {fits.training[2, 0.1]:.3f}" in e.readout.value
    before = bytes(e.image.value)
    e.set(hidden=32, regularization=0.0)
    assert f"validation error {fits.validation[32, 0.0]:.3f}" in e.readout.value
    assert bytes(e.image.value) != before
    assert e.drawn_in_place              # both sliders move in place
    xs, ys = e.figure.axes[0].lines[-1].get_data()          # the fit drawn is the net's
    assert np.allclose(ys, fits.nets[32, 0.0].scores(xs[:, None])[:, 0])


def test_a_setting_outside_the_grid_is_refused():
    with pytest.raises(ValueError, match="hidden must be one of"):
        regression_explorer(hidden=3, **SMALL)
