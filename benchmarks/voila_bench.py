#!/usr/bin/env python
"""Voilà benchmark: each lesson against the bare reference dashboard, in one run.

    python benchmarks/voila_bench.py [--lessons en/02_mcculloch_pitts.ipynb ...]
                                     [--presses 25] [--repeats 2]

Measures, for benchmarks/reference.ipynb and each lesson (paths relative to lessons/):

(a) cold: standalone Voilà without preheating; seconds from navigation to the dashboard
    shown (``.dl-dashboard`` visible) and to ready (``.dl-dashboard.dl-ready``);
(b) preheated: Voilà with a pool of one pre-executed kernel per notebook, waited for until
    the pool kernels are idle; the same two times;
(c) slider → figure latency: key presses on the first slider, each timed in the page from
    the keydown to the first DOM mutation of the figure; p50 and p95;
(d) memory: peak RSS (VmHWM) of the kernel serving the page, against a bare
    ``python -c "import tensorflow"`` measured the same way;
(e) animation, for lessons with a Play (``.dl-play``): played at the dashboard's default
    speed for a few seconds, the rate at which the kernel-drawn figure changes (steps a
    second) and how far the figure lags behind the Play's own position when it ends.

Prints a Markdown table per lesson (metric, lesson, reference, ratio, target, result) and
writes it with the machine's description to benchmarks/results.md. Visits alternate
between the reference and the lessons. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tests.browser import support  # noqa: E402

DEFAULT_SLIDER = f"{support.DASHBOARD} .widget-slider {support.SLIDER_HANDLE}"
DEFAULT_FIGURE = f"{support.DASHBOARD} {support.PLOTLY_FIGURE}"
POSITION_SLIDER = f"{support.DASHBOARD} .dl-position {support.SLIDER_HANDLE}"


@dataclass(frozen=True)
class Notebook:
    """A page to measure: its path from the repository root and what to press and watch."""

    label: str
    path: str
    slider: str = DEFAULT_SLIDER  # the first match is pressed
    figure: str = DEFAULT_FIGURE  # the first match is watched
    keys: tuple[str, str] = ("ArrowRight", "ArrowLeft")  # pressed in turn
    position: str | None = None  # readout of the slider a Play drives: measure (e)
    min_rate: float = 10.0  # (e) steps a second the figure must sustain


REFERENCE = Notebook("reference", "benchmarks/reference.ipynb")

#: Per-lesson selectors, keyed by the path under lessons/. A lesson not listed here uses
#: the first slider and the first plotly figure of its dashboard.
LESSONS: dict[str, dict] = {
    "en/02_mcculloch_pitts.ipynb": {"slider": DEFAULT_SLIDER, "figure": DEFAULT_FIGURE},
    "pl/02_mcculloch_pitts.ipynb": {"slider": DEFAULT_SLIDER, "figure": DEFAULT_FIGURE},
    # Step-animation lessons: each key press on the position slider is one step, and the
    # Play drives that slider. The 10 steps a second is the perceptron's; Hebb
    # (1 pattern a second, to read the table) and ADALINE (an epoch every 350 ms) play
    # slowly on purpose, and their figures must keep up with their own Play.
    **{
        f"{lang}/{stem}.ipynb": {
            "slider": f"{support.DASHBOARD} .{css} {support.SLIDER_HANDLE}",
            "position": f"{support.DASHBOARD} .{css} {support.SLIDER_READOUT}",
            "min_rate": min_rate,
        }
        for lang in ("en", "pl")
        for stem, css, min_rate in (
            ("03_hebb", "dl-position", 0.9),
            ("04_perceptron", "dl-position", 10.0),
            ("05_adaline", "dl-epoch", 2.5),
        )
    },
    # History: the event dropdown (arrow keys step through a closed <select>) -> timeline.
    **{
        f"{lang}/01_history.ipynb": {
            "slider": f"{support.DASHBOARD} .widget-dropdown select",
            "keys": ("ArrowDown", "ArrowUp"),
        }
        for lang in ("en", "pl")
    },
    # CNN: the convolution-by-hand stride slider -> the convolution figure.
    **{
        f"{lang}/10_cnn.ipynb": {
            "slider": f"{support.DASHBOARD} .dl-stride {support.SLIDER_HANDLE}",
            "figure": f".dl-convolution {support.PLOTLY_FIGURE}",
        }
        for lang in ("en", "pl")
    },
    # RNN, the loop unrolled: the input weight W -> the states-over-time plot (the SVG of
    # the unrolled network changes in the same message).
    **{
        f"{lang}/11_rnn.ipynb": {
            "slider": f"{support.DASHBOARD} .dl-rnn-w {support.SLIDER_HANDLE}",
            "figure": f"{support.DASHBOARD} .dl-rnn-states",
        }
        for lang in ("en", "pl")
    },
    # Autoencoders: the code plane's z1 slider -> the digit the decoder draws there.
    **{
        f"{lang}/12_autoencoders.ipynb": {
            "slider": f".dl-autoencoder .dl-z1 {support.SLIDER_HANDLE}",
            "figure": f".dl-autoencoder .dl-walk {support.PLOTLY_FIGURE}",
        }
        for lang in ("en", "pl")
    },
    # Activations: the neuron's weight w1 -> the neuron's output curve.
    **{
        f"{lang}/06_activations.ipynb": {
            "slider": f"{support.DASHBOARD} .dl-weight-w1 {support.SLIDER_HANDLE}",
            "figure": f"{support.DASHBOARD} .dl-neuron-figure",
        }
        for lang in ("en", "pl")
    },
}


@dataclass(frozen=True)
class Target:
    """A row of the table: ``key`` of the lesson's value, compared with ``against``."""

    key: str
    label: str
    unit: str
    against: str  # "reference", or a key of BARE_IMPORTS (the peak of that bare import)
    limit: float | None  # largest allowed lesson/reference ratio; None: for information


