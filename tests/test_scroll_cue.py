"""The scroll cue of plan-table.js on a page of many tables (the printable plan): every table
wider than its region, and only those, says so above itself and takes a Tab stop, also after the
window is widened. The cues are set for all tables at once (measured first, then
changed), so this checks that batching kept each cue with its own table."""

from __future__ import annotations

import pytest

from scripts.accessibility.browser import chromium
from scripts.accessibility.server import serve

PAGE = "hadano-dx/print/plan/"

# Per region: whether its table is wider than it, whether its own cue (the paragraph just
# before it) is shown, and whether it is a Tab stop.
_CUES = """() => [...document.querySelectorAll('.plan-table-wrap')].map(r => ({
  wide: r.scrollWidth > r.clientWidth + 1,
  cue: !!(r.previousElementSibling && r.previousElementSibling.matches('.plan-scroll-hint') && !r.previousElementSibling.hidden),
  stop: r.getAttribute('tabindex') === '0'}))"""


@pytest.mark.browser
def test_only_the_wide_tables_of_a_page_show_the_cue_and_take_a_tab_stop(built_site):
    with serve(built_site.path) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 900}, locale="ja-JP")
        page.goto(f"{base}/{PAGE}", wait_until="load")
        phone = page.evaluate(_CUES)
        assert len(phone) > 10
        assert any(r["wide"] for r in phone) and not all(r["wide"] for r in phone)
        assert all(r["cue"] == r["wide"] and r["stop"] == r["wide"] for r in phone)
        page.set_viewport_size({"width": 1920, "height": 900})
        # the cues follow the new width, each still on its own table
        page.wait_for_function(f"() => ({_CUES})().every(r => r.cue === r.wide && r.stop === r.wide)")
