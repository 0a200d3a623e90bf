"""circuits: real-valued circuits and backpropagation, from the hacker's perspective."""
from .gates import (AddGate, DivideGate, ExpGate, Gate, LogGate, MaxGate, MultiplyGate,
                    NegateGate, PowerGate, ReLUGate, SigmoidGate, SubtractGate, TanhGate)
from .gradcheck import GradientCheck, gradient_check, numerical_gradient, relative_error
from .models.linear import SVM, Circuit
from .unit import Unit

__all__ = [
    "Unit", "Gate", "MultiplyGate", "AddGate", "SubtractGate", "DivideGate", "MaxGate",
    "ReLUGate", "SigmoidGate", "TanhGate", "ExpGate", "LogGate", "NegateGate", "PowerGate",
    "numerical_gradient", "gradient_check", "GradientCheck", "relative_error",
    "Circuit", "SVM",
]
