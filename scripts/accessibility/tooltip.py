"""Glossary tooltips where they are placed: a term low in the window shows its explanation
without covering the term itself and inside the window; the pointer can move from the term onto
the explanation on a straight line, across the text beside the term, without it vanishing; and
it goes once the pointer has left both (WCAG 1.4.13). Problems: {"check", "message", "element"}."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout

CHECKS_RUN = ["tooltip-placement"]
MARKER = "plan-term__link"  # the class of a term's link, in the HTML of a page that has terms
# The terms shown at this width: a page may hold a table twice (a table for wide screens, a list
# for phones) and only one is displayed; a link that is not displayed cannot be reached.
TERMS = f"article .{MARKER} >> visible=true"
LEAVE_TIMEOUT = 3_000  # ms: an explanation still shown this long after the pointer left stays for good

# Where the term and its explanation are, once both have stopped moving (a scroll or the
# explanation's own placement may still be under way: bounded by frames, never by time). Still
# means still over two frames: the page places an explanation again from a scroll event, in an
# animation frame callback that runs after this one in the same frame, so one unchanged frame can
# still show the place from before the scroll.
_PLACE = """async (id) => { const link = document.querySelector(`[aria-describedby="${id}"]`); const tip = document.getElementById(id);
  const frame = () => new Promise(requestAnimationFrame);
  let a, b, last = null, still = 0;
  for (let i = 0; i < 30 && still < 2; i++) {
    a = link.getBoundingClientRect(); b = tip.getBoundingClientRect();
    const key = [a.x, a.y, b.x, b.y, b.width, b.height].join();
    still = key === last ? still + 1 : 0;
    last = key;
    if (still < 2) await frame();
  }
  const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  return {shown: b.width > 0, overlap, inside: b.left >= 0 && b.right <= innerWidth && b.top >= 0 && b.bottom <= innerHeight,
          tip: {x: b.left + b.width / 2, y: b.top + Math.min(8, b.height / 2)}, term: {x: a.left + Math.min(4, a.width / 2), y: a.top + a.height / 2}}; }"""
_HIDDEN = "(id) => !document.getElementById(id).getBoundingClientRect().width"


def check(page, limit: int = 3) -> list[dict]:
    problems = []
    links = page.locator(TERMS)
    for index in range(min(limit, links.count())):
        link = links.nth(index)
        tip_id = link.get_attribute("aria-describedby")
        name = link.inner_text()
        # Put the term near the bottom of the window, where the explanation cannot go below it.
        link.evaluate("(e) => window.scrollBy(0, e.getBoundingClientRect().bottom - innerHeight + 40)")
        link.focus()
        place = page.evaluate(_PLACE, tip_id)
        if place["shown"] and (place["overlap"] or not place["inside"]):
            problems.append(_problem("用語の説明が、その用語を覆うか、画面の外にはみ出します", name))
        page.evaluate("() => document.activeElement.blur()")
        page.mouse.move(place["term"]["x"], place["term"]["y"])
        place = page.evaluate(_PLACE, tip_id)
        if not place["shown"]:
            continue  # keyboard.tooltips reports an explanation that hover does not show
        # A straight line from the term to the middle of its explanation, in small steps.
        page.mouse.move(place["tip"]["x"], place["tip"]["y"], steps=12)
        if not page.evaluate(_PLACE, tip_id)["shown"]:
            problems.append(_problem("用語からその説明へマウスを動かすと、説明が消えてしまいます", name))
        page.mouse.move(0, 0)
        if index == 0:
            try:
                page.wait_for_function(_HIDDEN, arg=tip_id, timeout=LEAVE_TIMEOUT)
            except PlaywrightTimeout:
                problems.append(_problem("マウスを用語と説明から離しても、説明が消えません", name))
    return problems


def _problem(message: str, element: str) -> dict:
    return {"check": "tooltip-placement", "message": message, "element": element}
