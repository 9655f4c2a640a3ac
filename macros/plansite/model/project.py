"""A project (事業): one YAML file under projects/, its file name being its id."""

from __future__ import annotations

from typing import Optional

from pydantic import ConfigDict, Field, HttpUrl
from pydantic.json_schema import SkipJsonSchema

from .content import Content
from .evaluation import Grades
from .types import Identifier, Markdown, Model, Text, TextList, choice

NOVELTY = {"new": "新規", "continued": "継続", "renamed": "継続（名称変更）"}

SUCCESSION = {"continued": "継続", "merged": "統合", "ended": "終了"}


class Succession(Model):
    """What becomes of a 事業 in the plan that follows this one, as this plan states it; the
    successor plan need not be on the site (when it is, its lineage.yaml says the same from its side)."""

    model_config = ConfigDict(title="次の計画での扱い")

    status: choice(SUCCESSION, "次の計画での扱い（status）")
    plan: Optional[Text] = Field(None, description="次の計画の名称（例: 第2期計画）。省略すると plan.yaml の successor の名称")
    url: Optional[HttpUrl] = Field(None, description="次の計画のページの URL（https:// で始まるもの）")
    project: Optional[Text] = Field(None, description="次の計画での事業名（統合先など。原文にあるとき）")
    reason: Optional[Markdown] = Field(None, description="理由・説明（原文どおり）")

    @property
    def status_label(self) -> str:
        return SUCCESSION[self.status]

    def sentence(self, default_plan: Optional[str]) -> str:
        """「第2期計画で継続」: what a page says, naming the plan (this one's, else plan.yaml's)."""
        plan = self.plan or default_plan or "次の計画"
        if self.status == "continued":
            return f"{plan}で継続" + (f"（{self.project}）" if self.project else "")
        if self.status == "merged":
            return f"{plan}で「{self.project}」に統合" if self.project else f"{plan}で統合"
        return f"この計画で終了（{plan}には引き継ぎません）"


class Project(Content):
    model_config = ConfigDict(title="事業")

    id: SkipJsonSchema[str] = Field("", exclude=True)  # set from the file name, never written in YAML
    number: Optional[Text] = Field(None, description="事業番号（原文どおり。例: ①-3、1-1）。番号のない計画では省略します")
    title: Text = Field(description="事業名")
    node: Optional[Identifier] = Field(None, description="この事業が属する体系（tree.yaml の id）。体系のない計画では省略し、事業は計画の直下に並びます")
    novelty: Optional[choice(NOVELTY, "新規・継続の別（novelty）")] = None
    former_title: Optional[Text] = Field(None, description="旧名称（名称変更して継続するとき）")
    departments: TextList = Field((), description="主管課")
    summary: Optional[Markdown] = Field(None, description="概要（計画本編の一覧に載る短い説明）")
    category: Optional[Identifier] = Field(None, description="事業区分（plan.yaml の categories の id）")
    grades: Grades = Field(default_factory=dict, description="年度ごとの市の評価（plan.yaml の evaluation_scale の記号。例: {2024: A}）")
    successor: Optional[Succession] = Field(None, description="次の計画での扱い（継続・統合・終了と理由）")

    @property
    def novelty_label(self) -> Optional[str]:
        return NOVELTY.get(self.novelty) if self.novelty else None

    @property
    def is_new(self) -> bool:
        return self.novelty == "new"
