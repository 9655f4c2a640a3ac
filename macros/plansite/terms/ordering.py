"""五十音 ordering of glossary terms, with an index by row (あ行 … わ行, 英数字)."""

from __future__ import annotations

import unicodedata

from ..model.glossary import Term

ROWS = (
    ("a", "あ行", "あいうえお"), ("ka", "か行", "かきくけこ"), ("sa", "さ行", "さしすせそ"), ("ta", "た行", "たちつてと"),
    ("na", "な行", "なにぬねの"), ("ha", "は行", "はひふへほ"), ("ma", "ま行", "まみむめも"), ("ya", "や行", "やゆよ"),
    ("ra", "ら行", "らりるれろ"), ("wa", "わ行", "わをん"),
)
LATIN = ("latin", "英数字", "")
_SMALL = str.maketrans("ぁぃぅぇぉっゃゅょゎ", "あいうえおつやゆよわ")


def hiragana(text: str) -> str:
    """Katakana to hiragana, voiced marks and small kana folded, for sorting."""
    out = []
    for char in unicodedata.normalize("NFKC", text):
        if "\u30a1" <= char <= "\u30f6":
            char = chr(ord(char) - 0x60)
        out.append(char)
    base = unicodedata.normalize("NFD", "".join(out))
    return "".join(c for c in base if c not in "\u3099\u309a").translate(_SMALL)


def row_of(term: Term) -> tuple[str, str, str]:
    first = unicodedata.normalize("NFKC", term.term)[:1]
    if first.isascii() and first.isalnum():
        return LATIN
    initial = hiragana(term.reading)[:1]
    for row in ROWS:
        if initial in row[2]:
            return row
    return LATIN


def sort_key(term: Term) -> tuple:
    row = row_of(term)
    order = ROWS.index(row) if row in ROWS else len(ROWS)
    if row is LATIN:
        return (order, unicodedata.normalize("NFKC", term.term).casefold())
    return (order, hiragana(term.reading).replace("ー", ""))


def by_row(terms) -> list[tuple[tuple[str, str, str], list[Term]]]:
    grouped: dict = {}
    for term in sorted(terms, key=sort_key):
        grouped.setdefault(row_of(term), []).append(term)
    return list(grouped.items())
