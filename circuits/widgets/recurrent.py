"""Explorer for recurrent networks: the recurrent weights' scale against the size of a gradient
flowing back through 50 time steps (vanishing below about 1, exploding above)."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..models.sequence import rnn_gradient_norms
from ..plots.axes import title_text
from ..plots.recurrent import plot_gradient_norms, set_gradient_norms
from .explorer import Explorer, InPlace


def gradient_flow_explorer(scale=1.0, steps=50, hidden=100, seed=0):
    """Slide the scale of the recurrent weights Wh and watch ||dL/dh_t|| as a loss at the last
    step flows back: it shrinks geometrically for small scales and grows for large ones."""
    @lru_cache(maxsize=64)
    def norms(scale):
        return rnn_gradient_norms(scale, steps, hidden, np.random.default_rng(seed))

    def draw(fig, scale):
        ax = fig.subplots(gridspec_kw=dict(left=0.09, right=0.97, bottom=0.14, top=0.9))
        plot_gradient_norms({"the slider's scale": norms(scale),
                             "scale 1 (for reference)": norms(1.0)},
                            ax, decades=(-40, 10))                 # the whole slider's range
        line, title = ax.lines[0], title_text(ax, "")
        line.set_zorder(2.1)                    # over the reference, drawn anew or in place

        def update(scale):                      # the same axes: the curve and title move
            curve = norms(scale)
            per_step = curve[0] ** (1 / (steps - 1))
            set_gradient_norms(line, curve)
            title.set_text(f"Wh scale {scale:.2f}: about {per_step:.2f}x per step back")
            return (f"gradient reaching step 0 is {curve[0]:.2e} times the one at step "
                    f"{steps - 1} (change per step about {per_step:.2f}x)"), \
                [line, title]

        return InPlace(update(scale)[0], update, live=("scale",))

    controls = {"scale": W.FloatSlider(value=scale, min=0.25, max=4.0, step=0.25,
                                       description="Wh scale", continuous_update=True)}
    return Explorer(draw, controls, figsize=(10, 4), dpi=100)
