"""What editions and their pages are called, and the plan menu's entries for them.

Kept apart from pages.py so the navigation code can use it without importing page generation.
"""

from __future__ import annotations

import datetime as dt

from ..model.edition import Edition
from ..model.plan import Plan
from ..base import urls
from ..text import dates

EDITIONS_TITLE = "過去の版"
CHANGES_TITLE = "版ごとの変更点"


def label(edition: Edition) -> str:
    """令和8年4月版: the name the plan gives, or one made from the date."""
    return edition.name or f"{dates.date(edition.as_of)}版"


def as_of(edition: Edition) -> str:
    """2026年4月時点, in the Western calendar since the name usually gives the era year already."""
    if isinstance(edition.as_of, dt.date):
        return f"{edition.as_of.year}年{edition.as_of.month}月{edition.as_of.day}日時点"
    year, month = (int(part) for part in edition.as_of.split("-"))
    return f"{year}年{month}月時点"


def edition_nav(plan: Plan) -> list:
    """The plan's only menu entries for its editions; the earlier editions' own pages stay out of the menu."""
    if not plan.earlier:
        return []
    return [{EDITIONS_TITLE: urls.source_path(urls.editions(plan))}, {CHANGES_TITLE: urls.source_path(urls.changes(plan))}]
