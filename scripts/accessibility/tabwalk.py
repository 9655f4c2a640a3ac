"""One walk with the Tab key from the top of a freshly loaded page through every stop, and what
it shows at each stop. The Tab walk's checks: the order inside the main content follows the
document, focus never sticks and never changes the page, the focused element is not hidden
under the fixed header or a table's sticky headings and shows a ring. The focus walk's checks:
the stop lies in the window and is not cut off by a scrolling region around it, has an
accessible name (Chromium's accessibility tree) and an indicator of 3:1 measured in pixels
(focus.py). Both sets come from the same stops, so the page is walked once per width.

Each problem is {"check", "message", "element"}.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import focus
from .keyboard import start_from_top

ORDER_CHECKS = ["tab-order", "keyboard-trap", "focus-visible", "focus-obscured", "focus-context"]
FOCUS_CHECKS = ["tab-stop-in-view", "focus-contrast", "accessible-name"]

# Marks every element that can take focus with its place in the document ("0", "1", …, so that
# its accessible name can be looked up) and returns those the Tab key must reach in the content.
_MARK = """() => {
  const focusable = 'a[href], button, select, input:not([type=hidden]), textarea, summary, [tabindex]';
  const tabbable = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]):not([type=hidden]),'
    + ' textarea:not([disabled]), details > summary:first-of-type, [tabindex]:not([tabindex="-1"])';
  const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  let n = 0;
  const main = [];
  for (const e of document.querySelectorAll(focusable)) {
    e.setAttribute('data-audit-id', String(n));
    if (e.matches(tabbable) && e.closest('article') && visible(e)) main.push(String(n));
    n += 1;
  }
  return {total: n, main};
}"""

# The focused element once it has stopped moving (scrolled into view; bounded, by frames): its
# box and pieces (a wrapped link has one per line), the part of the window it can show in (clip),
# whether the fixed header covers it (hidden) or a sticky part of a table does (under), whether it
# shows a ring, and a signature of what the ring looks like (not its text colour, which may be
# mid-transition, nor its size). An element that was not marked gets an id of its own.
_STOP = """async () => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const frame = () => new Promise(requestAnimationFrame);
  let last = null;
  for (let i = 0; i < 30; i++) {
    const r = e.getBoundingClientRect();
    const key = [r.x, r.y, r.width, r.height].join();
    if (key === last) break;
    last = key;
    await frame();
  }
  const header = document.querySelector('.md-header');
  const inHeader = (hit) => header && header.contains(hit);
  // A sticky part of the page laid over the element: a table's heading row or row headings.
  const stuck = (hit) => {
    for (let n = hit; n && n !== document.body; n = n.parentElement) {
      if (n.contains(e)) return false;
      if (getComputedStyle(n).position === 'sticky') return true;
    }
    return false;
  };
  const covered = (by) => {
    const r = e.getBoundingClientRect();
    const inset = (a, b) => a + Math.min(2, (b - a) / 2);
    const points = [[(r.left + r.right) / 2, (r.top + r.bottom) / 2], [inset(r.left, r.right), inset(r.top, r.bottom)],
                    [inset(r.right, r.left), inset(r.bottom, r.top)]];
    return r.height > 0 && points.every(([x, y]) => {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return hit && hit !== e && !e.contains(hit) && by(hit);
    });
  };
  // Judge what a person sees once things settle: if the element looks covered, wait (at most
  // 90 frames) until nothing in the header (the search overlay fading out) still moves.
  let hidden = covered(inHeader);
  if (hidden) {
    const headerMoving = () => document.getAnimations().some(
      a => a.playState === 'running' && header && a.effect && header.contains(a.effect.target));
    for (let i = 0; i < 90 && headerMoving(); i++) await frame();
    hidden = covered(inHeader);
  }
  // A sticky part laid over it may still be moving too (Material sizes its sticky side columns
  // on scroll, a frame later): it counts only if it stays for 30 frames.
  let under = !hidden && covered(stuck);
  for (let i = 0; i < 30 && under; i++) {
    await frame();
    under = covered(stuck);
  }
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  // The part of the window the element can show in: the window cut by every ancestor that clips
  // it (a scrolling table region), following containing blocks past positioned elements.
  const clip = [0, 0, innerWidth, innerHeight];
  let position = s.position;
  for (let n = e.parentElement; n && n !== document.body && position !== 'fixed'; n = n.parentElement) {
    const c = getComputedStyle(n);
    if (position === 'absolute' && c.position === 'static' && c.transform === 'none') continue;
    position = c.position;
    const b = n.getBoundingClientRect();
    const left = b.left + n.clientLeft, top = b.top + n.clientTop;
    if (c.overflowX !== 'visible') { clip[0] = Math.max(clip[0], left); clip[2] = Math.min(clip[2], left + n.clientWidth); }
    if (c.overflowY !== 'visible') { clip[1] = Math.max(clip[1], top); clip[3] = Math.min(clip[3], top + n.clientHeight); }
  }
  let bg = 'transparent';
  for (let n = e; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor; if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } }
  if (!e.hasAttribute('data-audit-id')) e.setAttribute('data-audit-id', 'u' + Math.random().toString(36).slice(2));
  const pieces = [...e.getClientRects()].map(p => [p.x, p.y, p.width, p.height]);
  return {id: e.getAttribute('data-audit-id'), x: r.x, y: r.y, w: r.width, h: r.height, pieces, vw: innerWidth, vh: innerHeight, clip,
          label: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().replace(/\\s+/g, ' ').slice(0, 40),
          hidden, under, ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
          signature: [e.tagName, e.className, s.outlineStyle, s.outlineColor, s.outlineWidth, s.outlineOffset, s.boxShadow, bg, pieces.length].join('|')};
}"""


@dataclass
class Walk:
    """The problems one walk found: the Tab walk's (ORDER_CHECKS) and the focus walk's (FOCUS_CHECKS)."""

    order: list[dict] = field(default_factory=list)
    focus: list[dict] = field(default_factory=list)


def walk(page, rings: dict[str, bool] | None = None) -> Walk:
    """Tab from the top of the page through every stop until focus leaves the document or comes
    round again (bounded by the number of elements that can take focus). rings: signature ->
    whether that look of ring reaches 3:1, as measured on this page so far (at another width: the
    signature holds what the ring's look depends on); filled in as the walk measures more."""
    found = Walk()
    marks = page.evaluate(_MARK)
    start_from_top(page)
    names = _names(page)
    rings = {} if rings is None else rings
    seen: list[str] = []
    repeats = 0
    start = page.url.split("#")[0]
    for _ in range(marks["total"] + 10):
        page.keyboard.press("Tab")
        if page.url.split("#")[0] != start:
            found.order.append(_problem("focus-context", "フォーカスを移しただけでページが切り替わりました", ""))
            break
        stop = page.evaluate(_STOP)
        if stop is None:
            if seen:
                break  # focus left the document after the last element: the walk is complete
            continue
        if seen and stop["id"] == seen[-1]:
            repeats += 1
            if repeats >= 3:
                found.order.append(_problem("keyboard-trap", "Tab キーでフォーカスが先へ進みません（キーボードトラップ）", stop["label"]))
                break
            continue
        if stop["id"] in seen:
            break  # round to the start again
        seen.append(stop["id"])
        _judge(page, stop, names, rings, found)
    else:
        found.order.append(_problem("keyboard-trap", "Tab キーを押し続けてもページの最後まで進めません", ""))
    main = set(marks["main"])
    reached = [int(id_) for id_ in seen if id_ in main]
    missing = sorted(int(id_) for id_ in main - set(seen))
    if missing:
        found.order.append(_problem("tab-order", f"本文のリンクや操作部品のうち {len(missing)} 個に Tab キーで届きません",
                                    f"data-audit-id={missing[:5]}"))
    if reached != sorted(reached):
        found.order.append(_problem("tab-order", "本文の Tab キーの移動順が、画面の並び（文書の順序）と違います", ""))
    return found


def _judge(page, stop: dict, names: dict[str, str], rings: dict[str, bool], found: Walk) -> None:
    """What one stop shows; a look of ring is measured in pixels once per page."""
    if stop["hidden"]:
        found.order.append(_problem("focus-obscured", "フォーカスした要素が固定ヘッダーに隠れています", stop["label"]))
    if stop["under"]:
        found.order.append(_problem("focus-obscured", "フォーカスした要素が、表の動かない見出し（見出しの行か列）の下に隠れています", stop["label"]))
    if not stop["ring"]:
        found.order.append(_problem("focus-visible", "フォーカスしても枠線が表示されません", stop["label"]))
    if not focus.inside(stop):
        found.focus.append(_problem("tab-stop-in-view", f"Tab で移った先が画面の外にあります（x={round(stop['x'])}, y={round(stop['y'])}）", stop["label"]))
        return
    if not focus.shown(stop):
        found.focus.append(_problem("tab-stop-in-view", f"Tab で移った先が、横にスクロールする表などの枠の外に隠れています（x={round(stop['x'])}, y={round(stop['y'])}）",
                                    stop["label"]))
        return
    if not names.get(stop["id"], "?"):
        found.focus.append(_problem("accessible-name", "Tab で止まる要素に名前（読み上げられる名前）がありません", stop["label"]))
    if stop["signature"] not in rings:
        rings[stop["signature"]] = focus.ring_visible(page, stop)
    if not rings[stop["signature"]]:
        found.focus.append(_problem("focus-contrast", "フォーカスの表示が周りと 3:1 以上の差で見えません（画素で測定）", stop["label"]))


def _names(page) -> dict[str, str]:
    """Accessible name of each marked element, by its data-audit-id, from Chromium's own
    accessibility tree (two calls: the tree, and the document with its attributes)."""
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


def _problem(check: str, message: str, element: str) -> dict:
    return {"check": check, "message": message, "element": element}
