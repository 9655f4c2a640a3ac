"""The authoring guide's field tables, read from the models so they never fall behind the code."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..schema import SCHEMAS, schema_text
from .environment import render

_TYPE_NAMES = {"string": "文字列", "integer": "整数", "number": "数値", "boolean": "true / false", "array": "リスト", "object": "マッピング"}


def field_reference(name: str, definition: str = "") -> Markup:
    """A table of the fields of one data file (or of one of its parts, e.g. Indicator)."""
    schema = json.loads(schema_text(name))
    part = schema["$defs"][definition] if definition else schema
    rows = []
    for key, spec in part.get("properties", {}).items():
        rows.append({"key": key, "required": key in part.get("required", []), "type": _type(spec, schema), "description": _description(spec, schema)})
    title = f"{SCHEMAS[name][1]}" + (f" の {definition}" if definition else "")
    return Markup(render("components/field_reference.html", rows=rows, caption=f"{title}に書ける項目", table_id=f"fields-{name}-{definition or 'root'}".lower()))


def _resolve(spec: dict, schema: dict) -> dict:
    if "$ref" in spec:
        return schema["$defs"][spec["$ref"].split("/")[-1]]
    options = [s for s in spec.get("anyOf", []) if s.get("type") != "null"]
    if len(options) == 1:
        return _resolve(options[0], schema)
    return spec


def _type(spec: dict, schema: dict) -> str:
    inner = _resolve(spec, schema)
    if "enum" in inner:
        return "次のどれか: " + "、".join(inner["enum"])
    kind: Any = inner.get("type")
    if kind == "array":
        item = _resolve(inner.get("items", {}), schema)
        return "リスト（" + (item.get("title") or _TYPE_NAMES.get(item.get("type"), "項目")) + "）"
    if "anyOf" in inner:
        return "数値・文字列など"
    if kind is None and "properties" in inner:
        return "マッピング（" + inner.get("title", "") + "）"
    return _TYPE_NAMES.get(kind, "マッピング") if not isinstance(kind, list) else "・".join(_TYPE_NAMES.get(k, k) for k in kind)


def _description(spec: dict, schema: dict) -> str:
    return spec.get("description") or _resolve(spec, schema).get("description") or ""
