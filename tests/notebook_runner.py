"""Helpers shared by the end-to-end notebook tests: find the notebooks, copy the work tree,
run a notebook in a fresh kernel of this environment, and read its text outputs.

Also runnable as a script (``python notebook_runner.py NOTEBOOK...``) by another Python
environment, e.g. the Binder-like one: it then executes each notebook in that environment and
prints one JSON line per notebook saying where the kernel ran. It needs only nbformat, nbclient
and jupyter_client at import, which every JupyterLab install has. With ``--write`` it stores
the fresh outputs in each notebook instead (how the committed outputs are made):

    python tests/notebook_runner.py --write notebooks/05-svm.ipynb
"""
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")     # kernels as the tests run them: one BLAS thread
WIDGET_MARK = "# NBVAL_IGNORE_OUTPUT"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
CELL_TIMEOUT = 120          # seconds for one cell, as a student would wait at most
JUPYTER_VARIABLES = ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_PREFER_ENV_PATH",
                     "JUPYTER_PLATFORM_DIRS", "PYTHONPATH", "PYTHONSTARTUP", "MPLBACKEND")


def notebook_paths(root=REPO):
    """Every chapter notebook, in order: the tests grow as notebooks land."""
    return sorted((Path(root) / "notebooks").glob("*.ipynb"))


def skip_or_fail(reason):
    """Skip on a developer's machine; fail in CI (``CI`` set), where nothing may be missing."""
    import pytest
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)")
    pytest.skip(reason)


def worktree_files(root=REPO):
    """The files Binder would see once your work is committed: tracked and untracked, less
    what .gitignore excludes."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                                 "--exclude-standard"], cwd=root, check=True,
                                capture_output=True).stdout.decode().split("\0")
        return [name for name in listed if name and (Path(root) / name).is_file()]
    except (OSError, subprocess.CalledProcessError):    # not a git checkout: everything
        skip = {".git", ".venv", "test-artifacts", "build", "__pycache__"}
        return [str(p.relative_to(root)) for p in Path(root).rglob("*")
                if p.is_file() and not skip & set(p.relative_to(root).parts)
                and not any(part.endswith(".egg-info") for part in p.parts)]


def copy_worktree(dest, root=REPO):
    """Copy the work tree (see ``worktree_files``) into ``dest``; return ``dest``."""
    dest = Path(dest)
    for name in worktree_files(root):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(Path(root) / name, target)
    return dest


def isolated_env(home):
    """os.environ with a fresh HOME and Jupyter/IPython/matplotlib dirs under ``home``, so no
    setting or kernel of the user's leaks in."""
    home = Path(home)
    env = {k: v for k, v in os.environ.items() if k not in JUPYTER_VARIABLES}
    dirs = {"HOME": "", "JUPYTER_CONFIG_DIR": ".jupyter", "JUPYTER_DATA_DIR": ".local/share/jupyter",
            "JUPYTER_RUNTIME_DIR": ".local/share/jupyter/runtime",
            "JUPYTERLAB_SETTINGS_DIR": ".jupyter/lab/user-settings",
            "JUPYTERLAB_WORKSPACES_DIR": ".jupyter/lab/workspaces",
            "IPYTHONDIR": ".ipython", "MPLCONFIGDIR": ".config/matplotlib"}
    for name, sub in dirs.items():
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / sub)
    return env


class CurrentPythonSpecs(KernelSpecManager):
    """Every kernel name means ipykernel in this very Python, like nbval's --nbval-current-env."""

    def get_kernel_spec(self, kernel_name):
        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f",
                                "{connection_file}"],
                          display_name="Python 3 (ipykernel)", language="python")


class CurrentPythonKernel(AsyncKernelManager):
    def _kernel_spec_manager_default(self):
        return CurrentPythonSpecs()


