"""What editions and their pages are called."""

from __future__ import annotations

import datetime as dt

from ..model.edition import Edition
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
