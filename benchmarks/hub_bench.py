"""A class logging in to JupyterHub at once (deploy/jupyterhub/, ``python3 dev.py hub``).

    .venv/bin/python benchmarks/hub_bench.py [--students 10] [--via-index]

Starts the hub on loopback with a fresh data folder (so every student's server starts
cold), then N students (one headless Chromium, a context each) submit the login form at
the same moment. Each waits for a working widget: lesson 02's dashboard ready and a slider
press changing its truth table. By default students log in through the link a lecturer
hands out for today's lesson (``/hub/user-redirect/voila/render/lessons/pl/02_...``),
which lands on the lesson after login; ``--via-index`` lands on the lesson index and
follows its link to lesson 02, as tests/browser/test_jupyterhub.py does.

A student is *stuck* when their page is still on JupyterHub's "server is starting" page
(/hub/spawn-pending/) ``--stuck-after`` (30) seconds after the hub logged their server as ready;
the benchmark then reloads that page, as a student would, and counts it. Prints a table per
student (seconds from the login click: server ready in the hub's log, left the pending
page, dashboard ready, truth table changed; reloads) and the load average, for
benchmarks/results-jupyterhub.md.

CPU seconds (user + system, so other load on the machine matters less than for wall time):
each student's server (at the moment the hub logged it ready, i.e. its start, and at the end,
with the helpers it ran and waited for) and kernels (when the dashboard was ready, and at the
end); the hub, proxy and culler from the login click on; and the headless Chromium apart
(sampled every 0.5 s over all its processes, also from the click on): it shares the 2 cores
here, not in a classroom. The sum over 2 cores is the floor no scheduling can beat.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

import psutil  # noqa: E402

from tests.browser import hub_support, support  # noqa: E402

LESSON_02 = f"voila/render/lessons/pl/{hub_support.LESSON_02}"
READY_LINE = re.compile(r"^\[I (\S+ \S+) JupyterHub base:\d+\] User (\S+) took ([\d.]+) seconds")


@dataclass
class Student:
    name: str
    server_ready: float | None = None  # seconds from the login click (hub's log)
    left_pending: float | None = None
    dashboard_ready: float | None = None
    working: float | None = None
    reloads: int = 0
    kernels: int = 0  # the student's kernels at the end
    server_cpu: float = 0.0  # CPU seconds of the student's server
    server_cpu_at_ready: float | None = None  # ... when the hub logged it ready (its start)
    kernel_cpu_at_ready: float | None = None  # lesson 02's kernel when the dashboard was ready
    browser_cpu_left_pending: float | None = None  # all browsers' CPU since the click, then
    cpu: float = 0.0  # CPU seconds of the student's kernels
    rescued: int = 0  # times the pending page's own check (templates/) moved it on
    error: str = ""


def rescues(log_path: Path, name: str) -> int:
    """Redirects the pending page's fallback check got (deploy/jupyterhub/templates/)."""
    text = log_path.read_text(errors="replace")
    return len(re.findall(rf"302 GET /hub/spawn-pending/{name}\S*check=1", text))


def servers_ready(log_path: Path, start_wall: float) -> dict[str, float]:
    """Seconds from ``start_wall`` (time.time()) to each 'User X took N seconds' line."""
    ready = {}
    for line in log_path.read_text(errors="replace").splitlines():
        match = READY_LINE.match(line)
        if match:
            stamp = dt.datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S.%f")
            ready[match.group(2)] = stamp.timestamp() - start_wall
    return ready


