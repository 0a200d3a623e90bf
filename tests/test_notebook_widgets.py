"""Every notebook, run in a fresh kernel, prints exactly the text committed with it (its
outputs are deterministic and up to date; widget cells aside, whose model ids are new in every
run), and every widget in it, driven headlessly to its ends and values between, raises nothing:
not in a redraw, not in a button's callback, not inside an Output widget."""
import difflib
import json

import nbformat
import pytest

from notebook_runner import (describe, executed, notebook_paths, sanitizers, text_outputs,
                             widget_cells, widget_model_ids)

pytestmark = pytest.mark.slow

# Runs in the notebook's kernel after the notebook. Tracebacks that ipywidgets or an Output
# widget would only *show* (a button callback, ``with out:``) are recorded, so they fail here.
SWEEP = """
import json as _json, sys as _sys, traceback as _traceback
from ipywidgets.widgets.widget import _instances as _widgets
from circuits.widgets import Explorer as _Explorer, sweep as _sweep

_shown_tracebacks = []
_ip = get_ipython()
_showtraceback = _ip.showtraceback
def _record_traceback(exc_tuple=None, *args, **kwargs):
    _shown_tracebacks.append("".join(_traceback.format_exception(*(exc_tuple or _sys.exc_info()))))
    return _showtraceback(exc_tuple, *args, **kwargs)
_ip.showtraceback = _record_traceback

_displayed = {mid: (type(_widgets[mid]).__name__ if mid in _widgets else None,
                    isinstance(_widgets.get(mid), _Explorer)) for mid in %(model_ids)s}
_explorers = [w for w in list(_widgets.values()) if isinstance(w, _Explorer)]
try:
    _slowest = {f"{type(e).__name__}#{i}": _sweep(e) for i, e in enumerate(_explorers)}
finally:
    _ip.showtraceback = _showtraceback
print(_json.dumps({"displayed": _displayed, "swept": _slowest,
                   "tracebacks": _shown_tracebacks,
                   "errors": [f"{type(e).__name__}: {e.error!r}" for e in _explorers
                              if e.error is not None]}))
"""


def assert_prints_the_committed_text(path, fresh):
    """A fresh run's text outputs equal the committed ones (nbval's clean-ups applied)."""
    rules = sanitizers()
    committed = nbformat.read(path, as_version=4)
    skip = set(widget_cells(committed))
    stored, new = ([(i, text) for i, text in text_outputs(nb, rules) if i not in skip]
                   for nb in (committed, fresh))
    assert [i for i, _ in stored] == [i for i, _ in new]
    for (index, a), (_, b) in zip(stored, new):
        if a != b:
            diff = "\n".join(difflib.unified_diff(a.splitlines(), b.splitlines(), "committed",
                                                  "fresh run", lineterm=""))
            pytest.fail(f"{path.name}, cell {index}: a fresh run prints other text:\n{diff}")


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_a_fresh_run_prints_the_committed_text_and_every_widget_survives_a_sweep(path):
    with executed(path) as (nb, kernel):
        assert_prints_the_committed_text(path, nb)
        shown = widget_model_ids(nb)
        model_ids = [mid for ids in shown.values() for mid in ids]
        status, messages = kernel.run(SWEEP % {"model_ids": repr(model_ids)})
    failures = [m for m in messages if m["msg_type"] == "error"
                or m["msg_type"] == "stream" and m["content"]["name"] == "stderr"]
    assert status == "ok" and not failures, \
        f"{path.name}: sweeping the widgets failed ({len(failures)} error outputs; the first):\n" \
        + (describe(failures[0]) if failures else f"status {status}")
    report = json.loads("".join(m["content"]["text"] for m in messages
                                if m["msg_type"] == "stream"))
    assert not report["tracebacks"], \
        f"{path.name}: a widget callback raised {len(report['tracebacks'])} times (shown, " \
        f"not raised); the first:\n{report['tracebacks'][0]}"
    assert not report["errors"], f"{path.name}: explorers left in error: {report['errors']}"

    marked = widget_cells(nb)
    silent = [i for i in marked if i not in shown]
    assert not silent, f"{path.name}: cells {silent} are marked as widget cells but show no widget"
    unmarked = [i for i in shown if i not in marked]
    assert not unmarked, f"{path.name}: cells {unmarked} show a widget without the " \
                         "'# NBVAL_IGNORE_OUTPUT' mark"
    not_explorers = {mid: kind for mid, (kind, ok) in report["displayed"].items() if not ok}
    assert not not_explorers, \
        f"{path.name}: displayed widgets that are not Explorers (the tests cannot drive them): " \
        f"{not_explorers}"
    assert len(report["swept"]) >= len(model_ids), \
        f"{path.name}: {len(model_ids)} explorers shown but only {len(report['swept'])} swept"
