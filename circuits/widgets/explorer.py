"""Explorer: sliders above a matplotlib figure that redraws when any of them moves.

Needs ipywidgets (``pip install ipywidgets``). The figure is rendered to a PNG shown in an
``ipywidgets.Image``, so it works in JupyterLab and on Binder without extra extensions and a
test can read the exact image. A ``draw`` that returns ``InPlace`` has later moves of its live
controls drawn in place: only the artists that change are drawn again, over a cached picture
of the rest (matplotlib's blitting). ``sweep`` drives every control headlessly, for tests and
benchmarks.
"""
import asyncio
import base64
import gc
import math
import struct
import time
import zlib
from contextlib import contextmanager
from functools import lru_cache, wraps
from typing import Callable, NamedTuple

import ipywidgets as W
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure, SubplotParams


SLIDERS = (W.FloatSlider, W.IntSlider, W.FloatLogSlider, W.SelectionSlider)
AHEAD_AFTER = 0.01      # s after a redraw: the kernel has sent its picture and gone idle
AHEAD_AFTER_REST = 1.0  # s of no moves before guessing other sliders: longer than a student
                        # takes between arrow keys, so a guess never holds up the next step


class InPlace(NamedTuple):
    """What ``draw`` returns to have later moves of the ``live`` controls drawn in place:
    ``update(**values) -> (text, artists)`` sets the new data on the artists it returns (the
    same ones, or their replacements, every time), or returns None to have the figure drawn
    anew. ``ahead(**values)``, if given, prepares what ``update`` will need at those values
    (training, say); it is called while the kernel waits, for the slider's next step."""
    text: str
    update: Callable
    live: tuple = ("iteration",)
    ahead: Callable = None


