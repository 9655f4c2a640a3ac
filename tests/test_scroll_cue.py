"""The scroll cue of plan-table.js on a page of many tables (the printable plan): every table
wider than its region, and only those, says so above itself and takes a Tab stop, also after the
window is widened. The cues are set for all tables at once (measured first, then
changed), so this checks that batching kept each cue with its own table. And a Tab stop in a
wide table is scrolled into its region, not left cut off at its edge nor under its headings, also
when it is too wide for the room beside them. The heading seen above the row headings of a
scrolled table is theirs, also when a column of numbers comes first."""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest

from scripts.accessibility.browser import chromium
from scripts.accessibility.server import serve

from conftest import ROOT, phone

PAGE = "hadano-dx/print/plan/"

# Per region: whether its table is wider than it, whether its own cue (the paragraph just
# before it) is shown, and whether it is a Tab stop.
_CUES = """() => [...document.querySelectorAll('.plan-table-wrap')].map(r => ({
  wide: r.scrollWidth > r.clientWidth + 1,
  cue: !!(r.previousElementSibling && r.previousElementSibling.matches('.plan-scroll-hint') && !r.previousElementSibling.hidden),
  stop: r.getAttribute('tabindex') === '0'}))"""


@pytest.mark.browser
def test_only_the_wide_tables_of_a_page_show_the_cue_and_take_a_tab_stop(built_site):
    with phone(built_site, PAGE) as page:
        phone_cues = page.evaluate(_CUES)
        assert len(phone_cues) > 10
        assert any(r["wide"] for r in phone_cues) and not all(r["wide"] for r in phone_cues)
        assert all(r["cue"] == r["wide"] and r["stop"] == r["wide"] for r in phone_cues)
        page.set_viewport_size({"width": 1920, "height": 900})
        # the cues follow the new width, each still on its own table
        page.wait_for_function(f"() => ({_CUES})().every(r => r.cue === r.wide && r.stop === r.wide)")


# The first region with Tab stops beyond its right edge (on a phone, the sort buttons of the last
# columns), marked; the number of its Tab stops.
_WIDE_REGION = """() => {
  for (const region of document.querySelectorAll('.plan-table-wrap.is-scrollable')) {
    const right = region.getBoundingClientRect().left + region.clientLeft + region.clientWidth;
    const stops = [...region.querySelectorAll('a[href], button, summary')];
    if (stops.some(e => e.getBoundingClientRect().right > right)) { region.setAttribute('data-test-region', ''); return stops.length; }
  }
  return 0;
}"""
# The focused element once its region has stopped scrolling: its label, if its region or the
# window cuts it off or something lies on its middle (the table's sticky headings); "" if it is
# shown whole.
_CUT_OFF = """async () => {
  const e = document.activeElement, region = document.querySelector('[data-test-region]');
  let last = null;
  for (let i = 0; i < 30 && [region.scrollLeft, region.scrollTop].join() !== last; i++) {
    last = [region.scrollLeft, region.scrollTop].join();
    await new Promise(requestAnimationFrame);
  }
  const r = e.getBoundingClientRect(), b = region.getBoundingClientRect(), left = b.left + region.clientLeft;
  const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
  const onTop = hit && !(hit === e || e.contains(hit) || hit.contains(e));
  return r.left >= left && r.right <= left + region.clientWidth && r.right <= innerWidth && !onTop ? "" : e.textContent.trim();
}"""


@pytest.mark.browser
def test_every_tab_stop_of_a_wide_table_is_shown_whole_and_clear_of_its_headings_on_a_phone(built_site):
    with phone(built_site, "hadano-dx/projects/") as page:
        stops = page.evaluate(_WIDE_REGION)
        assert stops, "no table of this page has Tab stops beyond its edge at 360 px"
        page.focus("[data-test-region]")  # the region's own Tab stop, just before its content
        cut = []
        count = min(stops, 30)  # the heading row's sort buttons and the first rows, there and back
        for key in ["Tab"] * count + ["Shift+Tab"] * (count - 1):
            page.keyboard.press(key)
            cut.append(page.evaluate(_CUT_OFF))
        assert [label for label in cut if label] == []


# Each wide table whose row headings follow a column of numbers, scrolled to its far end: the
# heading cell seen at its left edge, and whether the cell seen there in its first row is a row
# heading and the heading is the one of their column.
_LEFT_EDGE = """async () => {
  const tables = [...document.querySelectorAll('.plan-table-wrap.is-scrollable')]
    .filter(r => r.querySelector('tbody tr > td:first-child + th[scope="row"]'));
  for (const r of tables) r.scrollLeft = r.scrollWidth;
  await new Promise(requestAnimationFrame);
  await new Promise(requestAnimationFrame);
  const seen = (x, y) => { const hit = document.elementFromPoint(x, y); return hit && hit.closest('th, td'); };
  return tables.map(r => {
    r.scrollIntoView({block: 'start'});
    const x = r.getBoundingClientRect().left + r.clientLeft + 8, row = r.querySelector('tbody tr');
    const heading = seen(x, r.querySelector('thead tr').getBoundingClientRect().top + 4);
    const cell = seen(x, row.getBoundingClientRect().top + 4);
    return {heading: heading && heading.textContent.trim(), rowHeading: cell && cell.matches('th[scope="row"]'),
            names: r.querySelector('tbody th[scope="row"]').cellIndex === (heading ? heading.cellIndex : -1)};
  });
}"""


