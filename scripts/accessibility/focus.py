"""Every Tab stop at phone, tablet and desktop widths: inside the window, with an accessible
name, and with a focus indicator of at least 3:1 measured in pixels (the same area captured
unfocused and focused; the pixels that changed by 3:1 or more must cover at least a 1 px line
all round the element, or round each of its pieces when a link wraps onto two lines). Elements
that look alike (same tag, ring, colours) are measured once per page and width.

Each check returns a list of problems (empty when fine), each {"check", "message", "element"}.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from plansite.a11y.colour import luminances

CHECKS_RUN = ["tab-stop-in-view", "focus-contrast", "accessible-name"]
PAD = 6  # px around the element: the ring may lie outside it (outline-offset)

# The focused element: its box and pieces, and a signature of what its ring looks like (not its
# text colour, which may be mid-transition, nor its size). Waits (bounded, by frames) until
# nothing moves. Its name comes from Chromium's accessibility tree, fetched apart.
_STATE = """async () => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const frame = () => new Promise(requestAnimationFrame);
  let last = null;
  for (let i = 0; i < 30; i++) {
    const r = e.getBoundingClientRect();
    const key = [r.x, r.y, r.width, r.height].join();
    if (key === last) break;  // it has stopped moving (scrolled into view)
    last = key;
    await frame();
  }
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  let bg = 'transparent';
  for (let n = e; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor; if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } }
  if (!e.hasAttribute('data-audit-id')) e.setAttribute('data-audit-id', 'f' + Math.random().toString(36).slice(2));
  const pieces = [...e.getClientRects()].map(p => [p.x, p.y, p.width, p.height]);
  return {id: e.getAttribute('data-audit-id'), x: r.x, y: r.y, w: r.width, h: r.height, pieces, vw: innerWidth, vh: innerHeight, sx: scrollX, sy: scrollY,
          label: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().replace(/\\s+/g, ' ').slice(0, 40),
          signature: [e.tagName, e.className, s.outlineStyle, s.outlineColor, s.outlineWidth, s.outlineOffset, s.boxShadow, bg, pieces.length].join('|')};
}"""


def changed_by_contrast(before: Image.Image, after: Image.Image, ratio: float = 3.0) -> int:
    """How many pixels differ between the two captures by at least this contrast ratio."""
    a, b = luminances(np.asarray(before)), luminances(np.asarray(after))
    return int(np.count_nonzero(np.maximum(a, b) + 0.05 >= ratio * (np.minimum(a, b) + 0.05)))


def _capture(page, box) -> Image.Image:
    """The window as shown inside the box (viewport pixels)."""
    x0, y0, x1, y1 = box
    clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    return Image.open(io.BytesIO(page.screenshot(clip=clip, animations="disabled", caret="hide"))).convert("RGB")


def _ring(page, state) -> bool:
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


def _inside(state) -> bool:
    if state["w"] <= state["vw"] and state["h"] <= state["vh"]:
        return state["x"] >= -1 and state["y"] >= -1 and state["x"] + state["w"] <= state["vw"] + 1 and state["y"] + state["h"] <= state["vh"] + 1
    visible = min(state["y"] + state["h"], state["vh"]) - max(state["y"], 0)
    return visible >= min(state["h"], state["vh"]) / 2 and state["x"] >= -1


_MARK = """() => {
  const selector = 'a[href], button, select, input:not([type=hidden]), textarea, summary, [tabindex]';
  let n = 0;
  for (const e of document.querySelectorAll(selector)) e.setAttribute('data-audit-id', 'n' + (n++));
}"""


def _names(page) -> dict:
    """Accessible name of each element that can take focus, by its data-audit-id, from
    Chromium's own accessibility tree (two calls: the tree, and the document with its attributes)."""
    page.evaluate(_MARK)
    session = page.context.new_cdp_session(page)
    try:
        by_backend = {}
        for node in session.send("Accessibility.getFullAXTree")["nodes"]:
            if "backendDOMNodeId" in node and not node.get("ignored"):
                by_backend[node["backendDOMNodeId"]] = (node.get("name") or {}).get("value", "").strip()
        names = {}
        stack = [session.send("DOM.getDocument", {"depth": -1})["root"]]
        while stack:
            node = stack.pop()
            stack += node.get("children", [])
            attributes = dict(zip(node.get("attributes", [])[::2], node.get("attributes", [])[1::2]))
            if "data-audit-id" in attributes and node["backendNodeId"] in by_backend:
                names[attributes["data-audit-id"]] = by_backend[node["backendNodeId"]]
        return names
    finally:
        session.detach()


def walk(page, limit: int = 400) -> list[dict]:
    """Tab from the top through every stop: in view, named, with a visible indicator."""
    problems: list[dict] = []
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    names = _names(page)
    measured: dict[str, bool] = {}
    seen: set[str] = set()
    start = page.url.split("#")[0]
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.url.split("#")[0] != start:
            break
        state = page.evaluate(_STATE)
        if state is None:
            if seen:
                break
            continue
        if state["id"] in seen:
            break
        seen.add(state["id"])
        if not _inside(state):
            problems.append(_problem("tab-stop-in-view", f"Tab で移った先が画面の外にあります（x={round(state['x'])}, y={round(state['y'])}）", state["label"]))
            continue
        if not names.get(state["id"], "?"):
            problems.append(_problem("accessible-name", "Tab で止まる要素に名前（読み上げられる名前）がありません", state["label"]))
        if state["signature"] not in measured:
            measured[state["signature"]] = _ring(page, state)
        if not measured[state["signature"]]:
            problems.append(_problem("focus-contrast", "フォーカスの表示が周りと 3:1 以上の差で見えません（画素で測定）", state["label"]))
    return problems


def _problem(check: str, message: str, element: str) -> dict:
    return {"check": check, "message": message, "element": element}
