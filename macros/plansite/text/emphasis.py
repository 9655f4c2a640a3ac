"""Emphasis (** and *) that works beside Japanese brackets and punctuation.

CommonMark decides whether ``**`` may open or close emphasis from the characters on both sides.
Its rule treats a run followed by punctuation such as 「 as unable to open unless whitespace or
punctuation stands before it, which English text has and Japanese text does not:
``**「重点事業」**として`` keeps its asterisks. Following the idea of the CJK-friendly
amendment to CommonMark, a Japanese (CJK) character on the other side counts like whitespace
here. The rule replaces markdown-it's own ``emphasis`` tokenizer for our parser only; the pairing
of delimiters afterwards is markdown-it's, unchanged. (mdit-py-cjk-friendly does the same by
patching markdown-it globally and requires markdown-it-py below 4, the version this project pins.)
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.state_inline import Delimiter, StateInline

# Kana, CJK ideographs and their punctuation, fullwidth forms, Hangul.
_CJK = re.compile(r"[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u33ff\u3400-\u4dbf"
                  r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]")


def is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


def _punct(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def can_open_close(before: str, after: str, can_split_word: bool) -> tuple[bool, bool]:
    """Whether a run of markers between these two characters (a space at either end of the text)
    can open and close emphasis."""
    before_space, after_space = isWhiteSpace(ord(before)), isWhiteSpace(ord(after))
    before_punct, after_punct = _punct(before), _punct(after)
    # CommonMark: punctuation on the inside needs whitespace or punctuation outside; a CJK
    # character outside is as good.
    left = not after_space and not (after_punct and not (before_space or before_punct or is_cjk(before)))
    right = not before_space and not (before_punct and not (after_space or after_punct or is_cjk(after)))
    can_open = left and (can_split_word or not right or before_punct)
    can_close = right and (can_split_word or not left or after_punct)
    return can_open, can_close


def _tokenize(state: StateInline, silent: bool) -> bool:
    """markdown-it's emphasis tokenizer with the flanking test above."""
    start = state.pos
    marker = state.src[start]
    if silent or marker not in ("_", "*"):
        return False
    end = start
    while end < state.posMax and state.src[end] == marker:
        end += 1
    before = state.src[start - 1] if start > 0 else " "
    after = state.src[end] if end < state.posMax else " "
    can_open, can_close = can_open_close(before, after, marker == "*")
    for _ in range(end - start):
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(Delimiter(marker=ord(marker), length=end - start, token=len(state.tokens) - 1, end=-1,
                                          open=can_open, close=can_close))
    state.pos = end
    return True


def cjk_emphasis(md: MarkdownIt) -> None:
    """A markdown-it plugin: use the CJK-friendly emphasis tokenizer in this parser."""
    md.inline.ruler.at("emphasis", _tokenize)
