"""The imbalance explorer: its runs are what notebook 18 says (the plain network's balanced
accuracy falls as class 1 gets rarer, the weighted one's stays high), bad choices are refused,
and both controls redraw in place."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.tuning import REMEDIES, class_weights  # noqa: E402
from circuits.widgets import sweep  # noqa: E402
from circuits.widgets.imbalance import FRACTIONS, imbalance_explorer, imbalance_runs  # noqa: E402


def test_each_share_is_the_share_of_class_1_in_training():
    runs = imbalance_runs()
    for fraction in FRACTIONS:
        run = runs[fraction, "none"]
        assert abs(run.y_train.mean() - fraction) < 0.01
        assert np.array_equal(run.y_train, runs[fraction, "class weights"].y_train)


def test_the_remedies_lift_balanced_accuracy_where_class_1_is_rare():
    runs = imbalance_runs()
    plain = [runs[f, "none"].scores["balanced accuracy"] for f in FRACTIONS]
    assert np.all(np.diff(plain) > 0)
    for fraction in FRACTIONS[:-1]:
        for remedy in REMEDIES[1:]:
            assert runs[fraction, remedy].scores["minority recall"] > \
                runs[fraction, "none"].scores["minority recall"], (fraction, remedy)
    assert np.allclose(class_weights(runs[0.5, "none"].y_train, 2), 1.0)


def test_the_explorer_redraws_every_setting_and_refuses_unknown_ones():
    explorer = imbalance_explorer()
    assert sweep(explorer) > 0
    explorer.set(fraction=0.02, remedy="class weights")
    assert "class weights: accuracy" in explorer.readout.value
    with pytest.raises(ValueError, match="fraction must be one of"):
        imbalance_explorer(fraction=0.3)


def test_both_controls_move_the_points_regions_and_bars_in_place():
    explorer = imbalance_explorer()
    explorer.set(fraction=0.2)
    explorer.set(remedy="oversampling")
    assert explorer.drawn_in_place
    run = imbalance_runs()[0.2, "oversampling"]
    points, bars = explorer.figure.axes
    assert np.allclose(points.lines[1].get_xdata(), run.X_train[run.y_train == 1, 0])
    assert f"{int(run.y_train.sum())} of {len(run.y_train)}" in points.texts[-1].get_text()
    heights = [p.get_height() for p in bars.patches]
    assert heights[2] == run.scores["accuracy"]           # measures by remedy: oversampling's
