"""The focus indicator measured in pixels, at a stop of the Tab walk (tabwalk.py): the same area
captured unfocused and focused; the pixels that changed by 3:1 or more must cover at least a
1 px line all round the element, or round each of its pieces when a link wraps onto two lines.
And whether the stop lies inside the window, and inside what the ancestors that clip it (a
scrolling table region) show of it."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from plansite.a11y.colour import luminances

PAD = 6  # px around the element: the ring may lie outside it (outline-offset)


def changed_by_contrast(before: Image.Image, after: Image.Image, ratio: float = 3.0) -> int:
    """How many pixels differ between the two captures by at least this contrast ratio."""
    a, b = luminances(np.asarray(before)), luminances(np.asarray(after))
    return int(np.count_nonzero(np.maximum(a, b) + 0.05 >= ratio * (np.minimum(a, b) + 0.05)))


def _capture(page, box) -> Image.Image:
    """The window as shown inside the box (viewport pixels)."""
    x0, y0, x1, y1 = box
    clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    return Image.open(io.BytesIO(page.screenshot(clip=clip, animations="disabled", caret="hide"))).convert("RGB")


def ring_visible(page, state) -> bool:
    """Capture the element focused and unfocused; True when the indicator reaches 3:1."""
    x0, y0 = max(0, state["x"] - PAD), max(0, state["y"] - PAD)
    x1, y1 = min(state["vw"], state["x"] + state["w"] + PAD), min(state["vh"], state["y"] + state["h"] + PAD)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return False
    clip = (round(x0), round(y0), round(x1), round(y1))
    focused = _capture(page, clip)
    page.evaluate("(id) => { const e = document.querySelector(`[data-audit-id=\"${id}\"]`); e.blur(); }", state["id"])
    unfocused = _capture(page, clip)
    page.evaluate("(id) => document.querySelector(`[data-audit-id=\"${id}\"]`).focus({preventScroll: true})", state["id"])
    return changed_by_contrast(unfocused, focused) >= _perimeter(state, (x0, y0, x1, y1))


def _perimeter(state, box) -> float:
    """A 1 px line round each piece of the element (a wrapped link has one per line), within the box."""
    x0, y0, x1, y1 = box
    total = 0.0
    for x, y, w, h in state["pieces"] or [(state["x"], state["y"], state["w"], state["h"])]:
        w, h = min(x + w, x1) - max(x, x0), min(y + h, y1) - max(y, y0)
        if w > 0 and h > 0:
            total += 2 * (w + h)
    return total


def inside(state, area: tuple[float, float, float, float] | None = None) -> bool:
    """Whether the stop lies in the area, the window by default (an element taller than the area:
    half of it at least)."""
    x0, y0, x1, y1 = area or (0, 0, state["vw"], state["vh"])
    width, height = x1 - x0, y1 - y0
    x, y, right, bottom = state["x"], state["y"], state["x"] + state["w"], state["y"] + state["h"]
    if state["w"] <= width and state["h"] <= height:
        return x >= x0 - 1 and y >= y0 - 1 and right <= x1 + 1 and bottom <= y1 + 1
    visible = min(bottom, y1) - max(y, y0)
    return visible >= min(state["h"], height) / 2 and x >= x0 - 1


def shown(state) -> bool:
    """Whether the stop lies in the part of the window its clipping ancestors show (state["clip"])."""
    return inside(state, tuple(state["clip"]))
