"""What a student sees: every notebook opened in JupyterLab in a real browser (headless
Chromium, driven by Playwright), run with Run > Run All Cells, then every explorer's sliders
dragged and, where the picture takes clicks, a point clicked in.

Every slider is also stepped with the arrow keys, a few steps each at a student's pace, and
each step timed in the page from the key press to the animation frame that shows the new
picture. The pace matters: explorers that train use a student's pauses to prepare the steps
that may come next (``circuits.widgets.explorer``'s look-ahead). The steps and their
percentiles per explorer (and the playground's pictures a second while playing) go to
test-artifacts/latency.json, for benchmarks/browser_latency.py to hold against the targets.
Run with ``-s`` to see them.

Fails on an error or stderr output, a dead kernel, a dialog left open, a JavaScript error in
the console, a traceback in the server's log, a slider that does not change the picture or a
click that adds no point. A screenshot of each notebook after Run All (and of each explorer
after its sliders moved) goes to test-artifacts/screenshots/. Run these tests alone with
``pytest -m browser``.
"""
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from notebook_runner import (REPO, copy_worktree, isolated_env, notebook_paths, skip_or_fail,
                             strip_ansi)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}
TALLEST_SHOT = 12000            # px; a taller notebook is saved in several pictures
SERVER_START = 90               # seconds, each bound below is a hard limit
NOTEBOOK_OPEN = 120
RUN_ALL = 300
REDRAW = 60
KEY_STEPS = 6                   # arrow-key steps timed on every slider
SETTLE = 0.3                    # s after the kernel has answered a step without a new picture
NO_PICTURE = 2                  # s without even an answer: a step that sent nothing
KEY_PACE = 0.3                  # s from one key press to the next, at least: a student looks
MOVE_TO_SLIDER = 2              # s a student takes to reach for another slider and click it
LATENCY = REPO / "test-artifacts" / "latency.json"
WIDGET = "application/vnd.jupyter.widget-view+json"
# Messages that are not the notebooks' fault. Keep these tiny and say why for each.
ALLOWED_CONSOLE_ERRORS = []     # (regex, reason); none needed so far
ALLOWED_KERNEL_STDERR = [
    (r"^stderr: No such comm( target registered)?: ",
     "JupyterLab's widget manager asks a new kernel for its widgets (comm target "
     "'jupyter.widget.control') before the notebook has imported ipywidgets; the kernel says "
     "so on stderr, and nobody sees it"),
]

LAB_SETTINGS = {   # fresh JupyterLab, minus what would cover or hide the notebook
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none",   # every cell in the DOM
                                               "scrollPastEnd": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false",
                                                     "checkForUpdates": False},
}

