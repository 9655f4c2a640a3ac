"""Turn pydantic's validation errors into one Japanese message each, placed at file:line:column."""

from __future__ import annotations

import typing
from typing import Any, Callable, Optional

from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from ..model.types import describe
from ..base.errors import DataError, format_path
from .suggest import did_you_mean
from .yaml_source import SourceMap

_GENERIC = {
    "tuple_type": "リスト（「- 」で始まる行）を指定してください",
    "list_type": "リスト（「- 」で始まる行）を指定してください",
    "dict_type": "マッピング（「キー: 値」の組）を指定してください",
    "model_type": "マッピング（「キー: 値」の組）を指定してください",
    "model_attributes_type": "マッピング（「キー: 値」の組）を指定してください",
    "bool_type": "true か false を指定してください",
    "bool_parsing": "true か false を指定してください",
    "url_parsing": "URL を https:// から書いてください",
    "url_scheme": "URL を https:// から書いてください",
    "url_type": "URL を https:// から書いてください",
    "decimal_parsing": "数値を指定してください",
    "int_type": "整数を指定してください",
    "int_parsing": "整数を指定してください",
    "string_type": "文字列を指定してください",
}


_PYDANTIC_KINDS = frozenset(typing.get_args(ErrorType))  # pydantic's own errors, whose messages are English


def translate(exc: ValidationError, source: SourceMap, model: type[BaseModel], prefix: tuple = (),
              keep: Optional[Callable[[tuple], bool]] = None) -> list[DataError]:
    """One DataError per pydantic error; prefix is prepended to every path (e.g. a list index);
    keep, if given, says which paths to report (after a YAML error, those it did not touch)."""
    out = []
    errors = exc.errors(include_url=False)
    for err in errors:
        loc = tuple(err["loc"])
        if keep and not keep(tuple(part for part in loc if part != "[key]")):
            continue
        if err["type"] == "too_short" and _has_inner_error(loc, errors):
            continue  # the items were written but are wrong; "write at least one" would mislead
        at_key = False
        if loc and loc[-1] == "[key]":
            loc, at_key = loc[:-1], True
        kind = err["type"]
        path = prefix + loc
        if kind == "missing":
            line, column = source.value_at(path[:-1])
            out.append(DataError(source.file, line, column, format_path(path), f"必須の項目です。「{loc[-1]}」を書き加えてください"))
            continue
        if kind == "extra_forbidden":
            out.append(source.error(path, _unknown_key(model, loc), at_key=True))
            continue
        if kind in ("too_short", "too_long"):
            message = _length_message(err)
        elif kind in _GENERIC and (kind.startswith("url_") or err.get("ctx", {}).get("error") is None):
            message = _GENERIC[kind] + _given(err.get("input"), kind)
        elif kind not in _PYDANTIC_KINDS:  # one of the model's own errors: its message is already the author's
            message = err["msg"]
        else:
            message = f"値が正しくありません（{err['msg']}）"
        out.append(source.error(path, message, at_key=at_key))
    return out


def _has_inner_error(loc: tuple, errors: list[dict]) -> bool:
    return any(len(other["loc"]) > len(loc) and tuple(other["loc"][: len(loc)]) == loc for other in errors)


def _given(value: Any, kind: str) -> str:
    if kind.startswith("url_"):
        return f"（「{value}」が指定されています）"
    if kind.endswith("_parsing"):
        return f"（「{value}」は読めません）"
    return f"（{describe(value)}が指定されています）"


def _length_message(err: dict) -> str:
    ctx = err.get("ctx", {})
    if err["type"] == "too_short":
        return f"少なくとも {ctx.get('min_length', 1)} 個書いてください"
    return f"{ctx.get('max_length')} 個までしか書けません"


def _unknown_key(model: type[BaseModel], loc: tuple) -> str:
    key = str(loc[-1])
    allowed = _allowed_keys(model, loc[:-1])
    message = f"「{key}」という項目はありません"
    hint = did_you_mean(key, allowed)
    if hint:
        return message + hint
    if allowed:
        return message + "。書ける項目: " + "、".join(allowed)
    return message


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """Field names (as written in YAML) of the model that sits at loc below model."""
    current: Any = model
    for part in loc:
        current = _inner_model(current, part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items() if not f.exclude]
    return []


def _inner_model(current: Any, part: Any) -> Any:
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        for name, f in current.model_fields.items():
            if part in (name, f.alias):
                return f.annotation
        return None
    origin = typing.get_origin(current)
    args = typing.get_args(current)
    if origin in (tuple, list) and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def _unwrap(tp: Any) -> Any:
    """Strip Annotated, Optional and forward references down to the bare type."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, getattr(__import__("types"), "UnionType", typing.Union)):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp
