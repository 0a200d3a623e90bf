"""A fresh run of a notebook, in a fresh kernel, prints exactly the text committed with it: the
outputs are deterministic and up to date (nbval checks the same cell by cell; this names the
first differing line). Widget cells are left out: a widget's model id is new in every run."""
import difflib

import nbformat
import pytest

from notebook_runner import execute, notebook_paths, sanitizers, text_outputs, widget_cells

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_a_fresh_run_prints_the_committed_text(path):
    rules = sanitizers()     # the same clean-ups nbval applies (memory addresses)
    committed = nbformat.read(path, as_version=4)
    skip = set(widget_cells(committed))
    stored, fresh = (
        [(i, text) for i, text in text_outputs(nb, rules) if i not in skip]
        for nb in (committed, execute(path)))
    assert [i for i, _ in stored] == [i for i, _ in fresh]
    for (index, a), (_, b) in zip(stored, fresh):
        if a != b:
            diff = "\n".join(difflib.unified_diff(a.splitlines(), b.splitlines(), "committed",
                                                  "fresh run", lineterm=""))
            pytest.fail(f"{path.name}, cell {index}: a fresh run prints other text:\n{diff}")
