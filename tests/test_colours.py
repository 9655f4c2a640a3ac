"""Colours that carry meaning keep their contrast and stay apart for every kind of colour vision."""

from __future__ import annotations

from plansite.a11y import colour
from plansite.mkdocs_plugin.assets import minified
from plansite.render import palette
from plansite.render.palette import Token, css


def test_every_meaningful_colour_pair_passes():
    checks, problems = colour.palette_problems()
    assert checks > 100
    assert problems == []


def test_the_check_catches_low_contrast_and_lookalikes(monkeypatch):
    by_name = dict(palette.BY_NAME)
    by_name["text"] = Token("text", "#999999", "#999999")  # 2.8:1 on white
    by_name["status-draft-bg"] = Token("status-draft-bg", "#ffcabf", "#ffcabf")
    by_name["status-adopted-bg"] = Token("status-adopted-bg", "#ffc8bd", "#ffc8bd")  # all but the same pink
    monkeypatch.setattr(palette, "BY_NAME", by_name)
    _, problems = colour.palette_problems()
    assert any(p.startswith("text / page（light）のコントラスト比 2.85:1") for p in problems)
    assert any("status-draft-bg と status-adopted-bg（light, deuteranomaly）" in p for p in problems)


def test_cvd_simulation_merges_red_and_green():
    assert colour.distance("#d62728", "#2ca02c", "protanomaly") < colour.distance("#d62728", "#2ca02c") / 2


def test_ciede2000_matches_the_published_test_data():
    assert round(colour.ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)), 4) == 2.0425


def test_site_ships_the_palette(built_site):
    # first in the bundle of the site's own stylesheets, without the comments as the others (test_assets.py)
    shipped = (built_site.path / "assets" / "stylesheets" / "plan-site.css").read_text(encoding="utf-8")
    assert shipped.startswith(minified(css(), ".css") + "\n")
    assert 'href="../assets/stylesheets/plan-site.css"' in built_site.html("about")