class Kernel:
    """A kernel that has run a notebook, to run more code in: ``run(code)``."""

    def __init__(self, client):
        self.client = client

    def run(self, code, timeout=CELL_TIMEOUT):
        """Execute ``code``; return (reply status, every stream/error/display message on iopub).
        Raw iopub, so an error shown inside an Output widget is seen here too."""
        kc = self.client.kc
        msg_id = kc.execute(code, store_history=False, allow_stdin=False)
        deadline = time.monotonic() + timeout
        messages = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"code did not finish within {timeout} s:\n{code}")
            msg = run_sync(kc.get_iopub_msg)(timeout=remaining)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                break
            if kind in ("stream", "error", "display_data", "execute_result"):
                messages.append(msg)
        while True:
            reply = run_sync(kc.get_shell_msg)(timeout=max(1.0, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]["status"], messages

    def stdout(self, code, timeout=CELL_TIMEOUT):
        """Execute ``code``; return what it printed, failing on any error."""
        status, messages = self.run(code, timeout)
        errors = [m for m in messages if m["msg_type"] == "error"
                  or m["msg_type"] == "stream" and m["content"]["name"] == "stderr"]
        if status != "ok" or errors:
            raise AssertionError(f"kernel code failed ({status}):\n{code}\n"
                                 + "\n".join(describe(m) for m in errors))
        return "".join(m["content"]["text"] for m in messages if m["msg_type"] == "stream")


def describe(msg):
    """A readable one-block summary of an iopub message (tracebacks without colour codes)."""
    content = msg["content"]
    if msg["msg_type"] == "error":
        return f"{content['ename']}: {content['evalue']}\n" + strip_ansi("\n".join(content["traceback"]))
    if msg["msg_type"] == "stream":
        return f"[{content['name']}] {content['text']}"
    return f"[{msg['msg_type']}] {sorted(content.get('data', {}))}"


def strip_ansi(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@contextmanager
def executed(path, timeout=CELL_TIMEOUT):
    """Execute the notebook at ``path`` top to bottom in a fresh kernel of this Python, from
    its own folder (as JupyterLab does); yield (executed notebook, Kernel) with the kernel
    still alive. A cell that raises fails with nbclient's CellExecutionError."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=False,
                            kernel_manager_class=CurrentPythonKernel,
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        yield nb, Kernel(client)


def execute(path, timeout=CELL_TIMEOUT):
    """Execute the notebook at ``path`` in a fresh kernel; return the executed notebook."""
    with executed(path, timeout) as (nb, _):
        return nb


def sanitizers(cfg=REPO / "tests" / "nbval_sanitize.cfg"):
    """The (regex, replacement) pairs nbval applies before comparing outputs."""
    parser = configparser.ConfigParser()
    parser.read(cfg)
    return [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]


def text_outputs(nb, rules=()):
    """What a reader can read in each code cell's outputs, as one string per cell: streams,
    errors and every text-like MIME type; other MIME types by name only (a widget's model id is
    new in every run, an image is not text)."""
    cells = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        parts, stream = [], None
        for out in cell.get("outputs", []):
            if out.output_type == "stream":      # one text, however the kernel flushed it
                if stream == out.name:
                    parts[-1] += out.text
                else:
                    parts.append(f"{out.name}: {out.text}")
                stream = out.name
                continue
            stream = None
            if out.output_type == "error":
                parts.append(f"error: {out.ename}: {out.evalue}")
            else:
                for mime, value in sorted(out.get("data", {}).items()):
                    is_text = mime.startswith("text/") or mime == "application/json"
                    parts.append(f"{mime}: {value}" if is_text else f"{mime}: (not text)")
        text = "\n".join(parts)
        for regex, replacement in rules:
            text = regex.sub(replacement, text)
        cells.append((index, text))
    return cells


def widget_cells(nb):
    """Indices of the code cells marked as showing a widget."""
    return [i for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and WIDGET_MARK in c.source]


def widget_model_ids(nb):
    """{cell index: [model ids of the widgets the cell displays]}."""
    shown = {}
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view:
                shown.setdefault(index, []).append(view["model_id"])
    return shown


def main(paths):
    """Execute each notebook in this Python; print where its kernel ran, as JSON lines (or,
    after ``--write``, store each notebook's fresh outputs in it)."""
    if paths[:1] == ["--write"]:
        for name in paths[1:]:
            start = time.monotonic()
            nbformat.write(execute(name), name)
            print(f"{name}: fresh outputs written in {time.monotonic() - start:.1f} s", flush=True)
        return
    probe = ("import json, sys, circuits\n"
             "print(json.dumps({'prefix': sys.prefix, 'executable': sys.executable,"
             " 'circuits': circuits.__file__}))")
    for name in paths:
        start = time.monotonic()
        with executed(name) as (nb, kernel):
            where = json.loads(kernel.stdout(probe))
        print(json.dumps(dict(where, notebook=str(name), cells=len(nb.cells),
                              seconds=round(time.monotonic() - start, 1))), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
