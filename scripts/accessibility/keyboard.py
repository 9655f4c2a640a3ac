"""Scripted checks beside axe: what a keyboard user and a phone user meet on a page.

Each check returns a list of problems (empty when fine), each {"check", "message", "element"}.
"""

from __future__ import annotations

from .tooltip import TERMS

# The checks this module performs (see plansite.a11y.criteria.SCRIPT_CHECKS for what each proves).
CHECKS_RUN = ["skip-link", "tab-order", "keyboard-trap", "focus-visible", "focus-obscured", "focus-context", "reflow", "unique-title", "tooltip"]

# Marks every focusable element with its DOM order; returns the ids inside the main content.
_MARK = """() => {
  const selector = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]):not([type=hidden]),'
    + ' textarea:not([disabled]), details > summary:first-of-type, [tabindex]:not([tabindex="-1"])';
  const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  let n = 0;
  const main = [];
  for (const e of document.querySelectorAll(selector)) {
    e.setAttribute('data-audit-id', String(n));
    if (e.closest('article') && visible(e)) main.push(n);
    n += 1;
  }
  return {total: n, main};
}"""

# Where focus is now, and whether something else (the sticky header) covers it entirely.
_FOCUS_STATE = """async () => {
  const e = document.activeElement;
  if (!e || e === document.body) return {id: null};
  const header = document.querySelector('.md-header');
  const covered = () => {
    const r = e.getBoundingClientRect();
    const inset = (a, b) => a + Math.min(2, (b - a) / 2);
    const points = [[(r.left + r.right) / 2, (r.top + r.bottom) / 2], [inset(r.left, r.right), inset(r.top, r.bottom)],
                    [inset(r.right, r.left), inset(r.bottom, r.top)]];
    return r.height > 0 && points.every(([x, y]) => {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return hit && hit !== e && !e.contains(hit) && header && header.contains(hit);
    });
  };
  // Judge what a person sees once things settle: if the element looks covered, wait (at most
  // 90 frames) until its scroll into view has stopped and nothing in the header (the search
  // overlay fading out) still moves, then look again.
  let hidden = covered();
  if (hidden) {
    const frame = () => new Promise(requestAnimationFrame);
    const headerMoving = () => document.getAnimations().some(
      a => a.playState === 'running' && header && a.effect && header.contains(a.effect.target));
    let r = e.getBoundingClientRect();
    for (let i = 0; i < 90; i++) {
      await frame();
      const next = e.getBoundingClientRect();
      const still = next.top === r.top && next.left === r.left;
      r = next;
      if (still && !headerMoving()) break;
    }
    hidden = covered();
  }
  const style = getComputedStyle(e);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return {
    id: e.getAttribute('data-audit-id'),
    label: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40),
    hidden,
    ring: ring || style.boxShadow !== 'none',
  };
}"""


def tab_through(page) -> list[dict]:
    """Tab from the top of the page through every focusable element, checking each step."""
    problems: list[dict] = []
    marks = page.evaluate(_MARK)
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    start_url = page.url
    seen: list[int] = []
    repeats = 0
    for _ in range(marks["total"] + 10):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS_STATE)
        if page.url.split("#")[0] != start_url.split("#")[0]:
            problems.append(_problem("focus-context", "フォーカスを移しただけでページが切り替わりました", state.get("label")))
            break
        if state["id"] is None:
            if seen:
                break  # focus left the document after the last element: the cycle is complete
            continue
        current = int(state["id"])
        if seen and current == seen[-1]:
            repeats += 1
            if repeats >= 3:
                problems.append(_problem("keyboard-trap", "Tab キーでフォーカスが先へ進みません（キーボードトラップ）", state["label"]))
                break
            continue
        if current in seen:
            break  # wrapped around to the start
        seen.append(current)
        if state["hidden"]:
            problems.append(_problem("focus-obscured", "フォーカスした要素が固定ヘッダーに隠れています", state["label"]))
        if not state["ring"]:
            problems.append(_problem("focus-visible", "フォーカスしても枠線が表示されません", state["label"]))
    else:
        problems.append(_problem("keyboard-trap", "Tab キーを押し続けてもページの最後まで進めません", ""))
    reached = [i for i in seen if i in set(marks["main"])]
    missing = sorted(set(marks["main"]) - set(reached))
    if missing:
        problems.append(_problem("tab-order", f"本文のリンクや操作部品のうち {len(missing)} 個に Tab キーで届きません", f"data-audit-id={missing[:5]}"))
    if reached != sorted(reached):
        problems.append(_problem("tab-order", "本文の Tab キーの移動順が、画面の並び（文書の順序）と違います", ""))
    return problems


