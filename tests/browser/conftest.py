"""Fixtures for the browser tests: a real Chromium (Playwright) and real Voila/JupyterLab servers.

The browser is Debian's ``chromium`` driven by Playwright from PyPI; ``playwright install`` is
never used (it downloads a browser). Without chromium the tests skip with the reason, except in
CI (``CI`` set), where a missing browser is a setup error and fails loudly.

Each server runs on 127.0.0.1 on a free port with a random token, from the repo root, with its
own temporary settings/runtime/workspace folders so that nothing on the machine (saved
workspaces, news pop-ups, a ``MPLBACKEND=Agg`` from ``make test``) changes what the page shows.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "build" / "screenshots"

#: Where to look for the browser; NEWSLAB_CHROMIUM overrides.
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
#: Flags for a quiet, sandbox-free headless Chromium that never phones home (CI runs as root).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SERVER_START_TIMEOUT = 60  # seconds for Voila/JupyterLab to answer HTTP
#: JupyterLab user settings: no news pop-up over the page, every cell kept in the DOM
#: (the default 'contentVisibility'/'full' windowing may detach off-screen cells).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    # never write the executed notebook (outputs, widget state) back into the repo
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def _unavailable(reason: str):
    """Skip on a laptop; fail in CI, where the browser tests must really run."""
    if _in_ci():
        pytest.fail(f"CI is set but the browser tests cannot run: {reason}. "
                    "Run `.ci/install-browser.sh` (as root) before the tests.", pytrace=False)
    pytest.skip(reason)


def find_chromium() -> str | None:
    """The chromium executable to drive, or None."""
    chosen = os.environ.get("NEWSLAB_CHROMIUM")
    if chosen:  # an explicit choice is used or reported missing, never silently replaced
        return chosen if os.access(chosen, os.X_OK) else None
    for c in CHROMIUM_CANDIDATES:
        if os.access(c, os.X_OK):
            return c
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- record the test outcome so fixtures can screenshot failures -----------------------------
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


# -- the browser ------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (`pip install playwright`; "
                     "`playwright install` is not needed)")
    exe = find_chromium()
    if exe is None:
        where = os.environ.get("NEWSLAB_CHROMIUM") or ", ".join(CHROMIUM_CANDIDATES) + " or PATH"
        _unavailable(f"chromium not found (looked at {where}); install it "
                     "(Debian: `apt-get install chromium`) or set NEWSLAB_CHROMIUM to its path")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, timeout=30_000)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that may only talk to 127.0.0.1 (Voila links CDN fonts we cannot reach).

    On failure a screenshot goes to build/screenshots/FAILED-<test>.png, and the browser's
    console errors, the whole console log and the end of each server's log to FAILED-<test>.txt.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    context.set_default_timeout(30_000)
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:",
                                                   "file:"))
                  else route.abort())
    pg = context.new_page()
    pg.console_errors = []  # kept for failure messages
    pg.console_log = []     # every console message, saved when the test fails
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("console", lambda m: pg.console_log.append(f"[{m.type}] {m.text}"))
    pg.on("pageerror", lambda e: pg.console_log.append(f"[pageerror] {e}"))
    yield pg
    rep = getattr(request.node, "rep_call", None)
    name = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
    failed_shot = SCREENSHOTS / f"FAILED-{name}.png"
    if rep is not None and rep.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        try:
            pg.screenshot(path=str(failed_shot), full_page=True)
        except Exception:  # the page may be gone; the failure itself is what matters
            pass
        logs = ["browser console errors:", *pg.console_errors, "",
                "browser console log (every message):", *pg.console_log[-400:]]
        for server in _SERVERS:
            logs += ["", f"--- {server.name} log (end) ---", server.log_tail(80)]
        failed_shot.with_suffix(".txt").write_text("\n".join(logs))
    elif rep is not None and rep.passed:
        # an old failure's picture would mislead
        failed_shot.unlink(missing_ok=True)
        failed_shot.with_suffix(".txt").unlink(missing_ok=True)
    context.close()


# -- the servers --------------------------------------------------------------------------------
_SERVERS: list["Server"] = []  # running now, for failure reports


class Server:
    """A Jupyter-family server process: its base URL, token and log."""

    def __init__(self, name: str, argv: list[str], port: int, token: str, env: dict, log: Path,
                 probe: str):
        self.name, self.port, self.token, self.log = name, port, token, log
        self.url = f"http://127.0.0.1:{port}"
        self._logf = open(log, "wb")
        # own process group: teardown kills the server *and* its kernels
        self.proc = subprocess.Popen(argv, cwd=REPO, env=env, stdout=self._logf,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self._wait(probe)
        _SERVERS.append(self)

    def link(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={self.token}"

    def log_tail(self, n: int = 40) -> str:
        lines = self.log.read_text(errors="replace").splitlines()
        return "\n".join(lines[-n:])

    def _wait(self, probe: str) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n"
                                   f"{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.link(probe), timeout=5) as r:
                    if r.status < 500:
                        return
            except urllib.error.HTTPError as e:
                if e.code < 500:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer within {SERVER_START_TIMEOUT}s:\n"
                           f"{self.log_tail()}")

    def stop(self) -> None:
        if self in _SERVERS:
            _SERVERS.remove(self)
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
            except ProcessLookupError:
                pass
        self._logf.close()


@pytest.fixture(scope="session")
def jupyter_env(tmp_path_factory, browser) -> dict:
    """Environment for the servers and their kernels, isolated from the user's Jupyter state.

    Depends on ``browser`` so that no server starts when the tests are going to skip.
    """
    root = tmp_path_factory.mktemp("jupyter")
    settings = root / "lab-settings"
    for rel, value in LAB_SETTINGS.items():
        f = settings / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(value))
    env = dict(os.environ)
    # make test sets MPLBACKEND=Agg, which would make plt.show() draw nothing in the widgets
    env.pop("MPLBACKEND", None)
    env.update(JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"),
               JUPYTER_CONFIG_DIR=str(root / "config"),
               PYTHONUNBUFFERED="1")
    env["_NEWSLAB_LOGDIR"] = str(root)
    return env


def _start(name: str, argv_of, env: dict) -> Server:
    port, token = _free_port(), secrets.token_hex(16)
    log = Path(env["_NEWSLAB_LOGDIR"]) / f"{name}.log"
    argv, probe = argv_of(port, token)
    return Server(name, argv, port, token, env, log, probe)


@pytest.fixture(scope="session")
def voila(jupyter_env):
    """Voila serving the notebooks folder: pages at /voila/render/<notebook>."""
    def argv(port, token):
        return ([sys.executable, "-m", "voila", "notebooks", "--no-browser",
                 f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0",
                 f"--token={token}", "--show_tracebacks=True"], "/")
    server = _start("voila", argv, jupyter_env)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def lab(jupyter_env):
    """JupyterLab on the repo root: notebooks at /lab/tree/notebooks/<notebook>."""
    def argv(port, token):
        return ([sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
                 "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
                 "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
                 f"--ServerApp.root_dir={REPO}",
                 f"--LabApp.user_settings_dir={jupyter_env['JUPYTERLAB_SETTINGS_DIR']}",
                 f"--LabApp.workspaces_dir={jupyter_env['JUPYTERLAB_WORKSPACES_DIR']}",
                 # opening a notebook writes a checkpoint; keep it out of notebooks/
                 f"--FileCheckpoints.checkpoint_dir={jupyter_env['_NEWSLAB_LOGDIR']}/checkpoints"],
                "/api/status")
    server = _start("jupyterlab", argv, jupyter_env)
    yield server
    server.stop()