#: (e) how long to play, and the largest lag of the drawn figure behind the Play when it
#: stops ("without the page falling behind"); the rate target is Notebook.min_rate.
ANIMATION_SECONDS = 6.0
MAX_LAG_SECONDS = 0.5

TARGETS = [
    Target("latency_p50", "slider → figure latency p50", "ms", "reference", 1.2),
    Target("latency_p95", "slider → figure latency p95", "ms", "reference", None),
    Target("memory", "kernel peak RSS (VmHWM) vs bare import tensorflow", "MB", "tensorflow", 1.15),
    Target(
        "memory", "kernel peak RSS vs bare import of TF + kernel/widget stack", "MB", "stack", None
    ),
    Target("preheat_shown", "preheated: widgets shown", "s", "reference", 1.3),
    Target("preheat_ready", "preheated: ready (.dl-ready)", "s", "reference", None),
    Target("cold_shown", "cold: widgets shown", "s", "reference", 1.15),
    Target("cold_ready", "cold: ready (.dl-ready)", "s", "reference", None),
]


@dataclass
class Samples:
    cold_shown: list[float] = field(default_factory=list)
    cold_ready: list[float] = field(default_factory=list)
    preheat_shown: list[float] = field(default_factory=list)
    preheat_ready: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    memory: list[int] = field(default_factory=list)
    load: list[float] = field(default_factory=list)  # 1-min load average at each visit
    steps_per_second: list[float] = field(default_factory=list)  # (e)
    lag: list[float] = field(default_factory=list)  # (e) seconds
    problems: list[str] = field(default_factory=list)

    def value(self, key: str) -> float | None:
        if key in ("latency_p50", "latency_p95"):
            if not self.latencies:
                return None
            return percentile(self.latencies, 50 if key == "latency_p50" else 95) * 1000
        if key == "memory":
            return max(self.memory) / 1e6 if self.memory else None
        values = getattr(self, key)
        return statistics.median(values) if values else None


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (as numpy's default)."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- measuring


#: What a bare ``import`` is measured for: the target's floor, and (for information) the
#: floor of any TensorFlow dashboard kernel: TensorFlow plus the kernel and widget stack.
BARE_IMPORTS = {
    "tensorflow": "tensorflow",
    "stack": "tensorflow, keras, ipykernel, ipywidgets, plotly.graph_objects",
}


def bare_import_peak(modules: str) -> tuple[int, float]:
    """VmHWM (bytes) and seconds of ``import <modules>`` in a fresh interpreter."""
    code = (
        f"import time; t = time.perf_counter(); import {modules}; t = time.perf_counter() - t\n"
        "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
        "print(int(hwm.split()[1]) * 1024, t)"
    )
    env = {**os.environ, **support.SERVER_ENV}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[-2]), float(out[-1])


