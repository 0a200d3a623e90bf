"""The multiclass explorer: its runs are the package's training, its readout says how many
points still pull, the SVM stops pulling on points beyond the margin while softmax never does,
and the iteration slider moves the regions in place."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.layers import svm_loss  # noqa: E402
from circuits.widgets.multiclass import (multiclass_explorer, pulling_share,  # noqa: E402
                                         training_runs)

SMALL = dict(iterations=200, every=50)


def test_every_run_is_recorded_and_learns():
    X, y, runs = training_runs(0.2, 0, **SMALL)
    assert set(runs) == {(m, l) for m in ("linear", "2-layer net, 100 hidden")
                         for l in ("softmax", "svm")}
    for net, history in runs.values():
        assert history.iterations.tolist() == [0, 50, 100, 150, 200]
        assert history.cost[-1] < history.cost[0] and history.accuracy[-1] > 0.4


def test_pulling_share_counts_the_rows_of_dscores_that_are_not_zero():
    X, y, runs = training_runs(0.2, 0, **SMALL)
    net = runs["2-layer net, 100 hidden", "svm"][0]
    _, dscores = svm_loss(net.scores(X), y)
    assert pulling_share(net, X, y) == np.mean([row.any() for row in dscores])
    assert pulling_share(net, X, y) < 1.0                   # some points beyond the margin
    assert pulling_share(runs["2-layer net, 100 hidden", "softmax"][0], X, y) == 1.0


def test_the_readout_follows_the_controls():
    e = multiclass_explorer(**SMALL, iteration=200)
    X, y, runs = training_runs(0.2, 0, **SMALL)
    e.set(model="linear", loss="svm")
    history = runs["linear", "svm"][1]
    assert f"training accuracy {history.accuracy[-1]:.0%}" in e.readout.value
    picture = bytes(e.image.value)
    e.set(iteration=0)
    assert "iteration 0:" in e.readout.value and bytes(e.image.value) != picture


def test_the_iteration_moves_the_regions_in_place_to_that_snapshot():
    e = multiclass_explorer(**SMALL, iteration=200)
    e.set(iteration=100)
    assert e.drawn_in_place
    X, y, runs = training_runs(0.2, 0, **SMALL)
    net, history = runs["2-layer net, 100 hidden", "softmax"]
    image = e.figure.axes[0].images[0]
    x0, x1, y0, y1 = image.get_extent()
    xx, yy = np.meshgrid(np.linspace(x0, x1, 50), np.linspace(y0, y1, 50))
    trained, net.params = net.params, history.parameters[history.index(100)]
    try:
        expected = net.predict(np.column_stack([xx.ravel(), yy.ravel()])).reshape(50, 50)
    finally:
        net.params = trained
    assert np.array_equal(image.get_array(), expected)
    assert e.figure.axes[1].lines[-1].get_xdata()[0] == 100      # the marker on the curves
