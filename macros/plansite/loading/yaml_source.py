"""Read a YAML file into plain Python values while remembering where each value stood.

PyYAML's own constructors lose positions and follow YAML 1.1 (``no`` becomes False,
``20:34`` becomes 1234), and its composer recurses once per level of nesting (30,000 levels
on one line overflow the C stack). We build values ourselves from the parser's events, in a
loop with its own stack, with the YAML 1.2 core rules: decimals kept as written (``1.00``
stays ``Decimal('1.00')``), duplicate keys, aliases and tags refused, nesting, text length and
numbers limited, and a position recorded for every path.

A syntax error does not hide the rest of the file: each top-level entry is read again on its
own, and the entries that read cleanly are validated, so one run reports all that can be found.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Optional
from decimal import Decimal
from pathlib import Path

import yaml

from ..base.characters import FORBIDDEN, first_forbidden, forbidden_message
from ..base.errors import DataError, DataWarning, format_path, position
from . import text_checks
from .limits import MAX_DEPTH, MAX_NUMBER_CHARS, MAX_TEXT, TOO_DEEP, too_long

try:  # the C parser is much faster on large plans; positions are the same
    _CoreLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _CoreLoader = yaml.SafeLoader


class _CoreResolver(yaml.resolver.BaseResolver):
    """Implicit types of plain scalars by the YAML 1.2 core schema."""

    yaml_implicit_resolvers: dict = {}


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
    _CoreResolver.add_implicit_resolver(_tag, re.compile(_regexp), _first)

_RESOLVER = _CoreResolver()
# A plain scalar's type depends on its text alone, and plans repeat the same texts (keys, years,
# numbers) thousands of times: the answers are remembered.
_PLAIN_TAGS: dict[str, str] = {}


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
        self.values, self.keys = {}, {}
        self.data = _Builder(self, []).build(self.text).data
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

    def warning(self, path: tuple, message: str, *, at_key: bool = False) -> DataWarning:
        line, col = self.key_at(path) if at_key else self.value_at(path)
        return DataWarning(self.file, line, col, format_path(path), message)


@dataclass
class Document:
    data: object
    source: SourceMap
    # When the file had errors, the document still holds what could be read, so validation can
    # report the rest: failed lists the paths whose values were lost, and trusted_keys (after a
    # syntax error) the top-level keys whose entries were read cleanly.
    failed: tuple = ()
    trusted_keys: Optional[frozenset] = None

    def trusted(self, path: tuple) -> bool:
        """Whether a validation message at path is about what the author wrote, not about a value lost to another error."""
        if self.trusted_keys is not None and not (path and path[0] in self.trusted_keys):
            return False
        return not any(path[: len(lost)] == lost or lost[: len(path)] == path for lost in self.failed)


def read_yaml(path: Path, display_name: str) -> tuple[Document | None, list[DataError]]:
    """Parse one YAML file. Returns what could be read (or None) and every problem found;
    a file with any error (a DataError that is not a warning) is not loaded."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            DataError(display_name, line, col, "", "文字コードが UTF-8 ではありません。UTF-8 で保存し直してください")
        ]
    return read_text(text, display_name)


def read_text(text: str, display_name: str) -> tuple[Document | None, list[DataError]]:
    if not text.strip():
        return None, [DataError(display_name, 1, 1, "", "ファイルが空です。内容を書いてください")]
    source = SourceMap(display_name)
    # Each invisible character is reported where it stands, then stands in as U+FFFD (one
    # character for one, so positions hold) for the parser to read on and find the rest.
    found: list[DataError] = text_checks.invisible(text, display_name)
    conflicts = text_checks.conflict_markers(text, display_name)
    runaway = _runaway_flow(text)
    if conflicts or runaway is not None:
        # A merge left half done makes the rest meaningless; brackets nested thousands deep would
        # keep the parser busy for minutes (its cost grows with the square of the depth).
        too_deep = [DataError(display_name, *position(text, runaway), "", TOO_DEEP)] if runaway is not None else []
        return None, found + conflicts + too_deep
    parsed = _Builder(source, found, replaced=bool(found)).build(FORBIDDEN.sub("\ufffd", text) if found else text)
    if parsed.syntax_error:
        slips = [e for e in text_checks.structure_slips(text, display_name, parsed.literal_lines) if e.line <= parsed.syntax_error.line]
        found += slips or [parsed.syntax_error]
        document = _recover(text, parsed, source, found)
    else:
        found += text_checks.structure_slips(text, display_name, parsed.literal_lines)
        document = Document(parsed.data, source, tuple(parsed.failed)) if parsed.has_root else None
    found += text_checks.dash_items(text, display_name)
    if parsed.has_root is False and not parsed.syntax_error and not found:
        return None, [DataError(display_name, 1, 1, "", "ファイルが空です。内容を書いてください")]  # only comments
    source.lines, source.data, source.text = text.splitlines(), document.data if document else None, text
    return document, found


