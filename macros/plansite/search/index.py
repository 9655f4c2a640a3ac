"""The search index as a JavaScript file, so that it loads with a <script> tag even from file://,
where browsers refuse fetch() of a JSON file."""

from __future__ import annotations

from pathlib import Path

from ..text.json_stream import Streamed, json_chunks
from .records import Record

INDEX_PATH = "search/plan-search-index.js"
FORMAT = 1  # bump when the row layout in Record.row changes; plan-search.js checks it


def write_index(records: list[Record], target: Path) -> None:
    """Deterministic: records in URL order, Japanese stored as UTF-8, not as \\uXXXX escapes.
    Written a record at a time: at thousands of 事業 the whole index as one string (and its
    copies while it is escaped and encoded) would be the build's peak of memory."""
    rows = Streamed(record.row for record in sorted(records, key=lambda r: r.url))
    with target.open("w", encoding="utf-8", newline="\n") as out:
        out.write("window.planSearchIndex(")
        for chunk in json_chunks({"format": FORMAT, "records": rows}):
            # U+2028/2029 are line ends for older JavaScript parsers; keep them escaped.
            out.write(chunk.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
        out.write(");\n")
