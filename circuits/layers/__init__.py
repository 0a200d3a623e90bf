"""Vectorised layers: forward(...) -> (out, cache), backward(dout, cache) -> gradients; losses."""
from .dense import (affine_backward, affine_forward, dropout_backward, dropout_forward,
                    relu_backward, relu_forward, sigmoid_backward, sigmoid_forward,
                    tanh_backward, tanh_forward)
from .losses import binary_hinge_loss, mse_loss, softmax_loss, svm_loss
from .conv import conv_backward, conv_forward, max_pool_backward, max_pool_forward
from .recurrent import lstm_step_backward, lstm_step_forward, rnn_step_backward, rnn_step_forward

__all__ = [
    "affine_forward", "affine_backward", "relu_forward", "relu_backward",
    "sigmoid_forward", "sigmoid_backward", "tanh_forward", "tanh_backward",
    "dropout_forward", "dropout_backward",
    "softmax_loss", "svm_loss", "mse_loss", "binary_hinge_loss",
    "conv_forward", "conv_backward", "max_pool_forward", "max_pool_backward",
    "rnn_step_forward", "rnn_step_backward", "lstm_step_forward", "lstm_step_backward",
]