# -- JavaScript run in the page (JupyterLab exposes itself as window.jupyterapp, see below) --
NOTEBOOK = "const nb = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
KERNEL_READY = "(path) => {" + NOTEBOOK + """
    const k = nb && nb.sessionContext && nb.sessionContext.session
              && nb.sessionContext.session.kernel;
    return !!(nb && nb.context && nb.context.path === path && nb.context.isReady && k
              && k.connectionStatus === 'connected' && k.status === 'idle');
}"""
WATCH_KERNEL = "() => {" + NOTEBOOK + """
    window.e2eStatuses = [];
    window.e2eKernelErrors = [];   // every error or stderr the kernel sends, shown or not
    nb.sessionContext.statusChanged.connect((_, status) => {
      window.e2eStatuses.push(status);
      window.e2eStatusAt = performance.now();
    });
    nb.sessionContext.iopubMessage.connect((_, msg) => {
      const c = msg.content;
      if (msg.header.msg_type === 'error')
        window.e2eKernelErrors.push(c.ename + ': ' + c.evalue + '\\n' + c.traceback.join('\\n'));
      if (msg.header.msg_type === 'stream' && c.name === 'stderr')
        window.e2eKernelErrors.push('stderr: ' + c.text);
    });
}"""
STATE = "() => {" + NOTEBOOK + """
    const k = nb.sessionContext.session && nb.sessionContext.session.kernel;
    const cells = nb.content.widgets.filter(c => c.model.type === 'code');
    const prompts = cells.map(c => c.node.querySelector('.jp-InputPrompt').textContent.trim());
    return {status: k ? k.status : 'none', statuses: window.e2eStatuses,
            running: prompts.filter(p => p === '[*]:').length,
            unrun: cells.filter(c => !c.model.executionCount).length, cells: cells.length,
            errors: nb.content.node.querySelectorAll(
                '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length};
}"""
PROBLEMS = "() => {" + NOTEBOOK + """
    const text = (nodes) => [...nodes].map(n => n.textContent.slice(0, 1500));
    return {
      stderr: text(nb.content.node.querySelectorAll(
          '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')),
      widgetErrors: text(nb.content.node.querySelectorAll('.jupyter-widgets-error-widget'))
          .concat([...nb.content.node.querySelectorAll('.jupyter-widgets')]
                  .filter(n => n.textContent.startsWith('Error displaying widget'))
                  .map(n => n.textContent)),
      dialogs: text(document.querySelectorAll('.jp-Dialog')),
      kernel: window.e2eKernelErrors.map(t => t.slice(0, 3000)),
    };
}"""
TAG_WIDGETS = "() => {" + NOTEBOOK + """
    const found = [];
    nb.content.widgets.forEach((cell, i) => {
      if (cell.model.type !== 'code') return;
      for (let j = 0; j < cell.model.outputs.length; j++) {
        const view = cell.model.outputs.get(j).data['""" + WIDGET + """'];
        if (!view) continue;
        cell.outputArea.widgets[j].node.querySelector('.jp-OutputArea-output')
            .setAttribute('data-e2e-model', view.model_id);
        found.push({cell: i, model: view.model_id, source: cell.model.sharedModel.getSource()});
      }
    });
    return found;
}"""
KERNEL_EXEC = "async (code) => {" + NOTEBOOK + """
    const future = nb.sessionContext.session.kernel.requestExecute(
        {code, silent: false, store_history: false, stop_on_error: true});
    let out = '', err = '';
    future.onIOPub = (msg) => {
      const kind = msg.header.msg_type;
      if (kind === 'stream') { if (msg.content.name === 'stdout') out += msg.content.text;
                               else err += msg.content.text; }
      if (kind === 'error') err += msg.content.ename + ': ' + msg.content.evalue + '\\n';
    };
    await future.done;
    return {out, err};
}"""
SCROLLER = "() => {" + NOTEBOOK + """
    const outer = nb.content.node.querySelector('.jp-WindowedPanel-outer') || nb.content.node;
    return {height: outer.scrollHeight, visible: outer.clientHeight};
}"""
SCROLL_TO = "(top) => {" + NOTEBOOK + """
    const outer = nb.content.node.querySelector('.jp-WindowedPanel-outer') || nb.content.node;
    outer.scrollTop = top;
}"""

