"""What the first cell of every lesson calls: ``setup_lesson(lang)``.

It checks the language, starts importing TensorFlow in the background (so the import
overlaps the rest of the notebook) and, inside Voilà:

- turns an exception in a cell into the course's error banner instead of Voilà's blank
  "error in cell" notice: one sentence in the lesson's language (a
  :class:`~widgets.errors.StudentError`'s own, else "this part of the lesson failed"), the
  exception's type and message behind a details toggle;
- skips the cells whose first line starts with ``# LAB ONLY``: the "try it yourself" code
  and exercises. Voilà hides code, so their bare outputs would mean nothing there, and
  running them would make the page wait for TensorFlow before showing any widget.
"""

from __future__ import annotations

import os
import traceback

from .backend import defer_import_until_shown, keras_future, load_keras
from .errors import StudentError, banner_html, describe, technical_details
from .i18n import Strings, check_language

TEXT = Strings(
    "notebook",
    {
        "cell_error": {
            "pl": "Ta część lekcji nie zadziałała: odśwież stronę, a jeśli błąd się powtórzy, "
            "pokaż prowadzącemu szczegóły poniżej.",
            "en": "This part of the lesson failed: reload the page, and if it happens again, "
            "show the details below to the lecturer.",
        },
    },
)


def in_voila() -> bool:
    """True in a kernel started by Voilà (standalone or as a Jupyter server extension)."""
    return any(
        name in os.environ for name in ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_PREHEAT")
    )


def error_html(error: BaseException, lang: str) -> str:
    """The banner a student sees for an exception in a cell (CSS class ``dl-error``, as a
    dashboard's): a StudentError's sentence, or else this module's; details behind a toggle."""
    if isinstance(error, StudentError):
        sentence, details = describe(error, lang)
    else:  # not the student's doing: what failed is for the lecturer
        sentence, details = TEXT.get("cell_error", lang), technical_details(error)
    from .figures.style import style_tag  # a cell's banner may come before any dashboard

    return f"<div class='dl-error'>{style_tag()}{banner_html(sentence, details, lang)}</div>"


def _install_voila_error_handler(lang: str) -> None:
    from IPython import get_ipython
    from IPython.display import HTML, display

    shell = get_ipython()
    if shell is None:
        return

    def show_readable_error(shell, etype, value, tb, tb_offset=None):
        display(HTML(error_html(value, lang)))
        # The full traceback goes to the server's log, where the lecturer can read it.
        os.write(2, "".join(traceback.format_exception(etype, value, tb)).encode())

    shell.set_custom_exc((Exception,), show_readable_error)


LAB_ONLY_MARKER = "# LAB ONLY"


def skip_lab_only(lines: list[str]) -> list[str]:
    """IPython input transformer: a ``# LAB ONLY`` cell becomes an empty one."""
    first = next((line for line in lines if line.strip()), "")
    return [] if first.lstrip().startswith(LAB_ONLY_MARKER) else lines


def _install_lab_only_skipper() -> None:
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None and skip_lab_only not in shell.input_transformers_post:
        shell.input_transformers_post.append(skip_lab_only)


def setup_lesson(lang: str) -> None:
    """Prepare a lesson kernel; call it in the notebook's first cell.

    In Voilà TensorFlow is imported in the background once the dashboard has been drawn
    (at once in a pre-heated kernel), so the page shows its widgets first.
    Elsewhere (JupyterLab, tests) it is imported here and now: a student's own
    ``import keras`` in a later cell, racing a half-finished import in another thread, can
    get a partly initialised module.
    """
    check_language(lang)
    if in_voila():
        if os.environ.get("VOILA_PREHEAT") == "True":
            keras_future()  # a pre-heated pool kernel: nobody waits for the page yet
        else:
            defer_import_until_shown()
        _install_voila_error_handler(lang)
        _install_lab_only_skipper()
    else:
        load_keras()
