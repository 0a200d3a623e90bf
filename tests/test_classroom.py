"""The student edition: solutions become nbgrader's stub exactly as nbgrader's own ClearSolutions
makes them, errors name the notebook and cell, and the student edition of the repository's
notebooks runs top to bottom with every checker saying "not done yet"."""
import re
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from circuits.checking import NOT_DONE
from circuits.classroom import MarkupError, main, strip_solutions, student_edition
from notebook_runner import REPO, execute, notebook_paths, skip_or_fail

EXERCISE = '''def double(x):
    """Twice x."""
    ### BEGIN SOLUTION
    y = x + x
    return y
    ### END SOLUTION'''
CHECK = "check_function(double, lambda x: 2 * x, [1.0, -3.0])"
PREDICTION = "Predict the gradient on `a`:\n\n### BEGIN SOLUTION\nIt is -4.\n### END SOLUTION"


def exercise_notebook():
    """An exercise, its checker, a markdown answer and an unrelated cell, all with outputs."""
    nb = new_notebook(metadata={"kernelspec": {"name": "python3", "language": "python",
                                               "display_name": "Python 3"}})
    nb.cells = [new_code_cell("from circuits.checking import check_function", execution_count=1),
                new_code_cell(EXERCISE, execution_count=2),
                new_code_cell(CHECK, execution_count=3, outputs=[
                    new_output("stream", text="ok: double matches on 2 cases\n")]),
                new_markdown_cell(PREDICTION),
                new_code_cell("print(2 + 2)", execution_count=4,
                              outputs=[new_output("stream", text="4\n")])]
    return nb


def write(folder, name, nb):
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / name)
    return folder / name


def test_a_solution_becomes_the_stub_at_its_indentation():
    source, count = strip_solutions(EXERCISE + "\n\nprint(double(2))")
    assert count == 1
    assert source == ('def double(x):\n    """Twice x."""\n    # YOUR CODE HERE\n'
                      '    raise NotImplementedError()\n\nprint(double(2))')


def test_several_solutions_and_markdown_answers():
    source, count = strip_solutions(EXERCISE + "\n\n" + EXERCISE.replace("double", "twice"))
    assert count == 2 and source.count("raise NotImplementedError()") == 2
    assert "x + x" not in source and "SOLUTION" not in source
    assert strip_solutions(PREDICTION, "markdown") == (
        "Predict the gradient on `a`:\n\nYOUR ANSWER HERE", 1)
    assert strip_solutions("x = 1\nprint(x)") == ("x = 1\nprint(x)", 0)


@pytest.mark.parametrize("source, message", [
    ("### BEGIN SOLUTION\nx = 1", "line 1: BEGIN SOLUTION without an END SOLUTION after it"),
    ("x = 1\n### END SOLUTION", "line 2: END SOLUTION without a BEGIN SOLUTION before it"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n### END SOLUTION",
     "line 2: BEGIN SOLUTION inside the solution begun on line 1"),
])
def test_markers_that_do_not_pair_up_are_refused(source, message):
    with pytest.raises(MarkupError, match=re.escape(message)):
        strip_solutions(source)


def test_the_edition_clears_solution_and_checker_outputs_only(tmp_path):
    write(tmp_path / "src", "01-exercise.ipynb", exercise_notebook())
    write(tmp_path / "src", "02-plain.ipynb", new_notebook(cells=[new_code_cell("1 + 1")]))
    (tmp_path / "src" / "notes.txt").write_text("not a notebook")
    assert student_edition(tmp_path / "src", tmp_path / "dst") == [
        ("01-exercise.ipynb", 2), ("02-plain.ipynb", 0)]
    assert sorted(p.name for p in (tmp_path / "dst").iterdir()) == [
        "01-exercise.ipynb", "02-plain.ipynb"]
    cells = nbformat.read(tmp_path / "dst" / "01-exercise.ipynb", as_version=4).cells
    assert [c.get("execution_count") for c in cells] == [1, None, None, None, 4]
    assert [len(c.get("outputs", [])) for c in cells] == [0, 0, 0, 0, 1]
    assert "raise NotImplementedError()" in cells[1].source and "x + x" not in cells[1].source
    assert cells[2].source == CHECK and cells[3].source.endswith("YOUR ANSWER HERE")


def test_a_bad_notebook_is_named_and_nothing_is_written(tmp_path):
    write(tmp_path / "src", "01-good.ipynb", exercise_notebook())
    bad = new_notebook(cells=[new_markdown_cell("intro"), new_code_cell("### BEGIN SOLUTION")])
    write(tmp_path / "src", "02-bad.ipynb", bad)
    with pytest.raises(MarkupError, match=r"02-bad.ipynb, cell 1: line 1: BEGIN SOLUTION"):
        student_edition(tmp_path / "src", tmp_path / "dst")
    assert not (tmp_path / "dst").exists()


def test_folders_that_cannot_work_are_refused(tmp_path):
    write(tmp_path / "src", "01.ipynb", new_notebook())
    with pytest.raises(ValueError, match="must go outside"):
        student_edition(tmp_path / "src", tmp_path / "src")
    with pytest.raises(ValueError, match="must go outside"):
        student_edition(tmp_path / "src", tmp_path / "src" / "student")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="has no notebooks"):
        student_edition(tmp_path / "empty", tmp_path / "dst")


