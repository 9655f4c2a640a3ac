"""Public comments after the period (意見の概要と市の考え方), from comments.yaml."""

from __future__ import annotations

from typing import Optional

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .types import Identifier, Markdown, Model, Text


class Comment(Model):
    model_config = ConfigDict(title="意見")

    number: Text = Field(description="番号（原文どおり。例: 1）")
    project: Optional[Identifier] = Field(None, description="意見の対象の事業の ID（projects/ のファイル名）")
    node: Optional[Identifier] = Field(None, description="意見の対象の体系の項目の ID")
    chapter: Optional[Identifier] = Field(None, description="意見の対象の章（chapters/ のファイル名）")
    target: Optional[Text] = Field(None, description="対象の書き方（原文どおり。例: 第3章 3(2)）。省略すると事業・項目・章の名前")
    summary: Markdown = Field(description="意見の概要")
    response: Markdown = Field(description="市の考え方")
    revised: bool = Field(description="計画案を修正したなら true")
    revision: Optional[Markdown] = Field(None, description="修正の内容")

    @model_validator(mode="after")
    def _one_target(self):
        if sum(value is not None for value in (self.project, self.node, self.chapter)) > 1:
            raise PydanticCustomError("comment_target", "project・node・chapter は1つだけ書いてください（計画全体への意見なら、どれも書きません）")
        return self


class Comments(Model):
    model_config = ConfigDict(title="意見の概要と市の考え方")

    title: Text = Field("意見の概要と市の考え方", description="ページの見出し")
    received: Optional[Text] = Field(None, description="意見の件数・人数（原文どおり。例: 12人から35件）")
    note: Optional[Markdown] = Field(None, description="前書き（公表日、意見の扱いなど）")
    comments: tuple[Comment, ...] = Field(min_length=1, description="意見")
