"""JupyterHub 5 for a class on one machine: ``python3 dev.py hub`` (deploy/jupyterhub/hub.py).

Students log in with a name of their choice and the class password, each gets a Jupyter
server of their own with a copy of the lessons in their home folder, and lands on the
lesson index in Voilà; JupyterLab is at /user/<name>/lab.

One Unix user: SimpleLocalProcessSpawner starts every student's server as the user who
started the hub. Homes are separate folders, not separate accounts: a student's code (a
notebook cell, a JupyterLab terminal) can read and change every other student's files and
stop their kernels. That is fine for a lab session of people who trust each other; for real
isolation use systemdspawner (one Unix user and cgroup per student, memory and CPU limits
enforced) or The Littlest JupyterHub, which sets exactly that up.

Settings come from the environment (hub.py sets them from its options), so this file also
works as ``jupyterhub -f deploy/jupyterhub/jupyterhub_config.py``:

- ``DL_HUB_DATA``: folder for the hub's database, cookie secret and students' homes
  (default ``.hub/data`` in the repository);
- ``DL_HUB_IP`` / ``DL_HUB_PORT``: where students connect (default 127.0.0.1:8000);
- ``DL_HUB_AUTH``: ``shared`` (default: any name, the class password ``DL_HUB_PASSWORD``)
  or ``dummy`` (any name, any password; only for trying it out on loopback);
- ``DL_HUB_CULL_SERVER_MINUTES`` (default 60) / ``DL_HUB_CULL_KERNEL_MINUTES`` (default 20).
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path

c = get_config()  # noqa: F821  (JupyterHub's config loader provides it)

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the venv the hub runs from: singleuser, kernels, culler
DATA = Path(os.environ.get("DL_HUB_DATA", ROOT / ".hub" / "data")).resolve()
HOMES = DATA / "homes"
PROXY = ROOT / ".hub" / "node_modules" / ".bin" / "configurable-http-proxy"
LANDING = "/voila/render/lessons/pl/00_index.ipynb"  # English: a link on the index
# First on students' servers' PYTHONPATH: stand-ins that make slow optional imports fail
# fast (server_path/rfc3987_syntax.py: 0.8 of a server's 1.4 CPU s to start).
SERVER_PATH = Path(__file__).resolve().parent / "server_path"

# The same caps as binder/start, deploy/z2jh/values.yaml and the class server: one
# TensorFlow/OpenMP thread pool per kernel (10 students' kernels on a 2-core machine starve
# each other with TensorFlow's default pools), fewer glibc arenas (~50 MB less a kernel).
KERNEL_ENV = {
    "TF_NUM_INTRAOP_THREADS": "1",
    "TF_NUM_INTEROP_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "MALLOC_ARENA_MAX": "2",
}
# Offline data (dev.py sets these from ../shared when it has them).
# JUPYTER_CONFIG_PATH: dev.py's, so JupyterLab does not ask about Jupyter news.
PASSED_ON = ("DL_COURSE_MNIST_DIR", "DL_COURSE_TEXT_DIR", "JUPYTER_CONFIG_PATH", "LANG", "LC_ALL")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _minutes(name: str, default: float) -> int:
    return round(float(os.environ.get(name, default)) * 60)


DATA.mkdir(parents=True, exist_ok=True)
HOMES.mkdir(exist_ok=True)

# ----------------------------------------------------------------- hub and proxy
c.JupyterHub.ip = os.environ.get("DL_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("DL_HUB_PORT", "8000"))
# The hub's own API and the proxy's API stay on loopback, on ports nobody else needs.
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("DL_HUB_INTERNAL_PORT", 0)) or _free_port()
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{int(os.environ.get('DL_HUB_PROXY_API_PORT', 0)) or _free_port()}"
)
c.ConfigurableHTTPProxy.command = [str(PROXY)]
c.ConfigurableHTTPProxy.pid_file = str(DATA / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{DATA / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(DATA / "cookie_secret")
# Stopping the hub stops the proxy and every student's server (and so their kernels).
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
# templates/spawn_pending.html: the "server is starting" page also asks the hub itself
# whether the server is ready, so a broken progress stream no longer strands a student.
c.JupyterHub.template_paths = [str(Path(__file__).resolve().parent / "templates")]

# ----------------------------------------------------------------- who logs in
if os.environ.get("DL_HUB_AUTH", "shared") == "dummy":
    c.JupyterHub.authenticator_class = "dummy"  # any name, any password
else:
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = os.environ.get("DL_HUB_PASSWORD")
c.Authenticator.allow_all = True  # any name: students pick their own
# Names become folder names under DATA/homes: lower case (the default normalisation),
# letters, digits, dot, dash and underscore only.
c.Authenticator.username_pattern = r"^[a-z0-9][a-z0-9._-]{0,31}$"

# ----------------------------------------------------------------- students' servers
c.JupyterHub.spawner_class = "simple"  # SimpleLocalProcessSpawner: see the docstring
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = LANDING
c.Spawner.environment = {
    **KERNEL_ENV,
    **{name: os.environ[name] for name in PASSED_ON if name in os.environ},
    "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
    "PYTHONPATH": os.pathsep.join(filter(None, [str(SERVER_PATH), os.environ.get("PYTHONPATH")])),
    # %tensorboard's frame through the student's server (jupyter-server-proxy), as
    # binder/start sets it: the student's browser cannot open this machine's localhost.
    "TENSORBOARD_PROXY_URL": lambda spawner: f"{spawner.user.url}proxy/%PORT%/",
}
# Inside each server, a kernel idle this long is shut down, even with its tab open (each
# holds 0.6-0.8 GB); the page's watchdog then tells the student to reload. As
# deploy/z2jh/values.yaml does.
c.Spawner.args = [
    f"--MappingKernelManager.cull_idle_timeout={_minutes('DL_HUB_CULL_KERNEL_MINUTES', 20)}",
    "--MappingKernelManager.cull_interval=60",
    "--MappingKernelManager.cull_connected=True",
    "--MappingKernelManager.cull_busy=False",
]
# No jupyter_lsp in a student's server: no language server is installed for it to find (it
# serves JupyterLab's optional, off-by-default LSP features), yet at every start it scans for
# them and runs `npm prefix -g`, 0.15-0.2 CPU s of a server's ~1.8 s start here
# (benchmarks/results-jupyterhub.md, 2 December); ten servers start at once.
c.Spawner.args.append("--ServerApp.jpserver_extensions=jupyter_lsp=False")
if os.environ.get("DL_HUB_AS_ROOT") == "1":  # hub.py --as-root: every student is root
    c.Spawner.args.append("--allow-root")
# Binder's budget, which every lesson fits. LocalProcessSpawner does NOT enforce these
# (it only passes MEM_LIMIT and CPU_LIMIT to the server, which JupyterLab's resource
# display can show); systemdspawner enforces both.
c.Spawner.mem_limit = "2G"
c.Spawner.cpu_limit = 1.0
# A student's server imports Jupyter Server, JupyterLab and Voilà; ten of them starting at
# once on two busy cores took 40-47 s here, past JupyterHub's default 30 s for the first
# answer (60 s to start), after which it gives the spawn up and stops the server.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
# Beyond this many spawns at once JupyterHub answers "Too many users trying to log in"
# instead of queueing: a lower limit would turn a slow start into a refusal
# (benchmarks/results-jupyterhub.md). 100 is JupyterHub's default, set here to say so.
c.JupyterHub.concurrent_spawn_limit = 100


def seed_home(spawner) -> None:
    """First spawn: copy the lessons (and Voilà's settings) into the student's home."""
    home = Path(spawner.home_dir)
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "lessons").exists():
        ignore = shutil.ignore_patterns(".ipynb_checkpoints", "logs", "__pycache__", "*.keras")
        shutil.copytree(ROOT / "lessons", home / "lessons", ignore=ignore)
    if not (home / "voila.json").exists():  # sources hidden, readable errors (as Binder)
        shutil.copy(ROOT / "voila.json", home / "voila.json")


c.Spawner.pre_spawn_hook = seed_home

# ----------------------------------------------------------------- idle servers
# jupyterhub-idle-culler stops a server nobody used for this long (files stay in the home).
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={_minutes('DL_HUB_CULL_SERVER_MINUTES', 60)}",
            "--cull-every=120",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
