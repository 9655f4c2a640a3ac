"""The terms that apply to a plan's pages: its own glossary, then (unless the plan says not to)
the shared one, whose explanations are borrowed and name the document they come from."""

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

    @property
    def borrowed_from(self) -> Optional[str]:
        """The document a borrowed explanation was copied from; None for the plan's own."""
        return self.term.source if self.home is None else None


def terms_for(plan: Plan, site: Site) -> dict[str, PlacedTerm]:
    shared = site.glossary.terms if site.glossary and plan.meta.borrow_terms else ()
    placed = {t.id: PlacedTerm(t, None) for t in shared}
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


def source_note(source: str) -> str:
    return f"（出典：{source}）"


def tip(placed: PlacedTerm) -> str:
    """A short plain-text explanation for the tooltip (the glossary entry has the whole text); a
    borrowed one ends with its source, which shortening never cuts."""
    text = f"{placed.term.term}：{description_text(placed.term)}"
    if len(text) > TIP_LENGTH:
        text = text[: TIP_LENGTH - 1] + "…"
    return text + source_note(placed.borrowed_from) if placed.borrowed_from else text


class TermHrefs(dict):
    """Term id -> link to its glossary entry from one page, worked out only for the terms the page
    uses (a page uses a few of a glossary's hundreds of terms)."""

    def __init__(self, terms: dict[str, PlacedTerm], link):
        super().__init__()
        self._terms, self._link = terms, link

    def __missing__(self, term_id: str) -> str:
        self[term_id] = href = self._link(urls.glossary(self._terms[term_id].home), f"term-{term_id}")
        return href
