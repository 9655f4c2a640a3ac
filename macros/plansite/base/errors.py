"""Errors for authors: one Japanese message per problem, with file:line:column and field path."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .characters import visible


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in the data, located as precisely as the source allows."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        """One line, whatever the data quoted in it holds (a newline or U+202E is named, not printed)."""
        where = f"{visible(self.file)}:{self.line}:{self.column}"
        message = visible(self.message)
        return f"{where}: {visible(self.path)}: {message}" if self.path else f"{where}: {message}"


@dataclass(frozen=True, order=True)
class DataWarning(DataError):
    """Something accepted that is probably not what the author meant (make check prints it;
    in strict mode it is an error)."""

    def as_error(self) -> DataError:
        return DataError(self.file, self.line, self.column, self.path, self.message)


def split(found: Iterable[DataError]) -> tuple[list[DataError], list[DataWarning]]:
    """Errors and warnings, each sorted and without repeats."""
    found = set(found)
    return sorted(e for e in found if not isinstance(e, DataWarning)), sorted(e for e in found if isinstance(e, DataWarning))


def warnings_report(warnings: Iterable[DataWarning], *, strict_hint: bool = True) -> str:
    warnings = list(warnings)
    lines = [f"注意: {w}" for w in warnings]
    hint = "（--strict を付けると誤りとして扱います）" if strict_hint else ""
    lines.append(f"注意が {len(warnings)} 件あります。意図したとおりか確かめてください{hint}。")
    return "\n".join(lines)


class DataErrors(Exception):
    """Raised once per run with every problem found, so the author can fix them all at once
    (the run's warnings are listed too, after the errors)."""

    def __init__(self, errors: Iterable[DataError], warnings: Iterable[DataWarning] = ()):
        self.errors = sorted(set(errors))
        self.warnings = sorted(set(warnings))
        super().__init__(self.report())

    def __reduce__(self):  # pickled with its problems (a page made in another process: base.forked)
        return DataErrors, (self.errors, self.warnings)

    def report(self) -> str:
        lines = [str(e) for e in self.errors] + [f"注意: {w}" for w in self.warnings]
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
    """A file's name as messages show it: relative to the project folder when inside it (a link
    by its own name, not by its target's)."""
    return _shown(os.path.abspath(path), os.path.abspath(root), path.as_posix())


@functools.lru_cache(maxsize=1 << 16)  # asked for every data file at every preview rebuild; the files are few
def _shown(path: str, root: str, written: str) -> str:
    for shown, base in ((Path(path), Path(root)), (Path(path).resolve(), Path(root).resolve())):
        if shown.is_relative_to(base):
            return shown.relative_to(base).as_posix()
    return written


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in a text."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
