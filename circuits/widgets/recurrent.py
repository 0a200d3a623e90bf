"""Explorer for recurrent networks: the recurrent weights' scale against the size of a gradient
flowing back through 50 time steps (vanishing below about 1, exploding above)."""
from functools import lru_cache

import ipywidgets as W
import numpy as np

from ..models.sequence import rnn_gradient_norms
from ..plots.recurrent import plot_gradient_norms
from .explorer import Explorer


def gradient_flow_explorer(scale=1.0, steps=50, hidden=100, seed=0):
    """Slide the scale of the recurrent weights Wh and watch ||dL/dh_t|| as a loss at the last
    step flows back: it shrinks geometrically for small scales and grows for large ones."""
    @lru_cache(maxsize=64)
    def norms(scale):
        return rnn_gradient_norms(scale, steps, hidden, np.random.default_rng(seed))

    def draw(fig, scale):
        ax = fig.subplots(gridspec_kw=dict(left=0.14, bottom=0.15))
        curve = norms(scale)
        plot_gradient_norms({f"scale {scale:.2f}": curve, "scale 1 (for reference)": norms(1.0)},
                            ax, decades=(-40, 10))                 # the whole slider's range
        return (f"gradient reaching step 0 is {curve[0]:.2e} times the one at step {steps - 1}"
                f" (change per step about {curve[0] ** (1 / (steps - 1)):.2f}x)")

    controls = {"scale": W.FloatSlider(value=scale, min=0.25, max=4.0, step=0.25,
                                       description="Wh scale", continuous_update=True)}
    return Explorer(draw, controls, figsize=(7, 3.5))
