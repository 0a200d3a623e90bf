"""The grown playground: every task draws, clicks add points of the chosen class (or target)
and retrain, the click modes follow the task, bad input is refused with a clear message."""
import io

import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits.widgets import dense_playground  # noqa: E402
from circuits.widgets.playground import TASKS, task_data, train_task  # noqa: E402


def small(**kwargs):
    return dense_playground(**{"n": 40, "hidden": 6, "iterations": 60, "iteration": 60,
                               "every": 10, **kwargs})


@pytest.mark.parametrize("task", list(TASKS))
def test_each_task_draws_its_points_regions_and_curves(task):
    e = small(task=task)
    assert e.error is None and bytes(e.image.value).startswith(b"\x89PNG")
    X, labels = task_data(task, 40, 0.1, 0)
    assert np.array_equal(e.X, X) and np.array_equal(e.labels, labels)
    assert ("accuracy" in e.readout.value) == (task != "regression")
    left = e.data_axes
    assert left.get_xlabel() == "x" and left.get_ylabel() == "y"
    if task != "regression":                  # one legend entry per class
        entries = [t.get_text() for t in left.get_legend().get_texts()]
        assert entries == [f"class {c}" for c in range(TASKS[task])]
    else:                                     # a colour bar beside the surface
        assert len(e.figure.axes) == 3


def test_click_adds_a_point_of_the_chosen_class_and_retrains():
    e = small(task="3 classes")
    n, picture, before = len(e.labels), bytes(e.image.value), e.history
    assert e.controls["mode"].options == ("add class 0", "add class 1", "add class 2", "remove")
    e.controls["mode"].value = "add class 2"
    e.click(0.9, -0.9)
    assert len(e.labels) == n + 1 and e.labels[-1] == 2 and e.X[-1].tolist() == [0.9, -0.9]
    assert bytes(e.image.value) != picture and e.history is not before
    _, again = train_task(e.X, e.labels, "3 classes", hidden=6, iterations=60, every=10)
    assert np.array_equal(e.history.cost, again.cost)      # trained on the new points
    assert e.net.predict(np.array([[0.9, -0.9]])).shape == (1,)


def test_a_regression_click_adds_the_target_of_the_slider():
    e = small(task="regression")
    assert e.controls["mode"].options == ("add point", "remove")
    e.set(target=-0.7)
    n = len(e.labels)
    e.click(0.1, 0.2)
    assert len(e.labels) == n + 1 and e.labels[-1] == pytest.approx(-0.7)
    e.controls["mode"].value = "remove"
    e.click(0.1, 0.2)
    assert len(e.labels) == n and not np.any(np.all(e.X == [0.1, 0.2], axis=1))


def test_changing_the_task_changes_the_modes_and_the_data_and_redraws_once():
    e = small(task="2 classes")
    redraws = []
    original = e.redraw
    e.redraw = lambda: (redraws.append(1), original())
    e.set(task="4 classes")
    assert len(redraws) == 1
    assert e.controls["mode"].options[:4] == tuple(f"add class {c}" for c in range(4))
    assert set(e.labels.tolist()) == {0, 1, 2, 3}


def test_hinge_means_one_score_for_two_classes_and_the_multiclass_svm_for_more():
    X, y = task_data("2 classes", 40, 0.1)
    net, history = train_task(X, y, "2 classes", "hinge", hidden=6, iterations=50)
    assert net.loss_name == "hinge" and net.sizes == (2, 6, 1)
    assert history.accuracy[-1] > 0.7                     # labels 0/1 were trained as -1/+1
    X, y = task_data("3 classes", 60, 0.1)
    net, _ = train_task(X, y, "3 classes", "hinge", hidden=6, iterations=5)
    assert net.loss_name == "svm" and net.sizes == (2, 6, 3)


def test_a_learning_rate_that_blows_up_is_reported_not_raised():
    e = small(task="regression", hidden=32, learning_rate=3.0)
    assert e.error is None and "lower the learning rate" in e.readout.value
    e.set(learning_rate=0.1)
    assert "cost" in e.readout.value and e.history is not None


def test_bad_input_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match=r"task must be one of .*'3 classes'.*got '5 classes'"):
        dense_playground(task="5 classes")
    with pytest.raises(ValueError, match="every <= iterations, got every=0"):
        dense_playground(every=0)
    with pytest.raises(ValueError, match=r"iteration must lie in \[0, 300\] .*got 400"):
        dense_playground(iteration=400)
    with pytest.raises(ValueError, match=r"hidden must lie in \[1, 40\] \(the slider.s range\)"):
        dense_playground(hidden=0)
    with pytest.raises(ValueError, match=r"learning_rate must lie in \[0.001, 3.16\].*got 5"):
        dense_playground(learning_rate=5)
    X, y = task_data("3 classes", 30, 0.1)
    with pytest.raises(ValueError, match="loss must be 'softmax' or 'hinge', got 'mse'"):
        train_task(X, y, "3 classes", "mse")


