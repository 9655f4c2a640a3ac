"""Scalar types of the data contract, each with one Japanese message per kind of mistake.

Pydantic's own messages are English and a union of types yields one error per member; here
every type checks its input itself so an author sees a single message saying what was
expected and what was given.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field, ValidationInfo, WithJsonSchema
from pydantic import BaseModel as _PydanticModel
from pydantic_core import PydanticCustomError


class Model(_PydanticModel):
    """Base of every data model: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


def describe(value: Any) -> str:
    """Japanese name of the YAML type an author wrote."""
    if value is None:
        return "空の値"
    if isinstance(value, bool):
        return "真偽値（true/false）"
    if isinstance(value, (int, float, Decimal)):
        return "数値"
    if isinstance(value, str):
        return "文字列"
    if isinstance(value, (list, tuple)):
        return "リスト"
    if isinstance(value, dict):
        return "マッピング（キーと値の組）"
    if isinstance(value, _dt.date):
        return "日付"
    return type(value).__name__


def wrong_type(expected: str, value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "wrong_type", "{expected}を指定してください（{actual}が指定されています）", {"expected": expected, "actual": describe(value)}
    )


def _text(value: Any) -> str:
    if isinstance(value, str):
        value = value.strip()
        if not value:
            raise PydanticCustomError("empty_text", "空の文字列は書けません。内容を書くか、この項目ごと削除してください")
        return value
    raise wrong_type("文字列", value)


def _line(value: Any) -> str:
    """A one-line text (a title, a name, a label): a line break would split the heading it becomes."""
    value = _text(value)
    if "\n" in value or "\r" in value:
        raise PydanticCustomError(
            "text_line", "1行で書く項目です（改行が入っています）。改行を消すか、「|」で複数行にする文章の項目に書いてください"
        )
    return value


Text = Annotated[str, BeforeValidator(_line)]


class MarkdownText(str):
    """A text field whose content is Markdown (rendered with raw HTML disabled)."""


def _markdown(value: Any) -> MarkdownText:
    return MarkdownText(_text(value))


Markdown = Annotated[
    MarkdownText,
    BeforeValidator(_markdown),
    WithJsonSchema({"type": "string", "description": "Markdown で書けます（HTML タグは使えず、そのまま文字として表示されます）"}),
]


def _text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (_line(value),)
    if isinstance(value, list):
        return tuple(value)
    raise wrong_type("文字列のリスト", value)


TextList = Annotated[tuple[Text, ...], BeforeValidator(_text_list)]


_ID = re.compile(r"[a-z0-9][a-z0-9-]*")  # matched whole (fullmatch): "focus-3\n" is not an id


def _identifier(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise wrong_type("ID（半角英小文字・数字・ハイフン）", value)
    if not _ID.fullmatch(value):
        raise PydanticCustomError(
            "bad_id",
            "ID「{value}」は使えません。半角英小文字・数字・ハイフンだけで書いてください（例: vision-1）。IDはURLになります",
            {"value": value},
        )
    return value


Identifier = Annotated[str, BeforeValidator(_identifier), WithJsonSchema({"type": "string", "pattern": f"^{_ID.pattern}$"})]


_ITEM_NUMBER = re.compile(r"[\w\-.()/・（）－ 　]{1,20}")


def _item_number(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    value = _line(value)
    if not _ITEM_NUMBER.fullmatch(value):
        raise PydanticCustomError(
            "bad_number",
            "番号「{value}」は使えません。番号は文字・数字・丸数字と - . ( ) / ・ で、20 文字までにしてください（例: ①、1-2、(3)）",
            {"value": value},
        )
    return value


ItemNumber = Annotated[str, BeforeValidator(_item_number), WithJsonSchema({"type": "string", "maxLength": 20})]


class SplitNumber(int):
    """A key that YAML split off a number: {2023: 1,234} reads as 2023: 1 and a key 234.

    Equal to the key it stands for, so messages still find its place in the file."""

    def __new__(cls, key: int, typed: str):
        self = super().__new__(cls, key)
        self.typed = typed
        return self


def _fiscal_year(value: Any, info: ValidationInfo) -> int:
    if isinstance(value, SplitNumber):
        raise PydanticCustomError(
            "fiscal_year",
            "「{typed}」が「,」で分かれ、「{key}」が年度として読まれています。"
            "桁区切りの「,」を書くときは値を引用符で囲むか（\"{typed}\"）、{plain} と書いてください",
            {"typed": value.typed, "key": int(value), "plain": value.typed.replace(",", "")},
        )
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 1868 <= value <= 2200:
        raise PydanticCustomError(
            "fiscal_year",
            "年度は西暦4桁の整数で書いてください（例: 令和8年度なら 2026）。「{value}」は年度として読めません",
            {"value": value},
        )
    period = (info.context or {}).get("period")
    if period and not period[0] <= value <= period[1]:
        raise PydanticCustomError(
            "outside_period",
            "{value}年度は計画期間（{start}〜{end}年度）の外です。計画期間内の年度を書いてください",
            {"value": value, "start": period[0], "end": period[1]},
        )
    return value


FiscalYear = Annotated[int, BeforeValidator(_fiscal_year), WithJsonSchema({"type": "integer", "minimum": 1868, "maximum": 2200})]


def _any_fiscal_year(value: Any) -> int:
    """A fiscal year that need not lie inside the plan period (history, predecessors)."""
    return _fiscal_year(value, _NoContext())


class _NoContext:
    context = None


AnyFiscalYear = Annotated[int, BeforeValidator(_any_fiscal_year), WithJsonSchema({"type": "integer", "minimum": 1868, "maximum": 2200})]


_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _date_or_month(value: Any) -> _dt.date | str:
    """A date (2025-11-19) or a month (2026-01) when the source gives no day."""
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        match = _YEAR_MONTH.match(value.strip())
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
        day = _DAY.match(value.strip())  # a date in quotes ("2025-11-19") is a string in YAML
        if day:
            try:
                return _dt.date(*(int(part) for part in day.groups()))
            except ValueError:
                pass
    raise PydanticCustomError(
        "date",
        "日付は 2025-11-19 のように、日が分からないときは 2026-01 のように書いてください（「{value}」は読めません）",
        {"value": value},
    )


DateOrMonth = Annotated[
    _dt.date | str,
    BeforeValidator(_date_or_month),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{1,2}(-\d{1,2})?$"}),
]


def choice(options: dict[str, str], what: str):
    """A closed set of keywords; the message lists each with its Japanese meaning."""
    listing = "、".join(f"{key}（{label}）" for key, label in options.items())

    def check(value: Any) -> str:
        if isinstance(value, str) and value.strip() in options:
            return value.strip()
        raise PydanticCustomError(
            "choice", "{what}は {listing}のいずれかを書いてください（「{value}」が指定されています）",
            {"what": what, "listing": listing, "value": value},
        )

    return Annotated[
        str,
        BeforeValidator(check),
        WithJsonSchema({"enum": list(options), "description": f"{what}: {listing}"}),
    ]


def _sdg(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 17:
        return value
    raise PydanticCustomError("sdg", "SDGs のゴールは 1〜17 の整数で書いてください（「{value}」が指定されています）", {"value": value})


SdgGoal = Annotated[int, BeforeValidator(_sdg), WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 17})]


def described(description: str, **kwargs):
    """A Field with a Japanese description for the JSON Schema (editor completion)."""
    return Field(description=description, **kwargs)
