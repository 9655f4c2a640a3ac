"""Change values in a YAML file's text and nothing else: comments, key order, quoting, layout,
line endings and the BOM stay byte for byte.

A round-trip dump (ruamel.yaml) re-indents lists and writes null differently in 2 of the 87
bundled files, so instead each change is spliced into the text at the place where the parser
found the value: a value is replaced where it stands, a new year is inserted beside its
neighbours in the same style (flow {2023: 1} or one key per line), and a missing mapping
(actuals:) is added as a new key of its parent. verify() reads the result back with the
loader and compares it with the intended data before anything is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

import yaml

from ..loading.yaml_source import read_yaml


class EditFailed(Exception):
    """The edited text did not read back as intended (a bug, never a half-written file)."""


@dataclass(frozen=True)
class Edit:
    path: tuple  # the key path of the value to set, e.g. ("kpis", 0, "actuals", 2023)
    value: Any  # plain data: int, Decimal, str, None, or a dict of those


def render(value: Any) -> str:
    """The flow-style YAML text of plain data; strings always quoted so none reads as a number."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{render_key(k)}: {render(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(render(v) for v in value) + "]"
    raise TypeError(type(value).__name__)


def render_key(key: Any) -> str:
    return str(key) if isinstance(key, int) or (isinstance(key, str) and key.isidentifier() and key.isascii()) else render(key)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """The text with every edit applied (check the written file with verify)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    current = text
    for edit in edits:  # one at a time: positions are found afresh in the text so far
        current = _apply(current, edit, newline)
    return current


def _apply(text: str, edit: Edit, newline: str) -> str:
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    node, parents = root, []
    for depth, key in enumerate(edit.path):
        child = _child(node, key)
        if child is None:
            missing = edit.path[depth + 1:]
            value = edit.value
            for inner in reversed(missing):
                value = {inner: value}
            return _insert(text, node, key, value, newline)
        parents.append(node)
        node = child
    start, end = node.start_mark.index, _end(node)
    return text[:start] + render(edit.value) + text[end:]


def _child(node, key):
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and _same_key(key_node.value, key):
                return value_node
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def _same_key(written: str, key) -> bool:
    return written == str(key)


def _end(node) -> int:
    """Where a node's own text ends: a block collection ends with its last value, not at the next key."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _end(node.value[-1])
    return node.end_mark.index


def _insert(text: str, mapping, key, value, newline: str) -> str:
    if not isinstance(mapping, yaml.MappingNode):
        raise EditFailed(f"{key} を入れる場所がマッピングではありません")
    entry = f"{render_key(key)}: {render(value)}"
    items = mapping.value
    before = _insert_before(items, key)
    if mapping.flow_style:
        if not items:
            start, end = mapping.start_mark.index, mapping.end_mark.index
            return text[:start] + "{" + entry + "}" + text[end:]
        if before is not None:
            at = items[before][0].start_mark.index
            return text[:at] + entry + ", " + text[at:]
        at = _end(items[-1][1])
        return text[:at] + ", " + entry + text[at:]
    indent = items[0][0].start_mark.column
    if before is not None:
        at = text.rfind("\n", 0, items[before][0].start_mark.index) + 1
        return text[:at] + " " * indent + entry + newline + text[at:]
    end = _end(items[-1][1])
    line_end = text.find("\n", end)
    if line_end == -1:
        return text + newline + " " * indent + entry + newline
    return text[:line_end + 1] + " " * indent + entry + newline + text[line_end + 1:]


def _insert_before(items, key) -> Optional[int]:
    """Years go in order among years; any other key goes last."""
    if not isinstance(key, int):
        return None
    for index, (key_node, _) in enumerate(items):
        if key_node.value.isdigit() and int(key_node.value) > key:
            return index
    return None


def verify(before: Path, after: Path, edits: list[Edit]) -> None:
    """The file after holds the data of before with exactly the edits made, or EditFailed."""
    old, new = (read_yaml(path, path.name)[0] for path in (before, after))
    if old is None or new is None:
        raise EditFailed(f"書き換えた {after.name} を読み直せませんでした")
    old, new = old.data, new.data
    for edit in edits:
        if _get(new, edit.path) != _plain(edit.value):
            raise EditFailed(f"{after.name} の {'.'.join(map(str, edit.path))} を書き換えられませんでした")
        _set(old, edit.path, _plain(edit.value))
    if old != new:
        raise EditFailed(f"{after.name} で、書き換えた値のほかにも変わった箇所がありました")


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, Decimal) and value == value.to_integral_value() and value.as_tuple().exponent >= 0:
        return int(value)
    return value


def _get(data, path):
    for key in path:
        if isinstance(data, dict):
            data = data.get(key, _MISSING)
        elif isinstance(data, list) and isinstance(key, int) and key < len(data):
            data = data[key]
        else:
            return _MISSING
    return data


def _set(data, path, value) -> None:
    for key in path[:-1]:
        if isinstance(data, dict):
            data = data.setdefault(key, {})
        else:
            data = data[key]
    data[path[-1]] = value


_MISSING = object()
