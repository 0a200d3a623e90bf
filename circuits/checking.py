"""Verdicts for the exercises a student writes: compare their function with the package's.

Each check prints one line and returns a ``Verdict`` (truthy when right). While the student's
body is still nbgrader's stub, the check says "not done yet" instead of raising, so a notebook
runs top to bottom either way. A case is a dict of keyword arguments, a tuple of positional
ones, or any other value as the only argument. Numbers agree when
|got - expected| <= tolerance * max(1, |got|, |expected|): relative for large values,
absolute below 1.
"""
import copy
import inspect
import numbers
from dataclasses import dataclass

import numpy as np

NOT_DONE = "not done yet"


@dataclass(frozen=True)
class Verdict:
    """What a check found: ``ok``, ``done`` (False while the stub raises) and the message."""

    ok: bool
    message: str
    done: bool = True

    def __bool__(self):
        return self.ok

    def __str__(self):
        return self.message

    def _ipython_display_(self):
        pass                        # printed when made; a cell ending in a check shows it once


def check_function(student_fn, reference_fn, cases, name=None, tolerance=1e-6,
                   output_names=None):
    """Call both functions on every case; print and return the verdict on the first difference."""
    name = name or getattr(student_fn, "__name__", "your function")
    if not callable(student_fn) or not callable(reference_fn):
        raise TypeError(f"check_function needs two functions, got {type(student_fn).__name__} "
                        f"and {type(reference_fn).__name__}")
    cases = list(cases)
    if not cases:
        raise ValueError("cases is empty: give at least one set of inputs")
    _check_tolerance(tolerance)
    for case in cases:
        args, kwargs = _arguments(case)
        expected = reference_fn(*copy.deepcopy(args), **copy.deepcopy(kwargs))
        got, verdict = _attempt(student_fn, args, kwargs, name)
        wrong = verdict is None and _difference(got, expected, None, tolerance, output_names)
        if wrong:
            where = _inputs(reference_fn, args, kwargs)
            verdict = Verdict(False, f"{name}: {wrong} at {where}")
        if verdict is not None:                 # a Verdict is falsy when not ok
            return _say(verdict)
    count = f"{len(cases)} case{'s' if len(cases) > 1 else ''}"
    return _say(Verdict(True, f"ok: {name} matches on {count}"))


def check_value(answer, expected, name=None, tolerance=1e-6):
    """Compare ``answer`` (a value, or a function of no arguments) with ``expected``; print it."""
    name = name or getattr(answer, "__name__", "your value")
    _check_tolerance(tolerance)
    if callable(answer):
        answer, verdict = _attempt(answer, (), {}, name)
        if verdict is not None:
            return _say(verdict)
    wrong = _difference(answer, expected, None, tolerance, None)
    return _say(Verdict(False, f"{name}: {wrong}") if wrong else Verdict(True, f"ok: {name}"))


def _say(verdict):
    print(verdict.message)
    return verdict


def _check_tolerance(tolerance):
    if not isinstance(tolerance, numbers.Real) or not tolerance >= 0:
        raise ValueError(f"tolerance must be a number >= 0, got {tolerance!r}")


def _arguments(case):
    if isinstance(case, dict):
        return (), case
    return (case if isinstance(case, tuple) else (case,)), {}


def _attempt(fn, args, kwargs, name):
    """(what ``fn`` returned, None), or (None, the verdict on what it raised)."""
    try:
        return fn(*copy.deepcopy(args), **copy.deepcopy(kwargs)), None
    except NotImplementedError:
        return None, Verdict(False, f"{name}: {NOT_DONE}", done=False)
    except Exception as error:        # a student's bug is a verdict, not a traceback
        where = f" at {_inputs(fn, args, kwargs)}" if args or kwargs else ""
        return None, Verdict(False, f"{name}: your function raised {type(error).__name__}: "
                                    f"{error}{where}")


def _difference(got, expected, label, tolerance, output_names):
    """A phrase saying how ``got`` differs from ``expected`` (None when it does not)."""
    subject = label or "the result"
    if isinstance(expected, dict):
        return _dict_difference(got, expected, label, tolerance)
    if isinstance(expected, (tuple, list)):
        return _sequence_difference(got, expected, label, tolerance, output_names)
    if isinstance(expected, np.ndarray) and expected.dtype.kind in "biuf":
        return _array_difference(got, expected, subject, tolerance)
    if isinstance(expected, numbers.Real) and not isinstance(expected, bool):
        return _number_difference(got, expected, label, tolerance)
    if _same(got, expected):
        return None
    return _is(label, _show(got), _show(expected))


