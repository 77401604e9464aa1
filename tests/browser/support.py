"""Helpers shared by the browser tests and ``benchmarks/voila_bench.py``.

Servers: :func:`start_voila` (standalone Voilà, preheating on or off) and
:func:`start_jupyter_server` (Voilà as a jupyter-server extension, as on Binder) start a
server on a free port with the repository root as working directory (so ``voila.json`` is
read), wait until it answers and return a :class:`Server`; :meth:`Server.stop` ends it and
every kernel it started.

Kernels: :meth:`Server.kernels` lists a server's kernel processes, :func:`peak_rss_bytes`
reads a process's peak resident memory (``VmHWM``).

Browser: :func:`launch_chromium` starts Debian's Chromium through Playwright,
:func:`wait_for_widgets` waits for a dashboard, :func:`press_slider_and_time` measures a
key press on a slider until the page shows the change, :func:`close_page` leaves a page so
that Voilà shuts its kernel down.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

if TYPE_CHECKING:  # Playwright is imported lazily so that a missing install is reported well.
    from playwright.sync_api import Browser, Locator, Page, Playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
LESSONS_DIR = REPO_ROOT / "lessons"
CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CHROMIUM_MISSING = (
    f"Chromium not found at {CHROMIUM_PATH}: install Debian's chromium "
    "(apt-get install chromium) to run the browser tests"
)
#: Environment added to every server (and so to its kernels).
# MALLOC_ARENA_MAX: glibc gives every thread its own heap arenas; TensorFlow's thread
# pools then hold ~50 MB more per kernel (lesson 09: 755 MB -> 701 MB after training).
SERVER_ENV = {"TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONUNBUFFERED": "1", "MALLOC_ARENA_MAX": "2"}
# As dev.py's lesson_env: JupyterLab's page config for students (no news question).
SERVER_ENV["JUPYTER_CONFIG_PATH"] = str(REPO_ROOT / "deploy" / "jupyter_config")
#: Text Voilà shows for a cell that raised.
VOILA_ERROR_TEXTS = ("Traceback", "There was an error when executing cell")

DASHBOARD = ".dl-dashboard"
READY = ".dl-dashboard.dl-ready"
ERROR = ".dl-error"
SLIDER_HANDLE = ".noUi-handle"
SLIDER_READOUT = ".widget-readout"
PLOTLY_FIGURE = ".js-plotly-plot"


def code_notebook(cells: Sequence[str]) -> dict:
    """A notebook (nbformat 4.5, Python 3 kernel) of code cells with these sources: the
    scratch pages the benchmarks serve beside a lesson (a bare reference, one dashboard)."""
    return {
        "cells": [
            {"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
             "outputs": [], "source": source}
            for i, source in enumerate(cells)
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }  # fmt: skip


def bare_training_run(page, timeout: float = 900.0) -> tuple[float, float]:
    """Press a bare reference page's ``.bare-train`` button and wait for its ``.bare-done``
    line ("run N: 1.234 s") to change: page seconds from the click, kernel seconds as the
    line reports them. The page is brought to the front first (see
    :func:`press_slider_and_time`)."""
    page.bring_to_front()
    before = page.locator(".bare-done").first.inner_text()
    started = time.perf_counter()
    page.locator(".bare-train button, button.bare-train").first.click()
    page.wait_for_function(
        """(before) => {
            const d = document.querySelector(".bare-done");
            return d && d.innerText && d.innerText !== before;
        }""",
        arg=before,
        timeout=timeout * 1000,
        polling=20,
    )
    seconds = time.perf_counter() - started
    kernel = float(page.locator(".bare-done").first.inner_text().split(":")[1].split()[0])
    return seconds, kernel


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_rss_bytes(pid: int) -> int | None:
    """Peak resident set size (``VmHWM`` in /proc/PID/status) in bytes, None if gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return None


