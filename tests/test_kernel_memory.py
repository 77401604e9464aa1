"""The class server's memory guard (deploy/kernel_memory.py): the rule with made-up kernels,
then the kernel manager with real ones."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from tornado import web
from traitlets import TraitError

from deploy import kernel_memory as cm


def _run(scenario) -> None:
    """``asyncio.run(scenario())`` in a thread of its own: a browser test earlier in the
    same worker (Playwright's sync API) leaves an event loop running in this one."""
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, scenario()).result()


GUARD = cm.MemoryGuard(kernel_gb=0.8, reserve_gb=1.0, min_idle_seconds=60)


def kernel(name, idle=0.0, age=600.0, busy=False, pooled=False, own=0.6):
    return cm.KernelState(name, idle, age, busy, pooled, own)


def test_the_longest_idle_kernels_go_first_and_only_as_many_as_needed():
    kernels = [
        kernel("a", idle=100),
        kernel("b", idle=500),
        kernel("c", idle=300),
        kernel("reading", idle=30),  # a student reading the page for half a minute
        kernel("training", idle=900, busy=True),
        kernel("pre-heated", idle=1000, pooled=True),
    ]
    assert GUARD.victims(kernels, 0.0) == []
    assert GUARD.victims(kernels, 0.5) == ["b"]
    assert GUARD.victims(kernels, 1.0) == ["b", "c"]
    # Never the one read half a minute ago, a busy one or a pre-heated one, even if short.
    assert GUARD.victims(kernels, 100.0) == ["b", "c", "a"]


def test_the_shortfall_counts_what_young_kernels_will_still_take():
    young = kernel("young", age=5, own=0.2)  # 0.6 GB still to come
    settled = kernel("settled", age=600, own=0.3)  # counted in the available memory already
    assert GUARD.still_to_come([young, settled]) == pytest.approx(0.6)
    # 2.5 - 0.6 to come - 0.8 for the new one = 1.1 free: the 1 GB reserve holds.
    assert GUARD.shortfall(2.5, [young, settled], starting=1) == 0
    assert GUARD.shortfall(2.0, [young, settled], starting=1) == pytest.approx(0.4)
    assert GUARD.shortfall(1.2, [young, settled], starting=0) == pytest.approx(0.4)


def test_the_pool_refills_only_into_free_memory():
    assert GUARD.pool_room(5.0, [kernel("young", age=5, own=0.2)]) == 4  # 3.4 GB / 0.8
    assert GUARD.pool_room(1.5, []) == 0


def test_available_memory_is_the_smaller_of_the_machine_and_its_cgroup(tmp_path):
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal: 16384000 kB\nMemAvailable: 4194304 kB\n")
    cgroup = tmp_path / "cgroup"
    cgroup.mkdir()
    assert cm.available_gigabytes(str(meminfo), str(cgroup)) == pytest.approx(4.0)
    (cgroup / "memory.max").write_text("max\n")
    assert cm.available_gigabytes(str(meminfo), str(cgroup)) == pytest.approx(4.0)
    (cgroup / "memory.max").write_text(f"{3 * cm.GIB}\n")
    (cgroup / "memory.current").write_text(f"{cm.GIB}\n")
    assert cm.available_gigabytes(str(meminfo), str(cgroup)) == pytest.approx(2.0)
    # Page cache the kernel can drop counts as free.
    (cgroup / "memory.stat").write_text(f"anon 1000\ninactive_file {cm.GIB // 2}\n")
    assert cm.available_gigabytes(str(meminfo), str(cgroup)) == pytest.approx(2.5)
    assert cm.available_gigabytes(str(tmp_path / "none"), str(tmp_path / "none")) is None


def test_available_memory_reads_a_cgroup_v1_limit(tmp_path):
    memory = tmp_path / "memory"
    memory.mkdir()
    (memory / "memory.limit_in_bytes").write_text(f"{2 * cm.GIB}\n")
    (memory / "memory.usage_in_bytes").write_text(f"{cm.GIB + cm.GIB // 4}\n")
    (memory / "memory.stat").write_text(f"cache 5\ntotal_inactive_file {cm.GIB // 4}\n")
    assert cm.available_gigabytes(str(tmp_path / "none"), str(tmp_path)) == pytest.approx(1.0)
    (memory / "memory.limit_in_bytes").write_text("9223372036854771712\n")  # no limit
    assert cm.available_gigabytes(str(tmp_path / "none"), str(tmp_path)) is None


