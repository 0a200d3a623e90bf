"""Every cell that shows a widget carries exactly ``# NBVAL_IGNORE_OUTPUT`` on its first line,
and nbval's own marker detection agrees that its output is not compared."""
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import find_comment_markers

MARKER = "# NBVAL_IGNORE_OUTPUT"
WIDGET = "application/vnd.jupyter.widget-view+json"
NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


def _code_cells(path):
    nb = nbformat.read(path, as_version=4)
    return [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]


def _shows_widget(cell):
    return any(WIDGET in out.get("data", {}) for out in cell.outputs)


def _ignored_by_nbval(source):
    return dict(find_comment_markers(source)).get("check") is False


def test_there_are_notebooks_with_widgets():
    assert any(_shows_widget(c) for p in NOTEBOOKS for _, c in _code_cells(p))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_widget_cells_start_with_the_exact_marker(path):
    for i, cell in _code_cells(path):
        if _shows_widget(cell):
            first = cell.source.split("\n", 1)[0]
            assert first == MARKER, f"{path.name} cell {i}: first line is {first!r}"
            assert _ignored_by_nbval(cell.source), f"{path.name} cell {i}: nbval compares it"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_marker_mention_is_one_nbval_honours(path):
    for i, cell in _code_cells(path):
        if "NBVAL_IGNORE_OUTPUT" in cell.source:
            assert cell.source.split("\n", 1)[0] == MARKER, f"{path.name} cell {i}"
            assert _ignored_by_nbval(cell.source), f"{path.name} cell {i}"


def test_the_rule_matches_nbval_on_near_misses():
    assert _ignored_by_nbval(MARKER + "\nshow()")
    assert not _ignored_by_nbval(MARKER + "  (a widget: nothing to compare)\nshow()")
    assert not _ignored_by_nbval("show()  # NBVAL_IGNORE_OUTPUT")