def busy_seconds(processes) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except Exception:
            continue
    return total


def wait_idle(
    server: support.Server,
    kernels: int = 0,
    quiet: float = 2.0,
    threshold: float = 0.05,
    timeout: float = 300.0,
    machine_threshold: float = 0.5,
    machine_timeout: float = 60.0,
) -> float:
    """Wait until the page's side of the machine is quiet; returns the seconds waited.

    First (and required): the server has at least ``kernels`` kernels, and it and its
    kernels used less than ``threshold`` of a core for ``quiet`` seconds, so a preheated
    pool has finished executing and a closed page's kernel has gone. Then (best effort,
    at most ``machine_timeout`` s): the whole machine used less than ``machine_threshold``
    of a core for ``quiet`` seconds, so other work on a shared machine disturbs less.
    """
    import psutil

    started = time.monotonic()
    calm_since = None
    server_process = psutil.Process(server.proc.pid)
    while True:
        if time.monotonic() - started > timeout:
            if len(server.kernels()) < kernels:
                raise RuntimeError(
                    f"{server.name} has {len(server.kernels())} kernels, not {kernels}, "
                    f"after {timeout:.0f} s; log {server.log_path}:\n{server.log_tail()}"
                )
            log(f"warning: {server.name} not idle after {timeout:.0f} s")
            break
        processes = [server_process, *server.kernels()]
        before = busy_seconds(processes)
        time.sleep(0.5)
        used = (busy_seconds(processes) - before) / 0.5
        if len(processes) - 1 >= kernels and used < threshold:
            calm_since = calm_since or time.monotonic()
            if time.monotonic() - calm_since >= quiet:
                break
        else:
            calm_since = None

    machine_started = time.monotonic()
    calm_since = None
    psutil.cpu_percent()
    while time.monotonic() - machine_started < machine_timeout:
        time.sleep(0.5)
        used = psutil.cpu_percent() / 100 * psutil.cpu_count()
        if used < machine_threshold:
            calm_since = calm_since or time.monotonic()
            if time.monotonic() - calm_since >= quiet:
                break
        else:
            calm_since = None
    else:
        log(f"  note: the machine stayed busy (other processes) for {machine_timeout:.0f} s")
    return time.monotonic() - started


def visit(
    browser, server, notebook: Notebook, samples: Samples, mode: str, args, measure: bool = True
) -> None:
    """Open the notebook in a fresh context, time it, press its slider, read its kernel.

    The times are taken in the page (support.TIMING_MARKS_SCRIPT): from the start of the
    navigation to the first moment the dashboard root is visible (shown) and visible with
    ``dl-ready`` (ready), so Playwright's polling adds nothing to them.
    """
    with opened(browser, server, notebook, args.timeout) as page:
        marks = support.timing_marks(page)
        shown, ready = marks["shown"], marks["ready"]
        if measure:
            getattr(samples, f"{mode}_shown").append(shown)
            getattr(samples, f"{mode}_ready").append(ready)
        latencies = []
        if mode == "cold" and args.presses and measure:
            latencies = press_many(page, notebook, args.presses, args.pause)
            if measure:
                samples.latencies.extend(latencies)
        animation = ""
        if mode == "cold" and measure and notebook.position:
            rate, lag = measure_animation(page, notebook)
            samples.steps_per_second.append(rate)
            samples.lag.append(lag)
            animation = f", animation {rate:.1f} steps/s, lag {lag * 1000:.0f} ms"
        samples.problems.extend(support.page_problems(page))
        kernel_id = support.page_kernel_id(page)
        process = server.kernel(kernel_id) if kernel_id else None
        peak = support.peak_rss_bytes(process.pid) if process else None
        if peak and measure:
            samples.memory.append(peak)
        load = os.getloadavg()[0]
        samples.load.append(load)
        p50 = f", slider p50 {percentile(latencies, 50) * 1000:.0f} ms" if latencies else ""
        mb = f", kernel {peak / 1e6:.0f} MB" if peak else ""
        what = mode if measure else "warm-up"
        log(
            f"  {what:7} {notebook.label}: shown {shown:.2f} s, ready {ready:.2f} s{p50}{mb}"
            f"{animation}"
            f" (load {load:.1f})"
        )


