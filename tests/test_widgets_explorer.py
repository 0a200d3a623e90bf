"""Every explorer in the package survives every control at its extremes and between, and
leaves Python's garbage collector as it found it."""
import gc
import io
import pkgutil

import numpy as np
import pytest

pytest.importorskip("ipywidgets")
import circuits.widgets  # noqa: E402
from circuits.widgets import EXPLORERS, Explorer, InPlace, sample_values, sweep  # noqa: E402


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_control_at_every_sampled_value_redraws_without_error(name):
    explorer = EXPLORERS[name]()
    assert isinstance(explorer, Explorer)
    assert explorer.controls, f"{name} has no controls"
    before = {k: c.value for k, c in explorer.controls.items() if hasattr(c, "value")}
    sweep(explorer)
    assert explorer.error is None
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
    assert {k: c.value for k, c in explorer.controls.items() if hasattr(c, "value")} == before


def test_the_registry_lists_every_explorer_factory_in_the_package():
    public = set()
    for info in pkgutil.iter_modules(circuits.widgets.__path__):
        module = __import__(f"circuits.widgets.{info.name}", fromlist=["_"])
        public |= {n for n in dir(module) if n.endswith(("_explorer", "_playground", "_stepper"))
                   and not n.startswith("_") and callable(getattr(module, n))}
    assert public == set(EXPLORERS)


def test_building_and_sweeping_every_explorer_leaves_the_collector_alone():
    enabled = gc.isenabled()
    for factory in EXPLORERS.values():
        sweep(factory(), n_between=1)
    assert gc.get_freeze_count() == 0 and gc.isenabled() == enabled
    gc.disable()
    try:
        sweep(EXPLORERS["sigmoid_explorer"](), n_between=1)
        assert not gc.isenabled()           # a disabled collector stays disabled
    finally:
        if enabled:
            gc.enable()


def test_an_error_in_a_redraw_is_shown_and_raised():
    import ipywidgets as W

    def draw(fig, x):
        if x > 0.5:
            raise ValueError("x too big")
        fig.subplots().plot([0, 1], [0, x])

    explorer = Explorer(draw, {"x": W.FloatSlider(value=0.0, min=0.0, max=1.0)})
    with pytest.raises(ValueError, match="x too big"):
        sweep(explorer)
    assert "x too big" in explorer.readout.value
    assert isinstance(explorer.error, ValueError)


def test_moving_a_slider_changes_the_picture():
    import ipywidgets as W

    def draw(fig, x):
        fig.subplots().plot([0, 1], [0, x])
        return f"x = {x}"

    explorer = Explorer(draw, {"x": W.FloatSlider(value=0.0, min=-1.0, max=1.0)})
    first = explorer.image.value
    explorer.set(x=1.0)
    assert explorer.image.value != first and explorer.readout.value.endswith("x = 1.0</pre>")
    with pytest.raises(KeyError, match="no control named 'y'"):
        explorer.set(y=1.0)


def test_sample_values_cover_the_ends():
    import ipywidgets as W
    assert sample_values(W.IntSlider(min=2, max=10), 1) == [2, 6, 10]
    assert sample_values(W.FloatLogSlider(min=-3, max=0, base=10), 2)[::3] == pytest.approx([1e-3, 1])
    assert sample_values(W.Dropdown(options=[("a", 1), ("b", 2)])) == [1, 2]


PIXELS_ALLOWED = 20     # antialiased edges where a moved artist meets the cached picture


def _pixels(explorer):
    from matplotlib.image import imread
    return imread(io.BytesIO(explorer.image.value))


@pytest.mark.parametrize("name", sorted(EXPLORERS))
def test_every_picture_drawn_in_place_matches_the_picture_drawn_anew(name):
    """One explorer moved control after control (in place where it can: the cached picture of
    the rest is reused move after move), a twin drawn anew at each move: same pictures."""
    moved, anew = EXPLORERS[name](), EXPLORERS[name]()
    for key, control in moved.controls.items():
        for value in sample_values(control, 2) if hasattr(control, "value") else []:
            control.value = value
            anew.controls[key].value = value
            anew.redraw(in_place=False)          # the whole figure, no cached picture
            fast, full = _pixels(moved), _pixels(anew)
            assert fast.shape == full.shape and moved.readout.value == anew.readout.value
            differ = (np.abs(fast - full).sum(axis=-1) > 0.1).sum()
            assert differ <= PIXELS_ALLOWED, f"{name}: {differ} pixels differ at {key}={value!r}"


