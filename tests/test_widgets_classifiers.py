"""Chapter 2 explorers: clicking adds and removes points, pixels map to data, grids are vectorised."""
import numpy as np
import pytest

pytest.importorskip("ipywidgets")
from circuits import SVM  # noqa: E402
from circuits.datasets import loss_example, make_dataset  # noqa: E402
from circuits.models import linear  # noqa: E402
from circuits.models.two_layer import Network  # noqa: E402
from circuits.plots import grid, limits, plot_boundary, score_function  # noqa: E402
from circuits.train import gradient_descent  # noqa: E402
from circuits.widgets import (cost_explorer, descent_explorer, network_playground,  # noqa: E402
                              svm_explorer)


def test_click_adds_a_point_of_the_chosen_class_and_retrains():
    e = network_playground(hidden=3)
    n, picture = len(e.labels), bytes(e.image.value)
    e.controls["mode"].value = "add -1"
    e.click(0.5, 0.25)
    assert len(e.labels) == n + 1 and e.labels[-1] == -1 and e.X[-1].tolist() == [0.5, 0.25]
    assert bytes(e.image.value) != picture
    e.controls["mode"].value = "add +1"
    e.click(-1.0, 1.0)
    assert e.labels[-1] == 1 and "points +1" in e.readout.value


def test_remove_deletes_the_nearest_point_and_right_click_always_removes():
    e = network_playground(hidden=3)
    target = e.X[7].copy()
    n = len(e.labels)
    e.controls["mode"].value = "remove"
    e.click(*(target + 1e-3))
    assert len(e.labels) == n - 1
    assert not any(np.array_equal(p, target) for p in e.X)
    e.controls["mode"].value = "add +1"
    e.click(*e.X[0], button=2)
    assert len(e.labels) == n - 2


def test_reset_and_changing_the_dataset_forget_the_clicks():
    e = network_playground(hidden=3)
    X0 = e.X.copy()
    e.click(0.0, 0.0)
    e.controls["reset"].click()
    assert np.array_equal(e.X, X0)
    e.click(0.0, 0.0)
    e.set(dataset="xor")
    assert np.array_equal(e.X, make_dataset("xor", 60, 0.1, 0)[0])


def test_removal_keeps_at_least_two_points():
    e = network_playground(n=8, hidden=2, max_iterations=100)
    e.controls["mode"].value = "remove"
    for _ in range(len(e.labels)):
        e.click(0.0, 0.0)
    assert len(e.labels) == 2


def test_a_pixel_on_the_picture_lands_on_the_data_point_drawn_there():
    e = network_playground(hidden=3)
    px, py = e.data_to_pixel(0.3, -0.2)
    assert 0 < px < e.figure.bbox.width and 0 < py < e.figure.bbox.height
    assert e.pixel_to_data(px, py) == pytest.approx((0.3, -0.2))
    n = len(e.labels)
    e.click_pixel(px, py)
    assert len(e.labels) == n + 1 and e.X[-1] == pytest.approx([0.3, -0.2])
    e.click_pixel(2, 2)                      # the figure's corner: outside the axes, ignored
    assert len(e.labels) == n + 1


def test_the_picture_is_the_explorers_image_widget():
    e = network_playground(hidden=3)
    assert bytes(e.image.value).startswith(b"\x89PNG")
    events = getattr(e, "events", None)
    if events is not None:
        assert events.source is e.image and "click" in events.watched_events


def test_large_steps_report_divergence_instead_of_failing():
    e = svm_explorer(loss="squared hinge", step_size=1.0, dataset="guide", iteration=2000)
    assert "diverged" in e.readout.value
    e = network_playground(step_size=1.0, regularization=1.0, hidden=8)
    assert e.error is None


@pytest.mark.parametrize("name", ["guide", "spiral", "circles"])
def test_vectorised_grid_matches_scalar_forward_passes(name):
    X, y = make_dataset(name, 30, 0.1, 2)
    net = Network(5, np.random.default_rng(2))
    _, _, points = grid(limits(X), n=12)
    assert score_function(net)(points) == pytest.approx([net.forward(*p) for p in points])
    svm = SVM()
    assert score_function(svm)(points) == pytest.approx([svm.forward(*p).value for p in points])


def test_plot_boundary_returns_the_grid_of_scores():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    X, y = make_dataset("blobs", 20, 0.1, 0)
    fig, ax = plt.subplots()
    s = plot_boundary(lambda P: P[:, 0] - P[:, 1], X, y, ax, n=10)
    plt.close(fig)
    _, _, points = grid(limits(X), n=10)
    assert s.shape == (10, 10) and s.ravel() == pytest.approx(points[:, 0] - points[:, 1])
    with pytest.raises(TypeError, match="cannot score"):
        score_function(42)


