"""What a screen reader meets on each kind of page: the accessibility tree of the main content
(Playwright's aria_snapshot of <article>), kept as reviewed golden files in tests/reading/.

Update them deliberately, after reading the new text as a listener would:
    UPDATE_READING=1 .venv/bin/python -m pytest tests/test_reading.py
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "reading"
# The reader's date: inside 秦野市's public comment period, as the test build (PLANSITE_TODAY).
TODAY = "2025-12-01T10:00:00+09:00"
PAGES = {
    "project": "hadano-dx/projects/1-1/",
    "indicators": "sagamihara-ict-1/indicators/",
    "roadmap": "hadano-dx/roadmap/",
    "glossary": "hadano-dx/glossary/",
    "lineage": "hadano-dx/lineage/",
}
WIDTH = 1280


def golden(kind: str) -> Path:
    return GOLDEN / f"{kind}.yaml"


def read(page, base: str, url: str) -> str:
    page.clock.set_fixed_time(TODAY)
    page.goto(f"{base}/{url}", wait_until="load")
    text = page.locator("article").aria_snapshot()
    # Tooltip ids are numbered per page; the number says nothing to a listener.
    return re.sub(r"term-tip-\d+", "term-tip-N", text) + "\n"