@pytest.mark.parametrize(
    ("path", "lang"), [("/srv/lessons/en", "en"), ("/srv/lessons/pl", "pl"), (None, "pl")]
)
def test_a_refusal_speaks_the_lessons_language(path, lang):
    assert cm.page_language(path) == lang
    assert ("pamięci" in cm.REFUSAL[lang]) == (lang == "pl")


def _age(manager, idle, kernel_id, idle_seconds):
    """Pretend the kernel started ten minutes ago and was last used ``idle_seconds`` ago
    (its own start-up messages, arriving late on a busy machine, must not undo that)."""
    manager._started[kernel_id] = time.monotonic() - 600
    idle[kernel_id] = idle_seconds


def test_real_kernels_the_longest_idle_goes_and_a_student_is_told_when_none_can(monkeypatch):
    memory = {"gb": 20.0}
    monkeypatch.setattr(cm, "available_gigabytes", lambda: memory["gb"])

    async def scenario():
        manager = cm.MemoryGuardedKernelManager(
            kernel_gb=0.8, reserve_gb=1.0, min_idle_seconds=60, start_wait_seconds=0.3
        )
        manager.check_seconds = 0.1
        idle = {}
        manager.idle_seconds = lambda kernel_id: idle.get(kernel_id, 0.0)
        try:
            first = await manager.start_kernel(kernel_name="python3")
            second = await manager.start_kernel(kernel_name="python3")
            _age(manager, idle, first, idle_seconds=600)
            _age(manager, idle, second, idle_seconds=120)
            memory["gb"] = 0.95  # 0.05 GB short of the reserve: one kernel is enough
            await manager.free_memory(starting=0)
            assert list(manager._kernels) == [second]

            _age(manager, idle, second, idle_seconds=5)  # in use: nothing may go
            with pytest.raises(web.HTTPError) as refused:
                await manager.start_kernel(kernel_name="python3", path="/srv/lessons/pl")
            assert refused.value.status_code == 503
            assert "Zamknij karty lekcji" in refused.value.log_message
            assert list(manager._kernels) == [second]
            # Voilà's pre-heated pool is sized by the refill, not refused here.
            pooled = await manager.start_kernel(
                kernel_name="python3", env={cm.PREHEAT_VARIABLE: "True"}
            )
            assert pooled in manager._kernels
        finally:
            await manager.shutdown_all(now=True)

    _run(scenario)


def test_real_kernels_a_class_arriving_together_gets_only_the_room_there_is(monkeypatch):
    """Three students at once with room for two: the kernels being started count, so the
    third waits and is told; without that all three saw the same free memory."""
    monkeypatch.setattr(cm, "available_gigabytes", lambda: 2.7)  # 2 x 0.8 + the 1 GB reserve

    async def scenario():
        manager = cm.MemoryGuardedKernelManager(
            kernel_gb=0.8, reserve_gb=1.0, min_idle_seconds=60, start_wait_seconds=0.3
        )
        manager.check_seconds = 0.1
        try:
            results = await asyncio.gather(
                *(manager.start_kernel(kernel_name="python3", path="/l/en") for _ in range(3)),
                return_exceptions=True,
            )
            refused = [r for r in results if isinstance(r, web.HTTPError)]
            assert len(refused) == 1 and len(manager._kernels) == 2, results
            assert "no memory left" in refused[0].log_message
            assert manager._pending == 0
        finally:
            await manager.shutdown_all(now=True)

    _run(scenario)


class PoolManager(cm.MemoryGuardedKernelManager):
    """Stands in for Voilà's pre-heating manager: records the pool sizes it is asked for."""

    fill_delay = 0

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._pools = {}
        self.kernel_pools_config = {"default": {"pool_size": 0}, "nb": {"pool_size": 5}}
        self.asked = []

    def fill_if_needed(self, delay=None, notebook_name=None, **kwargs):
        self.asked.append((delay, self.kernel_pools_config[notebook_name]["pool_size"]))


