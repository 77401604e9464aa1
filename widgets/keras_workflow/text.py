"""The old name of :mod:`.texts`, kept only for ``predict.py``'s ``from .text import TEXT``
until that import names ``.texts``; then this file goes."""

from .texts import TEXT, spec_message

__all__ = ["TEXT", "spec_message"]
