"""Schedules (スケジュール・工程表): rows of phases, each spanning fiscal years."""

from __future__ import annotations

from typing import Optional

from pydantic import ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from .types import AnyFiscalYear, Model, Text


class Phase(Model):
    model_config = ConfigDict(title="段階")

    text: Text = Field(description="この期間に行うこと（原文どおり）")
    start: AnyFiscalYear = Field(description="始まりの年度（西暦）。計画期間より前から続く段階は、原文の始まりの年度を書きます")
    end: Optional[AnyFiscalYear] = Field(None, description="終わりの年度（西暦）。1年度だけなら省略。計画期間より後まで続くときは原文の年度を書きます")
    open_end: bool = Field(False, description="原文に終わりの年度がない（「R10-」「以降」など）ときは true。end は書きません")
    milestone: bool = Field(False, description="期間ではなく、その年度の節目（策定・改定・開始など）のときは true。end は書きません")

    @model_validator(mode="after")
    def _ordered(self, info: ValidationInfo):
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError(
                "phase_order", "end（{end}年度）が start（{start}年度）より前です", {"end": self.end, "start": self.start}
            )
        if self.end is not None and (self.open_end or self.milestone):
            raise PydanticCustomError("phase_end", "open_end または milestone を true にした段階には end を書けません")
        if self.open_end and self.milestone:
            raise PydanticCustomError("phase_kind", "open_end と milestone は同時に true にできません")
        period = (info.context or {}).get("period")
        if period and (self.start > period[1] or (not self.open_end and self.last < period[0])):
            raise PydanticCustomError(
                "phase_outside",
                "段階「{text}」は計画期間（{first}〜{last}年度）と重なりません。年度を確かめてください",
                {"text": self.text, "first": period[0], "last": period[1]},
            )
        return self

    @property
    def last(self) -> int:
        """The last fiscal year the source gives (the start year for an open-ended phase)."""
        return self.end if self.end is not None else self.start

    def reaches(self, year: int) -> bool:
        """Whether the phase still runs in the given year (an open-ended one always does)."""
        return self.open_end or year <= self.last

    def covers(self, year: int) -> bool:
        return self.start <= year and self.reaches(year)


class ScheduleRow(Model):
    model_config = ConfigDict(title="スケジュールの行")

    label: Optional[Text] = Field(None, description="行の見出し（原文にあるとき）")
    phases: tuple[Phase, ...] = Field(min_length=1, description="この行の段階（年度順）")

    @model_validator(mode="after")
    def _no_overlap(self):
        for before, after in zip(self.phases, self.phases[1:]):
            if before.reaches(after.start):
                raise PydanticCustomError(
                    "phase_overlap",
                    "同じ行の段階「{a}」と「{b}」の期間が重なっています。重なる段階は別の行に書いてください",
                    {"a": before.text, "b": after.text},
                )
        return self
