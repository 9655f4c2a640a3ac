"""Where a plan stands in its public comment period on the day of the build.

The day comes from PLANSITE_TODAY (YYYY-MM-DD) or the plugin's `today` option when given, so
builds are reproducible and tests can fix it; otherwise it is the build's date in Japan. A small
script (plan-notice.js) updates the notice in the reader's browser when the period ends after
the build.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
from dataclasses import dataclass
from typing import Optional, Union

from ..model.plan_meta import PlanMeta

JAPAN = dt.timezone(dt.timedelta(hours=9))
PHASES = {"upcoming": "意見募集前", "open": "意見募集中", "closed": "意見募集終了"}


def build_day(configured: Union[str, dt.date, None] = None) -> dt.date:
    chosen = os.environ.get("PLANSITE_TODAY") or configured
    if isinstance(chosen, dt.date):
        return chosen
    if chosen:
        try:
            return dt.date.fromisoformat(chosen)
        except ValueError:
            raise ValueError(f"ビルドの日付「{chosen}」が読めません。PLANSITE_TODAY や today は 2026-01-10 の形で書いてください") from None
    return dt.datetime.now(JAPAN).date()


def first_day(value: Union[dt.date, str]) -> dt.date:
    if isinstance(value, dt.date):
        return value
    year, month = (int(part) for part in value.split("-"))
    return dt.date(year, month, 1)


def last_day(value: Union[dt.date, str]) -> dt.date:
    """The period's last day: a month alone means its last day."""
    if isinstance(value, dt.date):
        return value
    year, month = (int(part) for part in value.split("-"))
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class CommentPeriod:
    phase: str  # upcoming / open / closed
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return PHASES[self.phase]


def comment_period(meta: PlanMeta, today: dt.date) -> Optional[CommentPeriod]:
    """The period of a plan still being drafted; None once it is adopted or has no period."""
    if meta.public_comment is None or meta.status not in ("draft", "public-comment"):
        return None
    start, end = first_day(meta.public_comment.start), last_day(meta.public_comment.end)
    phase = "upcoming" if today < start else "open" if today <= end else "closed"
    return CommentPeriod(phase, start, end)

