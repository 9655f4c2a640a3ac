"""Fields that hierarchy nodes and projects share: the prose blocks, schedule and indicators."""

from __future__ import annotations

from typing import Optional

from pydantic import ConfigDict, Field

from .indicator import Indicator
from .schedule import ScheduleRow
from .types import Identifier, Markdown, Model, SdgGoal, Text, TextList


class Section(Model):
    """A block of the source that has no field of its own."""

    model_config = ConfigDict(title="見出し付きの文章")

    title: Text = Field(description="見出し")
    body: Markdown = Field(description="本文（Markdown）")


class Content(Model):
    """Blocks shown, in this order, on the page of a node or project."""

    lead: Optional[Markdown] = Field(None, description="冒頭の説明文")
    description: Optional[Markdown] = Field(None, description="説明（目指す姿の説明、基本取組の例など）")
    current: Optional[Markdown] = Field(None, description="現状（Markdown）")
    ideal: Optional[Markdown] = Field(None, description="理想的な姿（Markdown）")
    actions: Optional[Markdown] = Field(None, description="主な取組（Markdown）")
    sections: tuple[Section, ...] = Field((), description="その他の見出し付きの文章")
    schedule: tuple[ScheduleRow, ...] = Field((), description="スケジュール（行ごとの段階）")
    kpis: tuple[Indicator, ...] = Field((), description="評価指標")
    sdgs: tuple[SdgGoal, ...] = Field((), description="関連する SDGs のゴール番号")
    sdgs_note: Optional[Text] = Field(None, description="SDGs との関連の説明")
    notes: TextList = Field((), description="注記（※…）")
    priorities: tuple[Identifier, ...] = Field((), description="寄与する自治体DX推進計画の重点取組事項（data/shared/priorities.yaml の id）")

    @property
    def numbered_title(self) -> str:
        """The number (if any) and the title, as lists and references name the item."""
        return f"{self.number or ''} {self.title}".strip()