# One slider step, timed in the page: the key press (seen first, in the capture phase), the
# new picture's src set by the widget (the kernel has answered), its load event, and the
# animation frame after that load (the frame that paints it). All of it is set up before the
# key press, so that what runs after it is tiny: compiling a long function sent after the
# press, or polling every few ms, took the page's main thread 15-20 ms of each step.
ARM_STEP = """(img) => {
  if (!window.e2eProbe) {
    window.e2eProbe = {};
    document.addEventListener('keydown', () => {
      const s = window.e2eProbe.step;
      if (s && s.keydown === undefined) s.keydown = performance.now();
    }, true);
    window.e2eAwaitStep = async ([settle, quiet, limit]) => {""" + NOTEBOOK + """
      const s = window.e2eProbe.step, start = performance.now();
      const status = () => nb.sessionContext.session.kernel.status;
      const pause = (ms) => new Promise(r => setTimeout(r, ms));
      let timedOut = false;
      while (!s.shown) {  // else wait until the kernel has answered, or never will, with no picture
        const now = performance.now();
        const answered = window.e2eStatuses.slice(s.mark).includes('busy');
        const still = now - Math.max(s.keydown || start, window.e2eStatusAt || 0);
        if (!s.src && status() === 'idle' && still > (answered ? settle : quiet)) break;
        if (now - start > limit) { timedOut = true; break; }
        await Promise.race([s.painted, pause(25)]);
      }
      while (!timedOut && (status() !== 'idle' || performance.now() - window.e2eStatusAt < 50)
             && performance.now() - start < limit)   // the kernel done with this step, all of it
        await pause(5);
      const ms = (from, to) => from && to ? Math.round((to - from) * 10) / 10 : null;
      return {timedOut, pressed: !!s.keydown,
              ms: ms(s.keydown, s.shown),       // the latency; the rest are its parts:
              answer: ms(s.keydown, s.src), load: ms(s.src, s.loaded), frame: ms(s.loaded, s.shown)};
    };
  }
  if (!img.e2eTimed) {
    img.e2eTimed = true;
    const step = () => { const s = window.e2eProbe.step;
                         return s && s.img === img && s.keydown !== undefined ? s : null; };
    new MutationObserver(() => { const s = step(); if (s && !s.src) s.src = performance.now(); })
        .observe(img, {attributes: true, attributeFilter: ['src']});
    img.addEventListener('load', () => {
      const s = step();
      if (!s || s.loaded) return;
      s.loaded = performance.now();
      requestAnimationFrame(() => { s.shown = performance.now(); s.paint(); });
    });
  }
  const s = {img, mark: window.e2eStatuses.length};
  s.painted = new Promise(resolve => { s.paint = resolve; });
  window.e2eProbe.step = s;
}"""
# The page done with what came before. After a scroll, or when the focus moves into another
# cell, JupyterLab and every code cell's editor update themselves in the next frames (50-90 ms
# in a long notebook): a student's key press comes long after them, the test's would come at once.
PAGE_AT_REST = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
    () => requestIdleCallback(done, {timeout: 2000}))))"""
AWAIT_STEP = """async (handle, limits) => Object.assign(await window.e2eAwaitStep(limits),
                                                {value: handle.getAttribute('aria-valuenow')})"""

# -- Python run in the notebook's kernel, to learn what each displayed widget is --
EXPLORER_INFO = """
import json as _json, re as _re
from ipywidgets.widgets.widget import _instances as _widgets
from circuits.widgets import EXPLORERS as _EXPLORERS, Explorer as _Explorer
def _info(model_id, source):
    e = _widgets.get(model_id)
    called = [n for n in _re.findall(r"\\b(\\w+)\\(", source) if n in _EXPLORERS]
    info = {"kind": type(e).__name__, "explorer": isinstance(e, _Explorer),
            "factory": called[0] if called else type(e).__name__,
            "clickable": callable(getattr(e, "click", None)),
            "points": len(getattr(e, "X", ())), "error": repr(getattr(e, "error", None))}
    axes = getattr(e, "data_axes", None)
    if info["clickable"] and axes is not None:   # the middle of the axes clicks go to
        (x0, y0), (x1, y1) = axes.get_window_extent().get_points()
        info["target"] = [(x0 + x1) / 2, e.figure.bbox.height - (y0 + y1) / 2]
    return info
print(_json.dumps({m: _info(m, source) for m, source in %s.items()}))
"""
TIME_REDRAWS = """
import time as _time
from ipywidgets.widgets.widget import _instances as _widgets
def _time_redraws(e):
    untimed, e.e2e_redraws = e.redraw, []
    def redraw():
        start = _time.perf_counter()
        try:
            return untimed()
        finally:
            e.e2e_redraws.append(round((_time.perf_counter() - start) * 1e3, 1))
    e.redraw = redraw
_time_redraws(_widgets[%r])
"""
REDRAW_TIMES = """
from ipywidgets.widgets.widget import _instances as _widgets
print(_widgets[%r].e2e_redraws); _widgets[%r].e2e_redraws.clear()
"""
EXPLORER_ERRORS = """
from ipywidgets.widgets.widget import _instances as _widgets
from circuits.widgets import Explorer as _Explorer
print([f"{type(e).__name__}: {e.error!r}" for e in list(_widgets.values())
       if isinstance(e, _Explorer) and e.error is not None])
