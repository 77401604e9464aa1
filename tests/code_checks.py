"""Running the code a dashboard shows (issue 23), for the lessons' "show the code" tests.

The code on screen is run in a fresh namespace, as a new notebook cell would run it; a
test then compares that namespace's model, weights or outputs with the dashboard's own.
"""

from __future__ import annotations

import contextlib
import io

from widgets.code_view import CodeView


def run_code(code: str) -> dict:
    """Execute ``code`` as a fresh notebook cell would (its prints swallowed)."""
    namespace: dict = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<shown code>", "exec"), namespace)  # noqa: S102  (the point of the test)
    return namespace


def opened_code(dashboard) -> str:
    """What the panel shows once the student opens it."""
    view = dashboard._code_view
    assert isinstance(view, CodeView), "the dashboard has no 'show the code' panel"
    view.expanded = True
    return view.code