def _dict_difference(got, expected, label, tolerance):
    subject = label or "the result"
    keys = ", ".join(repr(k) for k in expected)
    if not isinstance(got, dict):
        return f"{subject} is {_kind(got)}, expected a dict with keys {keys}"
    missing = [k for k in expected if k not in got]
    if missing:
        return f"{subject} has no key {missing[0]!r} (expected keys {keys})"
    extra = [k for k in got if k not in expected]
    if extra:
        return f"{subject} has an unexpected key {extra[0]!r} (expected keys {keys})"
    for key, value in expected.items():
        inner = str(key) if label is None else f"{label}[{key!r}]"
        wrong = _difference(got[key], value, inner, tolerance, None)
        if wrong:
            return wrong
    return None


def _sequence_difference(got, expected, label, tolerance, output_names):
    subject = label or "the result"
    if not isinstance(got, (tuple, list)):
        kind = type(expected).__name__
        return f"{subject} is {_kind(got)}, expected a {kind} of {len(expected)} items"
    if len(got) != len(expected):
        return f"{subject} has {len(got)} items, expected {len(expected)}"
    names = output_names if label is None and output_names else None
    for i, (g, e) in enumerate(zip(got, expected)):
        inner = names[i] if names else (f"item {i}" if label is None else f"{label}[{i}]")
        wrong = _difference(g, e, inner, tolerance, None)
        if wrong:
            return wrong
    return None


def _array_difference(got, expected, subject, tolerance):
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"{subject} is {_kind(got)}, expected an array of shape {expected.shape}"
    if got.shape != expected.shape:
        return f"{subject} has shape {got.shape}, expected {expected.shape}"
    expected = expected.astype(float)
    with np.errstate(invalid="ignore"):
        error = np.abs(got - expected) / np.maximum(1.0, np.maximum(np.abs(got), np.abs(expected)))
        right = (got == expected) | (np.isnan(got) & np.isnan(expected)) | (error <= tolerance)
    if right.all():
        return None
    first = tuple(int(i) for i in np.argwhere(~right)[0])
    where = first[0] if len(first) == 1 else first
    a, b = _pair(got[first], expected[first])
    largest = _number(np.max(np.where(right, 0.0, np.abs(got - expected))))   # nan if got nan
    return (f"{subject} is wrong at {int((~right).sum())} of {right.size} entries, first at "
            f"index {where}: {a}, expected {b} (largest difference {largest})")


def _number_difference(got, expected, label, tolerance):
    if isinstance(got, bool) or not (isinstance(got, numbers.Real) or _is_scalar_array(got)):
        return _is(label, "None (no return?)" if got is None else _kind(got), _number(expected))
    got, expected = float(got), float(expected)
    if got == expected or (np.isnan(got) and np.isnan(expected)):
        return None
    if abs(got - expected) <= tolerance * max(1.0, abs(got), abs(expected)):
        return None
    return _is(label, *_pair(got, expected))


def _is_scalar_array(value):
    return isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "biuf"


def _is(label, got, expected):
    return f"{'got' if label is None else label + ' is'} {got}, expected {expected}"


def _pair(got, expected):
    """Both numbers as text, with just enough digits to tell them apart."""
    for digits in range(4, 18):
        a, b = _number(got, digits), _number(expected, digits)
        if a != b:
            break
    return a, b


def _number(x, digits=4):
    return f"{float(x) + 0.0:.{digits}g}"          # + 0.0 turns -0.0 into 0.0


def _same(got, expected):
    if isinstance(got, np.ndarray) or isinstance(expected, np.ndarray):
        return np.array_equal(got, expected)
    try:
        return bool(got == expected)
    except (TypeError, ValueError):                   # an object without a plain answer to ==
        return False


def _kind(value):
    """A short description of a value a student returned."""
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    text = _show(value)
    return f"a {type(value).__name__} {text}" if len(text) < 40 else f"a {type(value).__name__}"


def _show(value):
    """A value as a message shows it: numbers to 4 significant digits, short arrays in full."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, numbers.Real):
        return _number(value) if isinstance(value, (float, np.floating)) else str(value)
    if isinstance(value, np.ndarray):
        if value.ndim == 1 and value.size <= 6 and value.dtype.kind in "biuf":
            return "[" + ", ".join(_show(v) for v in value.tolist()) + "]"
        return f"array of shape {value.shape}"
    if callable(value):
        return getattr(value, "__name__", type(value).__name__)
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _inputs(fn, args, kwargs):
    """The inputs of a case as 'x=-2, y=5', named after ``fn``'s parameters where it can."""
    try:
        signature = inspect.signature(fn)
        named = signature.bind(*args, **kwargs).arguments
    except (TypeError, ValueError):                   # no signature, or the case does not fit
        named = None
    plain = {inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY,
             inspect.Parameter.POSITIONAL_ONLY}
    if named is None or any(signature.parameters[k].kind not in plain for k in named):
        shown = [_show(a) for a in args] + [f"{k}={_show(v)}" for k, v in kwargs.items()]
    else:
        shown = [f"{k}={_show(v)}" for k, v in named.items()]
    return ", ".join(shown)