def _recover(text: str, parsed: "_Parsed", source: SourceMap, found: list[DataError]) -> Optional[Document]:
    """After a syntax error, read each top-level entry on its own: the errors of the other entries,
    and the validation of those that read cleanly, are reported in the same run."""
    chunks = _top_level_entries(text)
    if len(chunks) < 2:
        return None
    error_line = parsed.syntax_error.line
    data: dict = {}
    first_lines: dict = {}
    trusted: set = set()
    failed: list[tuple] = []
    for first, last in chunks:
        piece = "\n" * (first - 1) + "\n".join(text.splitlines()[first - 1 : last]) + "\n"
        part = _Builder(source, [], replaced=FORBIDDEN.search(piece) is not None).build(FORBIDDEN.sub("\ufffd", piece))
        if part.syntax_error:
            if not first <= error_line <= last:
                explained = [e for e in text_checks.structure_slips(piece, source.file, part.literal_lines)
                             if e.line <= part.syntax_error.line]
                found.extend(explained or [part.syntax_error])
            continue
        if not isinstance(part.data, dict):
            continue
        for key, value in part.data.items():
            if key in data:
                found.append(DataError(source.file, first, 1, format_path((key,)),
                                       f"キー「{key}」が同じ場所に2回書かれています（最初は {first_lines[key]} 行目）。1つにまとめてください"))
                continue
            data[key], first_lines[key] = value, first
            trusted.add(key)
        found.extend(e for e in part.errors if e not in found)
        failed.extend(part.failed)
    return Document(data, source, tuple(failed), frozenset(trusted)) if trusted else None


_FLOW_MARKS = re.compile(r"[\[\]{}]|\n(?=[^\s#\]}-])")  # brackets, and the start of a top-level key
_FLOW_SCAN_LIMIT = 1000


def _runaway_flow(text: str) -> Optional[int]:
    """Where brackets begin to nest too deep, if they nest so deep (counted without regard to
    quotes, within one top-level entry) that the parser must not see them; else None. Depths
    between MAX_DEPTH and the limit are found exactly by the builder."""
    depth, start = 0, 0
    for mark in _FLOW_MARKS.finditer(text):
        char = mark.group()
        if char in "[{":
            depth += 1
            if depth == MAX_DEPTH + 1:
                start = mark.start()
            elif depth > _FLOW_SCAN_LIMIT:
                return start
        elif char in "]}":
            depth = max(0, depth - 1)
        else:
            depth = 0
    return None


def _top_level_entries(text: str) -> list[tuple[int, int]]:
    """(first, last) line of each top-level key's entry; comments and list items in column 0
    belong to the entry above. A document marker (---) ends what is read."""
    starts: list[int] = []
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if line.startswith(("---", "...")) and starts:
            return [(a, b - 1) for a, b in zip(starts, starts[1:] + [number])]
        if line and not line[0].isspace() and line[0] not in "#-]}":
            starts.append(number)
    return [(a, b - 1) for a, b in zip(starts, starts[1:] + [len(lines) + 1])]


@dataclass
class _Parsed:
    data: object = None
    has_root: bool = False
    syntax_error: Optional[DataError] = None
    errors: list = field(default_factory=list)  # this parse's own problems (dup keys, aliases …)
    failed: list = field(default_factory=list)  # paths whose values were lost to them
    literal_lines: set = field(default_factory=set)  # lines inside block and quoted texts


_NOTHING = object()


class _Frame:
    __slots__ = ("value", "path", "key", "skip_value")

    def __init__(self, value, path):
        self.value, self.path, self.key, self.skip_value = value, path, _NOTHING, False


