"""What the preview keeps of its last build besides pages: pieces of the download files (a 事業's
rows of the indicator CSV, its entry in the JSON), each made from one 事業 file and the plan's
other files. A piece is kept while the only files edited since are other 事業 files (the same
rule as pages.memory); otherwise it is made again. A build without a preview keeps nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Hashable, Optional, TypeVar

T = TypeVar("T")
_MISSING = object()


@dataclass
class KeptPieces:
    # plan id -> ids of the 事業 whose files changed since the last build; None when anything else
    # changed (or there was no last build), and nothing is kept.
    edited: Optional[dict[str, set[str]]] = None
    _kept: dict = field(default_factory=dict)
    _next: dict = field(default_factory=dict)

    def begin(self, edited: Optional[dict[str, set[str]]]) -> None:
        """A build starts: the pieces of the last one may be kept, as far as edited allows."""
        self._kept, self._next = (self._next if edited is not None else {}), {}
        self.edited = edited

    def get(self, plan_id: str, project_id: Optional[str], key: Hashable, make: Callable[[], T]) -> T:
        """The piece under key: the last build's when nothing it is made from was edited, else made
        now. project_id: the 事業 whose file it comes from (None: only the plan's other files)."""
        found = self._kept.get(key, _MISSING)
        if found is _MISSING or self.edited is None or project_id in self.edited.get(plan_id, ()):
            found = make()
        self._next[key] = found
        return found
