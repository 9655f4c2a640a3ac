"""How text is compared in search, mirrored by overrides/assets/javascripts/plan-search-engine.js.

Two steps. `display_form` is applied to the stored text at build time: it only turns
half-width katakana (ｶﾀｶﾅ) into full-width, which needs Unicode composition (ｶﾞ → ガ) and so may
change the length. `fold` is applied in the browser to the stored text and to the query: it maps
one UTF-16 code unit to one, so a match found in the folded text sits at the same offsets in the
text shown, and the matched words can be highlighted there.
"""

from __future__ import annotations

import re
import unicodedata

_HALFWIDTH_KANA = re.compile("[\uff61-\uff9f]+")

# Small kana read as their large forms (ッ = ツ, ヶ in 茅ヶ崎 = ケ), after katakana → hiragana.
_SMALL_KANA = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ"))
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII (ＫＰＩ, （２）) → ASCII
        table[code] = chr(code - 0xFEE0)
    for code in range(0x30A1, 0x30F7):  # katakana → hiragana
        table[code] = chr(code - 0x60)
    for code, char in list(table.items()):
        table[code] = _SMALL_KANA.get(char, char)
    table.update({ord(small): large for small, large in _SMALL_KANA.items()})
    table.update({ord(dash): "-" for dash in _DASHES})
    table[0x3000] = " "  # ideographic space
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for code in range(0xFF21, 0xFF3B):
        table[code] = chr(code - 0xFF21 + ord("a"))
    return table


FOLD = _fold_table()


def display_form(text: str) -> str:
    return _HALFWIDTH_KANA.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)


def fold(text: str) -> str:
    return text.translate(FOLD)


def query_form(text: str) -> str:
    return fold(display_form(text))