_COLLECTION_TAGS = {yaml.MappingStartEvent: "tag:yaml.org,2002:map", yaml.SequenceStartEvent: "tag:yaml.org,2002:seq"}


class _Builder:
    """Plain values from the parser's events, with positions in source and problems in errors."""

    def __init__(self, source: SourceMap, errors: list[DataError], *, replaced: bool = False):
        self.source, self.found = source, errors
        self.replaced = replaced  # invisible characters stand as U+FFFD: their values are lost, already reported
        self.parsed = _Parsed()

    def problem(self, position: Position, path: tuple, message: str) -> None:
        error = DataError(self.source.file, *position, format_path(path), message)
        self.found.append(error)
        self.parsed.errors.append(error)
        self.parsed.failed.append(path)

    def build(self, text: str) -> _Parsed:
        parsed = self.parsed
        loader = _CoreLoader(text)
        try:
            self._events(loader)
        except yaml.MarkedYAMLError as exc:
            parsed.syntax_error = _syntax_error(self.source.file, exc, text)
        except yaml.YAMLError:  # pragma: no cover - every error of the parser carries a mark
            parsed.syntax_error = DataError(self.source.file, 1, 1, "", "YAML として読めません")
        finally:
            loader.dispose()
        return parsed

    def _events(self, loader) -> None:
        parsed, stack = self.parsed, []
        skipping = 0  # depth inside a subtree that is not built (too deep, or a collection as a key)
        documents = 0
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if skipping:
                if kind in _COLLECTION_TAGS:
                    skipping += 1
                elif kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                    skipping -= 1
                    if not skipping:
                        self._place(stack, None)
                continue
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self.problem(_pos(event), (), "1つのファイルに書ける内容は1つです。「---」の行から後ろを消すか、別のファイルにしてください")
                    return
                continue
            if kind in (yaml.StreamStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent):
                continue
            if kind in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                frame = stack.pop()
                self._place(stack, frame.value)
                continue
            frame = stack[-1] if stack else None
            as_key = frame is not None and type(frame.value) is dict and frame.key is _NOTHING and not frame.skip_value
            path = self._path(frame)
            if kind is yaml.AliasEvent:
                self.problem(_pos(event), path if not as_key else frame.path,
                             "アンカーとエイリアス（&名前 と *名前）は使えません。同じ内容をそのまま書いてください")
                if as_key:
                    frame.skip_value = True
                else:
                    self._place(stack, None)
                continue
            if kind is yaml.ScalarEvent:
                if event.style and event.end_mark.line > event.start_mark.line:
                    parsed.literal_lines.update(range(event.start_mark.line + 2, event.end_mark.line + 2))
                if as_key:
                    self._key(frame, event)
                elif frame is not None and frame.skip_value:
                    frame.skip_value = False
                else:
                    self.source.values[path] = _pos(event)
                    self._place(stack, self._scalar(event, path, loader))
                continue
            # the start of a mapping or a list
            if as_key:
                self.problem(_pos(event), frame.path, "キーには単純な文字列か数値を使ってください")
                frame.skip_value, skipping = True, 1
                continue
            if frame is not None and frame.skip_value:
                frame.skip_value, skipping = False, 1
                stack.append(_Frame(None, path))  # popped when the skipped subtree ends
                continue
            self.source.values[path] = _pos(event)
            if len(path) > MAX_DEPTH:
                self.problem(_pos(event), path, TOO_DEEP)
                skipping = 1
                stack.append(_Frame(None, path))
                continue
            if event.tag not in (None, "!", _COLLECTION_TAGS[kind]):
                self.problem(_pos(event), path, f"タグ「{event.tag}」は使えません。「!」で始まる書き方をやめてください")
            stack.append(_Frame({} if kind is yaml.MappingStartEvent else [], path))

    def _path(self, frame: Optional[_Frame]) -> tuple:
        if frame is None:
            return ()
        if type(frame.value) is dict:
            return frame.path + (frame.key,) if frame.key is not _NOTHING else frame.path
        return frame.path + (len(frame.value),) if type(frame.value) is list else frame.path

    def _place(self, stack: list, value) -> None:
        """A finished value goes into the collection that holds it (or becomes the document)."""
        if not stack:
            self.parsed.data, self.parsed.has_root = value, True
            return
        frame = stack[-1]
        if frame.value is None:  # the placeholder of a skipped subtree
            stack.pop()
            self._place(stack, None)
        elif type(frame.value) is dict:
            if frame.key is not _NOTHING:
                frame.value[frame.key] = value
            frame.key = _NOTHING
        else:
            frame.value.append(value)

    def _key(self, frame: _Frame, event) -> None:
        path = frame.path
        key = self._scalar(event, path, None)
        if isinstance(key, Decimal):
            key = str(key)
        if key in frame.value:
            self.problem(_pos(event), path + (key,),
                         f"キー「{key}」が同じ場所に2回書かれています（最初は {self.source.keys[path + (key,)][0]} 行目）。1つにまとめてください")
            self.parsed.failed.pop()  # the first value stands
            frame.skip_value = True
            return
        self.source.keys[path + (key,)] = _pos(event)
        frame.key = key

    def _scalar(self, event, path: tuple, loader):
        value = event.value
        tag = event.tag
        if tag in (None, "!"):
            tag = _resolve(value, event.implicit)
        if len(value) > MAX_TEXT:
            self.problem(_pos(event), path, too_long(len(value)))
            return None
        if tag == "tag:yaml.org,2002:str":
            char = first_forbidden(value) if event.style == '"' else None  # written as an escape (\u200b)
            if char:
                self.problem(_pos(event), path, forbidden_message(char, escaped=True))
                return None
            if self.replaced and "\ufffd" in value:
                self.parsed.failed.append(path)
            return value
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return value.lower() == "true"
        if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and len(value) > MAX_NUMBER_CHARS:
            self.problem(_pos(event), path, f"数値が長すぎます（{len(value):,} 文字。{MAX_NUMBER_CHARS} 文字まで）。桁数を確かめてください")
            return None
        if tag == "tag:yaml.org,2002:int":
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        if tag == "tag:yaml.org,2002:float":
            return Decimal(value)
        if tag == "tag:yaml.org,2002:timestamp":
            try:
                return _dt.date.fromisoformat("-".join(part.zfill(2) for part in value.split("-")))
            except ValueError:
                self.problem(_pos(event), path, f"「{value}」は存在しない日付です")
                return value
        self.problem(_pos(event), path, f"タグ「{tag}」は使えません。「!」で始まる書き方をやめてください")
        self.parsed.failed.pop()  # the text itself is kept, so the rest of the entry is checked
        return value


