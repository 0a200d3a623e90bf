"""Pictures (matplotlib only). Every helper draws on ``ax`` (or a new figure when ``ax`` is
None) and returns what it computed along the way."""
from .axes import NEGATIVE, POSITIVE, few_ticks, new_axes
from .circuit import draw_circuit, draw_exercise
from .classifier import grid, limits, plot_boundary, plot_data, score_function
from .curves import plot_curves
from .neurons import plot_hidden_lines, plot_hidden_neuron
from .regions import plot_regions
from .single_gate import (h_errors, plot_h_error, plot_landscape, plot_random_search,
                          plot_sigmoid, plot_wiggly_step)

__all__ = [
    "NEGATIVE", "POSITIVE", "few_ticks", "new_axes", "draw_circuit", "draw_exercise", "grid",
    "limits", "plot_boundary", "plot_data", "score_function", "plot_curves", "plot_hidden_lines",
    "plot_hidden_neuron", "h_errors", "plot_h_error", "plot_landscape", "plot_random_search",
    "plot_sigmoid", "plot_wiggly_step", "plot_regions",
]
