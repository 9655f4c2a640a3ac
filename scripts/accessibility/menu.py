"""The menu with the keyboard. Where the navigation is a drawer (below 1,220 px): the menu button
is reached by Tab, has a name and aria-expanded; Enter opens the drawer and moves focus into it;
a section button opens its list with Space; Tab never leaves the open drawer for the covered
page; Esc closes it and focus returns to the button. Where it is a side column (1,220 px and
wider): Tab reaches a section button of the side menu, which has a name and aria-expanded, and
Space closes and opens its list again. Problems: {"check", "message", "element"}."""

from __future__ import annotations

from .keyboard import start_from_top

CHECKS_RUN = ["menu-keyboard"]
DRAWER = "(max-width: 76.234375em)"  # Material's breakpoint below which the menu is a drawer (plan-nav.js)

_FOCUS = """() => { const e = document.activeElement; const d = document.getElementById('plan-drawer');
  const r = e.getBoundingClientRect();
  return {body: e === document.body, menu: e.hasAttribute('data-plan-menu'), inDrawer: !!(d && d.contains(e)), expanded: e.getAttribute('aria-expanded'),
          toggle: e.hasAttribute('data-plan-toggle'), name: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40),
          inView: r.left >= -1 && r.right <= innerWidth + 1 && r.top >= -1 && r.bottom <= innerHeight + 1}; }"""
# Waits (bounded, by frames) until the drawer has finished sliding in (open) or out.
_SETTLED = """async (open) => { const s = document.querySelector('.md-sidebar--primary'); let last = null;
  for (let i = 0; i < 90; i++) { const r = s.getBoundingClientRect();
    if (r.left === last && (open ? r.left >= 0 : r.right <= 0)) break; last = r.left;
    await new Promise(requestAnimationFrame); } }"""


# The side menu's section buttons that show (none where the page has no sections in its menu).
_SIDE_TOGGLES = """() => [...document.querySelectorAll('.md-sidebar--primary [data-plan-toggle]')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden').length"""


def check(page) -> list[dict]:
    start_from_top(page)
    if not page.evaluate("(query) => matchMedia(query).matches", DRAWER):
        return _side_menu(page)
    state = None
    for _ in range(4):  # the skip link, then the menu button
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS)
        if state["menu"]:
            break
    if not state or not state["menu"]:
        return [_problem("最初の Tab 数回でメニューのボタンに届きません", "")]
    problems = []
    if not state["name"] or state["expanded"] != "false":
        problems.append(_problem("メニューのボタンに名前か閉じた状態（aria-expanded=false）がありません", state["name"]))
    page.keyboard.press("Enter")
    page.evaluate(_SETTLED, True)
    state = page.evaluate(_FOCUS)
    if not state["inDrawer"] or not state["inView"]:
        return problems + [_problem("Enter でメニューを開いても、フォーカスがメニューの中（画面内）に移りません", state["name"])]
    opened = False
    for _ in range(120):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS)
        if not state["inDrawer"]:
            if not state["body"]:  # past the drawer's last item focus leaves the page: fine
                problems.append(_problem("開いたメニューから Tab で、覆われたページの部品に移ってしまいます", state["name"]))
            break
        if not state["inView"]:
            problems.append(_problem("開いたメニューの中で、フォーカスした項目が画面の外にあります", state["name"]))
            break
        if state["toggle"] and state["expanded"] == "false" and not opened:
            page.keyboard.press("Space")
            if page.evaluate(_FOCUS)["expanded"] != "true":
                problems.append(_problem("節のボタンを Space で押しても開きません（aria-expanded）", state["name"]))
            opened = True
    page.keyboard.press("Escape")
    page.evaluate(_SETTLED, False)
    state = page.evaluate(_FOCUS)
    if not state["menu"] or state["expanded"] != "false":
        problems.append(_problem("Esc でメニューが閉じないか、フォーカスがメニューのボタンに戻りません", state["name"]))
    return problems


def _side_menu(page, limit: int = 200) -> list[dict]:
    """The first section button of the side menu, reached by Tab and operated with Space."""
    if not page.evaluate(_SIDE_TOGGLES):
        return []
    state = None
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS)
        if state["toggle"] or state["body"]:
            break
    if not state or not state["toggle"]:
        return [_problem("Tab キーでサイドのメニューの節のボタンに届きません", "")]
    before = state["expanded"]
    if not state["name"] or before not in ("true", "false"):
        return [_problem("サイドのメニューの節のボタンに名前か開閉の状態（aria-expanded）がありません", state["name"])]
    problems = []
    for expected in ("false" if before == "true" else "true", before):
        page.keyboard.press("Space")
        if page.evaluate(_FOCUS)["expanded"] != expected:
            problems.append(_problem("サイドのメニューの節のボタンを Space で押しても開閉しません（aria-expanded）", state["name"]))
            break
    return problems


def _problem(message: str, element: str) -> dict:
    return {"check": "menu-keyboard", "message": message, "element": element}
