"""The jargon check: words in a plan's text that look like jargon but have no glossary entry.

Looked for: Latin-letter abbreviations with two or more capitals (EBPM, eL-QR, PaaS, LGWAN) and
katakana words of four or more morae that are not everyday words (macros/terms/everyday.py).
Each finding names its file and line. Words the plan lists in jargon_gaps (known to have no
definition in the source) are not reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..base.errors import DataError
from ..model.plan import Plan, Site
from .everyday import EVERYDAY
from .site_terms import terms_for

_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]+(?:[・][\u30a1-\u30fa\u30fc]+)*")
_SMALL = set("ァィゥェォャュョヮ")
# Keys whose values are identifiers or keywords, not prose.
_NOT_PROSE = {"id", "node", "level", "novelty", "kind", "status", "successors", "related", "category",
              "priorities", "component", "supersedes", "predecessor", "reading", "term_links", "jargon_gaps"}


def morae(word: str) -> int:
    return sum(1 for char in word if char not in _SMALL and char != "・")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    column: int
    word: str

    def as_error(self) -> DataError:
        return DataError(self.file, self.line, self.column, "", f"「{self.word}」は用語集にありません（専門用語なら glossary.yaml に説明を加え、計画書に定義がなければ plan.yaml の jargon_gaps に書いてください）")


def find_jargon(plan: Plan, site: Site) -> list[Finding]:
    terms = terms_for(plan, site)
    known = {_norm(form) for placed in terms.values() for form in (placed.term.term, *placed.term.aliases)}
    known |= {_norm(gap) for gap in plan.meta.jargon_gaps}
    findings: dict[str, Finding] = {}
    for text, file, line, column in _texts(plan):
        for word in _candidates(text):
            if _norm(word) in known or word in EVERYDAY or any(_norm(word) in k for k in known if len(k) > len(_norm(word))):
                continue
            findings.setdefault(_norm(word), Finding(file, line, column, word))  # first place it is used
    return sorted(findings.values(), key=lambda f: (f.file, f.line, f.word))


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "").lower()


def _candidates(text: str):
    normal = unicodedata.normalize("NFKC", text)
    for match in _LATIN_WORD.finditer(normal):
        if sum(char.isupper() for char in match.group()) >= 2:
            yield match.group()
    for match in _KATAKANA.finditer(normal):
        for word in match.group().split("・"):
            if morae(word) >= 4:
                yield word


def _texts(plan: Plan):
    """(text, file, line, column) for every prose string of the plan's YAML and chapters."""
    for source in plan.sources.values():
        yield from _walk(source.data, (), source)
    for chapter in plan.chapters:
        for number, line in enumerate(chapter.markdown.splitlines(), start=2):
            if not line.lstrip().startswith("```"):
                yield line, chapter.file, number, 1


def _walk(value, path, source):
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_PROSE:
                yield from _walk(item, path + (key,), source)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, path + (index,), source)
    elif isinstance(value, str):
        line, column = source.value_at(path)
        raw = source.lines[line - 1] if line <= len(source.lines) else ""
        block = raw.rstrip().endswith(("|", ">", "|-", ">-", "|+", ">+"))
        for offset, text in enumerate(value.splitlines()):
            yield text, source.file, line + offset + (1 if block else 0), column if offset == 0 and not block else 1
