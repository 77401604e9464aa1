#!/usr/bin/env python
"""A class on this machine: N students open the same lesson at once and move a slider.

    python benchmarks/class_bench.py                 # 10 students, both servers
    python benchmarks/class_bench.py --students 30 --preheat 20 --servers class \
        --cull-after 15 --between 75 --output /tmp/class-30.md

Two servers, one after the other, each given the same class:

- ``serve``: ``voila lessons/`` with the repository's ``voila.json``, what ``python3 dev.py
  serve`` runs (one pre-heated kernel per Polish lesson 00-06, TensorFlow's default
  threads, no culling);
- ``class``: ``deploy/class_server.py`` (``python3 dev.py serve --class``) with
  ``--students N`` pre-heated kernels of lesson 02, one thread per kernel and a short
  ``--cull-after`` so that the memory phase fits in a benchmark.

Phase 1, "answering": N headless Chromium pages (one browser, a context each) open
pl/02 at the same moment; a student is answering when the dashboard is ready *and* a
weight slider's arrow key has changed the truth table (the kernel computed). Reported:
every student's time, the median and the last one.

Phase 2, "tabs": after ``--between`` seconds the same students open pl/04 in new tabs
and leave the pl/02 tabs open and idle; the kernels' total resident memory is read when all
are ready (or were told the server is full) and again after the cull time. Then one idle
pl/02 tab whose kernel was shut down (by the cull time or, for the class server, by its
memory guard) is reloaded: it must answer again. All along, the machine's available memory
is sampled every second (its lowest value is reported) and the server is stopped if it
falls under 0.5 GB, before the OOM killer picks a process of its own.

The machine is shared by whatever else runs: the load average is printed with the
results, which go to ``benchmarks/results-class.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tests.browser import support  # noqa: E402

FIRST, SECOND = "pl/02_mcculloch_pitts.ipynb", "pl/04_perceptron.ipynb"
TOKEN = "bench"
FULL = ".dl-class-message"  # the class server's "no memory left" page


def start(kind: str, students: int, cull_minutes: float, keep_free: float) -> support.Server:
    """The server ``kind`` ('serve' or 'class') on a free loopback port; ``students``
    pre-heated kernels of lesson 02 for the class server."""
    port = support.free_port()
    env = {"DL_COURSE_MNIST_DIR": str(REPO_ROOT.parent / "shared" / "data" / "mnist")}
    if kind == "serve":
        command = [sys.executable, "-m", "voila", "lessons", f"--port={port}", "--no-browser"]
        server = support._start(
            kind, command, "/voila/render/", port, "/", REPO_ROOT, env, 90, None
        )
    else:
        command = [
            sys.executable,
            str(REPO_ROOT / "deploy" / "class_server.py"),
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--lesson={FIRST}",
            f"--students={students}",
            f"--cull-after={cull_minutes}",
            f"--token={TOKEN}",
            f"--keep-free={keep_free}",
            "--force",  # the memory guard, not the start-up check, is what is measured
        ]
        server = support._start(
            kind, command, "/voila/render/", port, "/", REPO_ROOT, env, 90, None
        )
    deadline = time.monotonic() + 600  # wait for the pool: the class comes in afterwards
    while "is filled with" not in server.log_tail(400) and time.monotonic() < deadline:
        time.sleep(1)
    wait_quiet(server)
    return server


def wait_quiet(server: support.Server, limit: float = 300.0) -> None:
    """Wait until the pre-heated kernels have finished importing TensorFlow (they start it
    10 s after running the notebook): the lecturer starts the server before the class."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        kernels = server.kernels()
        for kernel in kernels:
            kernel.cpu_percent(None)
        time.sleep(2)
        busy = sum(kernel.cpu_percent(None) for kernel in kernels if kernel.is_running())
        if busy < 10:
            return


def url(server: support.Server, notebook: str) -> str:
    return f"{server.render_url(notebook)}?token={TOKEN}"


