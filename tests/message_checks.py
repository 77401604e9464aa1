"""Recording the widget messages a headless test sends, checked as the kernel packs them.

Issue 13: every message that leaves the kernel is JSON-valid. Headless, ipywidgets sends
through ``comm.DummyComm``, whose ``publish_msg`` drops the message; the recorder takes
its place, keeps every message and checks it as jupyter_client's ``json_packer`` would
(``allow_nan=False``, with its ``json_default``, which turns numpy scalars into floats).
In a kernel a failure there is the warning "Message serialization failed with: Out of
range float values are not JSON compliant" and the NaN arrives as the string "nan".
A float in a binary buffer (a 1-D array plotly sends as a typed array) may be NaN, a
typed array's gap, but never ±inf.
"""

from __future__ import annotations

import contextlib
import json
import math
import numbers

import pytest


def non_finite_paths(value, path: str = ""):
    """(path, repr) of every non-finite number in a message, e.g. ``state._data[0].z[0][0]``."""
    if isinstance(value, numbers.Real):
        if not math.isfinite(value):
            yield path, repr(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from non_finite_paths(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from non_finite_paths(item, f"{path}[{index}]")


class MessageRecorder:
    """Every widget message sent while active: ``messages`` (msg_type, data, buffers) and
    ``problems`` (msg_type, path, value) for anything that is not strict JSON."""

    def __init__(self):
        self.messages: list[tuple] = []
        self.problems: list[tuple] = []

    def publish(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        from jupyter_client.jsonutil import json_default

        self.messages.append((msg_type, data, buffers))
        try:
            json.dumps([data, metadata], allow_nan=False, default=json_default)
        except (TypeError, ValueError) as error:
            paths = list(non_finite_paths(data)) or [("", str(error))]
            self.problems += [(msg_type, path, value) for path, value in paths]
        for path, buffer in zip((data or {}).get("buffer_paths", ()), buffers or (), strict=False):
            self._check_buffer(msg_type, data["state"], path, buffer)

    def _check_buffer(self, msg_type, state, path, buffer) -> None:
        import numpy as np

        node = state
        for part in path[:-1]:
            node = node[part]
        dtype = node.get("dtype", "") if isinstance(node, dict) else ""
        if dtype.startswith("float") and np.isinf(np.frombuffer(buffer, dtype=dtype)).any():
            self.problems.append((msg_type, ".".join(map(str, path)), "inf in a binary buffer"))

    def clear(self) -> None:
        self.messages.clear()
        self.problems.clear()

    def assert_json(self) -> None:
        """Fail, naming the first offending paths, if any message was not strict JSON."""
        assert not self.problems, (
            f"{len(self.problems)} non-finite values in {len(self.messages)} messages, "
            f"first: {self.problems[:5]}"
        )


@contextlib.contextmanager
def recording_messages():
    """Record and check every widget message sent inside the ``with`` (any fixture scope;
    messages from background threads too)."""
    import comm

    recorder = MessageRecorder()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            comm.DummyComm,
            "publish_msg",
            lambda comm_, *args, **kwargs: recorder.publish(*args, **kwargs),
        )
        yield recorder


def sent_in_order(monkeypatch) -> list:
    """The widgets whose state goes to the page, in the order it goes (``Widget._send``):
    what a press shows first (issue 24)."""
    import ipywidgets

    sent, send = [], ipywidgets.Widget._send

    def recording(widget, msg, buffers=None):
        sent.append(widget)
        return send(widget, msg, buffers)

    monkeypatch.setattr(ipywidgets.Widget, "_send", recording)
    return sent
