"""Lesson kernels within the machine's memory: the class server (``dev.py serve --class``)
and Binder (``binder/start``, ``deploy/binder_config/``) use this kernel manager.

Time-based culling (``--cull-after``) alone does not keep a room of 30 inside one machine:
every open tab holds a kernel (0.25-0.5 GB of its own, TensorFlow's libraries shared)
until it has been idle for the cull time, and a class that opens the next lesson within
those minutes needs a second kernel each. Running out of memory on Linux means the OOM
killer picks a process, perhaps the server itself or the lesson in use. On Binder (2 GB)
five light lessons fit (benchmarks/results-binder-memory.md); lessons that train take
more (not measured there).

So this kernel manager also watches memory (:class:`MemoryGuard` decides,
:class:`MemoryGuardedKernelManager` acts):

- before it starts a student's kernel, and every few seconds, it makes sure the machine
  keeps ``reserve_gb`` free, counting what kernels that have just started will still grow
  by; when it would not, it shuts down the kernels whose students have been away longest
  (idle for at least ``min_idle_seconds``, never busy ones, never pre-heated ones). Those
  pages say so in their language (``widgets/watchdog.py``) and F5 gives a fresh dashboard;
- a student's kernel that still does not fit waits (Voilà's page shows it is loading)
  until another kernel has been idle long enough, at most ``start_wait_seconds``; then
  the page gets a message in its language instead of a kernel the OOM killer would take;
- the pre-heated pool is refilled two kernels at a time and only as far as memory allows
  without shutting anyone's kernel down; the rest waits;
- a pre-heated kernel given to a student counts as active from that moment (it may have
  waited in the pool longer than any idle limit).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from tornado.ioloop import PeriodicCallback
from traitlets import Float, TraitError

GIB = 1024**3
# Voilà marks the kernels it starts for its pre-heated pool with this variable.
PREHEAT_VARIABLE = "VOILA_PREHEAT"
# What one more lesson kernel takes (its unique set size): 0.30-0.46 GB measured with
# lessons 09 and 12 beside another kernel, dashboards ready (3 Dec 2026); TensorFlow's
# libraries (0.33 GB) are shared by all kernels. Training adds to it: 0.5 with a margin.
NEW_KERNEL_GB = 0.5
# TensorFlow's libraries and the rest that every kernel maps and shares: 0.63 GB for a
# kernel alone against 0.30 beside another (the same measurement).
SHARED_LIBRARIES_GB = 0.35
# Seconds between two tries to refill a pre-heated pool that memory (or the batch size)
# held back, and the kernels started at one try.
POOL_RETRY_SECONDS = 30.0
POOL_BATCH = 2

REFUSAL = {
    "pl": "Serwerowi zabrakło pamięci na kolejną lekcję: wszystkie jądra są teraz w użyciu. "
    "Zamknij karty lekcji, których już nie używasz, i odśwież tę stronę (F5) za minutę.",
    "en": "The server has no memory left for another lesson: every kernel is in use right "
    "now. Close the lesson tabs you no longer use and reload this page (F5) in a minute.",
}


@dataclass(frozen=True)
class KernelState:
    """What the guard needs to know of one kernel."""

    kernel_id: str
    idle_seconds: float
    age_seconds: float
    busy: bool
    pooled: bool
    own_gb: float


@dataclass(frozen=True)
class MemoryGuard:
    """The rule, apart from the server so that it can be tested with made-up kernels."""

    kernel_gb: float
    reserve_gb: float
    min_idle_seconds: float
    settle_seconds: float = 60.0

    def still_to_come(self, kernels: list[KernelState]) -> float:
        """GB that kernels younger than ``settle_seconds`` will still take (a kernel
        imports TensorFlow and builds its model in its first seconds)."""
        return sum(
            max(0.0, self.kernel_gb - kernel.own_gb)
            for kernel in kernels
            if kernel.age_seconds < self.settle_seconds
        )

    def shortfall(self, available_gb: float, kernels: list[KernelState], starting: int) -> float:
        """GB missing to start ``starting`` more kernels and keep the reserve (0 if none)."""
        free = available_gb - self.still_to_come(kernels) - starting * self.kernel_gb
        return max(0.0, self.reserve_gb - free)

    def victims(self, kernels: list[KernelState], missing_gb: float) -> list[str]:
        """The kernels to shut down for ``missing_gb``: the longest idle first, only those
        idle ``min_idle_seconds`` or more, never a busy or a pre-heated one. May free less
        than asked when there are not enough such kernels."""
        candidates = sorted(
            (
                kernel
                for kernel in kernels
                if not kernel.busy
                and not kernel.pooled
                and kernel.idle_seconds >= self.min_idle_seconds
            ),
            key=lambda kernel: -kernel.idle_seconds,
        )
        chosen, freed = [], 0.0
        for kernel in candidates:
            if freed >= missing_gb:
                break
            chosen.append(kernel.kernel_id)
            freed += max(kernel.own_gb, 0.1)
        return chosen

    def pool_room(self, available_gb: float, kernels: list[KernelState], starting: int = 0) -> int:
        """How many pre-heated kernels fit now, besides ``starting`` ones being started,
        without shutting anybody's kernel down."""
        free = available_gb - self.still_to_come(kernels) - self.reserve_gb
        free -= starting * self.kernel_gb
        return max(0, int(free // self.kernel_gb))


def available_gigabytes(
    meminfo: str = "/proc/meminfo",
    cgroup: str = "/sys/fs/cgroup",
    membership: str = "/proc/self/cgroup",
) -> float | None:
    """Memory this machine, or this process's cgroup if that is smaller, can still give,
    in GB (None where neither can be read). A container's page cache that the kernel can
    drop (``inactive_file``) counts as free, as Kubernetes counts it."""
    have = None
    try:
        for line in Path(meminfo).read_text().splitlines():
            if line.startswith("MemAvailable:"):
                have = int(line.split()[1]) * 1024 / GIB
    except OSError:
        pass
    left = _cgroup_left(Path(cgroup), _own_cgroups(Path(membership)))
    if left is not None:
        have = left if have is None else min(have, left)
    return have


# cgroup v2 files, then v1's: limit, usage, statistics (with the reclaimable page cache).
_CGROUP_FILES = (
    ("memory.max", "memory.current", "memory.stat", "inactive_file"),
    (
        "memory/memory.limit_in_bytes",
        "memory/memory.usage_in_bytes",
        "memory/memory.stat",
        "total_inactive_file",
    ),
)


def _own_cgroups(membership: Path) -> dict[str, str]:
    """This process's cgroup paths: ``{"": v2 path, "memory": v1 memory path}``, as far as
    ``/proc/self/cgroup`` names them (in a container they are usually just "/")."""
    paths = {}
    try:
        for line in membership.read_text().splitlines():
            _, controllers, path = line.split(":", 2)
            for controller in controllers.split(","):
                paths[controller] = path.lstrip("/")
    except (OSError, ValueError):
        pass
    return paths


def _cgroup_left(root: Path, own: dict[str, str]) -> float | None:
    """GB the memory limit of this process's cgroup leaves, or None without a limit. Where
    the process's own cgroup folder is not visible (a container's namespace) the root one
    is the container's."""
    for limit_file, usage_file, stat_file, cache_key in _CGROUP_FILES:
        controller = "memory" if limit_file.startswith("memory/") else ""
        folder = root / Path(limit_file).parent / own.get(controller, "")
        if not folder.is_dir():
            folder = root / Path(limit_file).parent
        name = Path(limit_file).name
        try:
            limit = (folder / name).read_text().strip()
            usage = int((folder / Path(usage_file).name).read_text())
        except (OSError, ValueError):
            continue
        if limit == "max" or int(limit) >= 2**60:  # v1 writes "no limit" as a huge number
            return None
        cache = 0
        try:
            for line in (folder / Path(stat_file).name).read_text().splitlines():
                key, value = line.split()
                if key == cache_key:
                    cache = int(value)
        except (OSError, ValueError):
            pass
        return (int(limit) - usage + cache) / GIB
    return None


def page_language(path: str | None) -> str:
    """The language of the lesson a kernel is started for (its folder: pl/ or en/)."""
    return "en" if path and Path(path).name == "en" else "pl"


class MemoryGuardedKernelManager(AsyncMappingKernelManager):
    """A kernel manager that culls by memory as well as by time.

    The class server sets it as ``VoilaConfiguration.multi_kernel_manager_class`` (Voilà
    builds its pre-heating manager on top of it: :meth:`__init_subclass__` makes that
    one's pool refill wait for memory); Binder as ``ServerApp.kernel_manager_class``.
    """

    kernel_gb = Float(
        NEW_KERNEL_GB, config=True, help="memory one more lesson kernel takes, at its peak"
    )
    reserve_gb = Float(1.0, config=True, help="memory kept free for the server and spikes")
    min_idle_seconds = Float(
        60.0, config=True, help="a kernel idle this long may go when memory runs short"
    )
    check_seconds = Float(5.0, config=True, help="seconds between two memory checks")
    start_wait_seconds = Float(120.0, config=True, help="longest a student's page waits for memory")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.log.info(
            "Keeping %.2f GB of memory free: kernels idle %d s or more go first",
            self.reserve_gb,
            self.min_idle_seconds,
        )
        self._started: dict[str, float] = {}  # kernel id -> time.monotonic() at its start
        self._fill_retries: set[str] = set()  # notebooks whose pool waits for memory
        self._memory_watch: PeriodicCallback | None = None
        # One memory check at a time (the periodic one and a student's start would
        # otherwise pick the same kernel twice), and the kernels already on their way out.
        self._freeing = asyncio.Lock()
        self._leaving: set[str] = set()
        # Kernels being started: not yet in the kernel list, already promised memory (a
        # class arriving together would otherwise all see the same free memory).
        self._pending = 0

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if hasattr(cls, "fill_if_needed"):  # Voilà's pre-heating manager
            cls.fill_if_needed = _memory_aware_fill(cls.fill_if_needed)
        if hasattr(cls, "get_rendered_notebook"):
            cls.get_rendered_notebook = _handing_out(cls.get_rendered_notebook)

    @property
    def guard(self) -> MemoryGuard:
        return MemoryGuard(self.kernel_gb, self.reserve_gb, self.min_idle_seconds)

    def kernel_states(self) -> list[KernelState]:
        """Every running kernel's idleness, age, business, pool membership and memory."""
        pooled = self._pooled_ids()
        states = []
        for kernel_id, kernel in list(self._kernels.items()):
            if kernel_id in self._leaving:
                continue
            started = self._started.setdefault(kernel_id, time.monotonic())
            states.append(
                KernelState(
                    kernel_id=kernel_id,
                    idle_seconds=self.idle_seconds(kernel_id),
                    age_seconds=time.monotonic() - started,
                    busy=getattr(kernel, "execution_state", "") == "busy",
                    pooled=kernel_id in pooled,
                    own_gb=_own_gb(kernel),
                )
            )
        return states

    def idle_seconds(self, kernel_id: str) -> float:
        """Seconds since the kernel's last message (what time-based culling reads too);
        0 for a kernel still starting, which has no such time yet."""
        try:
            last = self._kernels[kernel_id].last_activity
        except (KeyError, AttributeError, TraitError):  # TraitError: not set yet
            return 0.0
        return 0.0 if last is None else (datetime.now(UTC) - last).total_seconds()

    def _pooled_ids(self) -> set[str]:
        """The kernels waiting in Voilà's pre-heated pools (not yet given to a student)."""
        ids = set()
        for pool in getattr(self, "_pools", {}).values():
            for task in pool:
                if task.done() and not task.cancelled() and task.exception() is None:
                    ids.add(task.result().get("kernel_id"))
        return ids

    async def free_memory(self, starting: int) -> float:
        """Shut down the longest-idle kernels until ``starting`` new ones (besides those
        being started) and the reserve fit; returns the GB still missing (0: all fits)."""
        async with self._freeing:
            return await self._free_memory(starting)

    async def _free_memory(self, starting: int) -> float:
        """:meth:`free_memory` under the lock. A fault of the guard itself is logged and
        lets the kernel start: it must never stand between a student and a lesson."""
        try:
            return await self._shut_down_for(starting + self._pending)
        except Exception:  # noqa: BLE001
            self.log.exception("Memory guard failed; starting the kernel unguarded")
            return 0.0

    async def _shut_down_for(self, starting: int) -> float:
        available = available_gigabytes()
        if available is None:
            return 0.0
        states = self.kernel_states()
        missing = self.guard.shortfall(available, states, starting)
        for kernel_id in self.guard.victims(states, missing):
            self.log.warning(
                "Memory short by %.2f GB: shutting down kernel %s, idle the longest",
                missing,
                kernel_id,
            )
            await self.shutdown_kernel(kernel_id, now=True)
        if missing:
            return self.guard.shortfall(
                available_gigabytes() or 0.0, self.kernel_states(), starting
            )
        return 0.0

    async def start_kernel(self, *args, **kwargs) -> str:
        """Start a kernel, making room first; a student's waits for memory (or is refused
        with a message in the page's language), the pool's are sized by the fill."""
        self._watch_memory()
        env = kwargs.get("env") or {}
        if env.get(PREHEAT_VARIABLE) == "True":
            self._pending += 1
        else:
            await self._reserve_room(kwargs.get("path"))
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        finally:
            self._pending -= 1
        self._started[kernel_id] = time.monotonic()
        return kernel_id

    async def _reserve_room(self, path: str | None) -> None:
        """Wait until one more kernel fits (shutting idle ones down), then count it as
        pending; after ``start_wait_seconds`` refuse with a message in the language."""
        deadline = time.monotonic() + self.start_wait_seconds
        while True:
            async with self._freeing:
                if not await self._free_memory(starting=1):
                    self._pending += 1
                    return
            if time.monotonic() >= deadline:
                self.log.warning("No memory for a student's kernel: page refused")
                message = REFUSAL[page_language(path)].replace("%", "%%")
                raise web.HTTPError(503, message, reason="Out of memory")
            await asyncio.sleep(self.check_seconds)

    def _watch_memory(self) -> None:
        """Start the periodic memory check (on the first kernel: the loop runs by then)."""
        if self._memory_watch is None:
            self._memory_watch = PeriodicCallback(
                lambda: asyncio.ensure_future(self.free_memory(starting=0)),
                self.check_seconds * 1000,
            )
            self._memory_watch.start()

    async def shutdown_kernel(self, kernel_id: str, *args, **kwargs):
        self._leaving.add(kernel_id)
        try:
            return await super().shutdown_kernel(kernel_id, *args, **kwargs)
        finally:
            self._leaving.discard(kernel_id)
            self._started.pop(kernel_id, None)


def _own_gb(kernel) -> float:
    """The kernel process's own memory in GB, what shutting it down gives back: its unique
    set size (its resident size would count TensorFlow's shared libraries once per
    kernel). 0 while it has no process yet."""
    import psutil

    pid = getattr(getattr(kernel, "provisioner", None), "pid", None)
    if pid is None:
        return 0.0
    try:
        return psutil.Process(pid).memory_full_info().uss / GIB
    except psutil.Error:
        return 0.0


def _handing_out(get_rendered_notebook):
    """Voilà's "take a pre-heated kernel", which also marks the kernel active: it may have
    waited in the pool longer than any idle limit, and a student has just been given it
    (before its page's first message, it would look like the longest-idle kernel)."""

    async def take(self, *args, **kwargs):
        render_task, rendered, kernel_id = await get_rendered_notebook(self, *args, **kwargs)
        kernel = self._kernels.get(kernel_id)
        if kernel is not None:
            kernel.last_activity = datetime.now(UTC)
        return render_task, rendered, kernel_id

    return take


def _memory_aware_fill(fill_if_needed):
    """Voilà's pool refill, limited to the kernels that fit without shutting down anybody's
    kernel and, once students have taken kernels, to a few at a time; the rest is tried
    again later. The first fill, before the class arrives, starts them all."""

    def fill(self, delay=None, notebook_name=None, batch=None, **kwargs):
        if delay is None:  # a student took a kernel: Voilà's refill, a few at a time
            # One refill timer a notebook: twenty students taking kernels set twenty
            # timers, which refilled twenty kernels at once (class_bench, 3 Dec).
            if notebook_name not in self._fill_retries:
                self._fill_retries.add(notebook_name)
                asyncio.get_event_loop().call_later(
                    self.fill_delay, lambda: retry(self, notebook_name, POOL_BATCH, **kwargs)
                )
            return
        if delay:
            asyncio.get_event_loop().call_later(
                delay, lambda: fill(self, 0, notebook_name, batch, **kwargs)
            )
            return
        try:
            missing = _fill_within_memory(self, fill_if_needed, notebook_name, batch, kwargs)
        except Exception:  # noqa: BLE001  (a fault of the guard must not stop the pool)
            self.log.exception("Memory guard failed; refilling the pool unguarded")
            fill_if_needed(self, 0, notebook_name, **kwargs)
            return
        if missing and notebook_name not in self._fill_retries:
            self._fill_retries.add(notebook_name)
            asyncio.get_event_loop().call_later(
                POOL_RETRY_SECONDS, lambda: retry(self, notebook_name, batch, **kwargs)
            )

    def retry(self, notebook_name, batch, **kwargs):
        self._fill_retries.discard(notebook_name)
        fill(self, 0, notebook_name, batch, **kwargs)

    return fill


def _fill_within_memory(manager, fill_if_needed, notebook_name, batch, kwargs) -> int:
    """Start the pool's missing kernels that fit (at most ``batch``); returns how many
    are still missing."""
    config = manager.kernel_pools_config
    default = config.get("default", {})
    wanted = config.get(notebook_name, default).get("pool_size", default.get("pool_size", 1))
    have = len(manager._pools.get(notebook_name, []))
    room = wanted - have
    available = available_gigabytes()
    if available is not None:
        # The pool's kernels not started yet are not pending yet either: count them.
        waiting = sum(not task.done() for task in manager._pools.get(notebook_name, []))
        states = manager.kernel_states()
        room = min(room, manager.guard.pool_room(available, states, manager._pending + waiting))
    # A few at a time: twenty kernels importing TensorFlow at once took the cores from a
    # class still opening its pages (class_bench, 30 students, 3 Dec).
    room = room if batch is None else min(room, batch)
    if room > 0:
        own = dict(config.get(notebook_name, default), pool_size=have + room)
        manager.kernel_pools_config = dict(config, **{notebook_name: own})
        try:
            fill_if_needed(manager, 0, notebook_name, **kwargs)
        finally:
            manager.kernel_pools_config = config
    return wanted - have - max(room, 0)
