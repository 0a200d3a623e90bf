"""Slowest redraw of every explorer in the package, each control driven to its extremes and
a few values between (buttons clicked). Target: every redraw under 100 ms.

    python benchmarks/widget_redraw.py [--between 3]
"""
import argparse

from circuits.widgets import EXPLORERS, sweep


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
        print(f"{name:30s} slowest redraw {slowest * 1e3:6.1f} ms")
    print(f"slowest of all: {worst * 1e3:.1f} ms  (target < 100 ms: {'ok' if worst < 0.1 else 'MISSED'})")


if __name__ == "__main__":
    main()
