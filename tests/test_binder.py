"""The environment Binder builds from binder/ runs every notebook, so a broken pin or a missing
file fails here and not in front of a class.

The build follows repo2docker's steps for a requirements.txt repository, minus Docker: a fresh
virtual environment of the Python in runtime.txt, ``pip install -r binder/requirements.txt``,
then ``binder/postBuild`` from the root of a copy of the work tree. repo2docker itself is asked
(``--no-build``, which needs no Docker) to confirm it reads those files that way.
"""
import importlib.util
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from notebook_runner import REPO, copy_worktree, isolated_env, notebook_paths, skip_or_fail

pytestmark = pytest.mark.binder

BINDER = REPO / "binder"
PIP_TIMEOUT = 1200      # seconds; installing JupyterLab and friends takes a few minutes
NOTEBOOK_TIMEOUT = 900


def runtime_version():
    """The Python version binder/runtime.txt asks for, as "3.11"."""
    text = (BINDER / "runtime.txt").read_text().strip()
    match = re.fullmatch(r"python-(\d+\.\d+)(\.\d+)?", text)
    assert match, f"binder/runtime.txt should read like 'python-3.11', not {text!r}"
    return match[1]


def python_for(version):
    """An interpreter of that version on this machine."""
    for candidate in (sys.executable, f"python{version}"):
        try:
            found = subprocess.run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info"
                                    "[:2]); print(sys.executable)"], capture_output=True,
                                   text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        lines = found.stdout.split()
        if found.returncode == 0 and lines and lines[0] == version:
            return lines[1]
    skip_or_fail(f"binder/runtime.txt asks for Python {version}, which is not on this machine "
                 f"(no python{version} on PATH)")


def run(command, timeout, **kwargs):
    """Run a build step; fail with its output if it fails."""
    try:
        done = subprocess.run([str(c) for c in command], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL, **kwargs)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} took longer than {timeout} s")
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-60:])
        pytest.fail(f"{' '.join(map(str, command))} failed ({done.returncode}); "
                    f"the end of its output:\n{tail}")
    return done.stdout


def requirement_name(line):
    return re.split(r"[\s<>=!~;\[]", line.strip(), maxsplit=1)[0].lower().replace("_", "-")


def lab_extensions(python, env):
    """(full text, {extension name: "enabled" or "disabled"}) from ``jupyter labextension list``
    run by ``python``."""
    listing = subprocess.run([str(python), "-m", "jupyter", "labextension", "list"],
                             capture_output=True, text=True, env=env, timeout=120)
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)
    return text, {m[1]: m[2] for m in re.finditer(r"^\s+(\S+) v\S+ (enabled|disabled)", text, re.M)}


@pytest.fixture(scope="module")
def binder(tmp_path_factory):
    """A copy of the work tree and a virtual environment built from it as Binder would."""
    python = python_for(runtime_version())
    tmp = tmp_path_factory.mktemp("binder")
    repo = copy_worktree(tmp / "repo")
    env = isolated_env(tmp / "home")
    venv = tmp / "venv"
    run([python, "-m", "venv", venv], 300, env=env)
    env.update(PATH=f"{venv / 'bin'}:{env['PATH']}", VIRTUAL_ENV=str(venv))
    run([venv / "bin" / "pip", "install", "--quiet", "-r", "binder/requirements.txt"],
        PIP_TIMEOUT, cwd=repo, env=env)
    post_build = repo / "binder" / "postBuild"
    post_build.chmod(0o755)                         # repo2docker makes it executable too
    run([post_build], PIP_TIMEOUT, cwd=repo, env=env)
    return {"repo": repo, "venv": venv, "env": env}


@pytest.mark.slow
@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_notebook_runs_in_the_binder_environment(binder, path):
    venv, repo = binder["venv"], binder["repo"]
    copy = repo / path.relative_to(REPO)
    out = run([venv / "bin" / "python", repo / "tests" / "notebook_runner.py", copy],
              NOTEBOOK_TIMEOUT, cwd=repo, env=binder["env"])
    where = json.loads(out.strip().splitlines()[-1])
    # the kernel was Binder's Python, and circuits the copy postBuild installed, not the source
    assert Path(where["prefix"]) == venv, where
    assert Path(where["circuits"]).is_relative_to(venv), where


@pytest.mark.slow
def test_post_build_silences_the_news_and_keeps_every_lab_extension(binder):
    text, binder_extensions = lab_extensions(binder["venv"] / "bin" / "python", binder["env"])
    assert re.search(r"Disabled extensions:\s*\n\s*@jupyterlab/apputils-extension:announcements",
                     text), f"postBuild should disable the news prompt:\n{text}"
    # the extensions the browser tests pass with (widgets, clicks) must be on Binder too
    _, ours = lab_extensions(sys.executable, binder["env"])
    assert "@jupyter-widgets/jupyterlab-manager" in ours, ours
    missing = {name for name, state in ours.items() if binder_extensions.get(name) != state}
    assert not missing, f"lab extensions missing or disabled in the Binder environment: " \
                        f"{sorted(missing)}\n{text}"


@pytest.mark.slow
def test_post_build_gives_binder_the_server_config_of_the_readme(binder):
    shown = run([binder["venv"] / "bin" / "python", "-m", "jupyter", "server", "--show-config"],
                300, cwd=binder["repo"], env=binder["env"])
    assert "kernel_websocket_connection_class = <class 'PromptConnection'>" in shown, shown


def test_binder_pins_everything_the_package_and_notebooks_need():
    # postBuild installs the package with --no-deps, so its dependencies must be pinned here
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    needed = project["dependencies"] + project["optional-dependencies"]["notebooks"]
    lines = [line for line in (BINDER / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    unpinned = [line for line in lines if "==" not in line]
    assert not unpinned, f"binder/requirements.txt should pin exact versions: {unpinned}"
    pinned = {requirement_name(line) for line in lines}
    missing = sorted({requirement_name(r) for r in needed} - pinned)
    assert not missing, f"binder/requirements.txt lacks {missing}"


def test_repo2docker_reads_runtime_requirements_and_post_build():
    if importlib.util.find_spec("repo2docker") is None:
        skip_or_fail("jupyter-repo2docker is not installed (pip install jupyter-repo2docker)")
    done = subprocess.run([sys.executable, "-m", "repo2docker", "--no-build", "--debug",
                           str(REPO)], capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL, cwd=REPO)
    assert done.returncode == 0, done.stderr
    log, dockerfile = done.stderr, done.stdout
    assert f"python={runtime_version()}" in log, log
    assert re.search(r'pip install [^\n]*-r "?binder/requirements\.txt', dockerfile), dockerfile
    assert re.search(r"^RUN \./binder/postBuild$", dockerfile, re.M), dockerfile
