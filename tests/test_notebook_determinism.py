"""Executing a notebook twice, each time in a fresh kernel, prints exactly the same text."""
import difflib

import pytest

from notebook_runner import execute, notebook_paths, sanitizers, text_outputs

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_two_runs_print_the_same_text(path):
    rules = sanitizers()     # the same clean-ups nbval applies (memory addresses)
    first, second = (text_outputs(execute(path), rules) for _ in range(2))
    assert len(first) == len(second)
    for (index, a), (_, b) in zip(first, second):
        diff = "\n".join(difflib.unified_diff(a.splitlines(), b.splitlines(), "run 1", "run 2",
                                              lineterm=""))
        if a != b:
            pytest.fail(f"{path.name}, cell {index}: the outputs differ between runs:\n{diff}")
