"""The audit finds what it is meant to find: a page with known problems fails it."""

from __future__ import annotations

import pytest

from plansite.a11y.report import evaluate
from scripts.accessibility.run import audit, failures

pytestmark = pytest.mark.browser  # every test here audits pages in Chromium

BAD_PAGE = """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>同じ題</title>
<style>.faint { color: #bbbbbb; } .wide { width: 900px; }
.plan-term__tip { display: none; } .plan-term:focus-within .plan-term__tip { display: block; }</style></head>
<body><main><article><h1>試験用</h1>
<p class="faint">薄い文字</p>
<p><span class="plan-term"><a class="plan-term__link" href="#x" aria-describedby="t1">RPA</a><span class="plan-term__tip" role="tooltip" id="t1">自動化の技術</span></span></p><img src="x.png"><div class="wide">横に長い</div>
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


def test_axe_contrast_and_missing_alternative_text_are_reported(results):
    home = results["pages"][0]
    rules = {rule["id"] for mode in home["axe"].values() for rule in mode["violations"]}
    assert {"color-contrast", "image-alt"} <= rules
    assert home["axe"]["360-light"]["violations"]


def test_page_level_horizontal_scroll_at_320px_is_reported(results):
    checks = [p["check"] for p in results["pages"][0]["keyboard"]]
    assert "reflow" in checks
    assert "reflow" not in [p["check"] for p in results["pages"][1]["keyboard"]]


def test_tooltip_that_esc_cannot_close_is_reported(results):
    problems = [p for p in results["pages"][0]["keyboard"] if p["check"] == "tooltip"]
    assert problems and "Esc" in problems[0]["message"]


def test_missing_skip_link_and_duplicate_titles_are_reported(results):
    checks = [p["check"] for p in results["pages"][0]["keyboard"]]
    assert "skip-link" in checks and "unique-title" in checks


def test_failures_name_page_rule_and_element(results):
    lines = failures(results)
    assert any(line.startswith("/ [360-light] axe:image-alt img") for line in lines)


def test_checklist_marks_the_failed_criteria(results):
    verdicts = {row.criterion.number: row.verdict for row in evaluate(results)}
    assert verdicts["1.1.1"] == "不適合"
    assert verdicts["1.4.3"] == "不適合"
    assert verdicts["1.2.1"] == "非適用"
    assert verdicts["3.3.4"] == "未確認（人による確認が必要）"
