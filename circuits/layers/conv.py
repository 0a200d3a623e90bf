"""Convolution and max pooling on (N, C, H, W) images, vectorised with numpy's window views.

Forward returns ``(out, cache)``; backward takes ``(dout, cache)``. Output sizes follow
(W - F + 2P) / S + 1 and must come out whole: a stride that does not tile the input is an error.
Max pooling sends each window's gradient to one input, the first maximum in row-major order
(top row first, then left to right), as most frameworks do at ties.
"""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .checks import as_array, check_shape


def _whole(value, name, low):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name} must be an integer >= {low}, got {value!r}")
    return int(value)


def output_size(size, field, stride, pad, what="input"):
    """(size - field + 2 pad) / stride + 1, or a ValueError naming the numbers if not whole."""
    span = size - field + 2 * pad
    if span < 0:
        raise ValueError(f"a window of {field} does not fit the {what} of {size} with pad {pad}")
    if span % stride:
        raise ValueError(f"stride {stride} does not tile the {what}: (W - F + 2P) = "
                         f"({size} - {field} + 2*{pad}) = {span} is not divisible by {stride}")
    return span // stride + 1


def _windows(x, field, stride):
    """View of every (fh, fw) window: (N, C, Ho, Wo, fh, fw), no copy."""
    return sliding_window_view(x, field, axis=(2, 3))[:, :, ::stride, ::stride]


def _taps(field, stride, Ho, Wo):
    """Each offset (i, j) inside a window, with the slices picking it from every window."""
    for i in range(field[0]):
        for j in range(field[1]):
            yield (i, j), slice(i, i + stride * Ho, stride), slice(j, j + stride * Wo, stride)


def conv_forward(x, w, b, stride=1, pad=0):
    """Convolve x (N, C, H, W) with filters w (F, C, HH, WW) plus bias b (F,): (N, F, Ho, Wo)."""
    x, w = as_array("x (N, C, H, W)", x, 4), as_array("w (F, C, HH, WW)", w, 4)
    b = as_array("b (F,)", b, 1)
    stride, pad = _whole(stride, "stride", 1), _whole(pad, "pad", 0)
    F, C, HH, WW = w.shape
    if x.shape[1] != C:
        raise ValueError(f"x {x.shape} has {x.shape[1]} channels but w {w.shape} expects {C}")
    check_shape("b", b, (F,), f" (one bias per filter of w {w.shape})")
    N, _, H, W = x.shape
    Ho = output_size(H, HH, stride, pad, "height")
    Wo = output_size(W, WW, stride, pad, "width")
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad))) if pad else x
    cols = _windows(xp, (HH, WW), stride).transpose(0, 2, 3, 1, 4, 5).reshape(N * Ho * Wo, -1)
    out = cols @ w.reshape(F, -1).T + b                       # (N*Ho*Wo, F): one matrix product
    out = np.ascontiguousarray(out.reshape(N, Ho, Wo, F).transpose(0, 3, 1, 2))
    return out, (x.shape, cols, w, stride, pad)


def conv_backward(dout, cache):
    """Gradients (dx, dw, db) of the convolution from dout (N, F, Ho, Wo)."""
    x_shape, cols, w, stride, pad = cache
    N, C, H, W = x_shape
    F, _, HH, WW = w.shape
    Ho, Wo = (H + 2 * pad - HH) // stride + 1, (W + 2 * pad - WW) // stride + 1
    dout = as_array("dout", dout)
    check_shape("dout", dout, (N, F, Ho, Wo), " (the convolution's output)")
    d2 = dout.transpose(0, 2, 3, 1).reshape(-1, F)          # (N*Ho*Wo, F)
    dw = (d2.T @ cols).reshape(w.shape)
    db = dout.sum(axis=(0, 2, 3))
    dcols = (d2 @ w.reshape(F, -1)).reshape(N, Ho, Wo, C, HH, WW).transpose(0, 3, 4, 5, 1, 2)
    dxp = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=dcols.dtype)
    for (i, j), rows, cols in _taps((HH, WW), stride, Ho, Wo):   # loop over taps, not pixels
        dxp[:, :, rows, cols] += dcols[:, :, i, j]
    dx = dxp[:, :, pad:pad + H, pad:pad + W] if pad else dxp
    return dx, dw, db


def max_pool_forward(x, size=2, stride=2):
    """Largest value of each size x size window of x (N, C, H, W), windows stride apart."""
    x = as_array("x (N, C, H, W)", x, 4)
    size, stride = _whole(size, "size", 1), _whole(stride, "stride", 1)
    N, C, H, W = x.shape
    Ho = output_size(H, size, stride, 0, "height")
    Wo = output_size(W, size, stride, 0, "width")
    out, arg = None, np.zeros((N, C, Ho, Wo), dtype=np.intp)
    for k, (_, rows, cols) in enumerate(_taps((size, size), stride, Ho, Wo)):   # taps, not pixels
        tap = x[:, :, rows, cols]
        if out is None:
            out = tap.copy()
            continue
        arg = np.where(tap > out, k, arg)                    # strictly: ties keep the first
        np.maximum(out, tap, out=out)                        # (arithmetic, not masks: faster)
    return out, (x.shape, arg, size, stride)


def max_pool_backward(dout, cache):
    """Gradient dx of max pooling: each window's dout goes to its (first) maximum."""
    x_shape, arg, size, stride = cache
    dout = as_array("dout", dout)
    check_shape("dout", dout, arg.shape, " (the pooling's output)")
    dx = np.zeros(x_shape, dtype=dout.dtype)
    for k, (_, rows, cols) in enumerate(_taps((size, size), stride, *arg.shape[2:])):
        dx[:, :, rows, cols] += (arg == k) * dout            # overlapping windows add up
    return dx
