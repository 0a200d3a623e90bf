"""Markers for the end-to-end tests, so each kind can be run alone (``pytest -m browser``),
and where the browser tests left their screenshots."""
import os
import time
from pathlib import Path

import pytest

# One BLAS thread for this process and every kernel it starts: on a 2-core machine that also
# runs the kernels, multithreaded BLAS makes tiny matrix products many times slower (and their
# last digits can depend on the thread count).
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

MARKERS = {
    "browser": "drives JupyterLab in headless Chromium (needs /usr/bin/chromium)",
    "binder": "builds or inspects the environment Binder makes from binder/",
    "slow": "end-to-end: runs whole notebooks (deselect with -m 'not slow')",
}
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"


def pytest_configure(config):
    for name, text in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {text}")
    config.e2e_started = time.time()


def pytest_terminal_summary(terminalreporter, config):
    started = getattr(config, "e2e_started", None)
    shots = [p for p in SCREENSHOTS.glob("*.png") if started and p.stat().st_mtime >= started]
    if shots:
        terminalreporter.write_line(f"browser tests: {len(shots)} screenshots in {SCREENSHOTS}")


@pytest.fixture
def ax():
    """Axes of a new pyplot figure, closed after the test."""
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)
