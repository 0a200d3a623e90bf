"""The local derivative of every operation, each written exactly once.

An operation takes plain floats and returns ``(value, local_grads)``: its output and the
derivative of that output with respect to each input. Units and gates both call these.
"""
import math


def multiply(a, b):
    return a * b, (b, a)                       # d(ab)/da = b, d(ab)/db = a


def add(a, b):
    return a + b, (1.0, 1.0)                   # add hands the gradient to both inputs


def subtract(a, b):
    return a - b, (1.0, -1.0)


def divide(a, b):
    if b == 0:
        raise ZeroDivisionError(f"division by a unit whose value is 0 (numerator {a})")
    return a / b, (1.0 / b, -a / (b * b))      # quotient rule, one input at a time


def negate(a):
    return -a, (-1.0,)


def power(a, exponent):
    """``a ** exponent`` for a fixed numeric exponent."""
    value = a ** exponent
    if isinstance(value, complex):
        raise ValueError(f"{a} ** {exponent} is not a real number")
    return value, (exponent * a ** (exponent - 1),)


def maximum(a, b):
    return (a, (1.0, 0.0)) if a >= b else (b, (0.0, 1.0))   # max routes to the larger input


def relu(a):
    return (a, (1.0,)) if a > 0 else (0.0, (0.0,))


def sigmoid(a):
    # two forms so that exp never overflows: Unit(-1000).sigmoid() is 0.0, not an error
    if a >= 0:
        s = 1.0 / (1.0 + math.exp(-a))
    else:
        e = math.exp(a)
        s = e / (1.0 + e)
    return s, (s * (1.0 - s),)


def tanh(a):
    t = math.tanh(a)
    return t, (1.0 - t * t,)


def exp(a):
    if a > 709.0:
        raise OverflowError(f"exp({a}) is too large for a float")
    e = math.exp(a)
    return e, (e,)


def log(a):
    if a <= 0:
        raise ValueError(f"log needs a positive value, got {a}")
    return math.log(a), (1.0 / a,)