def test_the_pool_refills_as_far_as_memory_allows_and_tries_again_later(monkeypatch):
    memory = {"gb": 20.0}
    monkeypatch.setattr(cm, "available_gigabytes", lambda: memory["gb"])

    async def scenario():
        manager = PoolManager(kernel_gb=0.8, reserve_gb=1.0)
        manager.fill_if_needed(delay=0, notebook_name="nb")  # the first fill: all of it
        assert manager.asked == [(0, 5)] and not manager._fill_retries
        assert manager.kernel_pools_config["nb"]["pool_size"] == 5  # restored
        # Refills after students took kernels: one timer however many took one, two
        # kernels at a time, the rest later.
        for _ in range(3):
            manager.fill_if_needed(notebook_name="nb")
        await asyncio.sleep(0.05)  # fill_delay 0: on the loop's next turn
        assert manager.asked[1:] == [(0, cm.POOL_BATCH)] and manager._fill_retries == {"nb"}
        manager._fill_retries.clear()
        memory["gb"] = 2.0  # (2.0 - 1.0) / 0.8: one fits
        manager.fill_if_needed(delay=0, notebook_name="nb")
        assert manager.asked[-1] == (0, 1) and manager._fill_retries == {"nb"}
        memory["gb"] = 1.2
        manager.fill_if_needed(delay=0, notebook_name="nb")
        assert len(manager.asked) == 3  # nothing fits: no kernel started
        # Pool kernels asked for but not started yet count: room for two, both taken.
        loop = asyncio.get_running_loop()
        manager._pools["nb"] = [loop.create_future(), loop.create_future()]
        memory["gb"] = 2.7
        manager.fill_if_needed(delay=0, notebook_name="nb")
        assert len(manager.asked) == 3

    _run(scenario)


def test_available_memory_reads_this_processs_own_cgroup(tmp_path):
    """Outside a container's namespace the process's cgroup is a sub-folder (a Binder-like
    2 GB limit made with a child cgroup: benchmarks/binder_memory_bench.py)."""
    membership = tmp_path / "self-cgroup"
    membership.write_text("9:name=systemd:/\n4:memory:/box/student\n0::/\n")
    own = tmp_path / "memory" / "box" / "student"
    own.mkdir(parents=True)
    (tmp_path / "memory" / "memory.limit_in_bytes").write_text("9223372036854771712\n")
    (tmp_path / "memory" / "memory.usage_in_bytes").write_text("0\n")
    (own / "memory.limit_in_bytes").write_text(f"{2 * cm.GIB}\n")
    (own / "memory.usage_in_bytes").write_text(f"{cm.GIB}\n")
    none = str(tmp_path / "none")
    assert cm.available_gigabytes(none, str(tmp_path), str(membership)) == pytest.approx(1.0)


class HandingOutManager(cm.MemoryGuardedKernelManager):
    """Stands in for Voilà's manager handing a pre-heated kernel to a student."""

    async def get_rendered_notebook(self, notebook_name, **kwargs):
        return "task", [], "pre-heated"


class _Kernel:
    """A kernel entry as the manager keeps it; without ``last_activity`` while starting."""

    def __init__(self, last=None):
        if last is not None:
            self.last_activity = last

    def __getattr__(self, name):
        raise TraitError(f"The '{name}' trait expected a datetime, not the NoneType None.")


def test_a_pre_heated_kernel_given_to_a_student_counts_as_active():
    """It waited in the pool for ten minutes: without this it was the first to go when
    memory ran short (class_bench, 30 students, 3 Dec), before its page said anything."""

    async def scenario():
        manager = HandingOutManager()
        manager._kernels["pre-heated"] = _Kernel(datetime.now(UTC) - timedelta(minutes=10))
        assert manager.idle_seconds("pre-heated") > 590
        await manager.get_rendered_notebook("pl/02_mcculloch_pitts.ipynb")
        assert manager.idle_seconds("pre-heated") < 5

    _run(scenario)


def test_a_kernel_still_starting_counts_as_active():
    """Its ``last_activity`` is not set yet and reading it raises (a 500 for every student
    arriving while another's kernel started, class_bench, 3 Dec)."""
    manager = cm.MemoryGuardedKernelManager()
    manager._kernels["starting"] = _Kernel()
    assert manager.idle_seconds("starting") == 0.0
    assert manager.idle_seconds("gone") == 0.0


def test_a_fault_of_the_guard_never_stops_a_kernel_from_starting(monkeypatch):
    def broken():
        raise OSError("meminfo unreadable")

    monkeypatch.setattr(cm, "available_gigabytes", broken)

    async def scenario():
        manager = cm.MemoryGuardedKernelManager(start_wait_seconds=0.2)
        try:
            kernel_id = await manager.start_kernel(kernel_name="python3")
            assert kernel_id in manager._kernels and manager._pending == 0
        finally:
            await manager.shutdown_all(now=True)

    _run(scenario)
