"""TensorBoard through the Jupyter server's proxy, the way Binder and JupyterHub reach it.

A student on Binder cannot open the image's ``localhost:6006``. jupyter-server-proxy (a
dependency) serves any local port at ``<base>/proxy/<port>/``, and binder/start points
TensorBoard's ``%tensorboard`` magic there. Here: a real TensorBoard on logs like lesson
09's, reached through a real jupyter-server in Chromium.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import pytest

from . import support

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


def _write_scalars(logs) -> None:
    """An event file as Keras' TensorBoard callback writes one (``epoch_loss`` per epoch),
    written with TensorBoard's own writer: no TensorFlow import, so the test stays quick."""
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.summary.writer.event_file_writer import EventFileWriter

    writer = EventFileWriter(str(logs / "train"))
    for epoch, loss in enumerate([0.9, 0.5, 0.3]):
        value = summary_pb2.Summary.Value(tag="epoch_loss", simple_value=loss)
        summary = summary_pb2.Summary(value=[value])
        writer.add_event(event_pb2.Event(step=epoch, wall_time=time.time(), summary=summary))
    writer.close()


@pytest.fixture
def tensorboard(tmp_path):
    _write_scalars(tmp_path)
    port = support.free_port()
    command = [sys.executable, "-m", "tensorboard.main", f"--logdir={tmp_path}"]
    process = subprocess.Popen(
        [*command, f"--port={port}", "--host=127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("TensorBoard did not start within 90 s") from None
                time.sleep(0.5)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_tensorboard_opens_through_the_jupyter_servers_proxy(jupyter_server, browser, tensorboard):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{jupyter_server.base_url}/proxy/{tensorboard}/", timeout=60_000)
        page.wait_for_function("() => document.title.includes('TensorBoard')", timeout=60_000)
        # The scalars the callback wrote are listed: the page talks to TensorBoard's API
        # through the proxy too, not only its first HTML.
        page.get_by_text("epoch_loss").first.wait_for(timeout=60_000)
    finally:
        context.close()