async def one_student(browser, hub, student: Student, options, clock) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    try:
        target = f"/hub/user-redirect/{LESSON_02}"
        login = f"{hub.base_url}/hub/login" + ("" if options.via_index else f"?next={target}")
        await page.goto(login, wait_until="domcontentloaded")
        await page.fill("#username_input", student.name)
        await page.fill("#password_input", hub_support.PASSWORD)
        await clock.wait()  # everybody clicks at the same moment
        await page.click("#login_submit", no_wait_after=True)
        start = clock.start
        deadline = start + options.timeout
        clicked_index = False
        while time.monotonic() < deadline:
            now = time.monotonic() - start
            pending = hub_support.PENDING_PATH in page.url or page.url.endswith("/hub/spawn")
            if student.left_pending is None and "/user/" in page.url and not pending:
                student.left_pending = now
                BROWSER_CPU.sample()
                student.browser_cpu_left_pending = BROWSER_CPU.total() - BROWSER_CPU.at_start
            if options.via_index and not clicked_index:
                if await page.locator(hub_support.INDEX_LINK).count():
                    await page.locator(
                        f"{hub_support.INDEX_LINK}[href*='{hub_support.LESSON_02}']"
                    ).first.click(no_wait_after=True)
                    clicked_index = True
            if await page.locator(support.READY).count():
                student.dashboard_ready = now
                student.kernel_cpu_at_ready = kernels_cpu(hub, student.name)
                break
            ready_at = servers_ready(hub.log_path, clock.start_wall).get(student.name)
            if ready_at is not None and student.server_cpu_at_ready is None:
                student.server_cpu_at_ready = server_cpu(hub, student.name)
            if pending and ready_at is not None and now - ready_at > options.stuck_after:
                student.reloads += 1
                await page.reload(wait_until="commit")
            await asyncio.sleep(0.25)
        else:
            student.error = f"no working dashboard within {options.timeout:.0f} s ({page.url})"
            return
        dashboard = page.locator(support.DASHBOARD).first
        table = dashboard.locator(".dl-truth-table").first
        before = await table.inner_text()
        await dashboard.locator(f".widget-slider {support.SLIDER_HANDLE}").first.focus()
        for _ in range(4):
            await page.keyboard.press("ArrowLeft")
        while time.monotonic() < deadline:
            if await table.inner_text() != before:
                student.working = time.monotonic() - start
                break
            await asyncio.sleep(0.05)
        else:
            student.error = "the truth table did not change"
    except Exception as error:  # a student's failure is a row of the table, not a crash
        student.error = f"{type(error).__name__}: {str(error).splitlines()[0]}"
    finally:
        BROWSER_CPU.sample()  # its renderers exit with the context
        await context.close()


def _used(process: psutil.Process, children: bool = False) -> float:
    """User + system CPU seconds; with ``children``, also those of its children that exited
    and were waited for (a server's short-lived helpers: node for JupyterLab's yarn config,
    npm for jupyter_lsp, uname)."""
    times = process.cpu_times()
    used = times.user + times.system
    return used + times.children_user + times.children_system if children else used


def server_cpu(hub, name: str) -> float | None:
    """CPU seconds a student's server has used so far (None before it runs)."""
    server = hub_support.servers_of(hub).get(name)
    try:
        return None if server is None else _used(server, children=True)
    except psutil.NoSuchProcess:
        return None


def kernels_cpu(hub, name: str) -> float | None:
    """CPU seconds a student's kernels have used so far."""
    server = hub_support.servers_of(hub).get(name)
    if server is None:
        return None
    total = 0.0
    for kernel in support.kernel_processes(server.pid):
        try:
            total += _used(kernel)
        except psutil.NoSuchProcess:
            continue
    return total


class BrowserCpu:
    """CPU seconds of the headless Chromium (every process of it: browser, zygotes, GPU and
    network services, one or more renderers a student), which runs on the same cores as the
    class here and not in a classroom. Sampled every ``every`` seconds, keeping each process's
    last reading, so a renderer that exits between two samples loses at most that much;
    Playwright's node driver is counted apart (it is the benchmark, not a browser)."""

    def __init__(self, every: float = 0.5):
        self.every = every
        self.at_start = 0.0  # before the login click: the browser's own start, login pages
        self.seen: dict[tuple[int, float], tuple[str, float]] = {}
        self.roles: dict[tuple[int, float], str] = {}

    def sample(self) -> None:
        processes = []
        for driver in psutil.Process().children():  # Playwright's node driver
            try:
                if any("playwright" in part for part in driver.cmdline()):
                    processes += [driver, *driver.children(recursive=True)]
            except psutil.NoSuchProcess:
                continue
        for process in processes:
            try:
                key = (process.pid, process.create_time())
                kind = "browser" if "chrom" in process.name().lower() else "driver"
                self.seen[key] = (kind, _used(process))
                if os.environ.get("DL_HUB_BENCH_DEBUG"):
                    role = next((a for a in process.cmdline() if a.startswith("--type=")), "main")
                    self.roles[key] = (
                        f"{process.name()} {role} ppid {process.ppid()} {' '.join(process.cmdline())[:150]}"
                    )
            except psutil.NoSuchProcess:
                continue

    async def run(self) -> None:
        while True:
            self.sample()
            await asyncio.sleep(self.every)

    def total(self, kind: str = "browser") -> float:
        return sum(used for what, used in self.seen.values() if what == kind)


