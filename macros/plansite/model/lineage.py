"""Lineage: the projects of the predecessor plan and which new items continue them."""

from __future__ import annotations

import re
from typing import Optional

from pydantic import ConfigDict, Field

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


class Lineage(Model):
    model_config = ConfigDict(title="前計画からの移行")

    predecessor: Predecessor = Field(description="前計画の名称と期間")
    projects: tuple[OldProject, ...] = Field(min_length=1, description="前計画の事業")