def _resolve(value: str, implicit) -> str:
    if not implicit[0]:
        return "tag:yaml.org,2002:str"
    tag = _PLAIN_TAGS.get(value)
    if tag is None:
        if len(_PLAIN_TAGS) > 100_000:
            _PLAIN_TAGS.clear()
        tag = _PLAIN_TAGS[value] = _RESOLVER.resolve(yaml.ScalarNode, value, implicit)
    return tag


def reads_as_text(text: str) -> bool:
    """Whether the text, written as a plain (unquoted) YAML scalar, reads back here as that text."""
    return _resolve(text, (True, False)) == "tag:yaml.org,2002:str"


def represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """A str representer for yaml.dump. PyYAML writes by YAML 1.1, where 「08」, 「1e3」 and
    「2026-4-1」 are texts and go unquoted; this reader follows YAML 1.2 and would read them as a
    number or a date. Such a text is written quoted."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=None if reads_as_text(text) else '"')


def _syntax_error(file: str, exc: yaml.MarkedYAMLError, text: str) -> DataError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "") + " " + (exc.context or "")
    lines = text.splitlines()
    line_text = lines[line - 1] if line <= len(lines) else ""
    at = line_text[col - 1 : col]
    explained = text_checks.explain(line_text)
    if explained:
        col, message = explained
    elif at == "\t" or "\\t" in problem:
        message = "タブ文字は使えません。字下げには半角スペースを使ってください"
    elif "while parsing a flow" in problem and exc.context_mark:  # point at the bracket that was opened
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        message = "ここで開いたかっこ「{」「[」が閉じられていないか、区切りの「,」が抜けています"
    elif "while scanning a quoted scalar" in problem and exc.context_mark:  # point at the opening quote
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        message = "ここで始まる引用符が閉じられていません。対になる引用符を書いてください"
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


def _pos(event) -> Position:
    return event.start_mark.line + 1, event.start_mark.column + 1
