"""Serve the lessons to a classroom from one machine: ``python3 dev.py serve --class``.

What it changes against ``dev.py serve`` (which is for one person on localhost):

- listens on every interface, behind a token it prints with the address students type;
- one TensorFlow/OpenMP thread per kernel: with TensorFlow's default pools, ten kernels on
  a 2-core machine starve each other (10 students opening a plain Keras dashboard: 428 s
  with default threads, 114 s with one thread a kernel, issue 21);
- culls kernels idle for ``--cull-after`` minutes, connected or not: a tab a student left
  open keeps a 0.75-0.85 GB kernel otherwise, and a class opening lesson after lesson runs
  the machine out of memory. A culled page says so and a reload gives a working page.
  Voilà never culls its pre-heated kernels;
- pre-heats ``--students`` kernels of one ``--lesson`` (the one the class opens first),
  after printing the memory they will take and refusing when the machine has not got it;
- keeps ``--keep-free`` GB of memory free whatever the class opens: when memory runs
  short it shuts down the kernels idle the longest before the cull time, a student's new
  kernel waits for room, and the pool refills only as far as memory allows
  (``deploy/kernel_memory.py``).

Everything else comes from the repository's ``voila.json``; the class settings are merged
over it into a temporary ``voila.json`` that Voilà reads instead.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deploy.kernel_memory import (  # noqa: E402
    NEW_KERNEL_GB,
    SHARED_LIBRARIES_GB,
    available_gigabytes,
)

LESSONS = ROOT / "lessons"
REFILL_SECONDS = 120
# One thread pool per kernel (the same caps as binder/start and deploy/z2jh/values.yaml).
THREAD_CAPS = {
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "OMP_NUM_THREADS": "1",
}


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The lecturer's options (``python3 dev.py serve --class --help``)."""
    parser = argparse.ArgumentParser(prog="python3 dev.py serve --class", description=__doc__)
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--ip", default="0.0.0.0", help="interface to listen on (all)")
    parser.add_argument(
        "--lesson",
        default="pl/02_mcculloch_pitts.ipynb",
        help="notebook under lessons/ to pre-heat (default: %(default)s)",
    )
    parser.add_argument(
        "--students", type=int, default=0, help="kernels to pre-heat for --lesson (default 0)"
    )
    parser.add_argument(
        "--cull-after",
        type=float,
        default=15,
        help="minutes without activity before a kernel is shut down (default %(default)s)",
    )
    parser.add_argument(
        "--refill-after",
        type=float,
        default=REFILL_SECONDS,
        help="seconds before a taken pre-heated kernel is replaced (default %(default)s)",
    )
    parser.add_argument(
        "--keep-free",
        type=float,
        default=1.0,
        help="GB of memory kept free: below it the longest-idle kernels go (default %(default)s)",
    )
    parser.add_argument(
        "--wait-for-memory",
        type=float,
        default=120,
        help="seconds a student's page waits for memory before it is told the server is "
        "full (default %(default)s)",
    )
    parser.add_argument("--token", default=None, help="students' token (default: random)")
    parser.add_argument(
        "--force", action="store_true", help="pre-heat even when memory looks too small"
    )
    options = parser.parse_args(argv)
    if not (LESSONS / options.lesson).is_file():
        parser.error(f"no notebook lessons/{options.lesson}")
    if options.students < 0 or options.cull_after <= 0 or options.keep_free < 0:
        parser.error("--students and --keep-free must be 0 or more and --cull-after more than 0")
    return options


