"""A screen-reader reading of each kind of page (a 事業, the indicators, the roadmap, the glossary,
the lineage): the accessibility tree of the main content must match its reviewed golden file in
tests/reading/. When a change to the reading is intended, read the new text as a listener would
and update the files deliberately:

    UPDATE_READING=1 .venv/bin/python -m pytest tests/test_reading.py
"""

from __future__ import annotations

import difflib
import os

import pytest

from scripts.accessibility import reading
from scripts.accessibility.browser import chromium
from scripts.accessibility.server import serve


@pytest.fixture(scope="module")
def reader(built_site):
    with serve(built_site.path) as base, chromium() as browser:
        context = browser.new_context(viewport={"width": reading.WIDTH, "height": 900}, locale="ja-JP")
        page = context.new_page()
        yield lambda url: reading.read(page, base, url)
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind", sorted(reading.PAGES))
def test_screen_reader_reading_matches_the_reviewed_golden_file(reader, kind):
    text = reader(reading.PAGES[kind])
    path = reading.golden(kind)
    if os.environ.get("UPDATE_READING"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} がありません。UPDATE_READING=1 で作り、内容を読んで確かめてください。"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), "golden", "now", n=1))
        pytest.fail(f"{reading.PAGES[kind]} の読み上げ（アクセシビリティツリー）が変わりました。意図した変更なら、"
                    f"読み上げを確かめてから UPDATE_READING=1 .venv/bin/python -m pytest tests/test_reading.py で更新してください。\n{diff[:4000]}")