def cpu_seconds(hub, students: list[Student]) -> None:
    """CPU time (user + system) the hub's processes used, by student and for the hub itself
    (hub, proxy, culler): what a class costs the machine, whatever else runs on it."""
    servers = hub_support.servers_of(hub)
    by_pid = {server.pid: name for name, server in servers.items()}
    for process in hub_support.hub_processes(hub):
        try:
            used = _used(process, children=process.pid in by_pid)
            owner = next(
                (by_pid[p.pid] for p in [process, *process.parents()] if p.pid in by_pid), None
            )
        except psutil.NoSuchProcess:
            continue
        for student in students:
            if student.name == owner and process.pid in by_pid:
                student.server_cpu += used
            elif student.name == owner:
                student.cpu += used
        if owner is None:
            HUB_CPU.append(used)


HUB_CPU: list[float] = []
HUB_CPU_AT_START: list[float] = []  # the hub, proxy and culler before the click (their start)


def _used_or_zero(process: psutil.Process) -> float:
    try:
        return _used(process)
    except psutil.NoSuchProcess:
        return 0.0


BROWSER_CPU = BrowserCpu()


class Clock:
    """A start line: every student waits at it, the last one to arrive starts the clock."""

    def __init__(self, count: int, hub=None):
        self.count, self.arrived, self.hub = count, 0, hub
        self.event = asyncio.Event()
        self.start = self.start_wall = 0.0

    async def wait(self) -> None:
        self.arrived += 1
        if self.arrived == self.count:
            BROWSER_CPU.sample()
            BROWSER_CPU.at_start = BROWSER_CPU.total()
            if self.hub is not None:
                HUB_CPU_AT_START.append(
                    sum(_used_or_zero(p) for p in hub_support.hub_processes(self.hub))
                )
            self.start, self.start_wall = time.monotonic(), time.time()
            self.event.set()
        await self.event.wait()


async def run(options, hub) -> list[Student]:
    from playwright.async_api import async_playwright

    students = [Student(f"student{number:02d}") for number in range(1, options.students + 1)]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(support.CHROMIUM_PATH),
            headless=True,
            args=list(support.CHROMIUM_ARGS),
        )
        clock = Clock(len(students), hub)
        sampler = asyncio.ensure_future(BROWSER_CPU.run())
        await asyncio.gather(*(one_student(browser, hub, s, options, clock) for s in students))
        sampler.cancel()
        BROWSER_CPU.sample()
        # One kernel a student (lesson 02's) unless a page load was started twice.
        for name, server in hub_support.servers_of(hub).items():
            kernels = support.kernel_processes(server.pid)
            next(s for s in students if s.name == name).kernels = len(kernels)
        cpu_seconds(hub, students)
        ready = servers_ready(hub.log_path, clock.start_wall)
        for student in students:
            student.server_ready = ready.get(student.name)
            student.rescued = rescues(hub.log_path, student.name)
        await browser.close()
    return students


