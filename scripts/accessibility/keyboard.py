"""Scripted checks beside axe: what a keyboard user and a phone user meet on a page (the walk
through every Tab stop is tabwalk.py).

Each check returns a list of problems (empty when fine), each {"check", "message", "element"}.
"""

from __future__ import annotations

from .tooltip import TERMS


def start_from_top(page) -> None:
    """Nothing focused and the window at the top of the page, where a keyboard user starts."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")


def skip_link(page) -> list[dict]:
    """The first Tab shows the skip link; following it moves past the navigation."""
    start_from_top(page)
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
