"""The audit finds what it is meant to find: a page with known problems fails it, each engine and
check naming its rule, and the record says what ran where."""

from __future__ import annotations

import re

import pytest

from plansite.a11y.report import evaluate
from playwright.sync_api import Error as PlaywrightError

from scripts.accessibility import htmlcs, ibm, tooltip
from scripts.accessibility.browser import chromium
from scripts.accessibility.server import serve
from scripts.accessibility.run import STEPS, audit, failures

pytestmark = pytest.mark.browser  # every test here audits pages in Chromium

BAD_PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>同じ題</title>
<style>.faint { color: #bbbbbb; } .wide { width: 900px; } .bare:focus { outline: none; }
.plan-term__tip { display: none; } .plan-term:focus-within .plan-term__tip { display: block; }</style></head>
<body><div class="md-sidebar md-sidebar--primary"><nav aria-label="メニュー"><button type="button" data-plan-toggle="x" aria-label="節の下のページ" aria-expanded="false">▸</button></nav></div>
<main><article><h1>試験用</h1>
<p class="faint">薄い文字</p>
<p><span class="plan-term"><a class="plan-term__link" href="#x" aria-describedby="t1">RPA</a><span class="plan-term__tip" role="tooltip" id="t1">自動化の技術</span></span></p><img src="x.png"><img src="https://cdn.example.com/logo.png" alt="外部の画像"><div class="wide">横に長い</div>
<p><button class="bare" type="button">押す</button> <span tabindex="0" class="unnamed"></span></p>
<div class="plan-table-wrap"><table><caption>横に長い表の見出し</caption><tr><th scope="col">列</th></tr><tr><td style="min-width: 1200px">長い</td></tr></table></div>
<div style="overflow-x: auto; width: 200px"><p style="width: 600px; margin: 0"><span style="display: inline-block; width: 150px"></span><a href="#z" style="white-space: nowrap">枠で切れるリンク</a></p></div>
<div id="stuck" style="overflow-x: auto; width: 200px"><table style="width: 600px"><tr><th style="position: sticky; left: 0; min-width: 150px; background: #fff">行の見出し</th><td style="min-width: 400px"><a href="#s">見出しの下のリンク</a></td></tr></table></div>
<script>document.getElementById("stuck").scrollLeft = 120;</script>
<p><input class="trap" aria-label="罠" onkeydown="if (event.key === 'Tab') event.preventDefault()"></p>
</article></main></body></html>"""

GOOD_PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>同じ題</title></head>
<body><main><article><h1>試験用</h1><p>読める文字</p></article></main></body></html>"""


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    site = tmp_path_factory.mktemp("badsite")
    (site / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    (site / "ok").mkdir()
    (site / "ok" / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    return audit(site, progress=lambda message: None, workers=1)


def checks_found(page, width=None):
    return {p.check for p in page.findings if width is None or p.width == width}


def test_axe_contrast_and_missing_alternative_text_are_reported(results):
    home = results.pages[0]
    rules = {rule.id for run in home.axe.values() for rule in run.violations}
    assert {"color-contrast", "image-alt"} <= rules
    assert home.axe["360-light"].violations


def test_a_request_outside_the_site_is_reported(results):
    assert results.external_requests == ["https://cdn.example.com/logo.png"]
    assert "外部への通信: https://cdn.example.com/logo.png" in failures(results)


def test_the_audits_browser_reaches_the_loopback_address_and_no_name(tmp_path):
    (tmp_path / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    with serve(tmp_path) as base, chromium(loopback_only=True) as browser:
        page = browser.new_page()
        page.goto(base + "/")
        assert page.title() == "同じ題"
        # even "localhost", which the machine itself would resolve, is refused
        with pytest.raises(PlaywrightError, match="ERR_NAME_NOT_RESOLVED"):
            page.goto(base.replace("127.0.0.1", "localhost") + "/")


def test_page_level_horizontal_scroll_at_320px_is_reported(results):
    assert "reflow" in checks_found(results.pages[0])
    assert "reflow" not in checks_found(results.pages[1])


def test_tooltip_that_esc_cannot_close_is_reported(results):
    problems = [p for p in results.pages[0].findings if p.check == "tooltip"]
    assert problems and "Esc" in problems[0].message


def test_missing_skip_link_and_duplicate_titles_are_reported(results):
    assert {"skip-link", "unique-title"} <= checks_found(results.pages[0])


def test_html_codesniffer_and_ibm_report_the_image_without_alternative_at_both_widths(results):
    home = results.pages[0]
    for key, rule in [(htmlcs.KEY, "H37"), (ibm.KEY, "img_alt_valid")]:
        assert set(home.engines[key]) == {360, 1280}
        for width, run in home.engines[key].items():
            found = [f for f in run.findings if rule in f.rule]
            assert found and "1.1.1" in found[0].criteria, (key, width, [f.rule for f in run.findings])
    lines = failures(results)
    assert any(re.match(r"/ \[360px\] htmlcs:\S*H37 ", line) for line in lines)
    assert any(line.startswith("/ [1280px] ibm:img_alt_valid ") for line in lines)


def test_a_tab_stop_without_a_visible_focus_indicator_or_a_name_is_reported_at_every_width(results):
    home = results.pages[0]
    for width in (360, 1024, 1280):
        problems = {(p.check, p.element) for p in home.findings if p.width == width}
        assert ("focus-contrast", "押す") in problems, width
        assert any(check == "accessible-name" for check, _ in problems), width


def test_one_walk_finds_both_a_missing_ring_and_a_keyboard_trap_at_phone_and_desktop_width(results):
    home = results.pages[0]
    for width in (360, 1280):
        problems = {(p.check, p.element) for p in home.findings if p.width == width}
        assert ("focus-visible", "押す") in problems, width  # the Tab walk's half
        assert ("keyboard-trap", "罠") in problems, width
        assert ("focus-contrast", "押す") in problems, width  # the focus walk's half, from the same stops
    assert {"tab-walk", "focus"} <= set(home.checks)


def test_a_tab_stop_cut_off_by_the_scrolling_region_around_it_is_reported(results):
    # The link lies partly beyond the right edge of its region; the browser does not scroll the
    # region for it, so the person sees half a link and half a focus ring.
    for width in (360, 1024, 1280):
        found = [p for p in results.pages[0].findings if p.check == "tab-stop-in-view" and p.width == width]
        assert [p.element for p in found] == ["枠で切れるリンク"], width  # inside the window: only the region hides it
        assert "枠の外に隠れています" in found[0].message
    assert not [p for p in results.pages[1].findings if p.check == "tab-stop-in-view"]


def test_a_tab_stop_under_a_sticky_row_heading_of_its_table_is_reported(results):
    # The table is scrolled so that the link lies under the row heading stuck at the left: inside
    # its region and the window, so only the look at what is on top of it finds it.
    for width in (360, 1280):
        found = [p for p in results.pages[0].findings if p.width == width and p.element == "見出しの下のリンク"]
        assert [p.check for p in found if p.check.startswith("focus-obscured")] == ["focus-obscured"], width
        assert "見出しの行か列）の下に隠れています" in next(p.message for p in found if p.check == "focus-obscured")
    assert not [p for p in results.pages[1].findings if p.check == "focus-obscured"]


def test_a_page_without_a_menu_button_fails_the_menu_check_where_the_menu_is_a_drawer(results):
    drawer = [p for p in results.pages[0].findings if p.check == "menu-keyboard" and p.width in (360, 1024)]
    assert {p.width for p in drawer} == {360, 1024} and all("メニューのボタンに届きません" in p.message for p in drawer)


def test_a_section_button_of_the_side_menu_that_space_does_not_open_is_reported_at_desktop_width(results):
    side = [p for p in results.pages[0].findings if p.check == "menu-keyboard" and p.width == 1280]
    assert [(p.element, p.message) for p in side] == [("節の下のページ", "サイドのメニューの節のボタンを Space で押しても開閉しません（aria-expanded）")]
    assert not [p for p in results.pages[1].findings if p.check == "menu-keyboard" and p.width == 1280]  # no side menu: nothing to operate


def test_a_wide_table_without_a_scroll_cue_is_reported(results):
    assert "wide-table-cue" in checks_found(results.pages[0], 360)
    assert "wide-table-cue" not in checks_found(results.pages[1])


def test_a_caption_that_scrolls_away_with_its_wide_table_is_reported(results):
    found = [p for p in results.pages[0].findings if p.check == "wide-table-cue" and "見出し（caption）" in p.message]
    assert 360 in {p.width for p in found} and found[0].element == "横に長い表の見出し"  # the table fits at 1,280 px


def test_tooltip_checks_run_only_on_pages_with_glossary_terms(results):
    bad, good = results.pages
    assert {"tooltip", "tooltip-placement"} <= set(bad.checks)
    assert not {"tooltip", "tooltip-placement"} & set(good.checks)


def test_the_record_names_the_engines_their_criteria_the_noise_list_and_the_widths(results):
    engines = {engine.key: engine for engine in results.engines}
    assert set(engines) == {"htmlcs", "ibm"}
    assert "1.1.1" in engines["ibm"].criteria and "4.1.2" in engines["htmlcs"].criteria
    assert all(entry.reason for entry in results.noise)
    assert results.widths["focus"] == [360, 1024, 1280] and results.widths["reflow"] == [320]
    assert results.widths["menu"] == [360, 1024, 1280] and results.widths["htmlcs"] == results.widths["ibm"] == [360, 1280]
    assert results.widths["tab-walk"] == results.widths["tooltip"] == results.widths["tooltip-placement"] == [360, 1280]
    assert set(results.scopes) >= {step.name for step in STEPS} and results.selected == []


def test_a_quick_run_records_only_the_checks_it_was_limited_to(tmp_path):
    (tmp_path / "index.html").write_text(GOOD_PAGE, encoding="utf-8")
    quick = audit(tmp_path, progress=lambda message: None, workers=1, checks=["menu"])
    assert quick.selected == ["menu"] and quick.widths["menu"] == [360, 1024, 1280]
    assert set(quick.scopes) == {"menu", "nu-html", "unique-title"} and quick.engines == []
    assert quick.pages[0].checks == ["menu", "nu-html", "unique-title"]


def test_failures_name_page_rule_and_element(results):
    lines = failures(results)
    assert any(line.startswith("/ [360-light] axe:image-alt img") for line in lines)


def test_checklist_marks_the_failed_criteria(results):
    verdicts = {row.criterion.number: row.verdict for row in evaluate(results)}
    assert verdicts["1.1.1"] == "不適合"
    assert verdicts["1.4.3"] == "不適合"
    assert verdicts["2.4.7"] == "不適合"  # the pixel-measured focus indicator
    assert verdicts["1.2.1"] == "非適用"
    assert verdicts["3.3.4"] == "未確認（人による確認が必要）"


def test_html_codesniffer_criteria_are_those_its_sniffs_can_fail():
    """htmlcs.CRITERIA lists the criteria whose WCAG2AA sniffs report errors or warnings (the
    others only give notices for a person); read again from the sniffs' sources."""
    standards = htmlcs.HTMLCS_DIR / "Standards"
    included = re.findall(r"'(Principle\d\.Guideline[\d_]+\.([\d_]+))'", (standards / "WCAG2AA" / "ruleset.js").read_text(encoding="utf-8"))
    failing = set()
    for name, number in included:
        source = (standards / "WCAG2AAA" / "Sniffs" / f"{name.replace('.', '/')}.js").read_text(encoding="utf-8")
        if re.search(r"HTMLCS\.(ERROR|WARNING)", source):
            failing.add(".".join(number.split("_")[:3]))
    assert failing - {"1.4.10"} == set(htmlcs.CRITERIA)  # 1.4.10's only warning is noise everywhere (noise.py)


LATE_TIP_PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>遅れて置かれる説明</title>
<style>.plan-term { position: relative; } .plan-term__link { display: inline-block; width: 10em; }
.plan-term__tip { display: none; position: absolute; left: 0; top: 0; width: 10em; }
.plan-term:hover .plan-term__tip, .plan-term:focus-within .plan-term__tip { display: block; } .plan-term__tip.placed { top: 100%; }</style></head>
<body><main><article><h1>試験用</h1><p style="margin-top: 1500px"><span class="plan-term"><a class="plan-term__link" href="#x" aria-describedby="t1">RPA</a>
<span class="plan-term__tip" role="tooltip" id="t1">自動化の技術</span></span></p><p style="height: 1500px"></p>
<script>
// Shown over its term at first. One frame after focus the page scrolls by a pixel, and places the
// explanation below its term from that scroll's event, in an animation frame callback: the way
// plan-terms.js places a shown explanation again after a scroll.
const tip = document.getElementById("t1");
let target = null;
document.addEventListener("focusin", () => requestAnimationFrame(() => { target = scrollY + 1; scrollBy(0, 1); }));
document.addEventListener("scroll", () => {
  if (scrollY === target) requestAnimationFrame(() => tip.classList.add("placed"));
});
</script></article></main></body></html>"""


def test_a_tooltip_is_judged_where_it_settles_not_in_the_frame_before_the_page_places_it(tmp_path):
    (tmp_path / "index.html").write_text(LATE_TIP_PAGE, encoding="utf-8")
    with serve(tmp_path) as base, chromium(loopback_only=True) as browser:
        page = browser.new_page(viewport={"width": 360, "height": 900})
        page.goto(base + "/")
        assert tooltip.check(page) == []
        assert page.evaluate("() => document.getElementById('t1').classList.contains('placed')")