def report(students: list[Student], options, load_before, load_after, took) -> str:
    def cell(value):
        return "—" if value is None else f"{value:.1f}"

    lines = [
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {options.students} students, "
        f"{'via the lesson index' if options.via_index else 'the lecturer link to lesson 02'}, "
        f"{os.cpu_count()} CPUs; load average before {load_before}, after {load_after}",
        "",
        "| student | server ready | left pending page | dashboard ready | working | reloads "
        "| moved on by the page's own check | kernels | CPU s: server + kernels "
        "| of which: server started, kernel at dashboard ready |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in students:
        working = cell(s.working) if not s.error else f"failed: {s.error}"
        lines.append(
            f"| {s.name} | {cell(s.server_ready)} | {cell(s.left_pending)} | "
            f"{cell(s.dashboard_ready)} | {working} | {s.reloads} | {s.rescued} | {s.kernels} | {s.server_cpu:.1f} + {s.cpu:.1f} "
            f"| {cell(s.server_cpu_at_ready)}, {cell(s.kernel_cpu_at_ready)} |"
        )
    done = [s.working for s in students if s.working is not None and not s.error]
    server, kernels = sum(s.server_cpu for s in students), sum(s.cpu for s in students)
    # From the login click on: the hub's and the browser's own start came before it.
    hub = sum(HUB_CPU) - sum(HUB_CPU_AT_START)
    browsers = BROWSER_CPU.total() - BROWSER_CPU.at_start
    cores, n = os.cpu_count(), len(students)
    on_pending = max((s.browser_cpu_left_pending or 0.0 for s in students), default=0.0)
    class_cpu = server + kernels + hub
    no_reload = [s for s in students if s.working is not None and s.reloads == 0]
    within = [s for s in no_reload if s.working <= options.goal]
    lines += [
        "",
        f"working: {len(done)}/{len(students)}; without a reload: {len(no_reload)}; "
        f"without a reload within {options.goal:.0f} s: {len(within)}; "
        f"slowest {max(done):.1f} s, median {sorted(done)[len(done) // 2]:.1f} s"
        if done
        else "working: 0",
        f"reloads: {sum(s.reloads for s in students)}; pages moved on by their own check: "
        f"{sum(1 for s in students if s.rescued)}; the whole run {took:.0f} s",
        f"CPU from the login click: students' servers {server:.1f} s and kernels "
        f"{kernels:.1f} s, hub, proxy and culler {hub:.1f} s: {class_cpu:.1f} s "
        f"({class_cpu / n:.2f} s a student), on {cores} idle cores at least "
        f"{class_cpu / cores:.0f} s",
        f"CPU of the browsers (Chromium, on the same cores here, on the students' laptops in "
        f"class): {browsers:.1f} s, {browsers / n:.2f} s a student ({on_pending:.1f} s "
        f"until the last left the starting page); Playwright's driver "
        f"{BROWSER_CPU.total('driver'):.1f} s, this benchmark's own Python "
        f"{_used(psutil.Process()):.1f} s. Class and browsers: {(class_cpu + browsers) / n:.2f} s "
        f"a student, at least {(class_cpu + browsers) / cores:.1f} s on {cores} idle cores",
    ]
    return "\n".join(lines)


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--via-index", action="store_true")
    parser.add_argument("--timeout", type=float, default=240, help="per student, seconds")
    parser.add_argument(
        "--stuck-after",
        type=float,
        default=30,
        help="seconds on the pending page after the server is ready before reloading it",
    )
    parser.add_argument("--goal", type=float, default=60)
    parser.add_argument("--log", type=Path, help="keep the hub's log here")
    parser.add_argument(
        "--hub-option",
        action="append",
        default=[],
        help="--Class.trait=value for jupyterhub, e.g. JupyterHub's default timeouts",
    )
    options = parser.parse_args()
    if not hub_support.proxy_installed():
        sys.exit(hub_support.PROXY_MISSING)
    with tempfile.TemporaryDirectory(prefix="dl-hub-bench-") as folder:
        hub = hub_support.start_hub(Path(folder) / "data", Path(folder), *options.hub_option)
        try:
            load_before = load_average()
            began = time.monotonic()
            students = asyncio.run(run(options, hub))
            took = time.monotonic() - began
            load_after = load_average()
        finally:
            left = hub_support.stop_cleanly(hub)
            hub.stop()
            if options.log:
                options.log.write_text(hub.log_path.read_text(errors="replace"))
        print(report(students, options, load_before, load_after, took))
        print(f"processes left after the hub stopped: {len(left)}")
        for key, role in BROWSER_CPU.roles.items():
            print(key[0], role, f"{BROWSER_CPU.seen[key][1]:.2f}")


if __name__ == "__main__":
    main()
