"""The terms that apply to a plan's pages: its own glossary, then the shared one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..base import urls
from ..model.glossary import Term
from ..model.plan import Plan, Site
from ..text.markdown import plain_text
from .matcher import TermMatcher

TIP_LENGTH = 120


@dataclass(frozen=True)
class PlacedTerm:
    term: Term
    home: Optional[Plan]  # the plan whose glossary holds it; None for the shared glossary


def terms_for(plan: Plan, site: Site) -> dict[str, PlacedTerm]:
    placed = {t.id: PlacedTerm(t, None) for t in (site.glossary.terms if site.glossary else ())}
    placed.update({t.id: PlacedTerm(t, plan) for t in (plan.glossary.terms if plan.glossary else ())})
    return placed


def matcher_for(terms: dict[str, PlacedTerm]) -> TermMatcher:
    forms = []
    for term_id, placed in terms.items():
        for form in (placed.term.term, *placed.term.aliases):
            forms.append((form, term_id, placed.term.inside_words))
    return TermMatcher(forms)


def description_text(term: Term) -> str:
    """The term's explanation as one line of plain text (list markers dropped)."""
    return " ".join(plain_text(line.lstrip("-*0123456789. ")) for line in term.description.splitlines() if line.strip())


def tip(term: Term) -> str:
    """A short plain-text explanation for the tooltip; the glossary entry has the whole text."""
    text = f"{term.term}：{description_text(term)}"
    return text if len(text) <= TIP_LENGTH else text[: TIP_LENGTH - 1] + "…"


class TermHrefs(dict):
    """Term id -> link to its glossary entry from one page, worked out only for the terms the page
    uses (a page uses a few of a glossary's hundreds of terms)."""

    def __init__(self, terms: dict[str, PlacedTerm], link):
        super().__init__()
        self._terms, self._link = terms, link

    def __missing__(self, term_id: str) -> str:
        self[term_id] = href = self._link(urls.glossary(self._terms[term_id].home), f"term-{term_id}")
        return href
