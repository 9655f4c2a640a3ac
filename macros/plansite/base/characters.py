"""Characters that must not be in the data, and how messages name them.

Invisible characters come in with text pasted from PDFs, Word and web pages. In ids they make
URLs and folders that look right and are not; in text they hide words from search, split one
line over two (U+0085, U+2028), reorder what a reader sees (the bidi overrides) or break the
generated page. They are refused, each at its line and column, never removed silently: the
author sees what was there and decides.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab, LF and CR; DEL and the C1 controls (U+0085 NEL included); every format
# character (zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, the
# soft hyphen, U+FEFF inside a text, the invisible operators, the tag characters); the line and
# paragraph separators; surrogates; the non-characters.
_CATEGORIES = ("Cc", "Cf", "Cs", "Zl", "Zp")
_ALLOWED_CONTROLS = "\t\n\r"


# Blocks that hold only letters, private-use or unassigned code points: skipped when the table
# is made at import (the whole code space takes half a second); their non-characters are added.
_LETTERS_ONLY = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xE000, 0xF8FF), (0x20000, 0xDFFFF),
                 (0xF0000, 0x10FFFF))


def _forbidden_ranges() -> str:
    scanned = [range(start + 1, end) for start, end in
               zip((-1, *(b for _, b in _LETTERS_ONLY)), (*(a for a, _ in _LETTERS_ONLY), 0x110000))]
    codes = {code for block in scanned for code in block
             if unicodedata.category(chr(code)) in _CATEGORIES and chr(code) not in _ALLOWED_CONTROLS}
    codes |= set(range(0xFDD0, 0xFDF0)) | {plane + last for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)}
    ordered = sorted(codes)
    ranges, start = [], ordered[0]
    for previous, code in zip(ordered, ordered[1:] + [None]):
        if code != previous + 1:
            ranges.append((start, previous))
            start = code
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


FORBIDDEN = re.compile(f"[{_forbidden_ranges()}]")

# Names a city's staff recognise, for the characters they meet; others get the category.
_NAMES = {
    0x0000: "NUL 文字", 0x0009: "タブ", 0x000A: "改行", 0x000D: "復帰", 0x007F: "削除文字 DEL", 0x0085: "改行の制御文字 NEL",
    0x00A0: "ノーブレークスペース", 0x00AD: "ソフトハイフン",
    0x200B: "ゼロ幅スペース", 0x200C: "ゼロ幅非接合子", 0x200D: "ゼロ幅接合子",
    0x200E: "左から右への方向マーク", 0x200F: "右から左への方向マーク",
    0x202A: "左から右への埋め込み", 0x202B: "右から左への埋め込み", 0x202C: "方向の埋め込みの終わり",
    0x202D: "左から右への強制", 0x202E: "右から左への強制（文字の並びが逆に見えます）",
    0x2060: "単語結合子", 0x2066: "左から右への分離", 0x2067: "右から左への分離", 0x2068: "方向の分離",
    0x2069: "方向の分離の終わり", 0x2028: "行区切り文字", 0x2029: "段落区切り文字",
    0x3000: "全角スペース", 0xFEFF: "ゼロ幅ノーブレークスペース（BOM）", 0xFFFD: "置換文字",
    0xFFFE: "非文字", 0xFFFF: "非文字",
}
_CATEGORY_NAMES = {"Cc": "制御文字", "Cf": "見えない書式文字", "Cs": "サロゲート", "Zl": "行区切り文字",
                   "Zp": "段落区切り文字", "Zs": "空白文字", "Co": "私用領域の文字", "Cn": "未定義の文字"}


def describe(char: str) -> str:
    """'U+3000（全角スペース）'"""
    code = ord(char)
    if code in _NAMES:
        name = _NAMES[code]
    elif (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
        name = "非文字"
    else:
        name = _CATEGORY_NAMES.get(unicodedata.category(char), unicodedata.name(char, "文字"))
    return f"U+{code:04X}（{name}）"


def forbidden_message(char: str, *, escaped: bool = False) -> str:
    if escaped:
        written = f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"
        return f"見えない文字・制御文字 {describe(char)}が「{written}」のような書き方で入っています。消してください"
    return f"見えない文字・制御文字 {describe(char)}が入っています。消してください（貼り付けた文章に紛れ込むことがあります）"


_UNSEEN = re.compile(f"[\t\n\r{FORBIDDEN.pattern[1:-1]}]")


def visible(text: str) -> str:
    """Text for a one-line message: each invisible character, line break and tab named in brackets."""
    return _UNSEEN.sub(lambda m: f"[{describe(m.group())}]", text)


def first_forbidden(text: str):
    """The first forbidden character of text, or None."""
    match = FORBIDDEN.search(text)
    return match.group() if match else None
