#!/usr/bin/env python
"""A class's worth of tabs on one machine: does the class server stay within its memory?

    python benchmarks/class_memory_bench.py [--students 30] [--preheat 20] [--between 150]

The class server (``deploy/class_server.py``, ``--keep-free 1``) pre-heats ``--preheat``
kernels of lesson 02. Then ``--students`` students open lesson 02 at the same moment and,
``--between`` seconds later, lesson 04, leaving the first tab open: every "tab" is an HTTP
request for the Voilà page, which makes the server start a kernel and run the whole
notebook in it (the page is rendered on the server), and then leaves that kernel idle, as a
tab a student left open holds its kernel. No browser renders these pages: 30 Chromium
renderers on the server's own 2 cores would measure the browsers (``class_bench.py`` plays
10 real browsers). At the end one real headless Chromium student opens lesson 02 again and
moves a slider, as a student whose kernel was shut down does after F5.

Reported: per lesson, pages served (HTTP 200) and refused with the "out of memory" page
(503), the median and slowest time to a fully rendered page; the kernels and their
proportional memory (PSS) at the end of each phase; the lowest available memory of the
machine (sampled every second; the server is stopped below 0.5 GB); how many kernels the
memory guard shut down; and the last student's time to an answering dashboard.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.class_bench import (  # noqa: E402
    MemoryWatch,
    kernels_gigabytes,
    start,
    url,
)

FIRST, SECOND = "pl/02_mcculloch_pitts.ipynb", "pl/04_perceptron.ipynb"


def open_tab(address: str) -> tuple[int, float]:
    """GET a lesson page to its end; returns (HTTP status, seconds)."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(address, timeout=600) as response:
            response.read()
            return response.status, time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started


def open_together(address: str, students: int) -> dict:
    """``students`` tabs of ``address`` at the same moment."""
    with ThreadPoolExecutor(max_workers=students) as pool:
        results = list(pool.map(open_tab, [address] * students))
    served = [seconds for status, seconds in results if status == 200]
    return {
        "served": len(served),
        "refused": sum(status == 503 for status, _ in results),
        "other": sorted({status for status, _ in results} - {200, 503}),
        "median_s": statistics.median(served) if served else None,
        "last_s": max(served, default=None),
    }


def last_student(server, address: str) -> float:
    """One real Chromium student opens the lesson and moves a weight slider; seconds."""
    import asyncio

    from playwright.async_api import async_playwright

    from benchmarks.class_bench import answering
    from tests.browser import support

    async def visit() -> float:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=support.CHROMIUM_PATH)
            page = await browser.new_page()
            started = time.monotonic()
            await page.goto(address, wait_until="commit", timeout=300_000)
            await answering(page)
            seconds = time.monotonic() - started
            await browser.close()
            return seconds

    return asyncio.run(visit())


def run(options) -> list[str]:
    server = start("class", options.preheat, options.cull_after, options.keep_free)
    watch = MemoryWatch(server)
    rows = []
    try:
        for number, lesson in enumerate((FIRST, SECOND)):
            if number:
                time.sleep(options.between)
            phase = open_together(url(server, lesson), options.students)
            time.sleep(10)  # the guard checks every 5 s
            rows.append(
                f"| {lesson[3:5]} | {phase['served']} | {phase['refused']} "
                f"{phase['other'] or ''}| {phase['median_s'] or 0:.1f} s | "
                f"{phase['last_s'] or 0:.1f} s | {len(server.kernels())} | "
                f"{kernels_gigabytes(server):.1f} GB | "
                f"{server.log_tail(100_000).count('Memory short by')} |"
            )
            print(rows[-1], flush=True)
        seconds = last_student(server, url(server, FIRST))
        rows.append(f"\nA student opening lesson 02 again answered after {seconds:.1f} s.")
    finally:
        watch.stop()
        server.stop()
    rows.append(
        f"Lowest available memory {watch.lowest_gb:.1f} GB, {watch.most_kernels} kernels at "
        f"most{' (ABORTED: under 0.5 GB)' if watch.aborted else ''}."
    )
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--preheat", type=int, default=20)
    parser.add_argument("--between", type=float, default=150.0, help="seconds on lesson 02")
    parser.add_argument("--cull-after", type=float, default=15.0, help="minutes")
    parser.add_argument("--keep-free", type=float, default=1.0, help="GB")
    options = parser.parse_args(argv)
    load = os.getloadavg()[0]
    header = [
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {load:.1f}: "
        f"{options.students} students, {options.preheat} pre-heated, "
        f"{options.between:g} s on lesson 02, keep-free {options.keep_free:g} GB",
        "",
        "| lesson | pages served | refused (out of memory) | median | slowest | kernels "
        "after | their PSS | shut down by the guard so far |",
        "|---|---|---|---|---|---|---|---|",
    ]
    print("\n".join(header), flush=True)
    rows = run(options)
    print("\n".join(header + rows), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
