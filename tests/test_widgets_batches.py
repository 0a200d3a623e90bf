"""The batch explorer: its runs are real SGD runs from one start, costs are on all the data,
and the knobs change what is shown."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits import optim  # noqa: E402
from circuits.models.dense import DenseNet  # noqa: E402
from circuits.widgets.batches import (BATCH_SIZES, LEARNING_RATES, SIZES, batch_explorer,  # noqa: E402
                                      batch_runs)


def test_every_run_starts_from_the_same_weights_and_records_the_cost_on_all_points():
    runs = batch_runs()
    first = [runs.parameters[b, r][0] for b in BATCH_SIZES for r in LEARNING_RATES]
    assert all(np.array_equal(p["W1"], first[0]["W1"]) for p in first)
    net = DenseNet(SIZES, np.random.default_rng(0), loss="hinge", regularization=2e-4)
    net.params = runs.parameters[5, 0.3][-1]
    assert runs.cost[5, 0.3][-1] == pytest.approx(net.loss(runs.X, runs.y)[0], rel=1e-12)
    assert runs.accuracy[5, 0.3][-1] == net.accuracy(runs.X, runs.y)


def test_the_full_batch_run_is_plain_gradient_descent_on_all_points():
    runs = batch_runs()
    net = DenseNet(SIZES, np.random.default_rng(0), loss="hinge", regularization=2e-4)
    net.params = {k: v.copy() for k, v in runs.parameters[100, 1.0][0].items()}
    for _ in range(runs.iterations[1]):
        _, grads = net.loss(runs.X, runs.y)
        net.params = {k: optim.sgd(v, grads[k], {"learning_rate": 1.0})[0]
                      for k, v in net.params.items()}
    for name, p in runs.parameters[100, 1.0][1].items():
        np.testing.assert_allclose(net.params[name], p, rtol=1e-12, atol=1e-15)


def test_the_knobs_teach_what_the_notebook_says():
    runs = batch_runs()
    assert runs.accuracy[100, 1.0][-1] == 1.0                      # full batch, large rate: solved
    assert runs.cost[1, 1.0][-1] > 5 * runs.cost[100, 1.0][-1]     # one point a step: thrashes
    assert runs.cost[100, 0.03][-1] > 5 * runs.cost[100, 0.3][-1]  # small rate: slow


def test_moving_a_knob_changes_the_picture_and_the_readout():
    e = batch_explorer()
    picture, text = bytes(e.image.value), e.readout.value
    e.set(batch_size=1)
    assert bytes(e.image.value) != picture and e.readout.value != text
    assert "step 200" in e.readout.value and "200 examples looked at" in e.readout.value


def test_values_off_the_sliders_are_refused_with_the_choices():
    with pytest.raises(ValueError, match="batch_size must be one of"):
        batch_explorer(batch_size=7)


def test_every_knob_moves_the_picture_in_place_on_the_same_axes():
    import io

    from matplotlib.image import imread
    e = batch_explorer()
    xlim = e.figure.axes[1].get_xlim()
    for knob, value in (("iteration", 50), ("batch_size", 5), ("learning_rate", 1.0)):
        e.set(**{knob: value})
        assert e.drawn_in_place and e.figure.axes[1].get_xlim() == xlim
    runs = batch_runs()
    assert f"cost {runs.cost[5, 1.0][5]:.3f}" in e.readout.value
    assert e.figure.axes[1].lines[1].get_ydata() == pytest.approx(
        runs.cost[5, 1.0] / runs.cost[5, 1.0].max())
    fast, text = imread(io.BytesIO(e.image.value)), e.readout.value
    e.redraw(in_place=False)                   # the same picture drawn anew
    full = imread(io.BytesIO(e.image.value))
    assert e.readout.value == text and (np.abs(fast - full).sum(axis=-1) > 0.1).mean() < 0.01
