"""Every Tab stop at phone, tablet and desktop widths: inside the window, with an accessible
name, and with a focus indicator of at least 3:1 measured in pixels (the same area captured
unfocused and focused; the pixels that changed by 3:1 or more must cover at least a 1 px line
all round the element). Elements that look alike (same tag, ring, colours) are measured once
per page and width.

Each check returns a list of problems (empty when fine), each {"check", "message", "element"}.
"""

from __future__ import annotations

import io

from PIL import Image

WIDTHS = [360, 1024, 1280]
CHECKS_RUN = ["tab-stop-in-view", "focus-contrast", "accessible-name"]
PAD = 6  # px around the element: the ring may lie outside it (outline-offset)

# The focused element: its box, its name (from Chromium's accessibility tree, fetched apart), and
# a signature of what its ring looks like. Waits (bounded, by frames) until nothing moves.
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
  return {id: e.getAttribute('data-audit-id'), x: r.x, y: r.y, w: r.width, h: r.height, vw: innerWidth, vh: innerHeight, sx: scrollX, sy: scrollY,
          label: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().replace(/\\s+/g, ' ').slice(0, 40),
          signature: [e.tagName, e.className, s.outlineStyle, s.outlineColor, s.outlineWidth, s.outlineOffset, s.boxShadow, s.color, bg, Math.round(r.height)].join('|')};
}"""


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = rgb[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def changed_by_contrast(before: Image.Image, after: Image.Image, ratio: float = 3.0) -> int:
    """How many pixels differ between the two captures by at least this contrast ratio."""
    count = 0
    cache: dict = {}
    for a, b in zip(before.getdata(), after.getdata()):
        if a == b:
            continue
        key = (a, b)
        if key not in cache:
            la, lb = _luminance(a), _luminance(b)
            cache[key] = (max(la, lb) + 0.05) / (min(la, lb) + 0.05) >= ratio
        count += cache[key]
    return count


def _capture(page, box) -> Image.Image:
    """The window as shown, cut to the box (viewport pixels)."""
    shot = Image.open(io.BytesIO(page.screenshot(animations="disabled", caret="hide"))).convert("RGB")
    return shot.crop(box)


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
    perimeter = 2 * (min(state["w"], x1 - x0) + min(state["h"], y1 - y0))  # a 1 px line all round
    return changed_by_contrast(unfocused, focused) >= perimeter


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
    Chromium's own accessibility tree."""
    page.evaluate(_MARK)
    session = page.context.new_cdp_session(page)
    try:
        by_backend = {}
        for node in session.send("Accessibility.getFullAXTree")["nodes"]:
            if "backendDOMNodeId" in node and not node.get("ignored"):
                by_backend[node["backendDOMNodeId"]] = (node.get("name") or {}).get("value", "").strip()
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        names = {}
        for node_id in session.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-audit-id]"})["nodeIds"]:
            node = session.send("DOM.describeNode", {"nodeId": node_id})["node"]
            attributes = dict(zip(node.get("attributes", [])[::2], node.get("attributes", [])[1::2]))
            if node["backendNodeId"] in by_backend:
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
