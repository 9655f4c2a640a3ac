"""Lineage: the projects of the predecessor plan and which new items continue them."""

from __future__ import annotations

import re
from typing import Optional

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .plan_meta import Period
from .types import Identifier, Model, Text, TextList, choice

OLD_STATUS = {"continued": "継続", "ended": "終了"}


class OldProject(Model):
    model_config = ConfigDict(title="前計画の事業")

    number: Text = Field(description="前計画での事業番号（例: 1-1-(1)）")
    policy: Optional[Text] = Field(None, description="基本方針")
    measure: Optional[Text] = Field(None, description="事業推進計画（施策）")
    title: Text = Field(description="事業名")
    departments: TextList = Field((), description="主管課")
    status: choice(OLD_STATUS, "継続・終了の別（status）")
    successors: tuple[Identifier, ...] = Field((), description="引き継ぐ新計画の事業または体系の id")
    note: Optional[Text] = Field(None, description="備考（終了理由等）")
    restated: bool = Field(False, description="【再掲】の行なら true")

    @property
    def status_label(self) -> str:
        return OLD_STATUS[self.status]

    @property
    def anchor(self) -> str:
        """The row's id on the lineage page (old-<anchor>), from its number: search and the new
        projects' pages link to it."""
        return re.sub(r"[^0-9a-z]+", "-", self.number.lower()).strip("-") + ("-restated" if self.restated else "")


class Predecessor(Model):
    model_config = ConfigDict(title="前計画")

    title: Text = Field(description="前計画の名称")
    period: Optional[Period] = Field(None, description="前計画の期間")


COUNTED = {"continued": "継続", "ended": "終了", "new": "新規", "all": "すべて"}


class CountColumn(Model):
    model_config = ConfigDict(title="件数表の列")

    label: Text = Field(description="列の見出し（原文どおり。例: 継続、事業数）")
    counts: Optional[choice(COUNTED, "数えるもの（counts）")] = Field(
        None, description="サイトが数えて確かめられる列なら、その中身（continued: 継続、ended: 終了、new: 新規、all: すべて）")


class CountRow(Model):
    model_config = ConfigDict(title="件数表の行")

    group: Optional[Text] = Field(None, description="行の左の区分（原文どおり。例: 基本方針の名前）")
    label: Text = Field(description="行の見出し（原文どおり）")
    values: tuple[int, ...] = Field(min_length=1, description="件数（columns の順に、原文どおり）")


class StatedCounts(Model):
    """A table of counts as the document prints it. The document's numbers are shown as they are;
    where the site's own count of the rows differs, the page says so as a note on the data."""

    model_config = ConfigDict(title="計画書の件数表")

    title: Text = Field(description="表の題名（原文どおり）")
    of: choice({"predecessor": "前計画の事業（projects の行）", "plan": "この計画の事業"}, "数える対象（of）") = Field(
        description="表が数えているもの（predecessor: 前計画の事業、plan: この計画の事業）")
    group_label: Optional[Text] = Field(None, description="区分の列の見出し（例: 基本方針）。省略すると、区分（rows の group）は表の中の見出しの行になります")
    row_label: Optional[Text] = Field(None, description="行の見出しの列の見出し（例: 事業推進計画）")
    columns: tuple[CountColumn, ...] = Field(min_length=1, description="件数の列")
    rows: tuple[CountRow, ...] = Field(min_length=1, description="行（上から順に）")
    total: tuple[int, ...] = Field(min_length=1, description="合計の行（columns の順に、原文どおり）")
    notes: TextList = Field((), description="表の注記（原文どおり。例: ※「継続」は再掲・統合を含む事業数）")

    @model_validator(mode="after")
    def _one_value_per_column(self):
        for label, values in [(row.label, row.values) for row in self.rows] + [("合計", self.total)]:
            if len(values) != len(self.columns):
                raise PydanticCustomError(
                    "value_count", "行「{label}」の件数は {given} 個です。列（columns）と同じ {expected} 個を書いてください",
                    {"label": label, "given": len(values), "expected": len(self.columns)})
        return self


class Lineage(Model):
    model_config = ConfigDict(title="前計画からの移行")

    predecessor: Predecessor = Field(description="前計画の名称と期間")
    projects: tuple[OldProject, ...] = Field(min_length=1, description="前計画の事業")
    stated_counts: tuple[StatedCounts, ...] = Field(
        (), description="計画書の件数表（前計画の事業数、新しい計画の事業数など）。原文の数のまま表示し、サイトが行を数えた数と違えば注記します")
