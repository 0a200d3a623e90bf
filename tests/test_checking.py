"""The exercise checkers: one printed line per check naming what is wrong, "not done yet"
while the stub raises, and never an exception out of a student's bug."""
import nbformat
import numpy as np
import pytest

from circuits.checking import NOT_DONE, Verdict, check_function, check_value
from notebook_runner import execute


def gradient(x, y, z):
    """f = (x + y) * z, by hand: the reference the student's version is checked against."""
    return {"d/dx": z, "d/dy": z, "d/dz": x + y}


def run(capsys, check, *args, **kwargs):
    """The verdict of ``check(*args, **kwargs)`` and the lines it printed."""
    verdict = check(*args, **kwargs)
    return verdict, capsys.readouterr().out.splitlines()


def test_a_right_function_is_ok_and_truthy(capsys):
    cases = [dict(x=-2.0, y=5.0, z=-4.0), (1.0, 2.0, 3.0)]
    verdict, lines = run(capsys, check_function, lambda x, y, z: {"d/dx": z, "d/dy": z,
                         "d/dz": x + y}, gradient, cases, name="gradient")
    assert verdict and verdict.ok and verdict.done
    assert lines == ["ok: gradient matches on 2 cases"]


def test_a_wrong_value_names_the_key_the_numbers_and_the_inputs(capsys):
    def wrong(x, y, z):
        return {"d/dx": -z - 1, "d/dy": z, "d/dz": x + y}
    verdict, lines = run(capsys, check_function, wrong, gradient,
                         [(1.0, 1.0, 1.0), dict(x=-2.0, y=5.0, z=-4.0)])
    assert not verdict and verdict.done
    assert lines == ["wrong: d/dx is -2, expected 1 at x=1, y=1, z=1"]   # stops at the first case


def test_not_implemented_is_not_done_yet_without_raising(capsys):
    def stub(x, y, z):
        raise NotImplementedError()
    verdict, lines = run(capsys, check_function, stub, gradient, [(1.0, 2.0, 3.0)])
    assert not verdict and not verdict.done
    assert lines == [f"stub: {NOT_DONE}"] and NOT_DONE == "not done yet"


def test_another_exception_is_reported_plainly(capsys):
    def broken(x, y, z):
        return {"d/dx": z / (x - 1.0)}
    verdict, lines = run(capsys, check_function, broken, gradient, [dict(x=1.0, y=2.0, z=3.0)])
    assert not verdict and verdict.done
    assert lines == ["broken: your function raised ZeroDivisionError: float division by zero "
                     "at x=1, y=2, z=3"]


def test_missing_and_unexpected_keys(capsys):
    _, lines = run(capsys, check_function, lambda x, y, z: {"d/dx": z}, gradient, [(1, 2, 3)],
                   name="g")
    assert lines == ["g: the result has no key 'd/dy' (expected keys 'd/dx', 'd/dy', 'd/dz') "
                     "at x=1, y=2, z=3"]
    _, lines = run(capsys, check_function, lambda x, y, z: {**gradient(x, y, z), "d/dw": 0},
                   gradient, [(1, 2, 3)], name="g")
    assert lines == ["g: the result has an unexpected key 'd/dw' (expected keys 'd/dx', 'd/dy', "
                     "'d/dz') at x=1, y=2, z=3"]


def test_tuples_name_the_position_or_the_given_output_names(capsys):
    def reference(a, b):
        return a * b, (b, a)

    def swapped(a, b):
        return a * b, (a, b)
    _, lines = run(capsys, check_function, swapped, reference, [(2.0, 3.0)], name="mul")
    assert lines == ["mul: item 1[0] is 2, expected 3 at a=2, b=3"]
    _, lines = run(capsys, check_function, swapped, reference, [(2.0, 3.0)], name="mul",
                   output_names=("out", "grads"))
    assert lines == ["mul: grads[0] is 2, expected 3 at a=2, b=3"]
    _, lines = run(capsys, check_function, lambda a, b: a * b, reference, [(2.0, 3.0)], name="m")
    assert lines == ["m: the result is a float 6, expected a tuple of 2 items at a=2, b=3"]


