"""The plan's hierarchy (体系): nodes whose level names come from plan.yaml."""

from __future__ import annotations

from typing import Iterator, Optional

from pydantic import ConfigDict, Field

from .content import Content
from .types import Identifier, Markdown, Model, Text


class Node(Content):
    model_config = ConfigDict(title="体系の項目")

    id: Identifier = Field(description="ID（URL になります。例: vision-1）")
    level: Identifier = Field(description="階層（plan.yaml の levels の id）")
    number: Optional[Text] = Field(None, description="番号（原文どおり。例: ①）")
    title: Text = Field(description="名称")
    children: tuple["Node", ...] = Field((), description="下の階層")

    def walk(self, parents: tuple["Node", ...] = ()) -> Iterator[tuple["Node", tuple["Node", ...]]]:
        """This node and every descendant, each with its ancestors (outermost first)."""
        yield self, parents
        for child in self.children:
            yield from child.walk(parents + (self,))


class CommonItem(Model):
    """A 共通事項: a viewpoint that underlies every project."""

    model_config = ConfigDict(title="共通事項")

    id: Identifier = Field(description="ID")
    number: Optional[Text] = Field(None, description="番号（例: ①）")
    tagline: Optional[Text] = Field(None, description="見出しの前の短い言葉（例: 単なるデジタル化はしない）")
    title: Text = Field(description="名称")
    purpose: Optional[Markdown] = Field(None, description="目的・意義")
    actions: Optional[Markdown] = Field(None, description="主な取組")


class Tree(Model):
    """tree.yaml. A plan without one (a flat list of 事業) has an empty tree."""

    model_config = ConfigDict(title="体系")

    nodes: tuple[Node, ...] = Field((), description="いちばん上の階層の項目")
    common: tuple[CommonItem, ...] = Field((), description="共通事項")

    def walk(self) -> Iterator[tuple[Node, tuple[Node, ...]]]:
        for node in self.nodes:
            yield from node.walk()
