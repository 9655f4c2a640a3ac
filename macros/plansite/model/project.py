"""A project (事業): one YAML file under projects/, its file name being its id."""

from __future__ import annotations

from typing import Optional

from pydantic import ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from .content import Content
from .types import Identifier, Markdown, Text, TextList, choice

NOVELTY = {"new": "新規", "continued": "継続", "renamed": "継続（名称変更）"}


class Project(Content):
    model_config = ConfigDict(title="事業")

    id: SkipJsonSchema[str] = Field("", exclude=True)  # set from the file name, never written in YAML
    number: Text = Field(description="事業番号（原文どおり。例: ①-3、1-1）")
    title: Text = Field(description="事業名")
    node: Identifier = Field(description="この事業が属する体系（tree.yaml の id）")
    novelty: Optional[choice(NOVELTY, "新規・継続の別（novelty）")] = None
    former_title: Optional[Text] = Field(None, description="旧名称（名称変更して継続するとき）")
    departments: TextList = Field((), description="主管課")
    summary: Optional[Markdown] = Field(None, description="概要（計画本編の一覧に載る短い説明）")
    category: Optional[Identifier] = Field(None, description="事業区分（plan.yaml の categories の id）")

    @property
    def novelty_label(self) -> Optional[str]:
        return NOVELTY.get(self.novelty) if self.novelty else None

    @property
    def is_new(self) -> bool:
        return self.novelty == "new"
