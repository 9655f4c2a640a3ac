"""Find glossary terms in Japanese text, where words are not separated by spaces.

One trie over the normalised forms of every term and alias; at each position the longest term
wins (生成AI before AI), so the cost is linear in the text length. Width and case are
normalised (ＲＰＡ = RPA = rpa, ｶﾀｶﾅ = カタカナ).

A match that is only part of a longer word is skipped unless the term allows it
(``inside_words: true``). "Part of a longer word" means the character just before or after
the match is a Latin letter or digit, a kanji, or — next to a katakana edge of the term — a
katakana. So RPA is found in 「RPAの導入」 but not in 「RPA導入」, クラウド not in
「ガバメントクラウド」, and DX not in 「DX推進計画」 unless DX is marked inside_words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional


@lru_cache(maxsize=8192)  # called for every character of every page; texts reuse few characters
def normalise_char(char: str) -> str:
    return unicodedata.normalize("NFKC", char).lower()


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _kanji(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char == "々"


def _katakana(char: str) -> bool:
    return "\u30a1" <= char <= "\u30fa" or char == "ー"


def _continues(neighbour: str, edge: str) -> bool:
    """Whether neighbour, next to the term's edge character, makes the match part of a word."""
    if not neighbour:
        return False
    return _latin(neighbour) or _kanji(neighbour) or (_katakana(neighbour) and _katakana(edge))


@dataclass(frozen=True)
class Match:
    start: int  # in the original text
    end: int
    term_id: str


class TermMatcher:
    def __init__(self, forms: Iterable[tuple[str, str, bool]]):
        """forms: (text, term id, inside_words) for every term and alias."""
        self._root: dict = {}
        for text, term_id, inside in forms:
            node = self._root
            for char in "".join(normalise_char(c) for c in text if not c.isspace()):
                node = node.setdefault(char, {})
            node.setdefault("", (term_id, inside))

    def find(self, text: str) -> Iterator[Match]:
        # Normalise character by character, keeping where each normalised character came from;
        # spaces are skipped so "生成 AI" matches 生成AI.
        chars: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(text):
            if char.isspace():
                continue
            for n in normalise_char(char):
                chars.append(n)
                origin.append(index)
        i = 0
        while i < len(chars):
            found = self._longest(chars, i)
            if found:
                end, (term_id, inside) = found
                start_at, end_at = origin[i], origin[end - 1] + 1
                before = text[start_at - 1] if start_at > 0 else ""
                after = text[end_at] if end_at < len(text) else ""
                if inside or not (_continues(before, text[start_at]) or _continues(after, text[end_at - 1])):
                    yield Match(start_at, end_at, term_id)
                    i = end
                    continue
            i += 1

    def _longest(self, chars: list[str], start: int) -> Optional[tuple[int, tuple]]:
        node, best = self._root, None
        for j in range(start, len(chars)):
            node = node.get(chars[j])
            if node is None:
                break
            if "" in node:
                best = (j + 1, node[""])
        return best