def test_gradient_descent_lowers_the_guides_cost():
    X, y = loss_example()
    history = gradient_descent(lambda w: linear.cost_gradient(X, y, w, 0.2 / 3),
                               [0.1, 0.2, 0.3], 0.15, 100)
    costs = [linear.cost(X, y, w, 0.2 / 3).total for w in history]
    assert 3 * costs[0] == pytest.approx(1.815) and 3 * costs[-1] < 0.5
    e = descent_explorer(iteration=100)
    assert f"cost {costs[-1]:.3f}" in e.readout.value


def test_play_and_step_advance_the_training_and_the_picture():
    e = network_playground(hidden=3, iteration=0, max_iterations=400)
    slider, picture = e.controls["iteration"], bytes(e.image.value)
    assert (e.play.min, e.play.max, e.play.step) == (slider.min, slider.max, slider.step)
    e.step_button.click()
    assert slider.value == 50 and e.play.value == 50 and "iteration 50:" in e.readout.value
    assert bytes(e.image.value) != picture
    e.play.value = 300                       # what a tick of Play sends from the browser
    assert slider.value == 300 and "iteration 300:" in e.readout.value
    slider.value = 100                       # scrubbing moves Play too
    assert e.play.value == 100
    e.set(iteration=400)
    e.step_button.click()                    # at the end, Step stays there
    assert slider.value == 400


def test_the_playground_trains_on_the_students_own_points(tmp_path):
    X = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [2.0, -1.0]])
    labels = np.array([1, -1, 1, -1])
    e = network_playground(points=(X, labels), hidden=2, max_iterations=100)
    assert e.controls["dataset"].value == "your points"
    assert np.array_equal(e.X, X) and np.array_equal(e.labels, labels) and e.error is None
    e.click(0.5, 0.5)
    e.controls["reset"].click()              # reset goes back to the student's points
    assert np.array_equal(e.X, X)
    path = tmp_path / "points.csv"
    path.write_text("label,x,y\n1,0,0\n-1,1,1\n+1,0.5,-2\n")
    e = network_playground(points=str(path), hidden=2, max_iterations=100)
    assert e.X.tolist() == [[0, 0], [1, 1], [0.5, -2]] and e.labels.tolist() == [1, -1, 1]
    e = network_playground(points=path, hidden=2, max_iterations=100)
    assert len(e.labels) == 3


@pytest.mark.parametrize("text, message", [
    ("x,y\n1,2\n3,4\n", r"missing \['label'\]"),
    ("x,y,label\n1,2,1\n3,oops,-1\n", "line 3"),
    ("x,y,label\n1,2,1\n3,4,0\n", r"labels must be \+1 or -1, got \[0.0\]"),
    ("x,y,label\n1,2,1\n", "at least 2 points"),
    ("x,y,label\n", "at least 2 points"),
])
def test_a_malformed_csv_file_is_refused_with_the_reason(tmp_path, text, message):
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        network_playground(points=str(path))


def test_malformed_arrays_are_refused_with_their_shapes():
    with pytest.raises(ValueError, match=r"shape \(3, 3\)"):
        network_playground(points=(np.zeros((3, 3)), [1, -1, 1]))
    with pytest.raises(ValueError, match="3 labels|N labels"):
        network_playground(points=(np.zeros((3, 2)), [1, -1]))
    with pytest.raises(TypeError, match="points must be"):
        network_playground(points=np.zeros((3, 2)))


def _matches_the_picture_drawn_anew(e):
    """Whether the picture and readout shown equal those of the figure drawn anew."""
    import io

    from matplotlib.image import imread
    fast, text = imread(io.BytesIO(e.image.value)), e.readout.value
    e.redraw(in_place=False)                 # the whole figure, from scratch
    full = imread(io.BytesIO(e.image.value))
    return fast.shape == full.shape and e.readout.value == text and \
        (np.abs(fast - full).sum(axis=-1) > 0.1).mean() < 0.01       # edges may differ a little


def _moved_in_place(e, **values):
    e.set(**values)
    return e.drawn_in_place


def test_the_playgrounds_training_knobs_move_the_picture_in_place():
    e = network_playground(hidden=4, iteration=0, max_iterations=400)
    for value in (100, 200, 350):            # only the iteration moves: the in-place path
        assert _moved_in_place(e, iteration=value)
    assert _matches_the_picture_drawn_anew(e)
    for knob, value in (("step_size", 0.01), ("regularization", 0.1), ("hidden", 2)):
        assert _moved_in_place(e, **{knob: value}) and _matches_the_picture_drawn_anew(e)
    e.set(view="hidden neurons")             # anything else draws the whole figure again
    assert not e.drawn_in_place
    assert _moved_in_place(e, iteration=50) and _matches_the_picture_drawn_anew(e)
    assert _moved_in_place(e, hidden=5) and _matches_the_picture_drawn_anew(e)
    e.click(0.0, 0.0)
    assert not e.drawn_in_place


