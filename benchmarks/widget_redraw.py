"""In the kernel alone (no browser): every explorer's slowest redraw, each control driven to its
extremes and a few values between (buttons clicked), and its median arrow-key step, each slider
moved STEPS steps one way (back from an end), on a fresh explorer with nothing trained ahead (a
script has no event loop to guess in). Targets: every redraw under 100 ms; the median step well
under the browser's 100 ms, which must also carry the picture to the page and show it.

    python benchmarks/widget_redraw.py [--between 3]
"""
import argparse
import statistics
import time

from circuits.widgets import EXPLORERS, sweep
from circuits.widgets.explorer import SLIDERS, next_step

STEPS = 6


def steps(explorer):
    """Seconds each arrow-key step of every slider took, STEPS per slider."""
    taken = []
    for control in explorer.controls.values():
        if not isinstance(control, SLIDERS):
            continue
        direction = 1 if next_step(control, 1) is not None else -1
        for _ in range(STEPS):
            value = next_step(control, direction)
            if value is None:
                direction = -direction
                value = next_step(control, direction)
            start = time.perf_counter()
            control.value = value
            taken.append(time.perf_counter() - start)
    return taken


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--between", type=int, default=3, help="values tried between the ends")
    args = parser.parse_args()
    worst = 0.0
    for name, factory in EXPLORERS.items():
        explorer = factory()
        sweep(explorer, args.between)        # warm-up: caches, fonts, first draw
        slowest = sweep(explorer, args.between)
        worst = max(worst, slowest)
        taken = steps(factory())
        step = f"median step {statistics.median(taken) * 1e3:5.1f} ms" if taken else "no slider"
        print(f"{name:30s} slowest redraw {slowest * 1e3:6.1f} ms   {step}")
    print(f"slowest of all: {worst * 1e3:.1f} ms  (target < 100 ms: {'ok' if worst < 0.1 else 'MISSED'})")


if __name__ == "__main__":
    main()
