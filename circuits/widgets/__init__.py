"""Sliders over pictures (needs ipywidgets): ``Explorer`` and every explorer the notebooks
show, listed once in ``EXPLORERS`` for sweeps, tests and benchmarks."""
from .batches import batch_explorer
from .circuits import (circuit_explorer, expression_explorer, gate_explorer, neuron_explorer,
                       patterns_explorer)
from .classifiers import cost_explorer, descent_explorer, network_playground, svm_explorer
from .conv import conv_explorer
from .debugging import debugging_explorer
from .embedding import perplexity_explorer
from .explorer import Explorer, InPlace, sample_values, sweep
from .imbalance import imbalance_explorer
from .initialization import initialization_explorer
from .mlp import moons_explorer
from .monitoring import monitoring_explorer
from .multiclass import multiclass_explorer
from .optimization import momentum_explorer
from .playground import dense_playground
from .points import PointsExplorer
from .recurrent import gradient_flow_explorer
from .regression import regression_explorer
from .regularization import dropout_explorer, penalty_explorer
from .single_gate import (h_error_explorer, landscape_explorer, random_search_explorer,
                          sigmoid_explorer, wiggly_step_explorer)
from .stepper import BackwardStepper, backward_stepper
from .structured import stickiness_explorer
from .words import neighbours_explorer

EXPLORERS = {f.__name__: f for f in (
    sigmoid_explorer, gate_explorer, random_search_explorer, h_error_explorer,
    landscape_explorer, wiggly_step_explorer, circuit_explorer, patterns_explorer,
    neuron_explorer, expression_explorer, backward_stepper,
    batch_explorer,
    svm_explorer, network_playground, cost_explorer, descent_explorer, multiclass_explorer,
    dense_playground, moons_explorer,
    regression_explorer,
    stickiness_explorer,
    gradient_flow_explorer,
    conv_explorer,
    neighbours_explorer,
    perplexity_explorer,
    monitoring_explorer,
    momentum_explorer,
    initialization_explorer,
    debugging_explorer,
    penalty_explorer, dropout_explorer,
    imbalance_explorer,
)}

__all__ = ["Explorer", "InPlace", "PointsExplorer", "BackwardStepper", "sample_values", "sweep",
           "EXPLORERS", *EXPLORERS]
