"""Which data files changed between two preview builds, and whether the change is only to 事業
files (the edit the preview can answer by making again only the pages that show those 事業)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from .files import PROJECTS_DIR
from .load import PLANS_DIR

Snapshot = dict[str, tuple[int, int]]  # path -> (modification time in ns, size)


def snapshot(*places: Path) -> Snapshot:
    """Every file under the folders (or the files) given, as the file system last saw it."""
    seen: Snapshot = {}
    for place in places:
        paths = [place] if place.is_file() else (p for p in place.rglob("*") if p.is_file())
        for path in paths:
            status = path.stat()
            seen[path.as_posix()] = (status.st_mtime_ns, status.st_size)
    return seen


def edited_projects(before: Optional[Snapshot], after: Snapshot, data_dir: Path) -> Optional[dict[str, set[str]]]:
    """Plan id -> the 事業 ids whose files were edited, when nothing but 事業 files that existed
    before changed; None when anything else changed (a new or removed file, plan.yaml …)."""
    if before is None or before.keys() != after.keys():
        return None
    edited: dict[str, set[str]] = {}
    plans = (data_dir / PLANS_DIR).as_posix() + "/"
    for path in (p for p in after if after[p] != before[p]):
        parts = path[len(plans):].split("/") if path.startswith(plans) else []
        if len(parts) != 3 or parts[1] != PROJECTS_DIR or os.path.splitext(parts[2])[1] != ".yaml":
            return None
        edited.setdefault(parts[0], set()).add(parts[2][: -len(".yaml")])
    return edited
