"""The monitoring explorer: its runs are real schedule runs from one start, costs are on all
the data, the knobs teach what notebook 14 says, and bad choices are refused."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.datasets import spirals  # noqa: E402
from circuits.models.dense import DenseNet  # noqa: E402
from circuits.widgets.monitoring import (LEARNING_RATES, SCHEDULES, SIZES,  # noqa: E402
                                         make_schedule, monitoring_explorer, schedule_runs)


def test_every_run_starts_at_the_same_cost_on_all_points():
    runs = schedule_runs()
    X, y = spirals(50, 3, 0.2, 0)
    start = DenseNet(SIZES, np.random.default_rng(0)).loss(X, y)[0]
    assert {runs.cost[r, s][0] for r in LEARNING_RATES for s in SCHEDULES} == {start}


def test_each_schedule_ends_about_tenfold_lower():
    for name in SCHEDULES[1:]:
        end = make_schedule(name, 1.0, 150)(149)
        assert 0.08 < end < 0.13, name
    with pytest.raises(ValueError, match="schedule must be one of"):
        make_schedule("cosine", 1.0, 150)


def test_the_knobs_teach_what_the_notebook_says():
    runs = schedule_runs()
    final = {key: cost[-1] for key, cost in runs.cost.items()}
    assert final[0.01, "constant"] > 0.8 * runs.cost[0.01, "constant"][0]   # too low: slow
    assert final[0.01, "constant"] > 3 * final[0.3, "constant"]
    assert final[3.0, "constant"] > runs.cost[3.0, "constant"][0]           # too high: worse
    for name in SCHEDULES[1:]:                   # from a rate too high, decay rescues the run
        assert final[1.0, name] < 0.5 * final[1.0, "constant"]


def test_moving_a_knob_changes_the_picture_and_the_readout():
    explorer = monitoring_explorer()
    image, text = explorer.image.value, explorer.readout.value
    explorer.set(schedule="step decay")
    assert explorer.image.value != image and "step decay, from 1" in explorer.readout.value
    explorer.set(learning_rate=0.1)
    assert explorer.readout.value not in (text, "") and explorer.error is None


def test_both_knobs_move_the_curves_in_place_and_the_rate_axis_follows():
    runs = schedule_runs()
    explorer = monitoring_explorer()
    left, right = explorer.figure.axes
    for move in (dict(learning_rate=0.3), dict(schedule="exponential"), dict(learning_rate=3.0)):
        explorer.set(**move)
        assert explorer.drawn_in_place
        assert explorer.figure.axes == [left, right]
    constant, scheduled = left.lines
    np.testing.assert_array_equal(constant.get_ydata(), runs.cost[3.0, "constant"])
    np.testing.assert_array_equal(scheduled.get_ydata(), runs.cost[3.0, "exponential"])
    rate = right.lines[0].get_ydata()
    assert rate[0] == 3.0 and 0.25 < rate[-1] < 0.35 and right.get_ylim() == (0, 3.0 * 1.05)
    assert [t.get_text() for t in right.get_yticklabels()][-1] == "3"
    assert "exponential, from 3" in right.texts[-1].get_text()


def test_values_off_the_controls_are_refused_with_the_choices():
    with pytest.raises(ValueError, match="learning_rate must be one of"):
        monitoring_explorer(learning_rate=0.5)
    with pytest.raises(ValueError, match="schedule one of"):
        monitoring_explorer(schedule="cosine")
