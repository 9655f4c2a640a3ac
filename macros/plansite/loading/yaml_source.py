"""Read a YAML file into plain Python values while remembering where each value stood.

PyYAML's own constructors lose positions and follow YAML 1.1 (``no`` becomes False,
``20:34`` becomes 1234). We compose the node tree and build values ourselves with the
YAML 1.2 core rules, keep decimals as written (``1.00`` stays ``Decimal('1.00')``),
reject duplicate keys, and record a position for every path.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from ..base.errors import DataError, format_path

try:  # the C parser is much faster on large plans; positions are the same
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader


class _CoreLoader(_BaseLoader):
    """SafeLoader whose implicit types follow the YAML 1.2 core schema."""

    def resolve(self, kind, value, implicit):
        # A plain scalar's type depends on its text alone, and plans repeat the same texts
        # (keys, years, numbers) thousands of times: remember the answer.
        if kind is yaml.ScalarNode and implicit[0]:
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                if len(_PLAIN_TAGS) > 100_000:
                    _PLAIN_TAGS.clear()
                tag = _PLAIN_TAGS[value] = super().resolve(kind, value, implicit)
            return tag
        return super().resolve(kind, value, implicit)


_PLAIN_TAGS: dict[str, str] = {}


_CoreLoader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$",
        list("-+.0123456789"),
    ),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$", list("0123456789")),
]:
    _CoreLoader.add_implicit_resolver(_tag, re.compile(_regexp), _first)


Position = tuple[int, int]  # 1-based line and column


@dataclass
class SourceMap:
    """Where each path of one file stands: the value, and for mapping entries the key."""

    file: str
    values: dict[tuple, Position] = field(default_factory=dict)
    keys: dict[tuple, Position] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)  # the file's text, for later checks of its prose
    data: object = field(default_factory=lambda: None)  # the values as read, before validation
    text: str = field(default="", repr=False)

    _POSITIONS = ("values", "keys", "data", "lines")

    def forget_positions(self) -> None:
        """Drop what only messages need; it is read again from the text when one is asked for.

        Positions of every value take three times the memory of a validated 事業, and a valid
        file rarely needs them again."""
        for name in self._POSITIONS:
            self.__dict__.pop(name, None)

    def __getattr__(self, name: str):
        if name not in self._POSITIONS or "text" not in self.__dict__:
            raise AttributeError(name)
        self.lines = self.text.splitlines()
        node = yaml.compose(self.text, Loader=_CoreLoader)
        self.values, self.keys = {}, {}
        self.data = _build(node, (), self, [], set())
        return getattr(self, name)

    def value_at(self, path: tuple) -> Position:
        """Position of the value at path, or of its nearest ancestor that exists."""
        path = tuple(path)
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def key_at(self, path: tuple) -> Position:
        return self.keys.get(tuple(path)) or self.value_at(path)

    def error(self, path: tuple, message: str, *, at_key: bool = False) -> DataError:
        line, col = self.key_at(path) if at_key else self.value_at(path)
        return DataError(self.file, line, col, format_path(path), message)


@dataclass
class Document:
    data: object
    source: SourceMap


def read_yaml(path: Path, display_name: str) -> tuple[Document | None, list[DataError]]:
    """Parse one YAML file. Returns the document, or None and the errors found."""
    source = SourceMap(display_name)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            DataError(display_name, line, col, "", "文字コードが UTF-8 ではありません。UTF-8 で保存し直してください")
        ]
    if not text.strip():
        return None, [DataError(display_name, 1, 1, "", "ファイルが空です。内容を書いてください")]
    try:
        node = yaml.compose(text, Loader=_CoreLoader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(display_name, exc, text)]
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark
        return None, [DataError(display_name, 1, 1, "", f"YAML として読めません（{exc}）")]
    except RecursionError:
        return None, [DataError(display_name, 1, 1, "", _TOO_DEEP)]
    if node is None:  # only comments
        return None, [DataError(display_name, 1, 1, "", "ファイルが空です。内容を書いてください")]
    errors: list[DataError] = []
    data = _build(node, (), source, errors, set())
    source.lines, source.data, source.text = text.splitlines(), data, text
    return (None if errors else Document(data, source)), errors


def _syntax_error(file: str, exc: yaml.MarkedYAMLError, text: str) -> DataError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "") + " " + (exc.context or "")
    lines = text.splitlines()
    at = lines[line - 1][col - 1 : col] if line <= len(lines) else ""
    if at == "\t" or "\\t" in problem:
        message = "タブ文字は使えません。字下げには半角スペースを使ってください"
    elif "while parsing a flow" in problem and exc.context_mark:  # point at the bracket that was opened
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        message = "ここで開いたかっこ「{」「[」が閉じられていないか、区切りの「,」が抜けています"
    elif "mapping values are not allowed" in problem:
        message = "「キー: 値」の書き方に誤りがあります。値にコロン「: 」を含むときは全体を引用符で囲んでください"
    elif "could not find expected ':'" in problem or "simple key" in problem:
        message = "「キー: 値」のコロンが見つかりません。コロンの後に半角スペースがあるか確かめてください"
    elif "expected <block end>" in problem or "did not find expected" in problem:
        message = "字下げがそろっていないか、リストの「- 」の位置がずれています"
    elif "found undefined alias" in problem or "found unknown escape" in problem:
        message = "使えない記号があります。文字列全体を引用符で囲んでください"
    elif "found character" in problem:
        message = "使えない記号で値が始まっています。値全体を引用符で囲んでください"
    elif "end of the stream" in problem or "unexpected end" in problem:
        message = "引用符やかっこが閉じられていません"
    else:
        message = "YAML の書き方に誤りがあります"
    return DataError(file, line, col, "", message)


def _pos(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


MAX_DEPTH = 40  # far deeper than any plan; stops runaway nesting before Python's recursion limit
_TOO_DEEP = f"入れ子が深すぎます（{MAX_DEPTH} 段まで）。字下げやかっこの対応を確かめてください"


def _build(node: yaml.Node, path: tuple, source: SourceMap, errors: list[DataError], seen: set[int]):
    """Plain values from the node tree; seen holds the collections already built, to refuse aliases."""
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if id(node) in seen:  # an alias (*name) of an anchored collection: one could expand to billions of values
            # The node stands where the anchor is; the alias is at this key, or in the enclosing list.
            where = source.keys.get(path) or source.values.get(path[:-1], (1, 1))
            errors.append(DataError(source.file, *where, format_path(path), "アンカーとエイリアス（&名前 と *名前）は使えません。同じ内容をそのまま書いてください"))
            return None
        seen.add(id(node))
    source.values[path] = _pos(node)
    if len(path) > MAX_DEPTH:
        errors.append(DataError(source.file, *_pos(node), format_path(path), _TOO_DEEP))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                errors.append(DataError(source.file, *_pos(key_node), format_path(path), "キーには単純な文字列か数値を使ってください"))
                continue
            key = _scalar(key_node, path, source, errors)
            if isinstance(key, Decimal):
                key = str(key)
            if key in result:
                errors.append(
                    DataError(
                        source.file,
                        *_pos(key_node),
                        format_path(path + (key,)),
                        f"キー「{key}」が同じ場所に2回書かれています（最初は {source.keys[path + (key,)][0]} 行目）。1つにまとめてください",
                    )
                )
                continue
            source.keys[path + (key,)] = _pos(key_node)
            result[key] = _build(value_node, path + (key,), source, errors, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), source, errors, seen) for i, item in enumerate(node.value)]
    return _scalar(node, path, source, errors)


def _scalar(node: yaml.ScalarNode, path: tuple, source: SourceMap, errors: list[DataError]):
    tag, value = node.tag, node.value
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int":
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if tag == "tag:yaml.org,2002:float":
        return Decimal(value)
    if tag == "tag:yaml.org,2002:timestamp":
        try:
            return _dt.date.fromisoformat("-".join(part.zfill(2) for part in value.split("-")))
        except ValueError:
            errors.append(DataError(source.file, *_pos(node), format_path(path), f"「{value}」は存在しない日付です"))
            return value
    errors.append(
        DataError(source.file, *_pos(node), format_path(path), f"タグ「{tag}」は使えません。「!」で始まる書き方をやめてください")
    )
    return value
