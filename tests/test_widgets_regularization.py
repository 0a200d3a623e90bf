"""The regularisation explorers: their cached runs show what notebook 17 says (zeros grow with
the L1 strength, group shrinkage switches whole units off, dropout narrows the gap), moving a
knob changes picture and readout, and values off the controls are refused."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.plots.classifier import grid, limits  # noqa: E402
from circuits.regularization import unit_norms  # noqa: E402
from circuits.widgets.regularization import (DROPOUT, STRENGTHS, dropout_explorer,  # noqa: E402
                                             dropout_runs, overfit_data, penalty_explorer,
                                             penalty_runs, train_dropout)


def test_the_split_is_few_training_points_and_a_larger_validation_set():
    X, y, X_val, y_val = overfit_data(0)
    assert X.shape == (40, 2) and X_val.shape == (200, 2) and set(y) == set(y_val) == {0, 1}


def test_the_cached_runs_show_what_the_notebook_says():
    runs = penalty_runs(0)
    zeros = [sum(int(np.sum(runs["L1", s].net.params[k] == 0)) for k in ("W1", "W2"))
             for s in STRENGTHS]
    assert zeros[0] == 0 and all(a < b for a, b in zip(zeros, zeros[1:]))
    assert all(np.all(runs["L2", s].net.params["W1"] != 0) for s in STRENGTHS)
    off = [int(np.sum(unit_norms(runs["group", s].net.params["W1"]) == 0)) for s in STRENGTHS]
    assert off[0] == 0 and off[-1] > off[1] and off[-1] < 32
    gap = {p: r.history.accuracy[-1] - r.history.validation_accuracy[-1]
           for p, r in dropout_runs(0).items()}
    assert gap[0.5] < gap[0.0]


def test_dropout_narrows_the_gap_on_six_seeds():
    for seed in range(6):
        plain, dropped = (train_dropout(p, seed)[1] for p in (0.0, 0.5))
        gaps = [h.accuracy[-1] - h.validation_accuracy[-1] for h in (plain, dropped)]
        assert gaps[1] < gaps[0], seed


def test_moving_a_knob_changes_the_picture_and_the_readout():
    explorer = penalty_explorer()
    image, text = explorer.image.value, explorer.readout.value
    explorer.set(kind="group")
    assert explorer.image.value != image and "group, strength 0.003" in explorer.readout.value
    explorer.set(strength=0.0)
    assert "0 weights exactly 0" in explorer.readout.value and explorer.readout.value != text
    explorer = dropout_explorer()
    text = explorer.readout.value
    explorer.set(p=DROPOUT[0])
    assert explorer.readout.value != text and explorer.error is None


def test_both_penalty_controls_and_the_dropout_slider_are_drawn_in_place():
    explorer = penalty_explorer()
    for move in ({"strength": 0.03}, {"kind": "group"}, {"strength": 0.0}):
        explorer.set(**move)
        assert explorer.drawn_in_place, move
    histogram, regions = explorer.figure.axes
    assert not histogram.patches[-1].get_visible()          # strength 0: no zeros, no red bar
    net = penalty_runs(0)["group", 0.0].net
    points = grid(limits(overfit_data(0)[0], pad=0.2), 100)[2]
    assert np.array_equal(regions.images[0].get_array().ravel(), net.predict(points))
    explorer = dropout_explorer()
    explorer.set(p=0.1)
    explorer.set(p=0.7)
    assert explorer.drawn_in_place
    history = dropout_runs(0)[0.7].history
    assert np.allclose(explorer.figure.axes[0].lines[3].get_ydata(), history.validation_accuracy)


def test_values_off_the_controls_are_refused_with_the_choices():
    with pytest.raises(ValueError, match="kind must be one of"):
        penalty_explorer(kind="L3")
    with pytest.raises(ValueError, match="strength must be one of"):
        penalty_explorer(strength=0.5)
    with pytest.raises(ValueError, match="p must be one of"):
        dropout_explorer(p=0.9)