def kernel_processes(server_pid: int) -> list[psutil.Process]:
    """The kernel processes (``ipykernel_launcher``) among a server's descendants."""
    try:
        children = psutil.Process(server_pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    kernels = []
    for child in children:
        try:
            if any("ipykernel" in part for part in child.cmdline()):
                kernels.append(child)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return kernels


def kernel_id_of(process: psutil.Process) -> str | None:
    """The kernel id in a kernel's connection file name (``kernel-<id>.json``)."""
    try:
        cmdline = process.cmdline()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return None
    for part in cmdline:
        name = os.path.basename(part)
        if name.startswith("kernel-") and name.endswith(".json"):
            return name[len("kernel-") : -len(".json")]
    return None


@dataclass
class Server:
    """A running Voilà or jupyter server; use as a context manager or call :meth:`stop`."""

    name: str
    proc: subprocess.Popen
    port: int
    render_prefix: str  # URL path before a notebook's path, e.g. "/voila/render/"
    log_path: Path
    _log_file: object = field(repr=False, default=None)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def render_url(self, notebook: str) -> str:
        """The URL that renders ``notebook`` (a path relative to what the server serves)."""
        return f"{self.base_url}{self.render_prefix}{notebook.lstrip('/')}"

    def kernels(self) -> list[psutil.Process]:
        return kernel_processes(self.proc.pid)

    def kernel(self, kernel_id: str) -> psutil.Process | None:
        for process in self.kernels():
            if kernel_id_of(process) == kernel_id:
                return process
        return None

    def wait_kernel_gone(self, kernel_id: str, timeout: float = 15.0) -> bool:
        """Wait until the kernel ``kernel_id`` has exited; True if it did in time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.kernel(kernel_id) is None:
                return True
            time.sleep(0.2)
        return False

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout: float = 20.0) -> None:
        """Stop the server and all its kernels.

        SIGTERM lets Voilà and jupyter-server shut their kernels down; whatever is still
        alive after ``timeout`` is killed: the server's process group and every descendant
        (jupyter_client starts each kernel in a session of its own, so killing the group
        alone would leave the kernels running).
        """
        if self.proc.poll() is None:
            try:
                descendants = psutil.Process(self.proc.pid).children(recursive=True)
            except psutil.NoSuchProcess:
                descendants = []
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
            for pgid in {self.proc.pid, *(p.pid for p in descendants)}:
                try:
                    os.killpg(pgid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            for process in descendants:
                try:
                    process.kill()
                except psutil.NoSuchProcess:
                    pass
            psutil.wait_procs(descendants, timeout=5)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def wait_until_answers(server: Server, path: str = "/", timeout: float = 60.0) -> None:
    """Poll ``path`` until the server answers with a status below 500."""
    url = server.base_url + path
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(
                f"{server.name} exited with code {server.proc.returncode} before answering; "
                f"log {server.log_path}:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return
            last_error = error
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            last_error = error
        time.sleep(0.2)
    server.stop()
    raise TimeoutError(
        f"{server.name} did not answer {url} within {timeout:.0f} s ({last_error}); "
        f"log {server.log_path}:\n{server.log_tail()}"
    )


def _start(
    name: str,
    command: Sequence[str],
    render_prefix: str,
    port: int,
    ready_path: str,
    cwd: Path,
    env: dict[str, str] | None,
    timeout: float,
    log_dir: Path | None,
) -> Server:
    full_env = {**os.environ, **SERVER_ENV, **(env or {})}
    log_dir = Path(log_dir or tempfile.mkdtemp(prefix="dl-course-server-"))
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{name}-{port}.log"
    log_file = open(log_path, "w")  # noqa: SIM115 - closed by Server.stop
    proc = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server(name, proc, port, render_prefix, log_path, log_file)
    wait_until_answers(server, ready_path, timeout)
    return server


def start_voila(
    root: str = "lessons",
    *,
    preheat: bool = False,
    pool_size: int = 1,
    preheat_only: Sequence[str] | None = None,
    show_tracebacks: bool | None = None,
    extra_args: Sequence[str] = (),
    port: int | None = None,
    cwd: Path = REPO_ROOT,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    log_dir: Path | None = None,
) -> Server:
    """Start a standalone Voilà serving the folder ``root`` (relative to ``cwd``).

    ``preheat`` sets ``VoilaConfiguration.preheat_kernel`` and ``pool_size``
    ``VoilaConfiguration.default_pool_size`` on the command line, which wins over
    ``voila.json``. With preheating Voilà fills a pool for *every* notebook under
    ``root``; ``preheat_only`` (paths relative to ``root``) keeps the pools to those
    notebooks through ``VoilaKernelManager.preheat_denylist``. Notebook URLs are
    ``server.render_url("en/02_mcculloch_pitts.ipynb")`` for ``root="lessons"``.
    """
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "voila",
        root,
        f"--port={port}",
        "--no-browser",
        "--Voila.ip=127.0.0.1",
        f"--VoilaConfiguration.preheat_kernel={preheat}",
    ]
    if preheat:
        command.append(f"--VoilaConfiguration.default_pool_size={pool_size}")
        if preheat_only is not None:
            allowed = "|".join(re.escape(nb.lstrip("/")) for nb in preheat_only)
            # Voilà denies a notebook if this regex matches its path from the start; the
            # path it filters is absolute when the root is (voila 0.5.13 makes it so).
            command.append(f"--VoilaKernelManager.preheat_denylist=^(?!(.*/)?({allowed})$)")
    if show_tracebacks is not None:
        command.append(f"--VoilaConfiguration.show_tracebacks={show_tracebacks}")
    command.extend(extra_args)
    name = "voila-preheat" if preheat else "voila"
    return _start(name, command, "/voila/render/", port, "/", cwd, env, timeout, log_dir)


def start_jupyter_server(
    *,
    show_tracebacks: bool | None = None,
    extra_args: Sequence[str] = (),
    port: int | None = None,
    cwd: Path = REPO_ROOT,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    log_dir: Path | None = None,
) -> Server:
    """Start jupyter-server (Voilà as its extension, as on Binder) serving ``cwd``.

    Notebook URLs are ``server.render_url("lessons/en/02_mcculloch_pitts.ipynb")``.
    """
    port = port or free_port()
    command = [
        sys.executable,
        "-m",
        "jupyter_server",
        f"--port={port}",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.token=",
        "--ServerApp.password=",
        "--allow-root",
    ]
    if show_tracebacks is not None:
        command.append(f"--VoilaConfiguration.show_tracebacks={show_tracebacks}")
    command.extend(extra_args)
    return _start(
        "jupyter-server", command, "/voila/render/", port, "/api/status", cwd, env, timeout, log_dir
    )


# --------------------------------------------------------------------------- browser


def chromium_available() -> bool:
    return CHROMIUM_PATH.exists() and os.access(CHROMIUM_PATH, os.X_OK)


def launch_chromium(playwright: Playwright, **kwargs) -> Browser:
    """Debian's Chromium, headless, with the flags that work on these machines."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM_PATH), headless=True, args=list(CHROMIUM_ARGS), **kwargs
    )


