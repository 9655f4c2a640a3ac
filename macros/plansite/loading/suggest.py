"""「もしかして」: the one rule for suggesting what an author meant by a name that does not exist
(a key, an id, a file name, a grade).

A suggestion is only offered when it is truly close: at most one or two typing slips away
(a letter missed, added, changed, or two swapped), and closer than any other name. A wrong
guess sends a non-programmer to the wrong place (`progress:` is not a misspelt `priorities:`),
so when in doubt, no guess: the message then lists what may be written instead.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, Optional


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def slips(a: str, b: str) -> int:
    """Typing slips between two names: insertions, deletions, substitutions and swaps of
    neighbouring characters (optimal string alignment distance)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        previous2, previous = previous, current
    return previous[-1]


def _allowed(length: int) -> int:
    """Slips a name of this length may hold and still be recognised: one for short names, two
    from six characters on."""
    return 1 if length < 6 else 2


def close_match(value: str, names: Iterable[str]) -> Optional[str]:
    """The one name that value is a slip away from, or None (none close, or two as close)."""
    typed = _normal(value)
    if not typed:
        return None
    scored = sorted((slips(typed, _normal(name)), name) for name in set(names) if name != value)
    if not scored or scored[0][0] > _allowed(len(typed)) or scored[0][0] >= len(typed):
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def did_you_mean(value: str, names: Iterable[str]) -> str:
    """「。もしかして「…」ですか？」 to end a message with, or nothing."""
    guess = close_match(value, names)
    return f"。もしかして「{guess}」ですか？" if guess else ""
