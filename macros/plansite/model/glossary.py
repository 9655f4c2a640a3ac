"""Glossaries (用語集): per plan, and a shared one in data/shared/ that every plan draws on."""

from __future__ import annotations

import re
from typing import Annotated, Any, Optional

from pydantic import BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .types import Identifier, ItemNumber, Markdown, Model, Text, TextList, wrong_type

_KANA = re.compile(r"^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\s・＝=]+$")


def _reading(value: Any) -> str:
    if not isinstance(value, str):
        raise wrong_type("読み（カタカナ）", value)
    if not _KANA.match(value.strip()):
        raise PydanticCustomError(
            "reading", "読みはカタカナかひらがなで書いてください（五十音順に並べるのに使います。「{value}」が指定されています）", {"value": value}
        )
    return value.strip()


Reading = Annotated[str, BeforeValidator(_reading)]


class Term(Model):
    model_config = ConfigDict(title="用語")

    id: Identifier = Field(description="用語の ID（ページ内リンクになります）")
    term: Text = Field(description="見出し語（原文どおり）")
    reading: Reading = Field(description="読み（カタカナ）。五十音順に並べるのに使います")
    english: Optional[Text] = Field(None, description="英語表記・正式名称（原文にあるとき）")
    description: Markdown = Field(description="説明（原文どおり）")
    aliases: TextList = Field((), description="別表記（原文で使われている別の書き方）")
    related: tuple[Identifier, ...] = Field((), description="関連する用語の ID")
    pages: TextList = Field((), description="原文の用語集に載っている掲載ページ")
    source: Optional[Text] = Field(None, description="説明の出典（文書の中の場所）")
    inside_words: bool = Field(False, description="長い語の一部になっているときもリンクするなら true（例: DX推進計画 の DX）")


class Glossary(Model):
    model_config = ConfigDict(title="用語集")

    terms: tuple[Term, ...] = Field(min_length=1, description="用語")


class Priority(Model):
    model_config = ConfigDict(title="重点取組事項")

    id: Identifier = Field(description="ID（体系や事業の priorities に書きます）")
    number: Optional[ItemNumber] = Field(None, description="番号（例: ①）")
    title: Text = Field(description="名称")


class Priorities(Model):
    """A shared vocabulary items can be tagged with, e.g. the national 自治体DX推進計画's 重点取組事項."""

    model_config = ConfigDict(title="重点取組事項の一覧")

    title: Text = Field(description="一覧の名前（例: 自治体DX推進計画の重点取組事項）")
    source: Optional[Text] = Field(None, description="出典")
    items: tuple[Priority, ...] = Field(min_length=1, description="重点取組事項（番号の順に）")

    @property
    def by_id(self) -> dict[str, Priority]:
        return {item.id: item for item in self.items}