def test_the_command_prints_one_line_per_notebook(tmp_path, capsys):
    write(tmp_path / "src", "01-exercise.ipynb", exercise_notebook())
    assert main(["student-edition", str(tmp_path / "src"), str(tmp_path / "dst")]) == 0
    written = tmp_path / "dst" / "01-exercise.ipynb"
    assert capsys.readouterr().out == f"{written}: 2 solutions removed\n"
    with pytest.raises(SystemExit) as stopped:
        main(["student-edition", str(tmp_path / "src"), str(tmp_path / "src")])
    assert stopped.value.code == 2 and "must go outside" in capsys.readouterr().err


def test_importing_circuits_does_not_import_nbformat():
    probe = "import sys, circuits, circuits.checking; print('nbformat' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# nbgrader's own ClearSolutions must read our markup as we do

def student_notebook_of(nb, tmp_path):
    """Our student edition of notebook ``nb``: (notebook, solutions removed)."""
    write(tmp_path / "src", "nb.ipynb", nb)
    [(_, count)] = student_edition(tmp_path / "src", tmp_path / "dst")
    return nbformat.read(tmp_path / "dst" / "nb.ipynb", as_version=4), count


def nbgrader_cleared(nb, **config):
    """``nb`` after nbgrader's ClearSolutions preprocessor (configured by ``config``)."""
    try:
        from nbgrader.preprocessors import ClearSolutions
    except ImportError:
        skip_or_fail("nbgrader is not installed (it is in the test extra: pip install -e .[test])")
    nb, _ = ClearSolutions(**config).preprocess(nb, {})
    return nb


def test_nbgrader_clears_our_markup_as_we_do(tmp_path):
    ours, count = student_notebook_of(exercise_notebook(), tmp_path)
    theirs = nbgrader_cleared(exercise_notebook(), enforce_metadata=False)
    assert count == 2 and [c.source for c in ours.cells] == [c.source for c in theirs.cells]


def test_nbgrader_accepts_our_markup_in_cells_marked_as_answers(tmp_path):
    nb = exercise_notebook()
    for index in (1, 3):                         # what nbgrader's "Autograded answer" cell sets
        nb.cells[index].metadata["nbgrader"] = {
            "solution": True, "grade": False, "locked": False, "task": False,
            "grade_id": f"answer-{index}", "schema_version": 3}
    ours, _ = student_notebook_of(nb, tmp_path)
    theirs = nbgrader_cleared(nb)
    assert [c.source for c in ours.cells] == [c.source for c in theirs.cells]


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.name)
def test_nbgrader_reads_the_repository_notebooks_as_we_do(path, tmp_path):
    ours, _ = student_notebook_of(nbformat.read(path, as_version=4), tmp_path)
    theirs = nbgrader_cleared(nbformat.read(path, as_version=4), enforce_metadata=False)
    assert [c.source for c in ours.cells] == [c.source for c in theirs.cells]


# the student edition of the repository's notebooks, executed

@pytest.fixture(scope="module")
def student_runs(tmp_path_factory):
    """[(name, notebook with solutions, executed student notebook)] for every chapter notebook."""
    folder = tmp_path_factory.mktemp("student")
    student_edition(REPO / "notebooks", folder)
    return [(path.name, nbformat.read(path, as_version=4), execute(folder / path.name))
            for path in notebook_paths()]


def solution_lines(source):
    """Lines inside solution blocks that appear nowhere else in the cell."""
    inside, outside, within = set(), set(), False
    for line in source.split("\n"):
        if "BEGIN SOLUTION" in line or "END SOLUTION" in line:
            within = "BEGIN SOLUTION" in line
        elif line.strip():
            (inside if within else outside).add(line.strip())
    return inside - outside


@pytest.mark.slow
def test_the_student_edition_runs_without_errors_or_solutions(student_runs):
    for name, original, student in student_runs:
        for index, (before, after) in enumerate(zip(original.cells, student.cells)):
            assert "BEGIN SOLUTION" not in after.source and "END SOLUTION" not in after.source
            left = [line for line in solution_lines(before.source) if line in after.source]
            assert not left, f"{name}, cell {index}: solution text left: {left}"
            errors = [o for o in after.get("outputs", []) if o.output_type == "error"]
            assert not errors, f"{name}, cell {index}: {errors[0].ename}: {errors[0].evalue}"


@pytest.mark.slow
def test_every_checker_in_the_student_edition_says_not_done_yet(student_runs):
    blocks = sum(c.source.count("BEGIN SOLUTION") for _, nb, _ in student_runs
                 for c in nb.cells if c.cell_type == "code")
    if not blocks:
        pytest.skip("no notebook has a code exercise (### BEGIN SOLUTION) yet")
    said = 0
    for name, original, student in student_runs:
        answers = set()
        for index, (before, after) in enumerate(zip(original.cells, student.cells)):
            if before.cell_type != "code":
                continue
            if "BEGIN SOLUTION" in before.source:
                answers |= set(re.findall(r"^def (\w+)", before.source, re.MULTILINE))
            text = "".join(o.get("text", "") for o in after.outputs if o.output_type == "stream")
            said += text.count(NOT_DONE)
            used = [a for a in answers if re.search(rf"\b{a}\b", after.source)]
            checks = re.search(r"\bcheck(_function|_value)?\(", after.source)
            if used and checks and "BEGIN SOLUTION" not in before.source:   # checks an answer
                assert NOT_DONE in text and not re.search(r"^ok\b", text, re.MULTILINE), (
                    f"{name}, cell {index} uses {used} but says:\n{text}")
    assert said >= blocks, f"{blocks} exercises but only {said} checks said {NOT_DONE!r}"
