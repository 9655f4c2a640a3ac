"""A span of fiscal years given by start and end (the 計画期間 chart; the plan period, which may
be given to the month, is model/period.py)."""

from __future__ import annotations

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from .types import Model


class YearSpan(Model):
    """Subclasses declare `start` and `end` (fiscal years) with their own descriptions."""

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise PydanticCustomError("period_order", "end（{end}年度）が start（{start}年度）より前です", {"end": self.end, "start": self.start})
        return self

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)
