"""Chapter 1's explorers: every slider is drawn in place, the text is readable and inside the
picture, and what the picture marks agrees with the computation it shows."""
import math

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

pytest.importorskip("ipywidgets")
from circuits.plots.single_gate import (h_error_frame, landscape_frame,  # noqa: E402
                                        random_search_frame, sigmoid_frame, wiggly_step_frame)
from circuits.strategies import random_local_search, step_along_slope  # noqa: E402
from circuits.widgets import EXPLORERS, sample_values  # noqa: E402

NAMES = ["sigmoid_explorer", "random_search_explorer", "h_error_explorer", "landscape_explorer",
         "wiggly_step_explorer"]


def _texts(figure):
    return [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]


@pytest.mark.parametrize("name", NAMES)
def test_every_slider_move_is_drawn_in_place(name):
    explorer = EXPLORERS[name]()
    for control_name, control in explorer.controls.items():
        for value in sample_values(control, 1):
            picture = bytes(explorer.image.value)
            control.value = value
            assert explorer.drawn_in_place, \
                f"{name}: moving {control_name} to {value!r} drew the figure anew"
            assert explorer.error is None
        assert bytes(explorer.image.value) != picture, f"{name}: {control_name} changed nothing"


@pytest.mark.parametrize("name", NAMES)
def test_text_is_readable_and_never_cut_off(name):
    explorer = EXPLORERS[name]()
    figure = explorer.figure
    assert figure.bbox.width >= 640, f"{name} is {figure.bbox.width:.0f} px wide"
    for control in explorer.controls.values():
        for value in sample_values(control, 1):
            control.value = value
            explorer.redraw(in_place=False)     # a full draw lays out every text
            renderer = explorer.canvas.get_renderer()
            for text in _texts(figure):
                box = text.get_window_extent(renderer)
                assert text.get_fontsize() * figure.dpi / 72 >= 10.5, text.get_text()
                assert (box.x0 >= 0 and box.y0 >= 0 and box.x1 <= figure.bbox.width
                        and box.y1 <= figure.bbox.height), \
                    f"{name}: {text.get_text()!r} at {box.bounds} is cut off at {value!r}"


@pytest.mark.parametrize("frame, args, values", [
    (sigmoid_frame, (), [dict(x=-8.0), dict(x=2.5)]),
    (random_search_frame, (-2.0, 3.0), [dict(tweak_amount=0.01, tries=5, seed=0),
                                        dict(tweak_amount=0.5, tries=300, seed=3)]),
    (landscape_frame, (), [dict(x=-2.0, y=3.0, step_size=0.01), dict(x=1.0, y=0.5, step_size=1)]),
    (h_error_frame, (), [dict(h=1e-4), dict(h=1e-12)]),
])
def test_a_frame_moves_the_same_artists_every_time(frame, args, values):
    ax = Figure().add_subplot()
    move = frame(ax, *args)
    first, second = (move(**v)[1] for v in values)
    assert [id(a) for a in first] == [id(a) for a in second]
    assert all(a.axes is ax or a.figure is ax.figure for a in first)


def test_the_sigmoid_tangent_has_the_local_gradient_as_its_slope():
    move = sigmoid_frame(Figure().add_subplot())
    (value, grad), (tangent, point, title) = move(1.5)
    s = 1 / (1 + math.exp(-1.5))
    assert (value, grad) == pytest.approx((s, s * (1 - s)), rel=1e-12)
    xs, ys = tangent.get_data()
    assert np.polyfit(xs, ys, 1)[0] == pytest.approx(grad, rel=1e-9)
    assert point.get_xydata().tolist() == [[1.5, value]] and "1.50" in title.get_text()


def test_random_search_draws_every_try_in_tweaks_from_the_start_and_circles_the_best():
    move = random_search_frame(Figure().add_subplot(), -2.0, 3.0)
    best_x, best_y, best_out, tried = random_local_search(
        lambda x, y: x * y, -2.0, 3.0, 0.2, 40, np.random.default_rng(7))
    result, (dots, _, best, _) = move(0.2, 40, 7)
    assert result == (best_x, best_y, best_out)
    offsets = dots.get_offsets()
    assert offsets.shape == (40, 2) and np.abs(offsets).max() <= 1
    assert offsets == pytest.approx((tried[:, :2] - (-2.0, 3.0)) / 0.2)
    colours = dots.get_array()
    assert np.argmax(colours) == np.argmax(tried[:, 2]) and 0 <= colours.min() <= colours.max() <= 1
    assert best.get_xydata()[0] == pytest.approx(offsets[np.argmax(tried[:, 2])])


def test_the_wiggly_step_lands_inside_the_left_panel_for_every_step_size():
    left, right = Figure().subplots(1, 2)
    move = wiggly_step_frame((left, right))
    for step_size in np.linspace(0, 1, 11):
        (x1, y1), (landed, marker) = move(step_size)
        assert (x1, y1) == pytest.approx(step_along_slope(0.0, step_size))
        assert left.get_xlim()[0] <= x1 <= left.get_xlim()[1]
        assert left.get_ylim()[0] <= y1 <= left.get_ylim()[1]
        assert marker.get_xydata().tolist() == [[step_size, y1]]
