"""The tables of the authoring guide that the code knows best (the fields of every data file with
an example each, the components, the achievement rule), written into the guide's Markdown at
`make schema` so that the guide reads the same on the site and as raw Markdown on GitHub.

A generated block sits between two marker lines (HTML comments, invisible on both):

    <!-- 自動生成: fields project Indicator -->
    | 項目 | 必須 | … |
    <!-- 自動生成ここまで（make schema で作り直します） -->

Kinds: ``fields <file> [<part>]`` (one table), ``all-fields`` (every part of every file),
``components`` (the ```plan fences), ``macros`` (the macros of docs/ pages), ``rules``, and
``bench``, ``bench-targets``, ``bench-portal``, ``bench-measured`` (the benchmark's figures from performance.json,
which `scripts/bench --json` writes: bench_tables).
Each example comes from the example files in docs/authoring/examples/ (checked by the loader in
the tests), the value as an author writes it there.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Optional

import yaml

from ..progress.achievement import RULES
from ..progress.register import COUNTING
from ..schema import SCHEMAS
from . import bench_tables
from .field_reference import field_rows, part, part_title, schema
from .registry import COMPONENTS

END = "<!-- 自動生成ここまで（make schema で作り直します） -->"
_BLOCK = re.compile(r"(<!-- 自動生成: ([^>]+?) -->\n)(.*?)(" + re.escape(END) + ")", re.S)

# The example file of each data file (docs/authoring/examples/<name>.yaml).
EXAMPLE_FILES = {name: f"{name}.yaml" for name in SCHEMAS}

Examples = dict[tuple[str, str], Any]  # (part, key) -> the value as written; part "" is a file's top level


class GuideError(ValueError):
    """A marker that names no table (the message is for whoever edits the guide)."""


def read_examples(folder: Path) -> Examples:
    """The first value written for each field, walking each example file along its schema."""
    found: Examples = {}
    for name, file in EXAMPLE_FILES.items():
        path = Path(folder) / file
        if path.is_file():
            _walk(schema(name), schema(name), yaml.safe_load(path.read_text(encoding="utf-8")), f"#{name}", found)
    return found


def _walk(whole: dict, here: dict, data: Any, key_of_part: str, found: Examples) -> None:
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        spec = here.get("properties", {}).get(str(key))
        if spec is None:
            continue
        found.setdefault((key_of_part, str(key)), value)
        for inner_name, inner, inner_value in _children(whole, spec, value):
            _walk(whole, inner, inner_value, inner_name, found)


def _children(whole: dict, spec: dict, value: Any):
    """(part name, part schema, value) for each mapping below a property that is itself a part."""
    target = spec
    for option in spec.get("anyOf", []):
        if "$ref" in option or option.get("type") == "array":
            target = option
    if target.get("type") == "array" and isinstance(value, list):
        for item in value:
            yield from _children(whole, target.get("items", {}), item)
    elif "$ref" in target and isinstance(value, dict):
        name = target["$ref"].split("/")[-1]
        yield name, whole["$defs"][name], value


def _part_key(name: str, definition: str) -> str:
    return definition or f"#{name}"


# The Markdown of the tables ---------------------------------------------------------------------


def _short(value: Any, depth: int = 0) -> str:
    """A value as YAML on one short line: long texts cut with …, only the first items of
    mappings and lists, deeper ones as {…} / […]."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        room = 28 if depth == 0 else 14
        first = value.strip().splitlines()[0] if value.strip() else ""
        return first if len(first) <= room and "\n" not in value.strip() else first[:room] + "…"
    if isinstance(value, (dict, list)) and depth >= 2:
        return "{…}" if isinstance(value, dict) else "[…]"
    keep = 3 if depth == 0 else 2
    if isinstance(value, dict):
        items = list(value.items())
        shown = ", ".join(f"{k}: {_short(v, depth + 1)}" for k, v in items[:keep])
        return "{" + shown + (", …" if len(items) > keep else "") + "}"
    if isinstance(value, list):
        keep = 1 if any(isinstance(v, (dict, list)) for v in value) else keep
        shown = ", ".join(_short(v, depth + 1) for v in value[:keep])
        return "[" + shown + (", …" if len(value) > keep else "") + "]"
    return str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _example(key: str, value: Any) -> str:
    if isinstance(value, (dict, list)) and not value:
        return ""
    if isinstance(value, str) and "\n" in value.strip():
        return f"`{key}: |` の次の行から、字下げして「{_short(value, 20)}」"
    return f"`{_cell(f'{key}: {_short(value)}')}`"


def fields_table(name: str, definition: str, examples: Examples) -> str:
    key_of_part = _part_key(name, definition)
    lines = ["| 項目 | 必須 | 書き方 | 説明 | 例 |", "|---|---|---|---|---|"]
    for row in field_rows(name, definition):
        example = examples.get((key_of_part, row.key))
        shown = _example(row.key, example) if (key_of_part, row.key) in examples else ""
        lines.append(f"| `{row.key}` | {'必須' if row.required else ''} | {_cell(row.type)} | {_cell(row.description)} | {shown} |")
    return "\n".join(lines)