class Explorer(W.VBox):
    """``draw(fig, **values)`` draws ``fig`` from the controls' values and returns a short
    text shown under the figure, or an ``InPlace``. An error in a redraw is shown there and
    re-raised."""

    def __init__(self, draw, controls, figsize=(5.0, 3.5), dpi=80, layout=None):
        self.draw = draw
        self.controls = dict(controls)
        # no layout engine by default: "constrained" doubles the redraw time
        self.figure = Figure(figsize=figsize, dpi=dpi, layout=layout,
                             subplotpars=SubplotParams(left=0.13, right=0.96, bottom=0.14, top=0.9,
                                                       wspace=0.3, hspace=0.35))
        self.canvas = FigureCanvasAgg(self.figure)
        # shown at its own pixel size: stretched to the page's width it would look blurred
        self.image = W.Image(format="png", width=round(figsize[0] * dpi))
        self.readout = W.HTML()
        self.error = None
        self._ahead_job = None          # the next step's preparation, waiting for the kernel
        self.in_place = None            # the InPlace of the figure shown, with its key
        self.drawn_in_place = False     # whether the last redraw moved artists in place
        labelled = [c for c in self.controls.values() if "description_width" in
                    getattr(getattr(c, "style", None), "keys", ())]
        widest = max((len(c.description) for c in labelled), default=0)
        for control in labelled:                # whole names, and the tracks aligned
            control.style.description_width = f"{max(widest, 8) + 1}ch"
            if isinstance(control, SLIDERS) and control.layout.width is None:
                control.layout.width = "480px"  # a track long enough to aim at a value
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        super().__init__([W.VBox(list(self.controls.values())), self.image, self.readout])
        self.redraw()
        self._look_ahead()

    @property
    def values(self):
        return {name: c.value for name, c in self.controls.items()}

    def set(self, **values):
        """Move controls by name, as a student would, redrawing after each."""
        for name, value in values.items():
            if name not in self.controls:
                raise KeyError(f"no control named {name!r}; there are {list(self.controls)}")
            self.controls[name].value = value

    def key(self, values, live):
        """What must stay the same for a redraw in place: every control but the live ones."""
        return tuple((name, value) for name, value in values.items() if name not in live)

    def redraw(self, in_place=True):
        """Show the figure for the controls' values: in place if only live controls moved,
        else drawn anew (always anew, and whole, with ``in_place=False``)."""
        values = self.values
        with collector_paused(), self._showing_errors():
            shown = self.in_place
            if in_place and shown is not None and shown["key"] == self.key(values, shown["live"]):
                moved = self._move(shown, values)
                if moved is not None:
                    self._show(*moved)
                    self.drawn_in_place = True
                    return
            self.drawn_in_place = False
            self._show(*self._draw_anew(values, in_place))

    def _move(self, shown, values):
        """(text, pixels) with the live artists updated and drawn over the cached picture of
        the rest, or None if ``update`` declines."""
        moved = shown["update"](**values)
        if moved is None:
            return None
        text, artists = moved
        shown["key"] = self.key(values, shown["live"])   # update may load data
        return text, self._blit(shown, artists)

    def _draw_anew(self, values, in_place=True):
        """(text, pixels) of the figure drawn from scratch. If ``draw`` returns an InPlace, its
        live artists are drawn over the cached rest straight away, so that the first move of
        a live control is as quick as the ones after it."""
        for ax in list(self.figure.axes):   # Figure.clear would first clear each axes,
            self.figure.delaxes(ax)         # rebuilding its ticks only to throw them away
        self.figure.clear()
        self.in_place = None
        text = self.draw(self.figure, **values)
        if isinstance(text, InPlace):
            self.in_place = dict(key=self.key(values, text.live), update=text.update,
                                 live=text.live, ahead=text.ahead, background=None)
            moved = self._move(self.in_place, values) if in_place else None
            if moved is not None:
                return moved
            text = text.text
        self.canvas.draw()
        return text, self.canvas.buffer_rgba()

    def _blit(self, shown, artists):
        """The cached picture of the unchanging artists, with ``artists`` drawn over it (and
        their axes' frames, which would otherwise lie under a curve along an edge)."""
        frames = [spine for ax in dict.fromkeys(a.axes for a in artists if a.axes is not None)
                  if ax.axison and ax.get_frame_on()
                  for spine in ax.spines.values() if spine.get_visible()]
        artists = list(dict.fromkeys([*artists, *frames]))
        if shown["background"] is None:     # the rest, drawn with these hidden: matplotlib
            visible = [a for a in artists if a.get_visible()]  # draws animated images anyway
            for artist in visible:
                artist.set_visible(False)
            self.canvas.draw()
            for artist in visible:
                artist.set_visible(True)
            shown["background"] = self.canvas.copy_from_bbox(self.figure.bbox)
        self.canvas.restore_region(shown["background"])
        for artist in sorted(artists, key=lambda a: a.get_zorder()):
            self.figure.draw_artist(artist)
        return self.canvas.buffer_rgba()

    def _show(self, text, pixels):
        self.error = None
        self.readout.value = f"<pre style='margin:0'>{text}</pre>" if text else ""
        self.image.value = png_bytes(np.asarray(pixels))

    @contextmanager
    def _showing_errors(self):
        try:
            yield
        except Exception as exc:
            self.error, self.in_place = exc, None
            self.readout.value = (f"<b style='color:#b00'>error: {type(exc).__name__}: "
                                  f"{exc}</b>")
            raise

    def _on_change(self, change):
        self.redraw()
        self._look_ahead(change)

    def _look_ahead(self, change=None):
        """While the kernel waits, have the figure's ``ahead`` prepare the steps a student may
        take next: soon after a move, the same slider's next step the same way; once the
        controls have rested a while, one step either way of each live slider. A move cancels
        what is left of the guesses."""
        if self._ahead_job is not None:
            self._ahead_job.cancel()                # guesses for an older move
            self._ahead_job = None
        shown = self.in_place
        if shown is None or shown["ahead"] is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return                  # no event loop (a script, a test): nobody waits, no hurry
        sliders = {name: c for name, c in self.controls.items()
                   if name in shown["live"] and isinstance(c, SLIDERS)}
        values = self.values

        def at(steps):
            return [dict(values, **{name: value}) for name, value in steps if value is not None]
        onward = at((name, next_step(c, 1 if _rank(c, change["new"]) > _rank(c, change["old"])
                                     else -1))
                    for name, c in sliders.items() if change and c is change["owner"])
        around = at((name, next_step(c, direction)) for name, c in sliders.items()
                    for direction in (1, -1))
        guesses = [(AHEAD_AFTER, v) for v in onward] + \
            [(AHEAD_AFTER_REST if i == 0 else AHEAD_AFTER, v) for i, v in enumerate(around)]

        def guess_next():
            if guesses:
                delay, values = guesses.pop(0)
                self._ahead_job = loop.call_later(delay, guess, values)

        def guess(values):
            _quietly(shown["ahead"], values)
            guess_next()
        guess_next()

    def _repr_mimebundle_(self, **kwargs):
        # the widget for JupyterLab, plus a still picture for pages that cannot run widgets
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        return bundle


def next_step(slider, direction):
    """The value one step (``direction`` +1 or -1) from ``slider``'s, or None past its end."""
    if isinstance(slider, W.SelectionSlider):
        at = slider.index + direction
        return option_values(slider)[at] if 0 <= at < len(slider.options) else None
    at = _rank(slider, slider.value) + direction * slider.step
    if not slider.min - 1e-9 * slider.step <= at <= slider.max + 1e-9 * slider.step:
        return None
    if isinstance(slider, W.FloatLogSlider):
        return slider.base ** at
    return round(at) if isinstance(slider, W.IntSlider) else at


def _rank(slider, value):
    """Where ``value`` lies on ``slider``'s track: its index, exponent (log slider) or itself."""
    if isinstance(slider, W.SelectionSlider):
        return option_values(slider).index(value)
    return math.log(value, slider.base) if isinstance(slider, W.FloatLogSlider) else value