def test_arrays_report_shape_mismatch_and_first_wrong_index(capsys):
    def reference(x):
        return 2 * x

    x = np.arange(6.0).reshape(2, 3)
    _, lines = run(capsys, check_function, lambda x: (2 * x).ravel(), reference, [x], name="d")
    assert lines == ["d: the result has shape (6,), expected (2, 3) at x=array of shape (2, 3)"]

    def off(x):
        y = 2 * x
        y[1, 0] += 0.5
        y[1, 2] -= 2.0
        return y
    _, lines = run(capsys, check_function, off, reference, [x], name="d")
    assert lines == ["d: the result is wrong at 2 of 6 entries, first at index (1, 0): 6.5, "
                     "expected 6 (largest difference 2) at x=array of shape (2, 3)"]


def test_the_student_gets_a_copy_of_the_inputs(capsys):
    def in_place(x):
        x *= 2                                   # would double the reference's input too
        return x
    verdict, _ = run(capsys, check_function, in_place, lambda x: 2 * x, [np.ones(3)])
    assert verdict


def test_tolerance_is_relative_for_large_numbers_absolute_for_small(capsys):
    assert run(capsys, check_function, lambda x: x * (1 + 1e-7), lambda x: x, [1e6])[0]
    assert not run(capsys, check_function, lambda x: x * (1 + 1e-5), lambda x: x, [1e6])[0]
    assert run(capsys, check_function, lambda x: x + 1e-7, lambda x: x, [1e-9])[0]
    assert not run(capsys, check_function, lambda x: x + 1e-5, lambda x: x, [1e-9])[0]


def test_numbers_get_enough_digits_to_differ_and_no_negative_zero(capsys):
    _, lines = run(capsys, check_function, lambda x: 1.00001, lambda x: 1.0, [0.0], name="f")
    assert lines == ["f: got 1.00001, expected 1 at x=0"]
    _, lines = run(capsys, check_function, lambda x: -0.0, lambda x: 0.5, [-0.0], name="f")
    assert lines == ["f: got 0, expected 0.5 at x=0"]


def test_a_forgotten_return_is_named(capsys):
    def no_return(x):
        x + 1
    _, lines = run(capsys, check_function, no_return, lambda x: x + 1, [1.0])
    assert lines == ["no_return: got None (no return?), expected 2 at x=1"]


def test_check_value_takes_a_value_or_a_function(capsys):
    def answer():
        return -12.0

    def stub():
        raise NotImplementedError()
    verdict, lines = run(capsys, check_value, answer, -12)
    assert verdict and lines == ["ok: answer"]
    verdict, lines = run(capsys, check_value, stub, -12)
    assert not verdict.done and lines == [f"stub: {NOT_DONE}"]
    verdict, lines = run(capsys, check_value, -11, -12, name="prediction")
    assert not verdict and lines == ["prediction: got -11, expected -12"]
    verdict, lines = run(capsys, check_value, "b", "a", name="gate")
    assert lines == ["gate: got 'b', expected 'a'"]


def test_bad_calls_from_an_author_raise():
    with pytest.raises(ValueError, match="cases is empty"):
        check_function(abs, abs, [])
    with pytest.raises(TypeError, match="two functions, got float"):
        check_function(1.0, abs, [1.0])
    with pytest.raises(ValueError, match="tolerance must be a number >= 0, got -1"):
        check_value(1.0, 1.0, tolerance=-1)


def test_a_verdict_is_printed_once_in_a_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "from circuits.checking import check_value\n"
        "def answer():\n    raise NotImplementedError()\n"
        "check_value(answer, 3.0)")]
    path = tmp_path / "once.ipynb"
    nbformat.write(nb, path)
    outputs = execute(path).cells[0].outputs
    assert [(o.output_type, o.get("text")) for o in outputs] == [("stream", "answer: not done yet\n")]
    assert repr(Verdict(False, "x")) == "Verdict(ok=False, message='x', done=True)"