def pixels(explorer):
    from matplotlib.image import imread
    return imread(io.BytesIO(explorer.image.value))


def drawn_anew(explorer):
    """The picture and readout of the same controls drawn from scratch."""
    explorer.redraw(in_place=False)
    return pixels(explorer), explorer.readout.value


@pytest.mark.parametrize("task, control, value", [
    ("2 classes", "iteration", 20), ("regression", "iteration", 20), ("3 classes", "hidden", 3),
    ("4 classes", "learning_rate", 0.3), ("regression", "hidden", 3),
    ("regression", "regularization", 0.1), ("2 classes", "loss", "softmax"),
    ("3 classes", "noise", 0.4), ("regression", "noise", 0.4)])
def test_sliders_move_the_picture_in_place_as_it_would_be_drawn_anew(task, control, value):
    e = small(task=task, loss="hinge")
    e.set(**{control: value})
    assert e.drawn_in_place
    assert e.history is not None and e.net.sizes[1] == e.controls["hidden"].value
    row = e.history.index(e.controls["iteration"].value)
    assert all(np.array_equal(e.net.params[k], e.history.parameters[row][k]) for k in e.net.params)
    X, labels = task_data(task, 40, e.controls["noise"].value, 0)
    assert np.array_equal(e.X, X) and np.array_equal(e.labels, labels)
    fast, text = pixels(e), e.readout.value
    full, full_text = drawn_anew(e)
    assert text == full_text and (np.abs(fast - full).sum(axis=-1) > 0.1).mean() < 0.01


def test_the_regression_cost_axis_stays_put_and_shows_each_run():
    e = small(task="regression")
    cost_axes = e.figure.axes[1]
    limits = cost_axes.get_ylim()
    for hidden in (2, 9):
        e.set(hidden=hidden)
        assert cost_axes.get_ylim() == limits and cost_axes.get_yscale() == "log"
        assert np.array_equal(cost_axes.lines[0].get_ydata(), e.history.cost)
    assert limits[0] < e.history.cost.min() and e.history.cost.max() < limits[1]


@pytest.mark.parametrize("task", ["3 classes", "regression"])
def test_clicks_and_a_reset_are_drawn_in_place_as_they_would_be_drawn_anew(task):
    e = small(task=task)
    e.controls["mode"].value = e.controls["mode"].options[-2]        # the last "add"
    n = len(e.labels)
    e.click(0.5, -0.5)
    assert e.drawn_in_place and len(e.labels) == n + 1
    fast, text = pixels(e), e.readout.value
    full, full_text = drawn_anew(e)
    assert text == full_text and (np.abs(fast - full).sum(axis=-1) > 0.1).mean() < 0.01
    e.reset()                                                       # back to the dataset
    assert e.drawn_in_place and len(e.labels) == n


def test_points_without_a_class_shown_draw_the_legend_anew():
    e = small(task="3 classes")
    kept = e.labels < 2
    e.load(e.X[kept], e.labels[kept], e.source)   # as if class 2 had been clicked away
    e.redraw()
    assert not e.drawn_in_place and len(e.labels) == kept.sum()
    assert [t.get_text() for t in e.data_axes.get_legend().get_texts()] == ["class 0", "class 1"]


def test_the_click_target_and_mode_only_matter_to_the_next_click():
    e = small(task="regression")
    redraws, picture = [], e.image.value
    original = e.redraw
    e.redraw = lambda: (redraws.append(1), original())
    e.set(target=-1.0)
    e.controls["mode"].value = "remove"
    assert redraws == [] and e.image.value == picture


def test_play_and_step_move_the_iteration():
    e = small(iteration=0)
    assert (e.play.min, e.play.max, e.play.step) == (0, 60, 10)
    e.step_button.click()
    assert e.controls["iteration"].value == 10 and "iteration 10:" in e.readout.value
    assert e.drawn_in_place
    e.play.value = 60                               # what Play does, one tick at a time
    assert e.controls["iteration"].value == 60


def test_a_step_of_a_training_knob_has_its_next_step_trained_while_the_kernel_waits(monkeypatch):
    import asyncio

    from circuits.widgets import explorer as module
    from circuits.widgets import playground
    trained = []

    def counted(*args, **kwargs):
        trained.append(args[4:7])                # hidden, learning rate, regularization
        return train_task(*args, **kwargs)
    monkeypatch.setattr(playground, "train_task", counted)

    async def student():
        e = dense_playground(iterations=50, every=10, iteration=50)
        await asyncio.sleep(module.AHEAD_AFTER_REST + 10 * module.AHEAD_AFTER)
        assert (25, 0.1, 1e-3) in trained and (23, 0.1, 1e-3) in trained  # either way
        rate = e.controls["learning_rate"]
        for _ in range(3):                       # dragged up, step by step
            before = len(trained)
            rate.value = rate.value * 10 ** rate.step
            assert len(trained) == before, "this step was trained ahead"
            await asyncio.sleep(3 * module.AHEAD_AFTER)
        assert e.error is None and "iteration 50" in e.readout.value
    asyncio.run(student())
