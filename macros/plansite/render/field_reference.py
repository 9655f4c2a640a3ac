"""The authoring guide's field tables, read from the models so they never fall behind the code:
each field's name, whether it is required, how it is written and what it means (and, for the
Markdown tables of the guide, an example: see guide_tables.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from ..schema import SCHEMAS, schema_text
from .environment import render

_TYPE_NAMES = {"string": "文字列", "integer": "整数", "number": "数値", "boolean": "true / false", "array": "リスト", "object": "マッピング"}


@dataclass(frozen=True)
class FieldRow:
    key: str
    required: bool
    type: str
    description: str


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads(schema_text(name))


def part(name: str, definition: str = "") -> dict:
    """The schema of a data file (definition "") or of one of its parts (Indicator, Phase …)."""
    return schema(name)["$defs"][definition] if definition else schema(name)


def part_title(name: str, definition: str = "") -> str:
    """「事業（projects/<事業のID>.yaml）」, or the part's own title (指標) for a part."""
    return part(name, definition).get("title", definition) if definition else SCHEMAS[name][1]


def field_rows(name: str, definition: str = "") -> list[FieldRow]:
    found = part(name, definition)
    whole = schema(name)
    return [FieldRow(key, key in found.get("required", []), _type(spec, whole), _description(spec, whole))
            for key, spec in found.get("properties", {}).items()]


def field_reference(name: str, definition: str = "") -> Markup:
    """A table of the fields of one data file (or of one of its parts, e.g. Indicator), as HTML."""
    title = f"{SCHEMAS[name][1]}" + (f" の {definition}" if definition else "")
    return Markup(render("components/field_reference.html", rows=field_rows(name, definition), caption=f"{title}に書ける項目",
                         table_id=f"fields-{name}-{definition or 'root'}".lower()))


def resolve(spec: dict, whole: dict) -> dict:
    """The schema a property stands for, through a $ref or an optional (anyOf with null)."""
    if "$ref" in spec:
        return whole["$defs"][spec["$ref"].split("/")[-1]]
    options = [s for s in spec.get("anyOf", []) if s.get("type") != "null"]
    if len(options) == 1:
        return resolve(options[0], whole)
    return spec


def _type(spec: dict, whole: dict) -> str:
    inner = resolve(spec, whole)
    if "enum" in inner:
        return "次のどれか: " + "、".join(inner["enum"])
    kind: Any = inner.get("type")
    if kind == "array":
        item = resolve(inner.get("items", {}), whole)
        return "リスト（" + (item.get("title") or _TYPE_NAMES.get(item.get("type"), "項目")) + "）"
    if "anyOf" in inner:
        return "数値・文字列など"
    if "properties" in inner:
        return f"マッピング（{inner['title']}）" if inner.get("title") else "マッピング"
    return _TYPE_NAMES.get(kind, "マッピング") if not isinstance(kind, list) else "・".join(_TYPE_NAMES.get(k, k) for k in kind)


def _description(spec: dict, whole: dict) -> str:
    return spec.get("description") or resolve(spec, whole).get("description") or ""