"""


class Lab:
    """A JupyterLab server on 127.0.0.1 with a random port and token, in a throwaway HOME,
    serving a copy of the work tree (so autosave or checkpoints never touch the repo)."""

    def __init__(self, tmp):
        self.root = copy_worktree(tmp / "repo")
        env = isolated_env(tmp / "home")
        config = Path(env["JUPYTER_CONFIG_DIR"])
        (config / "labconfig").mkdir(parents=True)   # what binder/postBuild does for students
        (config / "labconfig" / "page_config.json").write_text(json.dumps(
            {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
        for plugin, settings in LAB_SETTINGS.items():
            path = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(settings))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.token = secrets.token_hex(24)
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = tmp / "jupyterlab.log"
        command = [sys.executable, "-m", "jupyterlab", "--no-browser",
                   "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
                   "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
                   f"--ServerApp.root_dir={self.root}", "--ServerApp.open_browser=False",
                   f"--config={self.root / 'binder' / 'jupyter_server_config.py'}",  # as README
                   "--LabApp.expose_app_in_browser=True",   # window.jupyterapp, to read state
                   "--LabApp.extension_manager=readonly",
                   "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(command, cwd=self.root, env=env, stdout=log,
                                            stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True)

    def wait_until_up(self):
        deadline = time.monotonic() + SERVER_START
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"JupyterLab exited with {self.process.returncode}:\n{self.log()}")
            try:
                self.api("GET", "/api/status")
                return
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"JupyterLab did not answer within {SERVER_START} s:\n{self.log()}")

    def api(self, method, path):
        request = urllib.request.Request(self.url + path, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self):
        try:
            for kernel in self.api("GET", "/api/kernels"):
                self.api("DELETE", f"/api/kernels/{kernel['id']}")
        except OSError:
            pass                                  # the server is gone already

    def log(self, start=0):
        return self.log_path.read_bytes()[start:].decode(errors="replace")

    def log_size(self):
        return self.log_path.stat().st_size

    def stop(self):
        if self.process.poll() is None:
            self.shutdown_kernels()
            self.process.send_signal(signal.SIGTERM)   # the server then stops its kernels
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: install Debian's Chromium with "
                     "`sudo apt-get install chromium` to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("Playwright for Python is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS, timeout=60_000)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory, chromium):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    server = Lab(tmp_path_factory.mktemp("lab"))
    try:
        server.wait_until_up()
        yield server
    finally:
        server.stop()


class Student:
    """One notebook in one fresh browser context, and everything that went wrong there."""

    def __init__(self, browser, lab, path):
        self.lab, self.path = lab, path
        self.relative = path.relative_to(REPO).as_posix()
        self.context = browser.new_context(viewport=VIEWPORT)
        self.context.set_default_timeout(REDRAW * 1000)
        self.page = self.context.new_page()
        self.console = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console.append(f"page error: {error}"))
        self.log_start = lab.log_size()

    def _on_console(self, message):
        if message.type == "error" and not any(re.search(pattern, message.text)
                                                for pattern, _ in ALLOWED_CONSOLE_ERRORS):
            self.console.append(f"console error: {message.text}")

    def open(self):
        self.page.goto(f"{self.lab.url}/lab/workspaces/{self.path.stem}/tree/{self.relative}"
                       f"?token={self.lab.token}")
        self.page.wait_for_function(KERNEL_READY, arg=self.relative,
                                    timeout=NOTEBOOK_OPEN * 1000)
        self.page.evaluate(WATCH_KERNEL)

    def run_all(self):
        """Run > Run All Cells, as a student would; wait until the kernel has finished."""
        self.page.click(".lm-MenuBar-itemLabel:text-is('Run')")
        self.page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
        deadline, settled = time.monotonic() + RUN_ALL, 0
        while time.monotonic() < deadline:
            state = self.page.evaluate(STATE)
            if {"dead", "autorestarting", "restarting"} & set(state["statuses"]):
                return state
            done = state["status"] == "idle" and not state["running"] and \
                (not state["unrun"] or state["errors"])
            settled = settled + 1 if done else 0
            if settled >= 3:                       # idle on three polls in a row
                return state
            time.sleep(0.5)
        pytest.fail(f"{self.path.name}: Run All did not finish within {RUN_ALL} s: {state}")

    def screenshot(self, name):
        """The whole notebook, in one picture (or several, if it is very tall)."""
        self.page.evaluate("() => { window.jupyterapp.shell.collapseLeft();"
                           " window.jupyterapp.shell.collapseRight(); }")
        size = self.page.evaluate(SCROLLER)
        chrome = VIEWPORT["height"] - size["visible"]
        height = min(size["height"] + chrome, TALLEST_SHOT)
        self.page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
        self.page.wait_for_timeout(300)
        visible = self.page.evaluate(SCROLLER)["visible"]
        saved, top, part = [], 0, 1
        while True:
            self.page.evaluate(SCROLL_TO, top)
            self.page.wait_for_timeout(200)
            suffix = "" if part == 1 and size["height"] <= visible else f"-{part}"
            saved.append(SCREENSHOTS / f"{name}{suffix}.png")
            self.page.screenshot(path=saved[-1])
            top, part = top + visible, part + 1
            if top >= size["height"] - 1 or part > 20:
                break
        self.page.evaluate(SCROLL_TO, 0)
        self.page.set_viewport_size(VIEWPORT)
        return saved

    def problems(self, state=None):
        found = self.page.evaluate(PROBLEMS)
        messages = [f"error or stderr output:\n{text}" for text in found["stderr"]]
        messages += [f"widget failed to render: {text}" for text in found["widgetErrors"]]
        messages += [f"dialog open: {text}" for text in found["dialogs"]]
        messages += [f"the kernel sent an error:\n{shorten(strip_ansi(text))}"
                     for text in found["kernel"]
                     if not any(re.search(p, text) for p, _ in ALLOWED_KERNEL_STDERR)]
        if state is not None:
            dead = {"dead", "autorestarting", "restarting"} & set(state["statuses"])
            if dead:
                messages.append(f"the kernel died (status went {state['statuses']})")
            elif state["unrun"]:
                messages.append(f"{state['unrun']} of {state['cells']} code cells never ran")
        messages += self.console
        log = self.lab.log(self.log_start)
        if "Traceback (most recent call last)" in log:
            messages.append(f"traceback in the JupyterLab/kernel log:\n{log[-3000:]}")
        return messages

    def kernel(self, code):
        result = self.page.evaluate(KERNEL_EXEC, code)
        assert not result["err"], f"{self.path.name}: kernel query failed: {result['err']}"
        return result["out"]

    def close(self):
        self.context.close()


def shorten(traceback, lines=14):
    """The first line (the error) and the last frames of a traceback."""
    rows = traceback.splitlines()
    return traceback if len(rows) <= lines + 1 else \
        "\n".join(rows[:1] + ["    ..."] + rows[-lines:])


def picture(explorer):
    return explorer.locator(":scope > .jupyter-widgets > img.widget-image").first


def act(student, image, action, what):
    """Do ``action`` (a student's drag or click); wait until the kernel has handled it and
    is idle again; return whether the picture changed."""
    before = image.screenshot()
    mark = student.page.evaluate("() => window.e2eStatuses.length")
    action()
    deadline, settled = time.monotonic() + REDRAW, 0
    while settled < 3:                             # idle on three polls in a row
        if time.monotonic() > deadline:
            pytest.fail(f"{student.path.name}: {what}: the kernel did not answer within "
                        f"{REDRAW} s; problems: {student.problems()}")
        state = student.page.evaluate(STATE)
        handled = "busy" in state["statuses"][mark:] and state["status"] == "idle"
        settled = settled + 1 if handled else 0
        time.sleep(0.2)
    problems = student.problems()
    if problems:
        pytest.fail(f"{student.path.name} after {what}:\n" + "\n".join(problems))
    return image.screenshot() != before


def drag_slider(student, explorer, slider, name):
    """Drag a slider's handle most of the way across its track; return whether the picture
    changed."""
    value = slider.locator(".noUi-handle").first
    old = value.get_attribute("aria-valuenow")

    def drag():
        slider.scroll_into_view_if_needed()
        handle = value.bounding_box()
        track = slider.locator(".noUi-target").first.bounding_box()
        x, y = handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2
        fraction = 0.2 if x > track["x"] + track["width"] / 2 else 0.8
        student.page.mouse.move(x, y)
        student.page.mouse.down()
        student.page.mouse.move(track["x"] + fraction * track["width"], y, steps=3)
        student.page.mouse.up()
        assert value.get_attribute("aria-valuenow") != old, \
            f"{student.path.name}: dragging {name} did not move it (still at {old})"

    return act(student, picture(explorer), drag, f"dragging {name}")


def click_point(student, explorer, model_id):
    """Click the middle of the explorer's data axes; check one point was added and drawn."""
    info = json.loads(student.kernel(EXPLORER_INFO % repr({model_id: ""})))[model_id]
    assert "target" in info, f"{student.path.name}: {info['kind']} takes clicks but has no " \
                             "data_axes to click in"
    image = picture(explorer)

    def click():
        image.scroll_into_view_if_needed()
        scale = image.evaluate("img => [img.clientWidth / img.naturalWidth,"
                               " img.clientHeight / img.naturalHeight]")
        image.click(position={"x": info["target"][0] * scale[0],
                              "y": info["target"][1] * scale[1]})

    changed = act(student, image, click, "clicking on the picture")
    after = json.loads(student.kernel(EXPLORER_INFO % repr({model_id: ""})))[model_id]
    assert after["points"] == info["points"] + 1, \
        f"{student.path.name}: a click on the picture should add one point " \
        f"({info['points']} before, {after['points']} after)"
    assert changed, f"{student.path.name}: the added point does not show in the picture"


def try_explorer(student, model_id, info, cell):
    """Move every slider and press every button of one explorer, as a student would; at least
    one of them must change the picture. Then click a point in, where the picture takes clicks."""
    where = f"{student.path.name}, cell {cell} ({info['kind']})"
    assert info["explorer"], f"{where}: the widget is not an Explorer"
    explorer = student.page.locator(f"[data-e2e-model='{model_id}']")
    sliders = explorer.locator(".widget-slider")
    buttons = explorer.locator("button.widget-button")     # not the toggle buttons ...
    if not sliders.count() and not buttons.count():       # ... unless they are all there is
        buttons = explorer.locator(".widget-toggle-buttons button")
    assert sliders.count() or buttons.count(), f"{where}: no slider and no button to try"
    changed, unchanged = [], []
    for index in range(sliders.count()):
        slider = sliders.nth(index)
        name = f"slider {slider.locator('.widget-label').inner_text()!r}"
        (changed if drag_slider(student, explorer, slider, name) else unchanged).append(name)
    for index in range(buttons.count()):
        button = buttons.nth(index)
        name = f"button {button.inner_text()!r}"
        pressed = act(student, picture(explorer), button.click, f"pressing {name}")
        (changed if pressed else unchanged).append(name)
    assert changed, f"{where}: no control changed the picture (tried {unchanged})"
    if info["clickable"]:
        click_point(student, explorer, model_id)


def time_slider(student, image, slider, where, pause):
    """Press an arrow key on a slider's handle KEY_STEPS times, toward its farther end (back,
    from an end), each time waiting for the new picture; return each step's key and timings in
    ms (None: nothing new). The first key comes ``pause`` s after the handle has the focus,
    each next one once the picture has shown, and KEY_PACE s after the one before at least."""
    handle = slider.locator(".noUi-handle").first
    now, lo, hi = (float(handle.get_attribute(f"aria-value{at}")) for at in ("now", "min", "max"))
    key = "ArrowLeft" if now - lo > hi - now else "ArrowRight"
    slider.scroll_into_view_if_needed()
    handle.focus()                          # its cell becomes the notebook's active cell
    time.sleep(pause)
    student.page.evaluate(PAGE_AT_REST)     # as a student sees it and clicks, then presses
    # handles to the elements themselves: a locator would be looked up in the page again
    # by every call, while the step it times is under way
    handle, image = handle.element_handle(), image.element_handle()
    steps, pressed = [], 0.0
    for _ in range(KEY_STEPS):
        image.evaluate(ARM_STEP)
        handle.focus()
        time.sleep(max(0.0, pressed + KEY_PACE - time.monotonic()))
        pressed = time.monotonic()
        student.page.keyboard.press(key)
        step = handle.evaluate(AWAIT_STEP, [SETTLE * 1000, NO_PICTURE * 1000, REDRAW * 1000])
        if step.pop("timedOut"):
            pytest.fail(f"{where}: the kernel did not answer {key} within {REDRAW} s; "
                        f"problems: {student.problems()}")
        assert step.pop("pressed"), f"{where}: the {key} key press never reached the page"
        steps.append(dict(step, key=key))
        at = float(step["value"])
        key = "ArrowLeft" if at >= hi else "ArrowRight" if at <= lo else key
    handle.dispose()
    image.dispose()
    # aria-valuenow is rounded for show (0.1 for 0.125): a new picture also says it moved
    moved = any(float(step["value"]) != now or step["ms"] for step in steps)
    assert moved, f"{where}: {KEY_STEPS} presses of the arrow keys did not move it from {now}"
    return {"steps": steps}


def time_explorer(student, model_id, info, cell):
    """Time KEY_STEPS arrow-key steps on every slider of one explorer, reaching for each slider
    at a student's pace: the kernel may use that time to prepare its steps."""
    start = time.monotonic()
    explorer = student.page.locator(f"[data-e2e-model='{model_id}']")
    sliders = explorer.locator(".widget-slider")
    student.kernel(TIME_REDRAWS % model_id)    # and each redraw in the kernel, to compare
    timed = {}
    for index in range(sliders.count()):
        slider = sliders.nth(index)
        name = slider.locator(".widget-label").inner_text()
        where = f"{student.path.name}, cell {cell} ({info['factory']}), slider {name!r}"
        timed[name] = time_slider(student, picture(explorer), slider, where, MOVE_TO_SLIDER)
        timed[name]["redraws"] = json.loads(student.kernel(REDRAW_TIMES % (model_id, model_id)))
        problems = student.problems()
        if problems:
            pytest.fail(f"{where} after arrow-key steps:\n" + "\n".join(problems))
    steps = [step for slider in timed.values() for step in slider["steps"]]
    shown = [step["ms"] for step in steps if step["ms"] is not None]
    parts = {f"{part}_ms": percentile([s[part] for s in steps if s[part] is not None], 50)
             for part in ("answer", "load", "frame")}          # medians
    parts["redraw_ms"] = percentile([t for s in timed.values() for t in s["redraws"]], 50)
    return {"cell": cell, "factory": info["factory"], "kind": info["kind"], "sliders": timed,
            "steps": len(steps), "no_picture": len(steps) - len(shown),
            "p50_ms": percentile(shown, 50), "p90_ms": percentile(shown, 90), **parts,
            "seconds": round(time.monotonic() - start, 1)}


def percentile(values, q):
    """The q-th percentile of ``values`` (linear between ranks), or None if there are none."""
    if not values:
        return None
    ranked, rank = sorted(values), (len(values) - 1) * q / 100
    below = int(rank)
    above = min(below + 1, len(ranked) - 1)
    return round(ranked[below] + (ranked[above] - ranked[below]) * (rank - below), 1)


def record_latency(section, key, measured):
    """Keep ``measured`` under [section][key] in test-artifacts/latency.json, with the time it
    was taken, and every other entry as it was (each test writes its own part)."""
    data = json.loads(LATENCY.read_text()) if LATENCY.exists() else {}
    data.setdefault(section, {})[key] = dict(measured, measured_at=time.time())
    LATENCY.parent.mkdir(parents=True, exist_ok=True)
    LATENCY.write_text(json.dumps(data, indent=1))


def ms(value):
    return "-" if value is None else f"{value:.0f}"


def print_latency(name, explorers):
    print(f"{name}: arrow-key slider steps (< left, > right), ms from the key press to the "
          "frame showing the new picture ('-': nothing new)")
    for e in explorers:
        print(f"  cell {e['cell']} {e['factory']}: p50 {ms(e['p50_ms'])}, p90 {ms(e['p90_ms'])} "
              f"of {e['steps']} steps ({e['no_picture']} nothing new) in {e['seconds']} s; "
              f"medians: the kernel redraws in {ms(e['redraw_ms'])}, its picture arrives at "
              f"{ms(e['answer_ms'])}, loads in {ms(e['load_ms'])}, frame {ms(e['frame_ms'])}")
        for slider, timed in e["sliders"].items():
            print(f"    {slider:>16}: " + " ".join(
                ms(step["ms"]) + ("<" if step["key"] == "ArrowLeft" else ">")
                for step in timed["steps"]))


def committed_widgets(path):
    """How many widgets the committed notebook displays."""
    cells = json.loads(path.read_text())["cells"]
    return sum(WIDGET in output.get("data", {}) for cell in cells
               for output in cell.get("outputs", []))


def tag_widgets(student, expected):
    """Tag the displayed widgets, waiting until all ``expected`` of them are on the page."""
    deadline = time.monotonic() + REDRAW
    while True:
        shown = student.page.evaluate(TAG_WIDGETS)
        if len(shown) >= expected:
            return shown
        if time.monotonic() > deadline:
            pytest.fail(f"{student.path.name}: {len(shown)} widgets on the page after Run All, "
                        f"the committed notebook shows {expected}")
        time.sleep(0.5)


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_notebook_runs_and_its_explorers_respond_in_jupyterlab(path, lab, chromium):
    for old in SCREENSHOTS.glob(f"{path.stem}*.png"):
        old.unlink()
    student = Student(chromium, lab, path)
    try:
        student.open()
        state = student.run_all()
        shots = student.screenshot(path.stem)
        print(f"{path.name}: screenshots {[str(s) for s in shots]}")
        problems = student.problems(state)
        if problems:
            pytest.fail(f"{path.name} after Run All Cells:\n" + "\n".join(problems))

        shown = tag_widgets(student, committed_widgets(path))
        info = json.loads(student.kernel(
            EXPLORER_INFO % repr({w["model"]: w["source"] for w in shown})))
        timed = []
        for number, widget in enumerate(shown, 1):
            if info[widget["model"]]["explorer"]:     # else try_explorer says it is not one
                timed.append(time_explorer(student, widget["model"], info[widget["model"]],
                                           widget["cell"]))
            try_explorer(student, widget["model"], info[widget["model"]], widget["cell"])
            student.page.locator(f"[data-e2e-model='{widget['model']}']").screenshot(
                path=SCREENSHOTS / f"{path.stem}-explorer{number}.png")
        if timed:
            print_latency(path.name, timed)
            record_latency("explorers", path.stem, {"explorers": timed})

        left_in_error = student.kernel(EXPLORER_ERRORS).strip()
        assert left_in_error == "[]", f"{path.name}: explorers in error: {left_in_error}"
    finally:
        student.close()
        lab.shutdown_kernels()


PLAYGROUND_CELL = ("from circuits.widgets import network_playground\n"
                   "network_playground(iteration=0)")
COUNT_FRAMES = """(img) => { window.e2eFrames = [];
    new MutationObserver(() => window.e2eFrames.push(performance.now()))
        .observe(img, {attributes: true, attributeFilter: ['src']}); }"""


def test_the_playground_trains_live_when_play_is_pressed(lab, chromium):
    """Press Play on network_playground; count the new pictures a second while it runs."""
    name = "e2e-playground-frame-rate.ipynb"
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": PLAYGROUND_CELL, "id": "play"}
    kernel = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                             "name": "python3"}}
    (lab.root / name).write_text(json.dumps({"cells": [cell], "metadata": kernel,
                                             "nbformat": 4, "nbformat_minor": 5}))
    student = Student(chromium, lab, REPO / name)     # the file lives in the server's copy
    try:
        student.open()
        problems = student.problems(student.run_all())
        assert not problems, "\n".join(problems)
        shown = student.page.evaluate(TAG_WIDGETS)
        explorer = student.page.locator(f"[data-e2e-model='{shown[0]['model']}']")
        image = picture(explorer)
        image.scroll_into_view_if_needed()
        image.evaluate(COUNT_FRAMES)
        slider = explorer.locator(".widget-slider", has_text="iteration").first
        start = time.monotonic()
        explorer.locator(".widget-play button").first.click()
        handle = slider.locator(".noUi-handle").first
        while float(handle.get_attribute("aria-valuenow")) < 2000:
            assert time.monotonic() - start < REDRAW, \
                f"Play stopped at {handle.get_attribute('aria-valuenow')}, not 2000, after " \
                f"{student.page.evaluate('() => window.e2eFrames.length')} pictures"
            time.sleep(0.2)
        student.page.wait_for_timeout(500)                  # the last picture
        frames = student.page.evaluate("() => window.e2eFrames")
        assert len(frames) >= 10, f"only {len(frames)} new pictures while playing 40 steps"
        rate = (len(frames) - 1) / ((frames[-1] - frames[0]) / 1000)
        print(f"network_playground while playing: {len(frames)} pictures, {rate:.1f} a second")
        record_latency("play", "network_playground", {"pictures": len(frames),
                                                      "per_second": round(rate, 2)})
        assert rate > 2, f"the playground shows {rate:.1f} pictures a second while playing"
        assert not student.problems(), "\n".join(student.problems())
    finally:
        student.close()
        lab.shutdown_kernels()