def settled(value):
    """A slider's float as a key for cached work: ten significant digits, so that a next step
    worked out here and the one the browser sends, which may differ in the last bit, agree."""
    return float(f"{value:.10g}")


def settled_cache(maxsize):
    """``functools.lru_cache`` for work a slider asks for: float arguments are ``settled``
    first, so a step guessed ahead and the one the browser sends find the same entry."""
    def wrap(function):
        cached = lru_cache(maxsize=maxsize)(function)

        @wraps(function)
        def call(*args):
            return cached(*(settled(a) if isinstance(a, float) else a for a in args))
        return call
    return wrap


def _quietly(ahead, values):
    """Run ``ahead(**values)``: a guess made early, so an error is left for the real step to
    show."""
    try:
        ahead(**values)
    except Exception:       # noqa: BLE001 (the redraw at these values will report it)
        pass


def png_bytes(rgba, level=3):
    """An RGBA array (height, width, 4) of uint8 as PNG file bytes, every row unfiltered:
    Pillow's encoder tries a filter per row, which takes three times as long."""
    height, width, _ = rgba.shape
    rows = np.empty((height, 1 + 4 * width), np.uint8)
    rows[:, 0] = 0                                   # each row starts with its filter: none
    rows[:, 1:] = rgba.reshape(height, -1)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)   # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + \
        chunk(b"IDAT", zlib.compress(rows.tobytes(), level)) + chunk(b"IEND", b"")


def add_player(explorer, slider, interval=80):
    """Put Play/Pause and Step above ``explorer``'s controls: Play moves ``slider`` on by one
    step every ``interval`` ms (its value is linked to the slider's), Step by one step."""
    explorer.play = W.Play(value=slider.value, min=slider.min, max=slider.max, step=slider.step,
                           interval=interval, description="play")
    explorer.play_link = W.link((explorer.play, "value"), (slider, "value"))
    explorer.step_button = W.Button(description="step", layout=W.Layout(width="80px"))
    explorer.step_button.on_click(
        lambda _: setattr(slider, "value", min(slider.value + slider.step, slider.max)))
    explorer.children = (W.HBox([explorer.play, explorer.step_button]), *explorer.children)


@contextmanager
def collector_paused():
    """Keep Python's cyclic garbage collector out of a block (a full collection takes ~80 ms
    with numpy, matplotlib and ipywidgets loaded), then restore it as it was. On the way out,
    collect only the young generations: the old drawing's cycles are freed there, cheaply,
    before they age into the old generation and make a full collection come sooner."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(1)


def slider(name, value, lo=-5.0, hi=5.0, step=0.1):
    """A float slider named ``name`` that redraws while it is dragged."""
    return W.FloatSlider(value=value, min=lo, max=hi, step=step, description=name,
                         continuous_update=True)


def log_slider(value, lo, hi, description):
    """A slider over powers of ten, from 10**lo to 10**hi."""
    return W.FloatLogSlider(value=value, base=10, min=lo, max=hi, step=0.25,
                            description=description, readout_format=".3g")


def option_values(control):
    """The values a selection control can take (its options may be labels or (label, value))."""
    return [o[1] if isinstance(o, tuple) else o for o in control.options]


def sample_values(control, n_between=3):
    """The values a test should try on ``control``: its ends and a few in between."""
    if isinstance(control, (W.Dropdown, W.ToggleButtons, W.RadioButtons, W.SelectionSlider)):
        return option_values(control)
    if isinstance(control, W.Button):
        return ["click"] * (n_between + 2)
    if isinstance(control, W.Checkbox):
        return [True, False]
    if isinstance(control, W.FloatLogSlider):
        lo, hi = control.min, control.max
        return [control.base ** (lo + (hi - lo) * k / (n_between + 1)) for k in range(n_between + 2)]
    if isinstance(control, (W.IntSlider, W.FloatSlider, W.BoundedIntText, W.BoundedFloatText)):
        lo, hi = control.min, control.max
        values = [lo + (hi - lo) * k / (n_between + 1) for k in range(n_between + 2)]
        return [round(v) for v in values] if isinstance(control, (W.IntSlider, W.BoundedIntText)) \
            else values
    return []


def sweep(explorer, n_between=3):
    """Set every control of ``explorer`` to its extremes and a few values between (buttons are
    clicked a few times), restoring each slider afterwards; return the slowest redraw in seconds.
    Any error in a redraw propagates."""
    slowest = 0.0
    for control in explorer.controls.values():
        if isinstance(control, W.Button):
            for _ in sample_values(control, n_between):
                start = time.perf_counter()
                control.click()
                slowest = max(slowest, time.perf_counter() - start)
            continue
        start_value = control.value
        for value in sample_values(control, n_between):
            start = time.perf_counter()
            if control.value == value:
                explorer.redraw()   # same value fires no event: redraw anyway, to measure it
            else:
                control.value = value
            slowest = max(slowest, time.perf_counter() - start)
        control.value = start_value
    return slowest
