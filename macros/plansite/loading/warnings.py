"""Warnings: data that is valid but probably not what the authors meant. `plansite check` prints them;
with --strict, or `warnings: strict` in a plan.yaml, they are errors."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator, Optional

from pydantic import BaseModel

from ..model.glossary import Glossary
from ..model.plan import Plan, Site
from ..model.types import MarkdownText
from ..text.markdown import image_sources
from ..base.errors import DataWarning
from .references import source_of
from .value_warnings import value_warnings
from .yaml_source import SourceMap

_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
_HIRAGANA = re.compile(r"^[\u3041-\u309f]+$")


def plan_warnings(plan: Plan) -> list[DataWarning]:
    found: list[DataWarning] = []
    if plan.glossary:
        found += glossary_warnings(plan.glossary, source_of(plan, "glossary.yaml"))
    if plan.comments:
        found += _comment_numbers(plan)
    found += _outside_images(plan)
    found += value_warnings(plan)
    return found


def site_warnings(site: Site) -> list[DataWarning]:
    return _plan_cycles(site)


def glossary_warnings(glossary: Glossary, source: SourceMap) -> list[DataWarning]:
    """The same term under two ids, and terms so short or common that they would be linked everywhere."""
    found = []
    owners: dict[str, tuple[str, int]] = {}
    for i, term in enumerate(glossary.terms):
        for j, form in enumerate((term.term, *term.aliases)):
            path = ("terms", i, "term") if j == 0 else ("terms", i, "aliases", j - 1)
            key = unicodedata.normalize("NFKC", form).casefold()
            owner = owners.setdefault(key, (term.id, i))
            if owner[0] != term.id:
                line = source.value_at(("terms", owner[1], "id"))[0]
                found.append(source.warning(path, f"用語「{form}」は ID「{owner[0]}」（{line} 行目）にもあります。"
                                                  "同じ語へのリンク先が2つになるので、1つにまとめるか別表記（aliases）を見直してください"))
            if len(key) == 1 or (len(key) <= 2 and _HIRAGANA.match(key)):
                found.append(source.warning(path, f"用語「{form}」は短すぎるか日常の語なので、本文のあちこちにリンクが付きます。"
                                                  "用語集に載せる語か確かめてください"))
    return found


def _comment_numbers(plan: Plan) -> list[DataWarning]:
    source = source_of(plan, "comments.yaml")
    seen: dict[str, int] = {}
    found = []
    for i, comment in enumerate(plan.comments.comments):
        key = unicodedata.normalize("NFKC", comment.number).strip()
        if key in seen:
            line = source.value_at(("comments", seen[key], "number"))[0]
            found.append(source.warning(("comments", i, "number"), f"意見の番号「{comment.number}」は {line} 行目の意見と同じです。"
                                                                  "ページ内のリンク先が同じになるので、別の番号にしてください"))
        seen.setdefault(key, i)
    return found


def _outside_images(plan: Plan) -> list[DataWarning]:
    """Images from other sites: the offline version promises no requests outside the site."""
    found = []
    for name, source in plan.sources.items():
        if "![" not in source.text:  # most files have no image at all; only these are walked
            continue
        model = _model_of(plan, name)
        for path, text in markdown_fields(model) if model is not None else ():
            if any(_OUTSIDE.match(src) for src, _ in image_sources(text)):
                found.append(source.warning(path, _OUTSIDE_IMAGE))
    for chapter in plan.chapters:
        for src, line in image_sources(chapter.markdown):
            if _OUTSIDE.match(src):
                found.append(DataWarning(chapter.file, chapter.first_line + line, 1, "", _OUTSIDE_IMAGE))
    return found


_OUTSIDE_IMAGE = ("ほかのサイトの画像は、庁内LAN・USB 用のオフライン版では表示されず、公開版でも閲覧者の情報がそのサイトに送られます。"
                  "画像を使わず文章で書くか、画像の内容を文章でも書いてください")


def _model_of(plan: Plan, name: str) -> Optional[BaseModel]:
    file = name.rpartition("/")[2]
    if "/projects/" in name:
        return plan.project_by_id.get(file.removesuffix(".yaml"))
    return {"plan.yaml": plan.meta, "tree.yaml": plan.tree, "lineage.yaml": plan.lineage, "glossary.yaml": plan.glossary,
            "comments.yaml": plan.comments}.get(file)


def markdown_fields(value, path: tuple = ()) -> Iterator[tuple[tuple, MarkdownText]]:
    """(YAML path, text) of every Markdown field in a validated model."""
    if isinstance(value, MarkdownText):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if not info.exclude:
                yield from markdown_fields(getattr(value, name), path + (info.alias or name,))
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from markdown_fields(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from markdown_fields(item, path + (key,))


def _plan_cycles(site: Site) -> list[DataWarning]:
    """Plans that, by supersedes and predecessor, come before themselves."""
    earlier = {plan.id: [(name, getattr(plan.meta, name)) for name in ("supersedes", "predecessor") if getattr(plan.meta, name)]
               for plan in site.plans}
    found = []
    for plan in site.plans:
        for field_name, first in earlier[plan.id]:
            if first == plan.id:  # an error already (references.py)
                continue
            chain, current = [plan.id, first], first
            while current != plan.id and current in earlier and len(chain) <= len(earlier) + 1:
                following = [other for _, other in earlier[current] if other not in chain[1:]]
                if not following:
                    break
                current = following[0]
                chain.append(current)
            if current == plan.id:
                found.append(source_of(plan, "plan.yaml").warning((field_name,), f"前の計画をたどると、この計画に戻ってきます（{' → '.join(chain)}）。"
                                                                                   "supersedes と predecessor には、この計画より前の計画を書いてください"))
    return found