async def answering(page, timeout: float = 150.0) -> None:
    """Wait for the MCP dashboard and for the kernel to answer a weight slider's key."""
    await page.wait_for_selector(support.READY, timeout=timeout * 1000)
    table = page.locator(f"{support.DASHBOARD} .dl-truth-table").first
    before = await table.inner_text()
    await page.locator(f"{support.DASHBOARD} .widget-slider {support.SLIDER_HANDLE}").first.focus()
    for _ in range(4):
        await page.keyboard.press("ArrowLeft")
    deadline = time.monotonic() + timeout
    while await table.inner_text() == before:
        if time.monotonic() > deadline:
            raise TimeoutError("the truth table never changed")
        await asyncio.sleep(0.05)


async def student(browser, server, started: float, number: int) -> tuple[object, float]:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url(server, FIRST), wait_until="commit", timeout=300_000)
        await answering(page)
    except Exception:  # noqa: BLE001  (kept for the report: what the student saw)
        shot = Path(f"/tmp/class-bench-{server.name}-student-{number}.png")
        await page.screenshot(path=str(shot), full_page=True)
        ready = await page.locator(support.READY).count()
        print(f"student {number} failed (dashboard ready: {bool(ready)}; {shot})", flush=True)
        raise
    return page, time.monotonic() - started


def kernels_gigabytes(server: support.Server) -> float:
    """The kernels' proportional set size (PSS) in GB: each shares TensorFlow's libraries
    with the others, which a sum of resident sizes would count once per kernel."""
    total = 0
    for process in server.kernels():
        try:
            total += process.memory_full_info().pss
        except Exception:  # noqa: BLE001  (a kernel that exits while being read)
            continue
    return total / 1024**3


class MemoryWatch:
    """The machine's available memory every second, its lowest value, and the most
    kernels at once; stops ``server`` if memory falls under ``floor_gb``."""

    def __init__(self, server: support.Server, floor_gb: float = 0.5):
        import threading

        self.server, self.floor_gb = server, floor_gb
        self.lowest_gb, self.most_kernels, self.aborted = float("inf"), 0, False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from deploy.kernel_memory import available_gigabytes

        while not self._stop.wait(1.0):
            have = available_gigabytes() or 0.0
            self.lowest_gb = min(self.lowest_gb, have)
            self.most_kernels = max(self.most_kernels, len(self.server.kernels()))
            if have < self.floor_gb and not self.aborted:
                self.aborted = True
                print(f"ABORT: {have:.2f} GB available, stopping the server", flush=True)
                self.server.stop()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


