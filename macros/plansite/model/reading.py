"""Read a value the way staff type it, in a spreadsheet cell or a YAML string.

``1,234``, ``１，２３４``, ``1,234件``, ``12.3%``, ``約16,000時間``, ``△5``, ``20億4千万円``,
``3.5万人`` and ``20分34秒`` are numbers with their words; ``－``, ``—`` and ``-`` say there is
no value; anything else is the source's own text. A text that starts like a number but cannot
be read is returned with the reason, so the caller can warn instead of keeping it silently.
A unit word that contradicts the indicator's unit is an error, never a silent suffix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Optional

# Dashes that, alone in a cell, mean "no value" (hyphen, minus, en/em dash, bars, katakana ー).
NO_VALUE = frozenset("-－−‐‑–—―ーｰ")

# Words that may stand before a number in a cell (約16,000時間, 平均55%, 合計52件).
PREFIXES = ("おおむね", "およそ", "概ね", "約", "平均", "合計", "累計", "年間", "前年度比", "前年比", "最大", "最低", "毎年", "年", "月", "計")

# Words that end the unit: comparisons and amounts of change (80%以上, 12種類増加).
SUFFIX_WORDS = ("以上", "以下", "未満", "超", "増加", "増", "減少", "減", "削減", "程度", "前後", "達成", "向上")

_SIGNS = {"+": 1, "＋": 1, "-": -1, "－": -1, "−": -1, "△": -1, "▲": -1}
_DIGITS = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_START = re.compile(
    r"(?P<prefix>" + "|".join(PREFIXES) + r")?\s*(?P<sign>[+＋\-－−△▲])?\s*(?P<number>[0-9０-９](?:[0-9０-９,，.．]*[0-9０-９])?)"
)
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_LARGE = {"万": Decimal(10) ** 4, "億": Decimal(10) ** 8, "兆": Decimal(10) ** 12}
_SMALL = {"千": Decimal(1000), "百": Decimal(100), "十": Decimal(10)}
_COMPOUND = re.compile(r"(?P<n>[0-9０-９](?:[0-9０-９,，.．]*[0-9０-９])?)(?P<small>[千百十]?)(?P<large>[兆億万]?)")
_TIME = re.compile(r"^(?:(?P<h>\d+)時間)?(?:(?P<m>\d+)分)?(?:(?P<s>\d+(?:\.\d+)?)秒)?$")
_SECONDS = {"時間": 3600, "分": 60, "秒": 1}
_OPEN = "（(［[「【〔"
_NOT_A_UNIT = "〜~～‐-－–—/／・、,，.．:："  # ranges and lists (10〜20件, 1・2件) are not units
_CLOSE = "）)］]」】〕"


@dataclass(frozen=True)
class Reading:
    """What one typed value says.

    kind is "number" (number, and the words around it), "none" (a dash: no value) or
    "text" (the source's own words; problem says why, when it looked like a number)."""

    kind: str
    text: str
    number: Optional[Decimal] = None
    prefix: Optional[str] = None
    unit: Optional[str] = None  # the value's own unit, only where the indicator has none
    suffix: Optional[str] = None
    display: Optional[str] = None  # the typed style, where the shown number differs (20億4千万円, △5)
    problem: Optional[str] = None

    @property
    def is_number(self) -> bool:
        return self.kind == "number"

    def fields(self) -> dict:
        """The mapping a Value is made from."""
        if self.kind != "number":
            return {"text": self.text}
        found = {"number": self.number, "prefix": self.prefix, "unit": self.unit, "suffix": self.suffix, "display": self.display}
        return {key: value for key, value in found.items() if value is not None}


class UnitConflict(ValueError):
    """The typed unit is not the indicator's: 95手続 where the unit is 件."""

    def __init__(self, text: str, written: str, unit: str):
        self.text, self.written, self.unit = text, written, unit
        super().__init__(
            f"「{text}」の単位「{written}」は、この指標の単位「{unit}」と違います。"
            f"単位を「{unit}」にそろえるか、数値だけを書いてください"
        )


def read_number(text: str) -> Optional[Decimal]:
    """A bare number as staff type it (1,234 / １，２３４ / △5), or None if it is not one."""
    reading = read_value(text, None)
    if reading.is_number and not (reading.prefix or reading.unit or reading.suffix) and not _has_multiplier(text):
        return reading.number
    return None


def read_value(text: str, unit: Optional[str], *, prefix: Optional[str] = None) -> Reading:
    """Read a typed value for an indicator whose unit is unit (None when it has none).

    prefix is a word the value had before (年間稼働時間の0.1%未満): typed again, it is kept as
    the prefix even when it is not one of PREFIXES. Raises UnitConflict when the value names
    another unit."""
    typed = text.strip()
    if prefix and typed.startswith(prefix) and typed != prefix:
        reading = read_value(typed[len(prefix):], unit)
        if reading.is_number and not reading.prefix:
            display = f"{prefix}{reading.display}" if reading.display else None
            return Reading("number", text, reading.number, prefix, reading.unit, reading.suffix, display)
    if not typed or all(ch in NO_VALUE for ch in typed):
        return Reading("none", typed)
    timed = _read_time(typed, unit)
    if timed is not None:
        return timed
    start = _START.match(typed)
    if not start:
        return Reading("text", text)
    prefix = start.group("prefix")
    sign_char = start.group("sign")
    sign = _SIGNS.get(sign_char or "+", 1)
    rest = typed[start.end():]
    number = _number(start.group("number"))
    if number is None:
        return _unreadable(text, "桁区切りの「,」や小数点「.」の位置が正しくないため読めません")
    number_text = start.group("number")
    multiplied = False
    # 3.5万人 counts 人; where the unit itself is 万人 or 千円, 万 and 千 belong to the unit. 1 億
    # with a space is 1億: read as a unit 億, the number would be 1 where 1億 is 100,000,000.
    after = rest.lstrip()
    if after[:1] in (*_LARGE, *_SMALL) and not (unit and unit[:1] in (*_LARGE, *_SMALL)):
        joined = number_text + after
        compound = _read_compound(joined)
        if compound is None:
            return _unreadable(text, "「万」「億」などを使った数の書き方が読めません")
        number, used = compound
        number_text, rest = joined[:used], joined[used:]
        multiplied = True
    written_unit, rest = _take_unit(rest, unit)
    if written_unit and unit and written_unit != unit:
        raise UnitConflict(typed, written_unit, unit)
    suffix = rest.strip() or None
    if suffix and _digit_outside_brackets(suffix):
        return _unreadable(text, "数値のあとにも数字があるため、1つの数値として読めません（範囲や複数の値は文字で書いてください）")
    own_unit = written_unit if unit is None else None
    display = None
    if multiplied or sign_char in ("△", "▲"):
        display = f"{prefix or ''}{sign_char or ''}{number_text}{own_unit or unit or ''}{suffix or ''}"
    return Reading("number", text, sign * number, prefix, own_unit, suffix, display)


def looks_like_a_number(text: str) -> bool:
    return bool(_START.match(text.strip()))


def _unreadable(text: str, why: str) -> Reading:
    return Reading("text", text, problem=f"「{text.strip()}」は数値のように見えますが、{why}。文字のまま扱います")


def _number(typed: str) -> Optional[Decimal]:
    plain = typed.translate(_DIGITS)
    if not (_PLAIN.match(plain) or _GROUPED.match(plain)):
        return None
    try:
        return Decimal(plain.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the patterns admit only decimals
        return None


def _has_multiplier(text: str) -> bool:
    return any(ch in text for ch in (*_LARGE, *_SMALL))


def _read_compound(typed: str) -> Optional[tuple[Decimal, int]]:
    """20億4千万 -> (2040000000, 6): groups of a number, an optional 千/百/十 and 万/億/兆."""
    total, used, last_large = Decimal(0), 0, None
    for match in _COMPOUND.finditer(typed):
        if match.start() != used or not match.group(0):
            break
        number = _number(match.group("n"))
        if number is None:
            return None
        small, large = match.group("small"), match.group("large")
        if not small and not large:
            total += number
            used = match.end()
            break
        value = number * _SMALL.get(small, 1) * _LARGE.get(large, 1)
        if large and last_large is not None and _LARGE[large] >= last_large:
            return None  # 3万2億: larger groups must come first
        last_large = _LARGE.get(large, last_large)
        total += value
        used = match.end()
    if not used:
        return None
    return (total.quantize(Decimal(1)) if total == total.to_integral_value() else total.normalize()), used


def _read_time(typed: str, unit: Optional[str]) -> Optional[Reading]:
    """20分34秒 in an indicator counted in 秒 (or with no unit): 1234 秒, shown as typed."""
    if unit not in (None, *_SECONDS):
        return None
    match = _TIME.match(typed.translate(_DIGITS))
    if not match or sum(1 for part in match.groups() if part) < 2:
        return None
    seconds = sum(Decimal(match.group(key) or 0) * _SECONDS[name] for key, name in (("h", "時間"), ("m", "分"), ("s", "秒")))
    in_unit = seconds / _SECONDS[unit or "秒"]
    if in_unit != in_unit.quantize(Decimal("0.001")):
        return None  # 20分 in hours: no exact decimal
    number = in_unit.quantize(Decimal(1)) if in_unit == in_unit.to_integral_value() else in_unit.normalize()
    return Reading("number", typed, number, unit=None if unit else "秒", display=typed)


def _same(text: str, unit: str) -> bool:
    return _fold(text).startswith(_fold(unit))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _take_unit(rest: str, unit: Optional[str]) -> tuple[Optional[str], str]:
    """The unit word at the start of rest (the indicator's, or another word) and what follows."""
    stripped = rest.lstrip()
    if unit and _same(stripped, unit):
        # Folding keeps one character per character for the units plans use (％, ｍ, ㎡ aside).
        return unit, stripped[len(unit):]
    end = 0
    while end < len(stripped) and not stripped[end].isspace() and stripped[end] not in _OPEN + _NOT_A_UNIT \
            and not stripped[end].isdigit() and not stripped.startswith(SUFFIX_WORDS, end):
        end += 1
    word = stripped[:end]
    return (word or None), stripped[end:]


def _digit_outside_brackets(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch.translate(_DIGITS).isdigit():
            return True
    return False
