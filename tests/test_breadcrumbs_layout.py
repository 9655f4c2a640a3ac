"""On a phone, each step of the breadcrumbs keeps its separator beside its link: a long title
wraps beside the 「›」, and the separator never stands alone on a line of its own."""

from __future__ import annotations

import pytest

from conftest import phone

# Each step after the first: how far below the top of the step its link (or, for the page
# itself, its title) starts, in lines of the step's text (the separator alone on the first line
# would put the link a whole line down), and how many lines the title takes.
_STEPS = """() => [...document.querySelectorAll('.plan-breadcrumbs li + li')].map(li => {
  const part = li.querySelector('a, span') || li;
  const range = document.createRange(); range.selectNodeContents(part);
  const line = parseFloat(getComputedStyle(li).lineHeight);
  return {text: li.textContent.trim(), down: (part.getBoundingClientRect().top - li.getBoundingClientRect().top) / line,
          lines: range.getClientRects().length};
})"""


@pytest.mark.browser
def test_a_long_step_of_the_breadcrumbs_wraps_beside_its_separator_on_a_phone(built_site):
    with phone(built_site, "hadano-dx/projects/1-1/") as page:
        steps = page.evaluate(_STEPS)
    assert any(step["lines"] > 1 for step in steps), "no step of these breadcrumbs wraps at 360 px"
    assert all(step["down"] < 0.5 for step in steps), steps
