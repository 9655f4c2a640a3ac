"""Colour arithmetic for the colour checks: WCAG contrast, CIEDE2000, and CVD simulation.

Used by the tests and the audit (numpy and colorspacious are test dependencies, not build ones).
"""

from __future__ import annotations

import math

import numpy as np
from colorspacious import cspace_convert


def rgb(hex_colour: str) -> tuple[float, float, float]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: tuple[float, float, float]) -> float:
    r, g, b = (_linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def luminances(pixels: np.ndarray) -> np.ndarray:
    """Relative luminance of each pixel of an array of 8-bit sRGB values (..., 3)."""
    c = np.asarray(pixels, dtype=np.float64)[..., :3] / 255
    c = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(rgb(a)), luminance(rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def simulate(colour: tuple[float, float, float], deficiency: str) -> tuple[float, float, float]:
    """sRGB as seen with full protanopia / deuteranopia / tritanopia (Machado et al. 2009)."""
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    out = np.clip(cspace_convert(np.array(colour), space, "sRGB1"), 0, 1)
    return tuple(float(v) for v in out)


def lab(colour: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (_linear(c) for c in colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dhp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lp, cp = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp = (h1p + h2p) / 2
    else:
        hp = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp - 30)) + 0.24 * math.cos(math.radians(2 * hp))
         + 0.32 * math.cos(math.radians(3 * hp + 6)) - 0.20 * math.cos(math.radians(4 * hp - 63)))
    d_theta = 30 * math.exp(-(((hp - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cp**7 / (cp**7 + 25**7))
    sl = 1 + 0.015 * (lp - 50) ** 2 / math.sqrt(20 + (lp - 50) ** 2)
    sc, sh = 1 + 0.045 * cp, 1 + 0.015 * cp * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhp / sh) ** 2 + rt * (dc / sc) * (dhp / sh))


def distance(a: str, b: str, deficiency: str | None = None) -> float:
    ca, cb = rgb(a), rgb(b)
    if deficiency:
        ca, cb = simulate(ca, deficiency), simulate(cb, deficiency)
    return ciede2000(lab(ca), lab(cb))


DEFICIENCIES = (None, "protanomaly", "deuteranomaly", "tritanomaly")
MIN_DISTANCE = 8.0  # CIEDE2000; below about this, flat colour patches start to look alike


def palette_problems() -> tuple[int, list[str]]:
    """Check every meaningful colour pair of the palette: (number of checks, problems)."""
    from ..render.palette import BY_NAME, CONTRAST_PAIRS, DISTINCT_GROUPS

    checks, problems = 0, []
    for scheme in ("light", "dark"):
        for foreground, background, minimum in CONTRAST_PAIRS:
            checks += 1
            ratio = contrast(getattr(BY_NAME[foreground], scheme), getattr(BY_NAME[background], scheme))
            if ratio < minimum:
                problems.append(f"{foreground} / {background}（{scheme}）のコントラスト比 {ratio:.2f}:1 が {minimum}:1 未満です")
        for group, names in DISTINCT_GROUPS.items():
            for deficiency in DEFICIENCIES:
                for i, a in enumerate(names):
                    for b in names[i + 1 :]:
                        checks += 1
                        d = distance(getattr(BY_NAME[a], scheme), getattr(BY_NAME[b], scheme), deficiency)
                        if d < MIN_DISTANCE:
                            problems.append(f"{group}: {a} と {b}（{scheme}, {deficiency or '一般色覚'}）の色差 {d:.1f} が {MIN_DISTANCE} 未満です")
    return checks, problems
