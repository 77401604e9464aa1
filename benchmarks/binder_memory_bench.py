#!/usr/bin/env python
"""Binder's 2 GB on this machine: one student opens lesson after lesson.

    as root (it makes a cgroup): python benchmarks/binder_memory_bench.py [--limit-gb 2] [--between 75]

Binder gives a student about 2 GB and one CPU. Here a child cgroup (v1 or v2, made under
this process's own) gets that memory limit and a one-CPU quota, and a Jupyter server is
started in it through ``binder/start``, as repo2docker starts it (``jupyter server``, the
lessons under ``/voila/render/``). A headless Chromium student (outside the cgroup: the
student's laptop) opens ``--lessons`` (02 to 06) in tabs, ``--between`` seconds apart
(the time to read a lesson), then goes back to the first tab.

Two runs:

- ``guarded``: ``binder/start`` as it is, with ``deploy/binder_config`` (the kernel manager
  of ``deploy/kernel_memory.py`` keeps 0.25 GB free by shutting down the longest-idle
  kernel);
- ``plain``: the same without ``deploy/binder_config`` (what Binder ran before): the
  cgroup's OOM killer picks a process when a kernel does not fit.

Reported per run: each tab's time to a ready dashboard, the kernels at the end, the OOM
killer's kills in the cgroup, kernel restarts in the server's log (a killed kernel is
restarted by the server: its page's widgets are dead with no word), the tabs that tell
the student their kernel was shut down, the cgroup's peak memory, and whether the first
tab works again after a reload.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tests.browser import support  # noqa: E402

LESSONS = [
    "pl/02_mcculloch_pitts.ipynb",
    "pl/03_hebb.ipynb",
    "pl/04_perceptron.ipynb",
    "pl/05_adaline.ipynb",
    "pl/06_activations.ipynb",
]
TOKEN = "binder-bench"
BANNER = ".dl-kernel-gone"


class Cgroup:
    """A child cgroup with a memory limit and a CPU quota (v1 here, v2 where unified)."""

    def __init__(self, name: str, limit_gb: float, cpus: float):
        from deploy.kernel_memory import _own_cgroups

        own = _own_cgroups(Path("/proc/self/cgroup"))
        root = Path("/sys/fs/cgroup")
        limit, quota = str(int(limit_gb * 1024**3)), int(cpus * 100_000)
        if (root / "memory").is_dir():  # v1: one folder per controller
            self.folders = [root / "memory" / own.get("memory", "") / name]
            self.folders.append(root / "cpu" / own.get("cpu", "") / name)
            for folder in self.folders:
                folder.mkdir(exist_ok=True)
            (self.folders[0] / "memory.limit_in_bytes").write_text(limit)
            (self.folders[1] / "cpu.cfs_quota_us").write_text(str(quota))
            self.events = self.folders[0] / "memory.oom_control"
            self.peak = self.folders[0] / "memory.max_usage_in_bytes"
        else:  # v2
            folder = root / own.get("", "") / name
            folder.mkdir(exist_ok=True)
            (folder / "memory.max").write_text(limit)
            (folder / "cpu.max").write_text(f"{quota} 100000")
            self.folders, self.events, self.peak = [folder], folder / "memory.events", None

    def join(self) -> None:
        """Move the calling process into the cgroup (a ``preexec_fn``)."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(os.getpid()))

    def oom_kills(self) -> int:
        for line in self.events.read_text().splitlines():
            key, _, value = line.partition(" ")
            if key == "oom_kill":
                return int(value)
        return 0

    def peak_gb(self) -> float | None:
        return int(self.peak.read_text()) / 1024**3 if self.peak else None

    def remove(self) -> None:
        for folder in self.folders:
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except OSError:
                    time.sleep(0.2)


