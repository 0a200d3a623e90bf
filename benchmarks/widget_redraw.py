"""Slowest redraw of every explorer in the package, each control driven to its extremes and
a few values between (buttons clicked). Target: every redraw under 100 ms.

    python benchmarks/widget_redraw.py [--between 3]
"""
import argparse
import importlib
import pkgutil

import circuits
from circuits.widgets import sweep


def explorer_factories():
    """(qualified name, factory) for every function listed in a module's ``EXPLORERS``."""
    for info in pkgutil.iter_modules(circuits.__path__):
        module = importlib.import_module(f"circuits.{info.name}")
        for factory in getattr(module, "EXPLORERS", ()):
            yield f"{info.name}.{factory.__name__}", factory


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--between", type=int, default=3, help="values tried between the ends")
    args = parser.parse_args()
    worst, count = 0.0, 0
    for name, factory in explorer_factories():
        count += 1
        explorer = factory()
        sweep(explorer, args.between)        # warm-up: caches, fonts, first draw
        slowest = sweep(explorer, args.between)
        worst = max(worst, slowest)
        print(f"{name:55s} slowest redraw {slowest * 1e3:6.1f} ms")
    if not count:
        raise SystemExit("no explorers found: no circuits module lists any in EXPLORERS")
    print(f"slowest of all: {worst * 1e3:.1f} ms  (target < 100 ms: {'ok' if worst < 0.1 else 'MISSED'})")


if __name__ == "__main__":
    main()
