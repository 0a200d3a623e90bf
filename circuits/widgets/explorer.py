"""Explorer: sliders above a matplotlib figure that redraws when any of them moves.

Needs ipywidgets (``pip install ipywidgets``). The figure is rendered to a PNG shown in an
``ipywidgets.Image``, so it works in JupyterLab and on Binder without extra extensions and a
test can read the exact image. ``sweep`` drives every control headlessly, for tests and
benchmarks.
"""
import base64
import gc
import io
import time
from contextlib import contextmanager

import ipywidgets as W
from matplotlib.figure import Figure, SubplotParams


class Explorer(W.VBox):
    """``draw(fig, **values)`` redraws ``fig`` from the controls' values; it may return a
    short text shown under the figure. An error in ``draw`` is shown there and re-raised."""

    def __init__(self, draw, controls, figsize=(5.0, 3.5), dpi=80, layout=None):
        self.draw = draw
        self.controls = dict(controls)
        # no layout engine by default: "constrained" doubles the redraw time
        self.figure = Figure(figsize=figsize, dpi=dpi, layout=layout,
                             subplotpars=SubplotParams(left=0.13, right=0.96, bottom=0.14, top=0.9,
                                                       wspace=0.3, hspace=0.35))
        # shown at its own pixel size: stretched to the page's width it would look blurred
        self.image = W.Image(format="png", width=round(figsize[0] * dpi))
        self.readout = W.HTML()
        self.error = None
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        super().__init__([W.VBox(list(self.controls.values())), self.image, self.readout])
        self.redraw()

    @property
    def values(self):
        return {name: c.value for name, c in self.controls.items()}

    def set(self, **values):
        """Move controls by name, as a student would, redrawing after each."""
        for name, value in values.items():
            if name not in self.controls:
                raise KeyError(f"no control named {name!r}; there are {list(self.controls)}")
            self.controls[name].value = value

    def redraw(self):
        """Draw the figure anew from the controls' values and show it."""
        with collector_paused():
            for ax in list(self.figure.axes):   # Figure.clear would first clear each axes,
                self.figure.delaxes(ax)         # rebuilding its ticks only to throw them away
            self.figure.clear()
            try:
                text = self.draw(self.figure, **self.values)
            except Exception as exc:
                self.error = exc
                self.readout.value = (f"<b style='color:#b00'>error: {type(exc).__name__}: "
                                      f"{exc}</b>")
                raise
            self.error = None
            self.readout.value = f"<pre style='margin:0'>{text}</pre>" if text else ""
            buffer = io.BytesIO()
            self.figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
            self.image.value = buffer.getvalue()

    def _on_change(self, change):
        self.redraw()

    def _repr_mimebundle_(self, **kwargs):
        # the widget for JupyterLab, plus a still picture for pages that cannot run widgets
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        return bundle


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
