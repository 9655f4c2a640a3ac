"""Compact JSON written a piece at a time. A download of thousands of 事業 made as one document
and one string would hold the whole file several times over (the dicts, the text, its bytes);
a Streamed value is made and written one element at a time instead. The text is the same as
json.dumps(..., ensure_ascii=False, separators=(",", ":")) of the whole."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Iterator


@dataclass(frozen=True)
class Streamed:
    """A JSON array of items, or with pairs=True an object of (key, value) pairs with text keys
    (ids), whose elements are made only as they are written."""

    items: Iterable[Any]
    pairs: bool = False


@dataclass(frozen=True)
class Written:
    """A value already written as JSON text (written()): a piece the preview keeps between
    rebuilds (base.kept) is kept as its text, not written again."""

    text: str


def written(value: Any) -> Written:
    return Written(_dumps(value))


def json_chunks(value: Any) -> Iterator[str]:
    """The pieces of value's JSON text; a dict with a Streamed value is written key by key."""
    if isinstance(value, Written):
        yield value.text
    elif isinstance(value, Streamed):
        yield "{" if value.pairs else "["
        for number, item in enumerate(value.items):
            if number:
                yield ","
            if value.pairs:
                key, item = item
                yield _dumps(key) + ":"
            yield from json_chunks(item)
        yield "}" if value.pairs else "]"
    elif isinstance(value, dict) and any(isinstance(item, Streamed) for item in value.values()):
        yield "{"
        for number, (key, item) in enumerate(value.items()):
            yield ("," if number else "") + _dumps(key) + ":"
            yield from json_chunks(item)
        yield "}"
    else:
        yield _dumps(value)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
