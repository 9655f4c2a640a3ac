"""The site's colours: one source for the generated CSS and for the colour checks in tests.

Every colour comes from the カラーユニバーサルデザイン推奨配色セット ver.4 (CUD), or is black,
white or a grey. Colours that carry meaning (status, category, phase) always come with text or
an icon shape as well; the tests still require them to stay apart under colour-vision
deficiency simulation and to keep their contrast.
"""

from __future__ import annotations

from dataclasses import dataclass

# CUD 推奨配色セット ver.4
CUD = {
    "red": "#ff4b00", "yellow": "#fff100", "green": "#03af7a", "blue": "#005aff", "sky": "#4dc4ff",
    "pink": "#ff8082", "orange": "#f6aa00", "purple": "#990099", "brown": "#804000",
    "light-pink": "#ffcabf", "cream": "#ffff80", "light-yellow-green": "#d8f255", "light-sky": "#bfe4ff",
    "beige": "#ffca80", "light-green": "#77d9a8", "light-purple": "#c9ace6",
    "white": "#ffffff", "light-gray": "#c8c8cb", "gray": "#84919e", "black": "#000000",
}


@dataclass(frozen=True)
class Token:
    name: str
    light: str
    dark: str


def _t(name: str, light: str, dark: str) -> Token:
    return Token(name, CUD.get(light, light), CUD.get(dark, dark))


TOKENS = (
    _t("text", "#1a1a1a", "#f0f0f0"),
    _t("page", "white", "#1e2129"),  # Material's slate background is close to this
    _t("surface", "#f3f5f8", "#262b36"),
    _t("border", "#767676", "#9aa3ae"),
    _t("link", "#0046c7", "#8ec5ff"),
    _t("focus", "purple", "#f0a8f0"),
    # Plan status badges: light tint and dark text in both schemes (dark tints of these colours
    # become indistinguishable under colour-vision deficiency), a solid edge, and a glyph.
    _t("badge-text", "#1a1a1a", "#1a1a1a"),
    _t("status-draft-bg", "beige", "beige"),
    _t("status-draft-edge", "brown", "beige"),
    _t("status-public-comment-bg", "cream", "cream"),
    _t("status-public-comment-edge", "red", "cream"),
    _t("status-adopted-bg", "light-sky", "light-sky"),
    _t("status-adopted-edge", "blue", "light-sky"),
    _t("status-superseded-bg", "light-gray", "light-gray"),
    _t("status-superseded-edge", "#5f6b77", "light-gray"),
    # Schedule phase bars.
    _t("phase-bg", "light-sky", "#163a66"),
    _t("phase-edge", "blue", "light-sky"),
    # Project categories and lineage states.
    _t("focus-bg", "light-pink", "#4d1f1a"),
    _t("focus-edge", "red", "light-pink"),
    _t("ended-bg", "light-gray", "#3a3d42"),
    # Achievement of indicators: tint plus an icon shape (circle, cross, bar, dots) and the word.
    _t("met-bg", "light-sky", "light-sky"),
    _t("met-edge", "blue", "light-sky"),
    _t("not-met-bg", "light-pink", "light-pink"),
    _t("not-met-edge", "red", "light-pink"),
    _t("undetermined-bg", "light-gray", "light-gray"),
    _t("undetermined-edge", "#5f6b77", "light-gray"),
    # The city's grades (市の評価): one tint for every grade, so colour says only "this is the
    # city's word"; the grade itself is its symbol, its name and the filled steps of its meter.
    _t("grade-bg", "light-purple", "light-purple"),
    _t("grade-edge", "purple", "light-purple"),
    # Indicator charts: actuals as bars, targets as diamonds on a dashed line (shape, not hue).
    _t("chart-actual", "blue", "sky"),
    _t("chart-target", "#1a1a1a", "#f0f0f0"),
    _t("chart-grid", "#767676", "#9aa3ae"),
)

BY_NAME = {token.name: token for token in TOKENS}

# (foreground, background, minimum contrast): text needs 4.5:1, graphics and edges 3:1.
CONTRAST_PAIRS = (
    ("text", "page", 4.5), ("text", "surface", 4.5), ("link", "page", 4.5), ("link", "surface", 4.5),
    ("border", "page", 3.0), ("focus", "page", 3.0), ("focus", "surface", 3.0),
    ("badge-text", "status-draft-bg", 4.5), ("status-draft-edge", "page", 3.0),
    ("badge-text", "status-public-comment-bg", 4.5), ("status-public-comment-edge", "page", 3.0),
    ("badge-text", "status-adopted-bg", 4.5), ("status-adopted-edge", "page", 3.0),
    ("badge-text", "status-superseded-bg", 4.5), ("status-superseded-edge", "page", 3.0),
    ("text", "phase-bg", 4.5), ("phase-edge", "page", 3.0), ("phase-edge", "phase-bg", 3.0),
    ("text", "focus-bg", 4.5), ("focus-edge", "page", 3.0),
    ("text", "ended-bg", 4.5),
    ("badge-text", "met-bg", 4.5), ("met-edge", "page", 3.0),
    ("badge-text", "not-met-bg", 4.5), ("not-met-edge", "page", 3.0),
    ("badge-text", "undetermined-bg", 4.5), ("undetermined-edge", "page", 3.0),
    ("badge-text", "grade-bg", 4.5), ("grade-edge", "page", 3.0),
    ("chart-actual", "page", 3.0), ("chart-target", "page", 4.5), ("chart-grid", "page", 3.0),
)

# Colours that tell things apart; each group must stay distinguishable under CVD simulation.
DISTINCT_GROUPS = {
    "計画の状態（背景）": ("status-draft-bg", "status-public-comment-bg", "status-adopted-bg", "status-superseded-bg"),
    "計画の状態（枠）": ("status-draft-edge", "status-public-comment-edge", "status-adopted-edge", "status-superseded-edge"),
    "事業の区分": ("phase-bg", "focus-bg"),
    "達成状況（背景）": ("met-bg", "not-met-bg", "undetermined-bg"),
    "達成状況（枠）": ("met-edge", "not-met-edge", "undetermined-edge"),
}


def css() -> str:
    """CSS custom properties for both schemes (the light scheme is Material's default)."""
    light = "\n".join(f"  --plan-{t.name}: {t.light};" for t in TOKENS)
    dark = "\n".join(f"  --plan-{t.name}: {t.dark};" for t in TOKENS)
    return (
        "/* Generated from macros/render/palette.py: edit colours there. */\n"
        f":root, [data-md-color-scheme=\"default\"] {{\n{light}\n}}\n"
        f"[data-md-color-scheme=\"slate\"] {{\n{dark}\n}}\n"
    )
