"""The student edition: copies of the notebooks with every solution replaced by nbgrader's stub.

    python -m circuits.classroom student-edition notebooks/ student/

A solution is the lines from ``### BEGIN SOLUTION`` to ``### END SOLUTION`` (as nbgrader reads
them: any line containing BEGIN SOLUTION or END SOLUTION is a marker). In a code cell it becomes
``raise NotImplementedError()`` at the indentation of the BEGIN line; in a markdown cell,
"YOUR ANSWER HERE". The outputs of the cells with solutions, and of the later cells that use
what those cells define (the checkers), are cleared; every other output is kept.
"""
import argparse
import re
import sys
from pathlib import Path

import nbformat

BEGIN, END = "BEGIN SOLUTION", "END SOLUTION"
STUBS = {"code": ["# YOUR CODE HERE", "raise NotImplementedError()"],   # nbgrader's own stubs
         "markdown": ["YOUR ANSWER HERE"]}


class MarkupError(ValueError):
    """Solution markers that do not pair up: a BEGIN without END, an END alone, or nesting."""


def strip_solutions(source, cell_type="code"):
    """``source`` with each marked solution replaced by the stub; return (new source, count)."""
    stub = STUBS["code" if cell_type == "code" else "markdown"]
    lines, begun, count = [], None, 0
    for number, line in enumerate(source.split("\n"), start=1):
        if BEGIN in line:
            if begun is not None:
                raise MarkupError(f"line {number}: {BEGIN} inside the solution begun on "
                                  f"line {begun} (solutions cannot nest)")
            begun, count = number, count + 1
            indent = re.match(r"\s*", line).group(0)
            lines += [indent + text for text in stub]
        elif END in line:
            if begun is None:
                raise MarkupError(f"line {number}: {END} without a {BEGIN} before it")
            begun = None
        elif begun is None:
            lines.append(line)
    if begun is not None:
        raise MarkupError(f"line {begun}: {BEGIN} without an {END} after it")
    return "\n".join(lines), count


def student_notebook(path):
    """The student edition of the notebook at ``path``; return (notebook, solutions removed)."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    total, answers = 0, set()
    for index, cell in enumerate(nb.cells):
        try:
            source, count = strip_solutions(cell.source, cell.cell_type)
        except MarkupError as error:
            raise MarkupError(f"{path.name}, cell {index}: {error}") from None
        if count and cell.cell_type == "code":
            answers |= set(re.findall(r"^(?:def|class)\s+(\w+)", cell.source, re.MULTILINE))
        if cell.cell_type == "code" and (count or _uses(source, answers)):
            cell.outputs, cell.execution_count = [], None
        cell.source, total = source, total + count
    return nb, total


def _uses(source, names):
    """Whether ``source`` mentions any of ``names`` other than to define it."""
    return any(len(re.findall(rf"\b{name}\b", source))
               > len(re.findall(rf"^(?:def|class)\s+{name}\b", source, re.MULTILINE))
               for name in names)


def student_edition(src, dst):
    """Write the student edition of every notebook in folder ``src`` to folder ``dst``;
    return [(notebook name, solutions removed)]."""
    src, dst = Path(src).resolve(), Path(dst).resolve()
    if not src.is_dir():
        raise ValueError(f"{src} is not a folder")
    if dst == src or src in dst.parents:
        raise ValueError(f"the student edition must go outside {src}, not into {dst}")
    paths = sorted(src.glob("*.ipynb"))
    if not paths:
        raise ValueError(f"{src} has no notebooks (*.ipynb)")
    editions = [(path.name, *student_notebook(path)) for path in paths]   # all checked first
    dst.mkdir(parents=True, exist_ok=True)
    for name, nb, _ in editions:
        nbformat.write(nb, dst / name)
    return [(name, count) for name, _, count in editions]


def main(argv=None):
    """The command line: ``student-edition SRC DST``."""
    parser = argparse.ArgumentParser(prog="python -m circuits.classroom",
                                     description="Editions of the notebooks for a class.")
    commands = parser.add_subparsers(dest="command", required=True)
    edition = commands.add_parser("student-edition", help="copy the notebooks of SRC into DST with "
                                  "every solution replaced by nbgrader's stub")
    edition.add_argument("src", help="folder of the notebooks with solutions")
    edition.add_argument("dst", help="folder to write the student notebooks to (made if missing)")
    args = parser.parse_args(argv)
    try:
        written = student_edition(args.src, args.dst)
    except (ValueError, OSError) as error:
        parser.exit(2, f"student-edition: {error}\n")
    for name, count in written:
        print(f"{Path(args.dst) / name}: {count} solution{'' if count == 1 else 's'} removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
