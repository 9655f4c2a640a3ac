"""Wide tables: a table wider than its region says so (the visible scroll cue above it), its
caption is read whole without scrolling sideways, and its region is no taller than the window,
so that its scrollbar is in reach; on the indicators page the status and values of an indicator
are visible at phone width without scrolling sideways.
Problems: {"check", "message", "element"}."""

from __future__ import annotations

CHECKS_RUN = ["wide-table-cue", "indicator-key-columns"]

_TABLES = """() => {
  const out = [];
  for (const table of document.querySelectorAll('article table')) {
    if (!table.getClientRects().length) continue;
    const region = table.closest('.plan-table-wrap') || table.parentElement;
    if (table.scrollWidth <= region.clientWidth + 1) continue;
    const hint = region.previousElementSibling;
    const cue = !!hint && hint.classList.contains('plan-scroll-hint') && hint.getClientRects().length > 0 && !hint.hidden;
    const reach = region.getBoundingClientRect().height <= innerHeight;
    const caption = table.caption ? table.caption.textContent.trim() : (region.getAttribute('aria-label') || '表');
    const whole = !table.caption || table.caption.getBoundingClientRect().width <= region.clientWidth + 1;
    out.push({caption: caption.slice(0, 40), cue, reach, whole});
  }
  return out;
}"""

# In whichever form of the indicator list is showing, the words 達成状況・最新の実績値・目標値
# and the first indicator's values lie inside the window.
_KEY_COLUMNS = """() => {
  const list = [...document.querySelectorAll('.plan-indicator-list, .plan-cards')].find(e => e.getClientRects().length);
  if (!list) return null;
  const labels = [...list.querySelectorAll('thead th, .plan-card-item:first-child dt')]
    .filter(e => ['達成状況', '最新の実績値', '目標値'].includes(e.textContent.trim()));
  const off = labels.filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth + 1; })
    .map(e => e.textContent.trim());
  return {found: labels.length, off};
}"""


def check(page, indicators: bool) -> list[dict]:
    problems = []
    for table in page.evaluate(_TABLES):
        if not table["cue"]:
            problems.append(_problem("wide-table-cue", "表が領域より広いのに、横にスクロールできることが表示されていません", table["caption"]))
        if not table["whole"]:
            problems.append(_problem("wide-table-cue", "横にスクロールする表の見出し（caption）が領域より広く、横にスクロールしないと全部を読めません", table["caption"]))
        if not table["reach"]:
            problems.append(_problem("wide-table-cue", "横にスクロールする表の領域が画面より高く、スクロールバーに届くまでページを動かす必要があります", table["caption"]))
    if indicators:
        found = page.evaluate(_KEY_COLUMNS)
        if not found or found["found"] < 3 or found["off"]:
            problems.append(_problem("indicator-key-columns", "指標の一覧で、達成状況・最新の実績値・目標値が画面内に見えません", "、".join((found or {}).get("off", []))))
    return problems


def _problem(check: str, message: str, element: str) -> dict:
    return {"check": check, "message": message, "element": element}