def class_config(options: argparse.Namespace) -> dict:
    """The repository's voila.json with the class settings merged over it."""
    config = json.loads((ROOT / "voila.json").read_text())
    # port_retries=0: a busy port is an error, not a silent move to a port nobody was told.
    config["Voila"].update(ip=options.ip, port=options.port, port_retries=0, token=options.token)
    config["VoilaConfiguration"].update(
        preheat_kernel=True,
        default_pool_size=0,
        multi_kernel_manager_class="deploy.kernel_memory.MemoryGuardedKernelManager",
    )
    config["MemoryGuardedKernelManager"] = {
        "reserve_gb": options.keep_free,
        # A kernel idle two minutes may go when memory runs short: its page says so and F5
        # gives a fresh one, which beats the OOM killer taking any process it likes. Not
        # one minute: with a class arriving together a page may take that long to connect.
        "min_idle_seconds": 120,
        "start_wait_seconds": options.wait_for_memory,
    }
    # Only the chosen lesson is pre-heated (every other notebook: a pool of 0).
    config["VoilaKernelManager"] = {
        "preheat_denylist": [],
        # Refill the pool two minutes after a kernel is taken, not one second: a class
        # arriving together would otherwise wait while N new kernels import TensorFlow
        # (3 students on 2 busy cores: 69 s to a dashboard with 1 s, see class_bench.py).
        "fill_delay": options.refill_after,
        "kernel_pools_config": {
            "default": {"pool_size": 0},
            options.lesson: {"pool_size": options.students},
        },
    }
    config["MappingKernelManager"] = {
        "cull_idle_timeout": round(options.cull_after * 60),
        "cull_interval": max(10, min(60, round(options.cull_after * 60 / 4))),
        "cull_connected": True,
        "cull_busy": False,
    }
    return config


def memory_plan(options: argparse.Namespace) -> tuple[str, bool]:
    """What the pre-heated pool will take, as a sentence, and whether it fits."""
    need = SHARED_LIBRARIES_GB + options.students * NEW_KERNEL_GB
    have = available_gigabytes()
    if have is None:
        return f"Pre-heating {options.students} kernel(s): about {need:.1f} GB.", True
    fits = need <= 0.8 * have
    sentence = (
        f"Pre-heating {options.students} kernel(s) of {options.lesson}: about {need:.1f} GB "
        f"of the {have:.1f} GB available now; every further student's tab takes about "
        f"{NEW_KERNEL_GB:.2f} GB until it has been idle {options.cull_after:g} min, or "
        f"1 min when less than {options.keep_free:g} GB would be left."
    )
    return sentence, fits


def addresses(port: int, token: str) -> list[str]:
    """The URLs students can type: this machine's names and addresses."""
    hosts = {socket.gethostname()}
    try:  # the address of the interface towards the network (nothing is sent)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            hosts.add(probe.getsockname()[0])
    except OSError:
        pass
    hosts = {host for host in hosts if not host.startswith(("127.", "::1"))} or {"localhost"}
    page = "voila/render/pl/00_index.ipynb"
    return [f"http://{host}:{port}/{page}?token={token}" for host in sorted(hosts)]


def voila_environment(env: dict) -> dict:
    """The class server's Voilà environment: the thread caps, this repository on the
    Python path (Voilà imports its kernel manager, ``deploy.kernel_memory``) and first on
    the Jupyter path (``deploy/jupyter_data/``: an error page that shows the server's
    message in the page's language, e.g. "no memory left for another lesson")."""

    def prepend(name: str, folder: Path) -> str:
        return os.pathsep.join(filter(None, [str(folder), env.get(name)]))

    return dict(
        env,
        **THREAD_CAPS,
        PYTHONPATH=prepend("PYTHONPATH", ROOT),
        JUPYTER_PATH=prepend("JUPYTER_PATH", ROOT / "deploy" / "jupyter_data"),
    )


def main(argv: list[str], voila: str, env: dict) -> int:
    """Check memory, write the merged config, start Voilà; returns Voilà's exit code."""
    options = parse_arguments(argv)
    options.token = options.token or secrets.token_urlsafe(6)
    sentence, fits = memory_plan(options)
    print(sentence, flush=True)
    if not fits and not options.force:
        print("Not enough memory: lower --students or add --force.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="dl-class-") as folder:
        (Path(folder) / "voila.json").write_text(json.dumps(class_config(options), indent=1))
        print(
            "Students open (English: en/ instead of pl/):",
            *addresses(options.port, options.token),
            sep="\n  ",
            flush=True,
        )
        command = [
            voila,
            "lessons/",
            "--no-browser",
            f"--Voila.config_file_paths={folder}",
        ]
        return subprocess.call(command, cwd=ROOT, env=voila_environment(env))


if __name__ == "__main__":
    # dev.py runs this with the project's venv Python, so its voila is beside it.
    sys.exit(main(sys.argv[1:], str(Path(sys.executable).parent / "voila"), dict(os.environ)))
