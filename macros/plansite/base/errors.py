"""Errors for authors: one Japanese message per problem, with file:line:column and field path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in the data, located as precisely as the source allows."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class DataErrors(Exception):
    """Raised once per run with every problem found, so the author can fix them all at once."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(e) for e in self.errors]
        lines.append(f"データに {len(self.errors)} 件の誤りがあります。上の各行の場所を直してから、もう一度実行してください。")
        return "\n".join(lines)


def format_path(path: tuple) -> str:
    """('kpis', 0, 'targets', 2027) -> 'kpis[0].targets.2027'"""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool) and out and not _is_year_key(part):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _is_year_key(part: int) -> bool:
    # Fiscal-year keys (2026) read better as .2026 than as list indices.
    return part >= 1000


def shown_path(path: Path, root: Path) -> str:
    """A file's name as messages show it: relative to the project folder when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in a text."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