@contextlib.contextmanager
def opened(browser, server, notebook: Notebook, timeout: float):
    """A fresh browser context on the notebook, ready (``.dl-ready``) with its timing
    marks taken; on leaving, the page is left so that its kernel shuts down."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(support.TIMING_MARKS_SCRIPT)
    page = context.new_page()
    try:
        page.goto(server.render_url(notebook.path), wait_until="commit")
        support.wait_for_widgets(page, ready=True, timeout=timeout)
        page.wait_for_function(
            "() => window.__dlMarks && 'ready' in window.__dlMarks", timeout=10_000
        )
        yield page
    finally:
        support.close_page(page, server)
        context.close()


def press_many(page, notebook: Notebook, presses: int, pause: float) -> list[float]:
    handle = page.locator(notebook.slider).first
    keys = list(notebook.keys)
    latencies = []
    for i in range(presses):
        key = keys[i % 2]
        try:
            latencies.append(support.press_slider_and_time(page, handle, notebook.figure, key))
        except TimeoutError:  # the slider was at an end of its range: go the other way
            keys.reverse()
            latencies.append(
                support.press_slider_and_time(page, handle, notebook.figure, keys[i % 2])
            )
        time.sleep(pause)
    return latencies


# Polls every 5 ms: when the Play's position readout changes (the browser's own clock of
# the animation) and when the figure's data or shapes change (drawn by the kernel).
_WATCH_ANIMATION = """([figure, position]) => {
    const gd = document.querySelector(figure + ' .js-plotly-plot') || document.querySelector(figure);
    const readout = document.querySelector(position);
    const plain = (key, value) => ArrayBuffer.isView(value) ? Array.from(value) : value;
    const state = () => JSON.stringify(
        [(gd.data || []).map(t => [t.x, t.y, t.z]), (gd.layout && gd.layout.shapes) || []], plain);
    const watch = {figure: [], position: [], lastFigure: state(), lastPosition: readout.textContent};
    watch.timer = setInterval(() => {
        const now = performance.now();
        const figureNow = state();
        if (figureNow !== watch.lastFigure) { watch.lastFigure = figureNow; watch.figure.push(now); }
        const positionNow = readout.textContent;
        if (positionNow !== watch.lastPosition) {
            watch.lastPosition = positionNow; watch.position.push(now);
        }
    }, 5);
    window.__dlAnimation = watch;
}"""


def measure_animation(page, notebook: Notebook) -> tuple[float, float]:
    """(e): play from the start at the default speed; (steps a second, lag in seconds).

    The rate counts the figure's changes between its first and last change while the
    Play runs; the lag is how long the figure kept changing after the Play's position
    last moved (a kernel that falls behind keeps drawing queued steps).
    """
    dashboard = page.locator(support.DASHBOARD).first
    reset = dashboard.locator(".dl-reset")
    if reset.count():
        reset.first.click()
    else:  # back to the start by the keyboard: the presses before left it near an end
        page.locator(notebook.slider).first.focus()
        page.keyboard.press("Home")
    time.sleep(0.5)
    play = dashboard.locator(".dl-play button").first
    page.evaluate(_WATCH_ANIMATION, [notebook.figure, notebook.position])
    play.click()
    time.sleep(ANIMATION_SECONDS)
    if not page.evaluate("() => window.__dlAnimation.position.length"):
        raise RuntimeError(f"{notebook.label}: the Play did not move {notebook.position}")
    play.click()  # pause (a Play that reached its end ignores it)
    time.sleep(1.5)
    figure, position = page.evaluate(
        "() => { clearInterval(window.__dlAnimation.timer);"
        " return [window.__dlAnimation.figure, window.__dlAnimation.position]; }"
    )
    if len(figure) < 3:
        raise RuntimeError(f"{notebook.label}: the figure changed {len(figure)} times in play")
    rate = (len(figure) - 1) / ((figure[-1] - figure[0]) / 1000)
    lag = max(0.0, (figure[-1] - position[-1]) / 1000)
    return rate, lag


# --------------------------------------------------------------------------- report


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, {memory:.0f} GiB RAM"
    )


def versions(browser) -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"Python {platform.python_version()}"]
    for package in ("voila", "ipywidgets", "plotly", "tensorflow-cpu", "tensorflow", "keras"):
        try:
            parts.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            continue
    parts.append(f"Chromium {browser.version}")
    return ", ".join(parts)


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    return f"{value:.0f} {unit}" if unit in ("ms", "MB") else f"{value:.2f} {unit}"


def table(
    notebook: Notebook, lesson: Samples, reference: Samples, bare: dict[str, int]
) -> list[str]:
    label = notebook.label
    lines = [
        f"### {label}",
        "",
        "| metric | lesson | reference | ratio | target | result |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    if lesson.steps_per_second:
        rate, lag = min(lesson.steps_per_second), max(lesson.lag)
        lines.append(
            f"| animation: figure steps a second (slowest visit) | {rate:.1f} /s | — | — "
            f"| ≥ {notebook.min_rate:g} /s | {'pass' if rate >= notebook.min_rate else 'FAIL'} |"
        )
        lines.append(
            f"| animation: figure lag behind the Play at its end (worst) | {lag * 1000:.0f} ms "
            f"| — | — | ≤ {MAX_LAG_SECONDS * 1000:.0f} ms "
            f"| {'pass' if lag <= MAX_LAG_SECONDS else 'FAIL'} |"
        )
    for target in TARGETS:
        value = lesson.value(target.key)
        if target.against in bare:
            base = bare[target.against] / 1e6
            base_text = f"{base:.0f} MB (bare import {target.against})"
        else:
            base = reference.value(target.key)
            base_text = fmt(base, target.unit)
        ratio = value / base if value is not None and base else None
        if target.limit is None:
            goal, result = "—", "info"
        else:
            goal = f"≤ {target.limit:.2f}×"
            result = "n/a" if ratio is None else ("pass" if ratio <= target.limit else "FAIL")
        ratio_text = "n/a" if ratio is None else f"{ratio:.2f}×"
        lines.append(
            f"| {target.label} | {fmt(value, target.unit)} | {base_text} | {ratio_text} "
            f"| {goal} | {result} |"
        )
    return lines


def raw_samples(samples: dict[str, Samples]) -> list[str]:
    lines = [
        "| page | cold shown (s) | cold ready (s) | preheated shown (s) | "
        "preheated ready (s) | latency n, min–max (ms) | kernel VmHWM (MB) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]

    def seq(values):
        return ", ".join(f"{v:.2f}" for v in values) or "—"

    for label, s in samples.items():
        lat = (
            f"{len(s.latencies)}, {min(s.latencies) * 1000:.0f}–{max(s.latencies) * 1000:.0f}"
            if s.latencies
            else "—"
        )
        mem = ", ".join(f"{m / 1e6:.0f}" for m in s.memory) or "—"
        lines.append(
            f"| {label} | {seq(s.cold_shown)} | {seq(s.cold_ready)} | {seq(s.preheat_shown)} "
            f"| {seq(s.preheat_ready)} | {lat} | {mem} |"
        )
    return lines


# --------------------------------------------------------------------------- main


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--lessons",
        nargs="+",
        default=["en/02_mcculloch_pitts.ipynb"],
        help="lesson notebooks, relative to lessons/ (default: en/02_mcculloch_pitts.ipynb)",
    )
    parser.add_argument("--presses", type=int, default=25, help="slider key presses per visit")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between presses")
    parser.add_argument("--repeats", type=int, default=2, help="visits per page and mode")
    parser.add_argument(
        "--no-warmup",
        dest="warmup",
        action="store_false",
        help="skip the unmeasured first visit of each page (it warms file and .pyc caches)",
    )
    parser.add_argument(
        "--fill-delay",
        type=float,
        default=15.0,
        help="seconds before Voilà refills a used pool (keeps the refill off the measurement)",
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per page wait")
    parser.add_argument("--no-preheat", action="store_true", help="skip (b)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target fails")
    parser.add_argument(
        "--output", type=Path, default=REPO_ROOT / "benchmarks" / "results.md", help="report"
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    # Make SIGTERM unwind like Ctrl-C, so the servers and their kernels are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not support.chromium_available():
        sys.exit(support.CHROMIUM_MISSING)
    from playwright.sync_api import sync_playwright

    lessons = []
    for name in args.lessons:
        if not (support.LESSONS_DIR / name).exists():
            sys.exit(f"no such lesson: lessons/{name}")
        lessons.append(Notebook(name, f"lessons/{name}", **LESSONS.get(name, {})))
    pages = [REFERENCE, *lessons]
    samples = {notebook.label: Samples() for notebook in pages}
    started = time.monotonic()

    bare, bare_seconds = {}, {}
    for key, modules in BARE_IMPORTS.items():
        log(f"(d) bare `import {modules}` in a subprocess")
        bare[key], bare_seconds[key] = bare_import_peak(modules)
        log(f"  VmHWM {bare[key] / 1e6:.0f} MB, import {bare_seconds[key]:.1f} s")

    with sync_playwright() as playwright:
        browser = support.launch_chromium(playwright)

        log("(a, c, d) cold: Voilà without preheating")
        with support.start_voila(".", preheat=False) as server:
            for notebook in pages[: len(pages) if args.warmup else 0]:
                # Not measured: fills the OS file cache and writes .pyc files.
                wait_idle(server)
                visit(browser, server, notebook, samples[notebook.label], "cold", args, False)
            for repeat in range(args.repeats):
                for notebook in pages if repeat % 2 == 0 else pages[::-1]:
                    wait_idle(server)
                    visit(browser, server, notebook, samples[notebook.label], "cold", args)

        if not args.no_preheat:
            log("(b) preheated: Voilà with a pool of 1 kernel per notebook")
            with support.start_voila(
                ".",
                preheat=True,
                pool_size=1,
                preheat_only=[notebook.path for notebook in pages],
                extra_args=[f"--VoilaKernelManager.fill_delay={args.fill_delay}"],
            ) as server:
                for repeat in range(args.repeats):
                    for notebook in pages if repeat % 2 == 0 else pages[::-1]:
                        waited = wait_idle(server, kernels=len(pages))
                        log(f"  pool ready and idle after {waited:.0f} s")
                        visit(browser, server, notebook, samples[notebook.label], "preheat", args)
        browser_versions = versions(browser)
        browser.close()

    now = dt.datetime.now().astimezone()
    loads = [load for s in samples.values() for load in s.load] or [0.0]
    report = [
        "# Voilà benchmark results",
        "",
        f"- date: {now:%Y-%m-%d %H:%M %Z}",
        f"- machine: {machine()}",
        f"- software: {browser_versions}",
        f"- run: `python benchmarks/voila_bench.py --lessons {' '.join(args.lessons)} "
        f"--presses {args.presses} --repeats {args.repeats}`, "
        f"{time.monotonic() - started:.0f} s; times are medians of {args.repeats} visits, "
        f"latencies over {args.presses} presses per cold visit",
        *(
            f"- bare `import {modules}`: VmHWM {bare[key] / 1e6:.0f} MB, {bare_seconds[key]:.1f} s"
            for key, modules in BARE_IMPORTS.items()
        ),
        f"- reference kernel VmHWM: {fmt(samples['reference'].value('memory'), 'MB')}",
        f"- 1-min load average at the visits: {min(loads):.1f}–{max(loads):.1f} "
        f"(2 cores: above ~1 other work was running)",
        "",
    ]
    for notebook in lessons:
        report += table(notebook, samples[notebook.label], samples["reference"], bare)
        report.append("")
    report += ["### Samples", "", *raw_samples(samples), ""]
    for label, s in samples.items():
        for problem in dict.fromkeys(s.problems):
            report.append(f"- problem on {label}: {problem}")
    text = "\n".join(report).rstrip() + "\n"
    print(text)
    args.output.write_text(text)
    log(f"written to {args.output}")
    failed = any("| FAIL |" in line for line in report)
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