def wait_for_rendered(page: Page, timeout: float = 60.0) -> None:
    """Wait until Voilà has executed every cell and shows them (``#rendered_cells``)."""
    page.locator("#rendered_cells").wait_for(state="visible", timeout=timeout * 1000)


def wait_for_widgets(page: Page, *, ready: bool = False, timeout: float = 60.0) -> None:
    """Wait until the dashboard root is visible and, with ``ready``, has ``dl-ready``.

    ``timeout`` is in seconds (for each of the two waits).
    """
    page.locator(DASHBOARD).first.wait_for(state="visible", timeout=timeout * 1000)
    if ready:
        page.locator(READY).first.wait_for(state="attached", timeout=timeout * 1000)


#: Init script (``context.add_init_script``) that records, on the page's own clock (ms
#: since navigation started), when Voilà showed the cells and when the dashboard root
#: became visible and ready; read them with :func:`timing_marks`.
TIMING_MARKS_SCRIPT = """
(() => {
    const marks = window.__dlMarks = {};
    const visible = (el) => !!el && el.getClientRects().length > 0;
    const observer = new MutationObserver(() => {
        const now = performance.now();
        const cells = document.getElementById("rendered_cells");
        if (!("rendered" in marks) && cells && cells.style.display !== "none") {
            marks.rendered = now;
        }
        if (!("shown" in marks) && visible(document.querySelector(".dl-dashboard"))) {
            marks.shown = now;
        }
        if (!("ready" in marks) && visible(document.querySelector(".dl-dashboard.dl-ready"))) {
            marks.ready = now;
        }
        if ("rendered" in marks && "shown" in marks && "ready" in marks) {
            observer.disconnect();
        }
    });
    observer.observe(document, {subtree: true, childList: true, attributes: true});
})();
"""


def timing_marks(page: Page) -> dict[str, float]:
    """Seconds from navigation to ``rendered``/``shown``/``ready`` (see the script)."""
    marks = page.evaluate("() => window.__dlMarks || {}")
    return {name: value / 1000.0 for name, value in marks.items()}


_INSTALL_PROBE = """
(selector) => {
    const target = document.querySelector(selector);
    if (!target) { return false; }
    const probe = {pressed: null, changed: null};
    window.__dlProbe = probe;
    const observer = new MutationObserver(() => {
        if (probe.pressed !== null && probe.changed === null) {
            probe.changed = performance.now();
            observer.disconnect();
        }
    });
    observer.observe(target, {
        subtree: true, childList: true, attributes: true, characterData: true,
    });
    probe.observer = observer;
    document.addEventListener("keydown", () => {
        if (probe.pressed === null) { probe.pressed = performance.now(); }
    }, {capture: true, once: true});
    return true;
}
"""