def skip_link(page) -> list[dict]:
    """The first Tab shows the skip link; following it moves past the navigation."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.keyboard.press("Tab")
    first = page.evaluate(
        "() => { const e = document.activeElement; const r = e.getBoundingClientRect();"
        " return {skip: e.classList.contains('md-skip'), shown: r.width > 1 && r.height > 1, href: e.getAttribute('href')}; }"
    )
    if not first["skip"]:
        return [_problem("skip-link", "最初の Tab で「本文へ移動」のリンクにフォーカスしません", "")]
    problems = []
    if not first["shown"]:
        problems.append(_problem("skip-link", "「本文へ移動」のリンクがフォーカス時に見えません", first["href"]))
    page.keyboard.press("Enter")
    landed = page.evaluate(
        "(href) => { const t = document.getElementById(decodeURIComponent(href.slice(1)));"
        " if (!t) return {found: false};"
        " const r = t.getBoundingClientRect(); const h = document.querySelector('.md-header').getBoundingClientRect();"
        " return {found: true, inMain: !!t.closest('article'), clear: r.top >= h.bottom - 1 && r.top < innerHeight}; }",
        first["href"] or "#",
    )
    if not landed.get("found") or not landed.get("inMain"):
        problems.append(_problem("skip-link", "「本文へ移動」のリンク先が本文の中にありません", first["href"]))
    elif not landed["clear"]:
        problems.append(_problem("skip-link", "「本文へ移動」の移動先が固定ヘッダーに隠れています", first["href"]))
    return problems


def tooltips(page, limit: int = 3) -> list[dict]:
    """A term's explanation shows on keyboard focus and on hover, stays while hovered, hides with Esc."""
    problems = []
    links = page.locator(TERMS)
    for index in range(min(limit, links.count())):
        link = links.nth(index)
        tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
        name = link.inner_text()
        link.focus()
        if not tip.is_visible():
            problems.append(_problem("tooltip", "用語の説明がキーボードでフォーカスしても表示されません", name))
            continue
        page.keyboard.press("Escape")
        if tip.is_visible() or page.evaluate("() => !document.activeElement.classList.contains('plan-term__link')"):
            problems.append(_problem("tooltip", "Esc キーで用語の説明が閉じないか、フォーカスが失われます", name))
        page.evaluate("() => document.activeElement.blur()")
        # force: on a phone the explanation sits at the screen's foot and may lie over the link
        # itself; the pointer then rests on the explanation, which belongs to the same term.
        link.hover(force=True)
        box = tip.bounding_box() if tip.is_visible() else None
        if not box:
            problems.append(_problem("tooltip", "マウスを重ねても用語の説明が表示されません", name))
            continue
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        if not tip.is_visible():
            problems.append(_problem("tooltip", "表示された用語の説明にマウスを移すと消えてしまいます", name))
        page.mouse.move(0, 0)
    return problems


def reflow(page) -> list[dict]:
    """At 320 CSS pixels the page itself never scrolls sideways (a table may, inside its region)."""
    widths = page.evaluate("() => ({page: document.documentElement.scrollWidth, view: window.innerWidth})")
    if widths["page"] > widths["view"] + 1:
        return [_problem("reflow", f"幅 {widths['view']}px でページ全体が横にスクロールします（内容の幅 {widths['page']}px）", "")]
    return []


def _problem(check: str, message: str, element: str) -> dict:
    return {"check": check, "message": message, "element": element}
