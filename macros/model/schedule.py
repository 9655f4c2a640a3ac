"""Schedules (スケジュール・工程表): rows of phases, each spanning fiscal years."""

from __future__ import annotations

from typing import Optional

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .types import FiscalYear, Model, Text


class Phase(Model):
    model_config = ConfigDict(title="段階")

    text: Text = Field(description="この期間に行うこと（原文どおり）")
    start: FiscalYear = Field(description="始まりの年度（西暦）")
    end: Optional[FiscalYear] = Field(None, description="終わりの年度（西暦）。1年度だけなら省略")

    @model_validator(mode="after")
    def _ordered(self):
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError(
                "phase_order", "end（{end}年度）が start（{start}年度）より前です", {"end": self.end, "start": self.start}
            )
        return self

    @property
    def last(self) -> int:
        return self.end if self.end is not None else self.start

    def covers(self, year: int) -> bool:
        return self.start <= year <= self.last


class ScheduleRow(Model):
    model_config = ConfigDict(title="スケジュールの行")

    label: Optional[Text] = Field(None, description="行の見出し（原文にあるとき）")
    phases: tuple[Phase, ...] = Field(min_length=1, description="この行の段階（年度順）")

    @model_validator(mode="after")
    def _no_overlap(self):
        for before, after in zip(self.phases, self.phases[1:]):
            if after.start <= before.last:
                raise PydanticCustomError(
                    "phase_overlap",
                    "同じ行の段階「{a}」と「{b}」の期間が重なっています。重なる段階は別の行に書いてください",
                    {"a": before.text, "b": after.text},
                )
        return self
