"""Start JupyterHub for a class on this machine: ``python3 dev.py hub [--help]``.

dev.py runs this with the project's venv Python after installing the ``hub`` extra
(JupyterHub, JupyterLab, jupyterhub-idle-culler). This script installs
configurable-http-proxy from npm into ``.hub/node_modules`` (pinned by package.json and
package-lock.json beside it) when it is missing, sets the class password, prints where
students connect, and replaces itself with ``jupyterhub -f jupyterhub_config.py`` (see that
file for what the hub does, and what one Unix user for everybody means).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NODE_DIR = ROOT / ".hub"
PROXY = NODE_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
CONFIG = HERE / "jupyterhub_config.py"
# Easy to read aloud and type: no 0/o, 1/l/i.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def proxy_installed() -> bool:
    """configurable-http-proxy is in .hub/ with the lock file this repository pins."""
    lock = NODE_DIR / "package-lock.json"
    return PROXY.exists() and lock.exists() and filecmp.cmp(lock, HERE / "package-lock.json", False)


def install_proxy() -> bool:
    """``npm ci`` configurable-http-proxy into .hub/ unless there; False if it failed."""
    if proxy_installed():
        return True
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: install Node.js (with npm) for the hub's proxy.", file=sys.stderr)
        return False
    NODE_DIR.mkdir(exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(HERE / name, NODE_DIR / name)
    print(f"Installing configurable-http-proxy into {NODE_DIR} (npm) ...", flush=True)
    command = [npm, "ci", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"]
    return subprocess.call(command, cwd=NODE_DIR) == 0 and PROXY.exists()


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 dev.py hub", description=__doc__)
    parser.add_argument(
        "--public",
        action="store_true",
        help="listen on every interface (default: 127.0.0.1, this machine only)",
    )
    parser.add_argument("--port", type=int, default=8000, help="default %(default)s")
    parser.add_argument(
        "--data",
        type=Path,
        default=NODE_DIR / "data",
        help="hub database and students' homes (default .hub/data)",
    )
    parser.add_argument(
        "--password",
        help="the class password, 8+ characters (default: made up once, kept in DATA)",
    )
    parser.add_argument(
        "--any-password",
        action="store_true",
        help="accept any name with any password (trying it out alone; loopback only)",
    )
    parser.add_argument(
        "--cull-server-minutes",
        type=float,
        default=60,
        help="stop a student's server unused this long (default %(default)s)",
    )
    parser.add_argument(
        "--cull-kernel-minutes",
        type=float,
        default=20,
        help="shut down a kernel idle this long, even with its tab open (default %(default)s)",
    )
    parser.add_argument(
        "--as-root",
        action="store_true",
        help="run even as root: every student's server and code then run as root too",
    )
    parser.add_argument(
        "--install-only", action="store_true", help="install the npm proxy, start nothing"
    )
    parser.add_argument(
        "hub_options",
        nargs="*",
        metavar="--Class.trait=value",
        help="passed on to jupyterhub, over jupyterhub_config.py (e.g. --Spawner.http_timeout=60)",
    )
    options, unknown = parser.parse_known_args(argv)
    options.hub_options += unknown
    if any(not re.match(r"^--\w+\.\w+=", option) for option in options.hub_options):
        parser.error(f"not a --Class.trait=value option: {' '.join(options.hub_options)}")
    if options.any_password and options.public:
        parser.error("--any-password is for this machine only; drop --public")
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if root and not (options.as_root or options.install_only):
        parser.error(
            "running as root: every student's notebook would run as root. Start the hub "
            "as an ordinary user, or add --as-root on a machine nobody else needs"
        )
    if options.password is not None and len(options.password) < 8:
        parser.error("--password needs 8 characters or more")
    options.data = options.data.resolve()
    return options


def class_password(options: argparse.Namespace) -> str:
    """--password, else the one kept in DATA/class-password, else a new one kept there."""
    kept = options.data / "class-password"
    if options.password:
        password = options.password
    elif kept.exists():
        return kept.read_text().strip()
    else:
        password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(10))
    options.data.mkdir(parents=True, exist_ok=True)
    kept.write_text(password + "\n")
    kept.chmod(0o600)
    return password


def addresses(public: bool, port: int) -> list[str]:
    """The URLs students type: loopback, or this machine's names and network address."""
    if not public:
        return [f"http://127.0.0.1:{port}/"]
    hosts = {socket.gethostname()}
    try:  # the address of the interface towards the network (nothing is sent)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            hosts.add(probe.getsockname()[0])
    except OSError:
        pass
    return [f"http://{host}:{port}/" for host in sorted(hosts)]


def hub_environment(options: argparse.Namespace, env: dict) -> dict:
    """What jupyterhub_config.py reads."""
    env = dict(
        env,
        DL_HUB_DATA=str(options.data),
        DL_HUB_IP="0.0.0.0" if options.public else "127.0.0.1",
        DL_HUB_PORT=str(options.port),
        DL_HUB_CULL_SERVER_MINUTES=str(options.cull_server_minutes),
        DL_HUB_CULL_KERNEL_MINUTES=str(options.cull_kernel_minutes),
        DL_HUB_AS_ROOT="1" if options.as_root else "0",
    )
    if options.any_password:
        env["DL_HUB_AUTH"] = "dummy"
    else:
        env["DL_HUB_AUTH"] = "shared"
        env["DL_HUB_PASSWORD"] = class_password(options)
    return env


def main(argv: list[str]) -> int:
    options = parse_arguments(argv)
    if not install_proxy():
        print("configurable-http-proxy is not installed; the hub cannot start.", file=sys.stderr)
        return 1
    if options.install_only:
        return 0
    env = hub_environment(options, dict(os.environ))
    password = "any" if options.any_password else env["DL_HUB_PASSWORD"]
    print(
        "Students open (and log in with a name of their choice):",
        *addresses(options.public, options.port),
        f"Class password: {password}",
        "Each lands on the lesson index; JupyterLab: /user/<name>/lab. Stop with Ctrl+C.",
        sep="\n  ",
        flush=True,
    )
    jupyterhub = str(Path(sys.executable).parent / "jupyterhub")
    command = [jupyterhub, "-f", str(CONFIG), *options.hub_options]
    options.data.mkdir(parents=True, exist_ok=True)
    os.chdir(options.data)  # anything JupyterHub writes beside itself lands in DATA
    os.execve(jupyterhub, command, env)  # signals (Ctrl+C, SIGTERM) reach the hub itself
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
