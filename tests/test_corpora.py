"""The offline corpora: the Zen of Python, read without printing it."""
import contextlib
import io

from circuits.corpora import zen_of_python


def test_zen_of_python_is_pep_20_and_prints_nothing():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        text = zen_of_python()
    assert out.getvalue() == ""
    assert text.startswith("The Zen of Python, by Tim Peters\n\nBeautiful is better than ugly.")
    assert "Namespaces are one honking great idea" in text and len(text.splitlines()) == 21
