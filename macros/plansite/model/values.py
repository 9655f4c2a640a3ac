"""A target or actual value: a number with its unit, or the source's own text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Optional

from pydantic import ConfigDict, Field, model_serializer, model_validator
from pydantic_core import PydanticCustomError

from ..text.values import format_number
from .reading import Reading, UnitConflict, read_number, read_value
from .types import Model, Text, describe


@dataclass(frozen=True)
class Written:
    """A value typed as text, handed to Value with the unit of the line it belongs to.

    The indicator wraps its text values in this before validation, so 95手続 is read
    against the indicator's unit and a wrong unit is reported at the value itself."""

    text: str
    unit: Optional[str]


class Value(Model):
    """One cell of an indicator table.

    Written in YAML as a number (``27650``, ``1.15``), a number as staff type it
    (``27,650件``, ``約16,000時間``, ``△5``, ``20億4千万円``: see reading.py), a text
    (``全国平均以上``), or a mapping when the printed cell has words around the number
    (``{value: 55, prefix: 平均, suffix: 以上}``) or a display of its own
    (``{value: 2040000000, display: 20億4千万円}``).
    """

    model_config = ConfigDict(title="値")

    number: Optional[Decimal] = Field(None, description="数値（計算に使います）")
    text: Optional[Text] = Field(None, description="数値でない値（原文のまま表示します）")
    unit: Optional[Text] = Field(None, description="この値だけ単位が違うときの単位（例: 万人）")
    prefix: Optional[Text] = Field(None, description="数値の前に付く語（例: 平均、年）")
    suffix: Optional[Text] = Field(None, description="単位の後に付く語（例: 以上、増加、減）")
    display: Optional[Text] = Field(None, description="原文の表記（例: 20億4千万円）。表示はこれを使い、計算には number を使います")

    @model_validator(mode="before")
    @classmethod
    def _from_yaml(cls, data: Any) -> Any:
        fields = cls._fields(data)
        if fields.get("number") is not None:
            _in_range(fields["number"])
        return fields

    @staticmethod
    def _fields(data: Any) -> dict:
        if isinstance(data, bool) or data is None:
            raise PydanticCustomError(
                "value_type", "数値または文字列を指定してください（{actual}が指定されています）", {"actual": describe(data)}
            )
        if isinstance(data, (int, Decimal, float)):
            return {"number": Decimal(str(data))}
        if isinstance(data, Reading):  # read already (a spreadsheet cell)
            return data.fields()
        if isinstance(data, (str, Written)):
            text, unit = (data.text, data.unit) if isinstance(data, Written) else (data, None)
            try:
                return read_value(text, unit).fields()
            except UnitConflict as conflict:
                raise PydanticCustomError("value_unit", str(conflict)) from None
        if isinstance(data, dict):
            if "value" not in data:
                raise PydanticCustomError(
                    "value_missing", "マッピングで書くときは value に数値を書いてください（例: {{value: 55, suffix: 以上}}）"
                )
            data = dict(data)
            number = data.pop("value")
            if isinstance(number, str) and read_number(number) is not None:
                number = read_number(number)
            if isinstance(number, bool) or not isinstance(number, (int, Decimal, float, str)):
                raise PydanticCustomError(
                    "value_number", "value には数値を書いてください（{actual}が指定されています）", {"actual": describe(number)}
                )
            try:
                data["number"] = Decimal(str(number))
            except InvalidOperation:
                raise PydanticCustomError(
                    "value_number", "value には数値を書いてください（「{value}」は数値として読めません）", {"value": number}
                ) from None
            return data
        raise PydanticCustomError(
            "value_type", "数値または文字列を指定してください（{actual}が指定されています）", {"actual": describe(data)}
        )

    @model_serializer(mode="plain")
    def _as_written(self):
        """Back in a form an author may write (open data follows the same schema as the YAML):
        the number, the text, or the mapping with the words around the number."""
        words = {key: getattr(self, key) for key in ("unit", "prefix", "suffix", "display") if getattr(self, key)}
        if self.number is None:
            return self.text
        number = json_number(self.number)
        return {"value": number, **words} if words else number

    @classmethod
    def typed(cls, text: str, unit: Optional[str]) -> "Value":
        """The value staff typed for a line whose unit is unit (raises on a contradicting unit)."""
        return cls.model_validate(Written(text, unit))

    @property
    def is_numeric(self) -> bool:
        return self.number is not None

    @property
    def comparator(self) -> Optional[str]:
        """The comparison the printed words make of a target: 以上 ≥, 超 >, 以下 ≤, 未満 <."""
        words = (self.suffix or "").strip()
        return next((comparator for word, comparator in _COMPARATORS if words.startswith(word)), None)

    @property
    def is_change(self) -> bool:
        """An amount of change (12種類増加, 80減, 6,700時間削減): the larger, the better."""
        return bool(re.search(r"(増加|増|減|削減)$", (self.suffix or "").strip()))


_COMPARATORS = (("以上", ">="), ("超", ">"), ("以下", "<="), ("未満", "<"))

MAX_DIGITS = 15  # digits before the decimal point: below 千兆 (10**15)
MAX_DECIMALS = 10


def _in_range(number: Decimal) -> None:
    """Numbers that every chart, sum and comparison can take: finite, below 千兆, 10 decimals at most."""
    # adjusted() is the power of ten of the first digit: no arithmetic, which 1e99999999 would overflow
    if not number.is_finite() or (not number.is_zero() and number.adjusted() >= MAX_DIGITS) or number.as_tuple().exponent < -MAX_DECIMALS:
        raise PydanticCustomError(
            "value_range",
            "数値は ±1,000兆 未満、小数点以下 {decimals} 桁までで書いてください（「{value}」が指定されています）",
            {"value": str(number), "decimals": MAX_DECIMALS},
        )


def json_number(number: Decimal):
    """A decimal as a JSON number: an integer when it is one, else a float (3.5, never "3.5")."""
    return int(number) if number == number.to_integral_value() else float(number)


# What an author may write for a value, for the JSON Schema.
VALUE_JSON_SCHEMA = {
    "anyOf": [
        {"type": "number"},
        {"type": "string"},
        {"type": "null"},
        {
            "type": "object",
            "properties": {
                "value": {"type": ["number", "string"], "description": "数値"},
                "unit": {"type": "string", "description": "この値だけ単位が違うときの単位"},
                "prefix": {"type": "string", "description": "数値の前に付く語（例: 平均）"},
                "suffix": {"type": "string", "description": "単位の後に付く語（例: 以上）"},
                "display": {"type": "string", "description": "原文の表記（例: 20億4千万円）"},
            },
            "required": ["value"],
            "additionalProperties": False,
        },
    ]
}


MISSING = "—"


def format_value(value: Optional[Value], unit: Optional[str] = None) -> str:
    """A value the way the source prints it: 27,650件, 1.15人, 平均55%以上, 20億4千万円."""
    if value is None:
        return MISSING
    if value.display:
        return value.display
    if value.text is not None:
        return value.text
    return f"{value.prefix or ''}{format_number(value.number)}{value.unit or unit or ''}{value.suffix or ''}"