def _parts_in_order(name: str) -> list[str]:
    """A file's parts in the order they are reached from its top level (breadth first)."""
    whole = schema(name)
    order, queue = [], [whole]
    while queue:
        here = queue.pop(0)
        for spec in here.get("properties", {}).values():
            for ref in _refs(spec):
                if ref not in order:
                    order.append(ref)
                    queue.append(whole["$defs"][ref])
    return order


def _refs(spec: dict) -> list[str]:
    found = []
    if "$ref" in spec:
        found.append(spec["$ref"].split("/")[-1])
    for option in spec.get("anyOf", []):
        found += _refs(option)
    if isinstance(spec.get("items"), dict):
        found += _refs(spec["items"])
    return found


def all_fields(examples: Examples) -> str:
    """Every part of every data file, each part once (under the first file it appears in)."""
    out, shown = [], {}
    for name in SCHEMAS:
        out += [f"## {part_title(name)}", "", fields_table(name, "", examples), ""]
        for definition in _parts_in_order(name):
            if definition in shown:
                continue
            shown[definition] = name
            title = part(name, definition).get("title", definition)
            out += [f"### {title}（{definition}）", "", fields_table(name, definition, examples), ""]
        again = [d for d in _parts_in_order(name) if shown[d] != name]
        if again:
            listed = "、".join(f"{part(name, d).get('title', d)}（{d}）" for d in again)
            out += [f"このファイルの {listed} は、上に書いたものと同じです。", ""]
    return "\n".join(out).rstrip()


def components_table() -> str:
    lines = ["| 部品 | 表示されるもの | 指定する項目 |", "|---|---|---|"]
    for component in COMPONENTS:
        if component.fence:
            listed = _params_text([p for p in component.params if p.kind != "plan"])
            lines.append(f"| `{component.fence}` | {_cell(component.description)} | {_cell(listed)} |")
    return "\n".join(lines)


def _params_text(params) -> str:
    return "、".join(f"`{p.name}`（{p.description}{'。省略可' if not p.required else ''}）" for p in params) or "なし"


def macros_table() -> str:
    lines = ["| マクロ | 表示されるもの | 引数 |", "|---|---|---|"]
    for component in COMPONENTS:
        lines.append(f"| `{component.name}` | {_cell(component.description)} | {_cell(_params_text(component.params))} |")
    return "\n".join(lines)


def rules_list() -> str:
    return "\n".join(f"- {line}" for line in (*RULES, COUNTING))


def _bench(bench: Optional[dict], make: Callable[[dict], str]) -> Callable[[], str]:
    def block() -> str:
        if bench is None:
            raise GuideError(f"{bench_tables.BENCH_FILE} がありません（scripts/bench --json docs/authoring/{bench_tables.BENCH_FILE} で測って作ります）")
        return make(bench)
    return block


def _block(spec: str, examples: Examples, bench: Optional[dict] = None) -> str:
    words = spec.split()
    makers: dict[str, Callable[[], str]] = {
        "all-fields": lambda: all_fields(examples), "components": components_table, "macros": macros_table, "rules": rules_list,
        "bench": _bench(bench, lambda b: bench_tables.results_table(b["sizes"])),
        "bench-targets": _bench(bench, lambda b: bench_tables.targets_table(b["sizes"], b.get("portal"))),
        "bench-portal": _bench(bench, lambda b: bench_tables.portal_table(b["portal"]) if b.get("portal") else
                               "（まだ測っていません。`make bench BENCH_JSON=docs/authoring/performance.json` で測ります）"),
        "bench-measured": _bench(bench, bench_tables.measured_line),
    }
    if words[0] == "fields" and 2 <= len(words) <= 3 and words[1] in SCHEMAS:
        definition = words[2] if len(words) == 3 else ""
        if definition and definition not in schema(words[1]).get("$defs", {}):
            raise GuideError(f"「{spec}」: {words[1]} に {definition} という部分はありません")
        return fields_table(words[1], definition, examples)
    if len(words) == 1 and words[0] in makers:
        return makers[words[0]]()
    raise GuideError(f"自動生成の指定「{spec}」は読めません（fields <ファイル> [<部分>]、{'、'.join(makers)}）")


def refresh(text: str, examples: Examples, bench: Optional[dict] = None) -> str:
    """The Markdown with every generated block made again from the code (and the benchmark's file)."""
    return _BLOCK.sub(lambda m: m.group(1) + _block(m.group(2).strip(), examples, bench) + "\n" + m.group(4), text)


def refresh_guide(guide: Path, examples_folder: Optional[Path] = None) -> dict[Path, str]:
    """Each Markdown file of the guide whose generated blocks are out of date -> its new text."""
    examples = read_examples(examples_folder or guide / "examples")
    bench = bench_tables.read(guide)
    changed = {}
    for path in sorted(Path(guide).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        new = refresh(text, examples, bench)
        if new != text:
            changed[path] = new
    return changed
