"""Colours that carry meaning keep their contrast and stay apart for every kind of colour vision."""

from __future__ import annotations

import pytest

from colour_math import contrast, distance
from macros.render.palette import BY_NAME, CONTRAST_PAIRS, DISTINCT_GROUPS, css

SCHEMES = ("light", "dark")
DEFICIENCIES = (None, "protanomaly", "deuteranomaly", "tritanomaly")
MIN_DISTANCE = 8.0  # CIEDE2000; below about this, flat colour patches start to look alike


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("foreground, background, minimum", CONTRAST_PAIRS)
def test_contrast(scheme, foreground, background, minimum):
    ratio = contrast(getattr(BY_NAME[foreground], scheme), getattr(BY_NAME[background], scheme))
    assert ratio >= minimum, f"{foreground} / {background}（{scheme}）: {ratio:.2f}:1 < {minimum}:1"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("group", DISTINCT_GROUPS)
def test_meaningful_colours_stay_apart(group, scheme, deficiency):
    names = DISTINCT_GROUPS[group]
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            d = distance(getattr(BY_NAME[a], scheme), getattr(BY_NAME[b], scheme), deficiency)
            assert d >= MIN_DISTANCE, f"{group}: {a} と {b}（{scheme}, {deficiency or '一般色覚'}）の色差 {d:.1f} < {MIN_DISTANCE}"


def test_the_colour_check_itself_catches_lookalikes():
    # Red and green that protanopes confuse: the check must be able to fail.
    assert distance("#d62728", "#2ca02c", "protanomaly") < distance("#d62728", "#2ca02c")
    assert distance("#ff4b00", "#03af7a", "deuteranomaly") < MIN_DISTANCE * 3


def test_site_ships_the_palette(built_site):
    shipped = (built_site.path / "assets" / "stylesheets" / "palette.css").read_text(encoding="utf-8")
    assert shipped == css()
    assert 'href="../assets/stylesheets/palette.css"' in built_site.html("about")