async def culled_page(pages, timeout: float = 60.0):
    """A lesson 02 page that says its kernel was shut down (its watchdog polls every 10 s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for page in pages:
            if await page.locator(".dl-kernel-gone").count():
                return page
        await asyncio.sleep(1)
    return None


async def one_class(
    kind: str, students: int, preheat: int, cull_minutes: float, between: float, keep_free: float
) -> dict:
    from playwright.async_api import async_playwright

    server = start(kind, preheat, cull_minutes, keep_free)
    watch = MemoryWatch(server)
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=support.CHROMIUM_PATH)
            started = time.monotonic()
            results = await asyncio.gather(
                *(student(browser, server, started, n) for n in range(students)),
                return_exceptions=True,
            )
            times = sorted(r[1] for r in results if not isinstance(r, BaseException))
            print(
                f"{kind}: {len(times)} answering, last after {max(times, default=0):.1f} s",
                flush=True,
            )
            pages = [r[0] for r in results if not isinstance(r, BaseException)]
            report = {"kind": kind, "times": times, "failed": students - len(times)}
            await asyncio.sleep(between)
            # Phase 2: new tabs with lesson 04, the lesson 02 tabs left open.
            # A window of its own per tab (Chromium's tabs of one profile stalled here after
            # the first: 1 of 10 requests reached the server).
            tabs = [await (await browser.new_context()).new_page() for _ in pages]
            await asyncio.gather(
                *(tab.goto(url(server, SECOND), wait_until="commit") for tab in tabs)
            )
            ready = await asyncio.gather(
                *(
                    tab.wait_for_selector(f"{support.READY}, {FULL}", timeout=300_000)
                    for tab in tabs
                ),
                return_exceptions=True,
            )
            told = [await tab.locator(FULL).count() > 0 for tab in tabs]
            report["tabs_full"] = sum(told)
            report["tabs_ready"] = sum(
                not isinstance(r, BaseException) and not full
                for r, full in zip(ready, told, strict=True)
            )
            report["tabs_gb"] = kernels_gigabytes(server)
            report["tabs_kernels"] = len(server.kernels())
            if kind == "class":
                gone = await culled_page(pages)  # shut down by the memory guard already?
                if gone is None:
                    await asyncio.sleep(cull_minutes * 60 + 30)
                    gone = await culled_page(pages) or pages[0]
                report["culled_gb"] = kernels_gigabytes(server)
                report["culled_kernels"] = len(server.kernels())
                await gone.reload(wait_until="commit")
                reload_started = time.monotonic()
                await answering(gone)
                report["reload_s"] = time.monotonic() - reload_started
            await browser.close()
    finally:
        watch.stop()
        server.stop()
    report.update(lowest_gb=watch.lowest_gb, most_kernels=watch.most_kernels)
    report["aborted"] = watch.aborted
    return report


def describe(report: dict) -> str:
    times = report["times"]
    line = (
        f"| {report['kind']} | {len(times)} of {len(times) + report['failed']} | "
        f"{statistics.median(times):.1f} s | {max(times):.1f} s | "
        f"{report['tabs_ready']} of {len(times)} ready, {report.get('tabs_full', 0)} told "
        f"the server is full, {report['tabs_kernels']} kernels, {report['tabs_gb']:.1f} GB |"
    )
    if "culled_gb" in report:
        line += f" {report['culled_kernels']} kernels, {report['culled_gb']:.1f} GB |"
        line += f" {report['reload_s']:.1f} s |"
    else:
        line += " no culling | – |"
    line += f" {report['lowest_gb']:.1f} GB, {report['most_kernels']} kernels at most"
    return line + (" (ABORTED) |" if report["aborted"] else " |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=10)
    parser.add_argument("--servers", nargs="+", default=["serve", "class"])
    parser.add_argument(
        "--preheat", type=int, default=None, help="class server's pool (--students)"
    )
    parser.add_argument("--cull-after", type=float, default=1.0, help="minutes (class server)")
    parser.add_argument("--between", type=float, default=0.0, help="seconds on pl/02 before pl/04")
    parser.add_argument("--keep-free", type=float, default=1.0, help="GB (class server)")
    parser.add_argument("--output", default="/tmp/class-bench.md", help="(then copy to results)")
    options = parser.parse_args(argv)
    rows = []
    for kind in options.servers:
        load = os.getloadavg()[0]
        preheat = options.students if options.preheat is None else options.preheat
        report = asyncio.run(
            one_class(
                kind,
                options.students,
                preheat,
                options.cull_after,
                options.between,
                options.keep_free,
            )
        )
        line = describe(report)
        cut = line.rindex("|", 0, line.rindex("|"))  # the load goes before the memory column
        rows.append(f"{line[:cut]}| {load:.1f} {line[cut:]}")
        print(rows[-1], "\n  times:", ", ".join(f"{t:.1f}" for t in report["times"]), flush=True)
    header = [
        f"# A class of {options.students} on one machine ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})",
        "",
        f"`benchmarks/class_bench.py {' '.join(sys.argv[1:] if argv is None else argv)}` on "
        f"{os.cpu_count()} CPUs; the class server's memory guard keeps "
        f"{options.keep_free:g} GB free.",
        "",
        "| server | answering | median | last | pl/04 opened, pl/02 tabs left open | after the cull time | a culled tab reloaded, answering | load before | lowest available memory |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    Path(options.output).write_text("\n".join(header + rows) + "\n")
    print("\n".join(header + rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