def test_only_moves_of_live_controls_are_drawn_in_place():
    import ipywidgets as W
    draws, calls = [], []

    def draw(fig, x, label):
        draws.append(x)
        line, = fig.subplots().plot([0, 1], [0, x])

        def update(x, label):
            calls.append(x)
            if x < 0:
                return None                      # cannot: draw anew
            line.set_ydata([0, x])
            return f"x = {x}", [line]
        return InPlace(f"x = {x}", update, live=("x",))

    explorer = Explorer(draw, {"x": W.FloatSlider(value=0.0, min=-1.0, max=1.0),
                               "label": W.Dropdown(options=["a", "b"], value="a")})
    # the first picture is already the cached rest with the live line drawn over it
    assert draws == [0.0] and calls == [0.0] and explorer.in_place["background"] is not None
    before = explorer.image.value
    explorer.set(x=0.5)
    assert draws == [0.0] and calls == [0.0, 0.5]
    assert explorer.image.value != before and explorer.readout.value.endswith("x = 0.5</pre>")
    explorer.set(label="b")                      # not live: drawn anew
    assert draws == [0.0, 0.5] and calls == [0.0, 0.5, 0.5]
    explorer.set(x=-0.5)                         # update declines: drawn anew, nothing cached
    assert draws == [0.0, 0.5, -0.5] and explorer.in_place["background"] is None
    assert explorer.readout.value.endswith("x = -0.5</pre>")
    explorer.set(x=0.25)                         # accepted again: the rest is cached now
    assert draws == [0.0, 0.5, -0.5] and explorer.in_place["background"] is not None
    updates = len(calls)
    explorer.redraw(in_place=False)              # asked for the whole figure: no update
    assert draws[-1] == 0.25 and len(calls) == updates and explorer.in_place["background"] is None


def test_an_error_while_drawing_in_place_is_shown_and_raised():
    import ipywidgets as W

    def draw(fig, x):
        line, = fig.subplots().plot([0, 1], [0, x])

        def update(x):
            if x > 0.5:
                raise ValueError("x too big")
            line.set_ydata([0, x])
            return "", [line]
        return InPlace("", update, live=("x",))

    explorer = Explorer(draw, {"x": W.FloatSlider(value=0.0, min=0.0, max=1.0)})
    with pytest.raises(ValueError, match="x too big"):
        explorer.set(x=0.8)
    assert "x too big" in explorer.readout.value and explorer.in_place is None
    explorer.set(x=0.2)                          # the next move draws anew and clears the error
    assert explorer.error is None


def test_png_bytes_decode_to_the_same_pixels():
    from PIL import Image
    from circuits.widgets.explorer import png_bytes
    rgba = np.random.default_rng(0).integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    image = Image.open(io.BytesIO(png_bytes(rgba)))
    assert image.mode == "RGBA" and image.size == (5, 7)
    assert np.array_equal(np.asarray(image), rgba)


def test_next_step_walks_each_kind_of_slider_and_stops_at_its_ends():
    import ipywidgets as W
    from circuits.widgets.explorer import next_step
    assert next_step(W.IntSlider(value=3, min=0, max=4), 1) == 4
    assert next_step(W.IntSlider(value=4, min=0, max=4), 1) is None
    assert next_step(W.FloatSlider(value=0.1, min=0, max=0.5, step=0.05), -1) == pytest.approx(0.05)
    log = W.FloatLogSlider(value=0.1, base=10, min=-3, max=0, step=0.25)
    assert next_step(log, 1) == pytest.approx(10 ** -0.75)
    assert next_step(W.FloatLogSlider(value=1.0, base=10, min=-3, max=0, step=0.25), 1) is None
    options = W.SelectionSlider(options=["a", "b", "c"], value="a")
    assert next_step(options, 1) == "b" and next_step(options, -1) is None


def test_a_move_has_the_next_step_prepared_while_the_kernel_waits():
    import asyncio

    import ipywidgets as W
    from circuits.widgets import explorer as module
    prepared = []

    def draw(fig, x, y, label):
        line, = fig.subplots().plot([0, 1], [0, x])

        def update(x, y, label):
            line.set_ydata([0, x])
            return "", [line]
        return InPlace("", update, live=("x", "y"), ahead=lambda **v: prepared.append(v))

    controls = {"x": W.FloatSlider(value=0.0, min=-1.0, max=1.0, step=0.5),
                "y": W.IntSlider(value=0, min=0, max=1),
                "label": W.Dropdown(options=["a", "b"])}
    explorer = Explorer(draw, controls)
    explorer.set(x=0.5)                          # no event loop, as in a script: no guesses
    assert prepared == []

    async def student():
        explorer.set(x=0.0)                      # down: the next step down comes first
        await asyncio.sleep(2 * module.AHEAD_AFTER)
        assert prepared == [dict(x=-0.5, y=0, label="a")]
        explorer.set(x=-1.0)                     # at the end: no step further, and the
        await asyncio.sleep(module.AHEAD_AFTER_REST / 2)    # rest wait until it lies still
        assert len(prepared) == 1
        await asyncio.sleep(module.AHEAD_AFTER_REST + 4 * module.AHEAD_AFTER)
        assert prepared[1:] == [dict(x=-0.5, y=0, label="a"), dict(x=-1.0, y=1, label="a")]
        explorer.set(y=1)
        explorer.set(label="b")                  # a move cancels the guesses left
        await asyncio.sleep(2 * module.AHEAD_AFTER)
        assert len(prepared) == 3
    asyncio.run(student())