@pytest.mark.browser
@pytest.mark.parametrize("url", ["hadano-dx/projects/", "hadano-dx/lineage/"])
def test_the_heading_seen_above_the_row_headings_of_a_scrolled_table_names_them(built_site, url):
    with phone(built_site, url) as page:
        edges = page.evaluate(_LEFT_EDGE)
    assert edges, "no wide table of this page has its row headings after a column of numbers"
    assert all(edge["rowHeading"] and edge["names"] for edge in edges), edges


# A table as the generator writes one, with the site's own stylesheet and script: a long corner
# heading, short row headings and, in the next column, links of one unbreakable word each. The
# text may be enlarged (a reader's setting): the row headings' least width grows with it.
_ASSETS = ROOT / "overrides" / "assets"
_TABLE = """<!doctype html><html lang="ja" style="font-size: {size}%"><head><meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="stylesheets/plan.css"></head><body><div class="md-typeset">
<div class="plan-table-wrap" role="region" aria-labelledby="c"><table class="plan-table"><caption id="c">試験したページ</caption>
<thead><tr><th scope="col">ページ（リンク先が試験したページ）</th><th scope="col">時間のかかる試験</th><th scope="col">結果</th></tr></thead>
<tbody>{rows}</tbody>
</table></div></div><script src="javascripts/plan-table.js"></script></body></html>"""


_ROW = '<tr><th scope="row"><a id="h{n}" href="#p{n}">その他</a></th><td>同じ種類の <a id="l{n}" href="#q{n}">{link}</a> で実施</td><td>問題なし</td></tr>'


@contextmanager
def table_page(folder, link: str, size: int = 100):
    """The table at 360 px, its links reading link, its text at size %."""
    shutil.copytree(_ASSETS, folder, dirs_exist_ok=True)
    rows = "".join(_ROW.format(n=n, link=link) for n in range(3))
    (folder / "table.html").write_text(_TABLE.format(size=size, rows=rows), encoding="utf-8")
    with serve(folder) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 900}, locale="ja-JP")
        page.goto(f"{base}/table.html", wait_until="load")
        yield page


@pytest.mark.browser
def test_a_long_corner_heading_leaves_room_beside_the_row_headings_on_a_phone(tmp_path):
    with table_page(tmp_path, "/hadano-dx/data/") as page:
        widths = page.evaluate("""() => [document.querySelector('tbody th').getBoundingClientRect().width,
                                    document.querySelector('.plan-table-wrap').clientWidth]""")
    heading, region = widths
    assert heading <= region / 2, f"the row headings that stay in view take {heading:.0f} of {region} px"


# Where the focused link lies in its region once it has stopped moving: inside the region, and
# whether its last character is seen (not under the row headings).
_LINK_SEEN = """async () => {
  const e = document.activeElement, region = e.closest('.plan-table-wrap');
  let last = null;
  for (let i = 0; i < 30 && String(region.scrollLeft) !== last; i++) {
    last = String(region.scrollLeft);
    await new Promise(requestAnimationFrame);
  }
  const r = e.getBoundingClientRect(), b = region.getBoundingClientRect(), left = b.left + region.clientLeft;
  const hit = document.elementFromPoint(r.right - 4, (r.top + r.bottom) / 2);
  return {id: e.id, inside: r.left >= left && r.right <= left + region.clientWidth, endSeen: hit === e || e.contains(hit)};
}"""


@pytest.mark.browser
def test_a_link_wider_than_the_room_beside_the_headings_ends_in_sight_inside_its_region(tmp_path):
    # Text at 200 %: the row headings' least width leaves less room beside them than the link needs.
    with table_page(tmp_path, "/accessibility/", size=200) as page:
        link, heading, region = page.evaluate("""() => [document.getElementById('l0').getBoundingClientRect().width,
          document.querySelector('tbody th').getBoundingClientRect().width, document.querySelector('.plan-table-wrap').clientWidth]""")
        # the link is narrower than the headings: put at the region's start, it would lie wholly under them
        assert region - heading < link < heading, "the link must fit under the headings but not the room beside them"
        # each link lies under the row headings, inside the region: the browser sees no need to scroll
        page.evaluate("""() => { const r = document.querySelector('.plan-table-wrap'), l = document.getElementById('l0');
          r.scrollLeft += l.getBoundingClientRect().left - r.getBoundingClientRect().left - 20; }""")
        page.focus("#h0")
        seen = []
        for key in ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab"]:  # row heading, link, next row, and back
            page.keyboard.press(key)
            seen.append(page.evaluate(_LINK_SEEN))
    links = [stop for stop in seen if stop["id"].startswith("l")]
    assert len(links) == 3
    assert all(stop["inside"] and stop["endSeen"] for stop in links), links
