"""Find glossary terms in Japanese text, where words are not separated by spaces.

An Aho–Corasick automaton (pyahocorasick) over the normalised forms of every term and alias
finds every occurrence in one pass; at each position the longest term wins (生成AI before AI).
Width and case are normalised (ＲＰＡ = RPA = rpa, ｶﾀｶﾅ = カタカナ) and spaces are skipped, so
"生成 AI" matches 生成AI.

A match that is only part of a longer word is skipped unless the term allows it
(``inside_words: true``). "Part of a longer word" means the character just before or after
the match is a Latin letter or digit, a kanji, or — next to a katakana edge of the term — a
katakana. So RPA is found in 「RPAの導入」 but not in 「RPA導入」, クラウド not in
「ガバメントクラウド」, and DX not in 「DX推進計画」 unless DX is marked inside_words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import ahocorasick

_SPACE = re.compile(r"\s")


@lru_cache(maxsize=8192)  # texts reuse few characters
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
        """forms: (text, term id, inside_words) for every term and alias. The first form given
        for a normalised text keeps it (a plan's own glossary is listed before the shared one)."""
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for text, term_id, inside in forms:
            key = "".join(normalise_char(c) for c in text if not c.isspace())
            if key and not self._automaton.exists(key):
                self._automaton.add_word(key, (term_id, inside, len(key)))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> Iterator[Match]:
        if self._empty or not text:
            return
        chars, origin = _normalised(text)
        longest: dict[int, tuple] = {}  # start in chars -> the longest term starting there
        for end, (term_id, inside, length) in self._automaton.iter(chars):
            start = end - length + 1
            if start not in longest or longest[start][2] < length:
                longest[start] = (term_id, inside, length)
        next_free = 0
        for start in sorted(longest):
            if start < next_free:
                continue
            term_id, inside, length = longest[start]
            start_at, end_at = origin[start], origin[start + length - 1] + 1
            before = text[start_at - 1] if start_at > 0 else ""
            after = text[end_at] if end_at < len(text) else ""
            if inside or not (_continues(before, text[start_at]) or _continues(after, text[end_at - 1])):
                yield Match(start_at, end_at, term_id)
                next_free = start + length


def _normalised(text: str) -> tuple[str, list[int]]:
    """The text's normalised characters without spaces, and where each came from in the text."""
    lowered = text.lower()
    if len(lowered) == len(text) and unicodedata.is_normalized("NFKC", lowered):  # nearly all text: no per-character work
        origin = [i for i, char in enumerate(lowered) if not char.isspace()]
        return (_SPACE.sub("", lowered) if len(origin) < len(lowered) else lowered), origin
    chars: list[str] = []
    origin = []
    for index, char in enumerate(text):
        if char.isspace():
            continue
        for normal in normalise_char(char):
            chars.append(normal)
            origin.append(index)
    return "".join(chars), origin