def drop_page_cache() -> None:
    """Empty the page cache, so that TensorFlow's libraries are read again and charged to
    the cgroup, as in a fresh Binder container (cached by an earlier run, they would be
    charged to whoever read them first and the cgroup would look 0.3 GB lighter)."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("1")
    except OSError:
        print("could not drop the page cache: the cgroup's memory reads low", flush=True)


def start_server(kind: str, cgroup: Cgroup, log: Path) -> tuple[subprocess.Popen, int]:
    """``binder/start jupyter server`` in the cgroup; ``plain`` without binder_config."""
    port = support.free_port()
    home = Path(tempfile.mkdtemp(prefix="dl-binder-home-"))
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "JUPYTER_RUNTIME_DIR": str(home)}
    if "DL_COURSE_MNIST_DIR" in os.environ:
        env["DL_COURSE_MNIST_DIR"] = os.environ["DL_COURSE_MNIST_DIR"]
    start = REPO_ROOT / "binder" / "start"
    if kind == "plain":  # binder/start without its binder_config line
        text = start.read_text().replace("$REPO/deploy/binder_config:", "")
        start = home / "start"
        start.write_text(text.replace('"$(dirname "$0")/.."', f'"{REPO_ROOT}"'))
    jupyter = Path(sys.executable).parent / "jupyter"
    command = ["bash", str(start), str(jupyter), "server", "--no-browser", f"--port={port}"]
    command += [f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={REPO_ROOT}"]
    command += ["--allow-root"]
    with open(log, "w") as out:
        server = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=env, preexec_fn=cgroup.join
        )
    deadline = time.monotonic() + 90
    while "is running at" not in log.read_text():
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(log.read_text()[-3000:])
        time.sleep(0.5)
    return server, port


def one_run(kind: str, limit_gb: float, cpus: float, between: float, lessons: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    drop_page_cache()
    cgroup = Cgroup(f"dl-binder-{kind}-{os.getpid()}", limit_gb, cpus)
    log = Path(tempfile.mkdtemp(prefix="dl-binder-log-")) / "server.log"
    server, port = start_server(kind, cgroup, log)
    report = {"kind": kind, "ready_s": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(support.CHROMIUM_PATH))
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            tabs = []
            for lesson in lessons:
                tab = context.new_page()
                started = time.monotonic()
                url = f"http://127.0.0.1:{port}/voila/render/lessons/{lesson}?token={TOKEN}"
                tab.goto(url, wait_until="commit", timeout=300_000)
                try:
                    tab.wait_for_selector(support.READY, timeout=240_000)
                    report["ready_s"].append(round(time.monotonic() - started, 1))
                except Exception:  # noqa: BLE001  (reported: the tab never got ready)
                    report["ready_s"].append(None)
                tabs.append(tab)
                time.sleep(between)
            time.sleep(15)  # the watchdog asks every 10 s
            report["told"] = [
                lesson[3:5]
                for lesson, t in zip(lessons, tabs, strict=True)
                if t.locator(BANNER).count()
            ]
            report["kernels"] = len(support.kernel_processes(server.pid))
            first = tabs[0]
            first.reload(wait_until="commit")
            started = time.monotonic()
            try:
                first.wait_for_selector(support.READY, timeout=240_000)
                report["reload_s"] = round(time.monotonic() - started, 1)
            except Exception:  # noqa: BLE001
                report["reload_s"] = None
            browser.close()
    finally:
        report["oom_kills"] = cgroup.oom_kills()
        report["peak_gb"] = cgroup.peak_gb()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        for process in support.kernel_processes(server.pid):
            process.kill()
        text = log.read_text()
        report["restarts"] = text.count("restarting kernel")
        report["guard_shutdowns"] = text.count("Memory short by")
        shutil.copy(log, f"/tmp/binder-bench-{kind}.log")
        cgroup.remove()
    return report


def describe(report: dict) -> str:
    ready = ", ".join("never" if s is None else f"{s} s" for s in report["ready_s"])
    peak = "–" if report["peak_gb"] is None else f"{report['peak_gb']:.2f} GB"
    reload = "never" if report["reload_s"] is None else f"{report['reload_s']} s"
    told = ", ".join(report["told"]) or "none"
    return (
        f"| {report['kind']} | {ready} | {report['kernels']} | {report['oom_kills']} | "
        f"{report['restarts']} | {report['guard_shutdowns']} | {told} | {peak} | {reload} |"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit-gb", type=float, default=2.0)
    parser.add_argument("--cpus", type=float, default=1.0)
    parser.add_argument("--between", type=float, default=75.0, help="seconds on each lesson")
    parser.add_argument("--runs", nargs="+", default=["guarded", "plain"])
    parser.add_argument("--lessons", nargs="+", default=LESSONS, help="under lessons/")
    options = parser.parse_args(argv)
    rows = [
        f"| run | lessons {', '.join(n.split('/')[-1][:2] for n in options.lessons)} ready "
        "after | kernels at the end | OOM kills | kernel "
        "restarts | shut down by the guard | tabs told | peak memory | first tab reloaded |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind in options.runs:
        load = os.getloadavg()[0]
        print(f"{kind}: load {load:.1f}", flush=True)
        report = one_run(kind, options.limit_gb, options.cpus, options.between, options.lessons)
        rows.append(describe(report))
        print(rows[-1], flush=True)
    print(f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, limit {options.limit_gb} GB")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
