"""The search index as a JavaScript file, so that it loads with a <script> tag even from file://,
where browsers refuse fetch() of a JSON file."""

from __future__ import annotations

import json

from .records import Record

INDEX_PATH = "search/plan-search-index.js"
FORMAT = 1  # bump when the row layout in Record.row changes; plan-search.js checks it


def index_script(records: list[Record]) -> str:
    """Deterministic: records in URL order, Japanese stored as UTF-8, not as \\uXXXX escapes."""
    rows = [record.row() for record in sorted(records, key=lambda r: r.url)]
    data = json.dumps({"format": FORMAT, "records": rows}, ensure_ascii=False, separators=(",", ":"))
    # U+2028/2029 are line ends for older JavaScript parsers; keep them escaped.
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.planSearchIndex({data});\n"
