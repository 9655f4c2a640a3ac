"""Checks on the raw text of a data file or chapter, before and after it is parsed: the slips that
an editor hides (invisible characters, full-width spaces and colons, curly quotes, a git merge
left half done), each at its own line and column."""

from __future__ import annotations

import re
from typing import Iterable, Optional

from ..base.characters import FORBIDDEN, describe, forbidden_message
from ..base.errors import DataError, DataWarning, position
from .limits import MAX_REPORTED

# <<<<<<< HEAD, =======, >>>>>>> branch: only in the column where git writes them.
_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?:[ \t].*)?$", re.M)
# A line that starts with a full-width or typographic dash and a space: meant as a list item.
_DASH_ITEM = re.compile(r"^[ \u3000]*([－−ー―‐–—])[ \u3000]", re.M)
# A key written with a full-width colon: "  unit：件", "- name：…". Keys are lower-case ASCII.
_WIDE_COLON_KEY = re.compile(r"^[ \u3000]*(?:-[ \u3000]+)?([a-z_][a-z0-9_]*)[ \u3000]*(：)", re.M)
# Indentation that holds a full-width space, before a key or a list item.
_WIDE_INDENT = re.compile(r"^[ ]*(\u3000)[ \u3000]*(?:-[ \u3000]|[a-z_][a-z0-9_]*[ \u3000]*[:：])", re.M)
_CURLY_START = re.compile(r"(?:^|:[ \u3000]+|^[ ]*-[ ]+)([“”‘’＂＇])")

WIDE_SPACE = "\u3000"


def invisible(text: str, file: str) -> list[DataError]:
    """Every forbidden character where it stands (up to MAX_REPORTED, then how many more)."""
    found = list(FORBIDDEN.finditer(text))
    errors = [DataError(file, *position(text, m.start()), "", forbidden_message(m.group())) for m in found[:MAX_REPORTED]]
    if len(found) > MAX_REPORTED:
        line, column = position(text, found[MAX_REPORTED].start())
        errors.append(DataError(file, line, column, "", f"このほかにも見えない文字・制御文字が {len(found) - MAX_REPORTED} 個あります"))
    return errors


def conflict_markers(text: str, file: str) -> list[DataError]:
    """The marker lines of a merge conflict (a lone ======= is a Markdown heading underline)."""
    found = list(_CONFLICT.finditer(text))
    if not ({m.group()[0] for m in found} >= {"<", ">"}):
        return []
    return [DataError(file, position(text, m.start())[0], 1, "",
                      f"Git で変更がぶつかったときの印「{m.group()[:7]}」が残っています。"
                      "どちらの内容を残すか決め、<<<<<<<・=======・>>>>>>> の行を消してください")
            for m in found][:MAX_REPORTED]


def dash_items(text: str, file: str, skip: Iterable[int] = ()) -> list[DataWarning]:
    """Lines begun with 「－ 」: neither YAML nor Markdown reads them as a list."""
    skip = set(skip)
    warnings = []
    for m in _DASH_ITEM.finditer(text):
        line, column = position(text, m.start(1))
        if line not in skip:
            warnings.append(DataWarning(file, line, column, "", f"行の先頭の「{m.group(1)}」は全角の記号なので、箇条書き（リスト）になりません。"
                                                                "箇条書きにするなら半角の「- 」（ハイフンと半角スペース）にしてください"))
    return warnings[:MAX_REPORTED]


def structure_slips(text: str, file: str, skip: Iterable[int] = ()) -> list[DataError]:
    """Full-width colons after keys and full-width spaces in indentation, outside the lines of
    block and quoted texts (skip), where they are ordinary characters."""
    skip = set(skip)
    errors = []
    for m in _WIDE_COLON_KEY.finditer(text):
        line, column = position(text, m.start(2))
        if line not in skip:
            errors.append(DataError(file, line, column, "", wide_colon_message(m.group(1))))
    for m in _WIDE_INDENT.finditer(text):
        line, column = position(text, m.start(1))
        if line not in skip:
            errors.append(DataError(file, line, column, "", WIDE_INDENT_MESSAGE))
    return errors[:MAX_REPORTED]


def wide_colon_message(key: str) -> str:
    return f"「{key}：」のコロンが全角です。「{key}: 」のように半角のコロン「:」と半角スペースにしてください"


WIDE_INDENT_MESSAGE = f"字下げに {describe(WIDE_SPACE)}が使われています。字下げは半角スペースで書いてください"


def explain(line_text: str) -> Optional[tuple[int, str]]:
    """(column, message) for a slip on the line where the parser stopped, if one explains it."""
    m = _WIDE_INDENT.match(line_text) or (re.match(r"^[ ]*(\u3000)", line_text))
    if m:
        return m.start(1) + 1, WIDE_INDENT_MESSAGE
    m = _WIDE_COLON_KEY.match(line_text)
    if m:
        return m.start(2) + 1, wide_colon_message(m.group(1))
    m = _CURLY_START.search(line_text)
    if m:
        quote = m.group(1)
        return m.start(1) + 1, (f"値が全角の引用符「{quote}」で始まっています。YAML で値を囲む引用符は半角の「\"」か「'」です。"
                                "半角にするか、引用符も文字として表示したいときは値全体を半角の「\"」で囲んでください")
    return None