def test_the_svms_iteration_step_size_and_spring_move_in_place_on_fixed_axes():
    e = svm_explorer(dataset="guide", iteration=400)
    right = e.figure.axes[1]
    xlim = right.get_xlim()
    assert _moved_in_place(e, iteration=1000) and "iteration 1000" in e.figure.axes[0].get_title()
    assert _moved_in_place(e, regularization=0.01) and _matches_the_picture_drawn_anew(e)
    assert _moved_in_place(e, step_size=0.1) and _matches_the_picture_drawn_anew(e)
    assert e.figure.axes[1].get_xlim() == xlim
    plane = e.figure.axes[0].get_xlim(), e.figure.axes[0].get_ylim()
    for noise in (0.5, 0.2):                  # new points on the plane chosen for every noise
        assert _moved_in_place(e, noise=noise) and _matches_the_picture_drawn_anew(e)
        assert (e.figure.axes[0].get_xlim(), e.figure.axes[0].get_ylim()) == plane
    shown = np.concatenate([line.get_xydata() for line in e.figure.axes[0].lines[:2]])
    X = make_dataset("guide", 40, 0.2, 0)[0]
    assert sorted(map(tuple, shown)) == sorted(map(tuple, X))
    e.set(dataset="xor")                      # another dataset: drawn anew
    assert not e.drawn_in_place


def test_the_playgrounds_noise_loads_new_points_in_place_and_clicks_still_redraw():
    e = network_playground(hidden=3, noise=0.0, max_iterations=400)
    plane = e.figure.axes[0].get_xlim(), e.figure.axes[0].get_ylim()
    for noise in (0.5, 0.25):
        assert _moved_in_place(e, noise=noise)
        assert np.array_equal(e.X, make_dataset("two moons", 60, noise, 0)[0])
        assert (e.figure.axes[0].get_xlim(), e.figure.axes[0].get_ylim()) == plane
    assert _moved_in_place(e, iteration=100) and _matches_the_picture_drawn_anew(e)
    e.set(view="hidden neurons")
    assert _moved_in_place(e, noise=0.1) and _matches_the_picture_drawn_anew(e)
    e.click(0.0, 0.0)                         # a click: drawn anew, then in place again
    assert not e.drawn_in_place and len(e.labels) == 61
    assert _moved_in_place(e, iteration=200) and len(e.labels) == 61
    e.click(9.0, 0.0)                         # off the plane: a wider plane, drawn anew
    assert e.figure.axes[0].get_xlim()[1] > 9 > plane[0][1]
    assert _moved_in_place(e, iteration=300) and e.X[-1].tolist() == [9.0, 0.0]
    e.set(noise=0.3)                          # the clicks go: drawn anew on the usual plane
    assert not e.drawn_in_place and len(e.labels) == 60
    assert (e.figure.axes[0].get_xlim(), e.figure.axes[0].get_ylim()) == plane


def test_a_run_that_blows_up_is_shown_in_place_up_to_where_it_did():
    e = svm_explorer(loss="squared hinge", step_size=0.01, dataset="guide", iteration=2000)
    assert _moved_in_place(e, step_size=1.0) and "diverged" in e.readout.value
    curves = e.figure.axes[1].lines
    assert max(curves[1].get_xdata()) < 2000 and np.isfinite(curves[1].get_ydata()).all()
    assert _matches_the_picture_drawn_anew(e)


def test_the_weights_move_the_cost_bars_in_place_and_a_long_bar_lengthens_the_axis():
    X, y = loss_example()
    e = cost_explorer()
    for w0, regularization in ((-1.0, 0.2), (1.5, 0.5)):
        assert _moved_in_place(e, w0=w0, regularization=regularization)
        bars = e.figure.axes[1]
        cost = linear.cost(X, y, [w0, 0.2, 0.3], regularization)
        widths = [bar.get_width() for bar in bars.patches]
        assert widths == pytest.approx([*cost.losses, cost.losses.mean(), cost.regularization,
                                        cost.total])
        assert bars.get_xlim() == (0, 4) and _matches_the_picture_drawn_anew(e)
    e.set(w0=-2.0, w1=-2.0, w2=-2.0)          # a loss past the axis: drawn anew, longer axis
    longest = max(bar.get_width() for bar in e.figure.axes[1].patches)
    assert 4 < longest < e.figure.axes[1].get_xlim()[1]


def test_descent_steps_in_place_show_the_cost_of_the_weights_reached():
    X, y = loss_example()
    e = descent_explorer(iteration=100)
    assert _moved_in_place(e, iteration=35) and _moved_in_place(e, step_size=0.05)
    path = gradient_descent(lambda w: linear.cost_gradient(X, y, w, 0.2 / 3),
                            [0.1, 0.2, 0.3], 0.05, 35)
    assert f"cost {linear.cost(X, y, path[-1], 0.2 / 3).total:.3f}" in e.readout.value
    assert _matches_the_picture_drawn_anew(e)
