"""A dashboard's last few results by key: untrained models for a menu switched back, runs
for settings stepped back, adapted layers (issue 24: a press that finds its result kept
costs no build). One bounded mapping instead of the same three lines in every lesson."""

from __future__ import annotations

from collections.abc import Callable, Hashable


class Recent(dict):
    """The ``size`` most recently kept values by key, the newest last.

    A plain dict otherwise (``pop``, ``clear``, ``values``, ``len``): a dashboard takes a
    kept model out with ``pop(key, None)`` and keeps it again with :meth:`keep`.
    """

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def keep(self, key: Hashable, value):
        """Keep ``value`` under ``key`` as the newest; the oldest beyond ``size`` go.
        Returns ``value``."""
        self.pop(key, None)
        self[key] = value
        while len(self) > self.size:
            del self[next(iter(self))]
        return value

    def recent(self, key: Hashable, default=None):
        """The value kept under ``key``, now the newest, or ``default``."""
        if key not in self:
            return default
        return self.keep(key, self[key])

    def forget(self, unwanted: Callable[[object], bool]) -> None:
        """Drop every value for which ``unwanted(value)`` is true (e.g. the model that
        has just started to train: it must never be handed out as untrained again)."""
        for key in [key for key, value in self.items() if unwanted(value)]:
            del self[key]