def press_slider_and_time(
    page: Page,
    handle_locator: Locator,
    target_selector: str,
    key: str = "ArrowRight",
    timeout: float = 10.0,
) -> float:
    """Press ``key`` on a slider handle; seconds until ``target_selector``'s DOM changes.

    A MutationObserver on the first element matching ``target_selector`` (subtree,
    attributes, text) records ``performance.now()`` of the first mutation after the
    keydown, which a capturing listener records in the page, so the time is measured on
    the page's own clock and contains no Playwright overhead. Raises TimeoutError if
    nothing changes within ``timeout`` seconds (e.g. the slider is at its end).

    The page is brought to the front first: Chromium throttles a page behind another of
    its window even headless (lesson 14's morph slider, measured on a page opened before
    its bare reference: 65 ms behind, 22 ms in front, against the reference's 30 ms).
    """
    page.bring_to_front()
    handle_locator.focus()
    if not page.evaluate(_INSTALL_PROBE, target_selector):
        raise LookupError(f"no element matches {target_selector!r}")
    page.keyboard.press(key)
    try:
        page.wait_for_function(
            "() => window.__dlProbe && window.__dlProbe.changed !== null",
            timeout=timeout * 1000,
            polling=10,
        )
    except Exception as error:  # playwright's TimeoutError
        page.evaluate("() => window.__dlProbe && window.__dlProbe.observer.disconnect()")
        raise TimeoutError(
            f"{target_selector!r} did not change within {timeout} s after {key}"
        ) from error
    pressed, changed = page.evaluate("() => [window.__dlProbe.pressed, window.__dlProbe.changed]")
    return (changed - pressed) / 1000.0


def page_kernel_id(page: Page) -> str | None:
    """The id of the kernel Voilà started for the page (from its page config)."""
    return page.evaluate(
        """() => {
            const node = document.getElementById("jupyter-config-data");
            if (!node) { return null; }
            try { return JSON.parse(node.textContent).kernelId || null; }
            catch (error) { return null; }
        }"""
    )


def request_kernel_shutdown(server: Server, kernel_id: str) -> bool:
    """Ask the server to shut a kernel down, as Voilà's page does on ``beforeunload``.

    The endpoint wants an ``_xsrf`` form field equal to the ``_xsrf`` cookie; any token
    sent both ways passes. Returns whether the server accepted the request.
    """
    token = secrets.token_hex(16)
    request = urllib.request.Request(
        f"{server.base_url}/voila/api/shutdown/{kernel_id}",
        data=f"_xsrf={token}".encode(),
        method="POST",
        headers={
            "Cookie": f"_xsrf={token}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status < 300
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def close_page(
    page: Page, server: Server | None = None, wait: bool = True, timeout: float = 15.0
) -> bool:
    """Leave and close a Voilà page so that its kernel shuts down.

    Voilà's front end posts ``/voila/api/shutdown/<kernel id>`` on ``beforeunload``;
    navigating to about:blank fires it (a bare ``page.close()`` does not). That post is
    refused without an ``_xsrf`` cookie, which Voilà 0.5.13 does not set on render pages,
    and a page whose widget manager has not loaded yet does not send it. So, given the
    ``server``, this also asks the server itself (:func:`request_kernel_shutdown`) if the
    kernel is still there and, with ``wait``, waits until the kernel process has exited.
    Returns whether the kernel is gone (True when not waiting or nothing to shut down).
    """
    kernel_id = None
    try:
        kernel_id = page_kernel_id(page)
        page.goto("about:blank")
    except Exception:
        pass
    page.close()
    if server is None or not kernel_id:
        return True
    if server.wait_kernel_gone(kernel_id, 0.3):
        return True
    request_kernel_shutdown(server, kernel_id)
    return server.wait_kernel_gone(kernel_id, timeout) if wait else True


def page_problems(page: Page) -> list[str]:
    """Error text on the page: Voilà's cell errors and non-empty visible ``.dl-error``."""
    problems = []
    body = page.locator("body").inner_text()
    for text in VOILA_ERROR_TEXTS:
        index = body.find(text)
        if index >= 0:
            problems.append(f"page shows {text!r}: ...{body[index : index + 600]}")
    errors = page.locator(ERROR)
    for i in range(errors.count()):
        element = errors.nth(i)
        if element.is_visible():
            text = element.inner_text().strip()
            if text:
                problems.append(f"{ERROR} shows: {text[:600]}")
    return problems


def save_screenshot(page: Page, path: Path) -> Path:
    """A full-page PNG at ``path``; a new folder gets a ``.gitignore`` that ignores it."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True)
        (path.parent / ".gitignore").write_text("# screenshots of test runs, for people\n*\n")
    page.screenshot(path=str(path), full_page=True)
    return path


def wait_until_changed(
    read: Callable[[], object], before: object, what: str, timeout: float = 15.0
) -> object:
    """Poll ``read()`` until it differs from ``before``; fail naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = read()
        if now != before:
            return now
        time.sleep(0.05)
    raise AssertionError(f"{what} did not change within {timeout:.0f} s")


def plotly_shapes(page: Page, selector: str, index: int = 0) -> list[dict]:
    """The layout shapes the browser holds for the ``index``-th plotly figure matching
    ``selector`` (what plotly.js accepted, not what the kernel sent)."""
    return page.evaluate(
        """([selector, index]) => {
            const gd = document.querySelectorAll(selector)[index];
            return gd && gd.layout && gd.layout.shapes ? gd.layout.shapes : [];
        }""",
        [selector, index],
    )
