"""JupyterHub (deploy/jupyterhub/) for tests/browser/test_jupyterhub.py and
benchmarks/hub_bench.py: start the hub as ``python3 dev.py hub`` does, log a student in
through the login page, open lesson 02 from the index and move a slider, stop the hub and
list what it left running.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

from . import support

if TYPE_CHECKING:
    from playwright.sync_api import Page

HUB_DIR = support.REPO_ROOT / "deploy" / "jupyterhub"
PROXY = support.REPO_ROOT / ".hub" / "node_modules" / ".bin" / "configurable-http-proxy"
PROXY_MISSING = (
    f"configurable-http-proxy is not installed at {PROXY}: python3 dev.py test (or "
    "python3 deploy/jupyterhub/hub.py --install-only) installs it from npm"
)
PASSWORD = "class-test-password"
LESSON_02 = "02_mcculloch_pitts.ipynb"
INDEX_LINK = ".dl-index a"
# The page JupyterHub shows while a student's server starts (spawn_pending.html).
PENDING_PATH = "/hub/spawn-pending/"


def proxy_installed() -> bool:
    return PROXY.exists()


def start_hub(data: Path, log_dir: Path, *extra: str, timeout: float = 90.0) -> support.Server:
    """The hub on 127.0.0.1 at a free port, its database and homes in ``data``."""
    port = support.free_port()
    command = [
        sys.executable,
        str(HUB_DIR / "hub.py"),
        f"--port={port}",
        f"--data={data}",
        f"--password={PASSWORD}",
        *extra,
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        command.append("--as-root")
    hub = support._start(
        "jupyterhub", command, "/", port, "/hub/api", support.REPO_ROOT, None, timeout, log_dir
    )
    # The proxy answers first, with 404 "Not Found" for everything until the hub has added
    # its route; a login page opened then is that 404 (it failed one test run in six).
    deadline = time.monotonic() + timeout
    while not _hub_routed(hub):
        if time.monotonic() > deadline or hub.proc.poll() is not None:
            hub.stop()
            raise TimeoutError(f"the hub never answered /hub/api; log:\n{hub.log_tail()}")
        time.sleep(0.2)
    return hub


def _hub_routed(hub: support.Server) -> bool:
    """/hub/api answers 200 through the proxy: the hub is up and routed."""
    try:
        with urllib.request.urlopen(f"{hub.base_url}/hub/api", timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def log_in(page: Page, hub: support.Server, name: str) -> None:
    """Fill the login form and submit it (returns once the form is sent)."""
    page.goto(f"{hub.base_url}/hub/login", wait_until="domcontentloaded")
    page.fill("#username_input", name)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit", no_wait_after=True)


def index_url(hub: support.Server, name: str, lang: str = "pl") -> str:
    return f"{hub.base_url}/user/{name}/voila/render/lessons/{lang}/00_index.ipynb"


def open_lesson_02(page: Page) -> None:
    """Follow lesson 02's link on the lesson index (returns once the click is done)."""
    page.locator(f"{INDEX_LINK}[href*='{LESSON_02}']").first.click(no_wait_after=True)


def move_a_slider(page: Page, timeout: float = 90.0) -> None:
    """Wait for lesson 02's working dashboard, press a weight slider's arrow key until the
    truth table changes."""
    page.wait_for_selector(support.READY, timeout=timeout * 1000)
    dashboard = page.locator(support.DASHBOARD).first
    table = dashboard.locator(".dl-truth-table").first
    before = table.inner_text()
    dashboard.locator(f".widget-slider {support.SLIDER_HANDLE}").first.focus()
    for _ in range(4):
        page.keyboard.press("ArrowLeft")
    support.wait_until_changed(table.inner_text, before, "the truth table", timeout=timeout)


def hub_processes(hub: support.Server) -> list[psutil.Process]:
    """The hub and everything it started: proxy, culler, students' servers, their kernels
    (students' servers run in sessions of their own, but are still the hub's children)."""
    try:
        root = psutil.Process(hub.proc.pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def servers_of(hub: support.Server) -> dict[str, psutil.Process]:
    """Students' single-user servers by name (their HOME's folder name)."""
    servers = {}
    for process in hub_processes(hub):
        try:
            if any("jupyterhub-singleuser" in part for part in process.cmdline()):
                servers[Path(process.environ()["HOME"]).name] = process
        except (psutil.NoSuchProcess, psutil.AccessDenied, KeyError):
            continue
    return servers


def stop_cleanly(hub: support.Server, timeout: float = 60.0) -> list[psutil.Process]:
    """SIGTERM to the hub alone, as Ctrl+C or a service manager would; returns whatever of
    the hub's processes is still alive ``timeout`` s later (empty when clean)."""
    processes = hub_processes(hub)
    try:
        os.kill(hub.proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        hub.proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    deadline = time.monotonic() + timeout
    _, alive = psutil.wait_procs(processes, timeout=max(1.0, deadline - time.monotonic()))
    return [process for process in alive if process.is_running()]
