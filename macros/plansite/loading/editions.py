"""Earlier editions of a plan: complete snapshots under data/plans/<plan>/editions/<edition-id>/.

Each snapshot is read and checked exactly like the current plan (same messages, its own
file:line:column), then the editions are checked against each other.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Optional

from ..base.urls import EDITIONS_DIR
from ..model.plan import Plan
from ..model.plan_meta import PlanMeta
from ..text.dates import date
from ..base.errors import DataError
from .yaml_source import SourceMap


def load_editions(plan_dir: Path, current: Optional[Plan], snapshots: list[Path], *, root: Path, known, load_plan,
                  show) -> tuple[Optional[Plan], list[DataError]]:
    """The current plan with its earlier editions attached (newest first), and every problem found.

    snapshots are the folders under editions/; load_plan and show are the loader's own
    functions, passed in so both share one reading path. The snapshots are checked even when
    the current plan failed, so their problems are reported in the same run."""
    errors: list[DataError] = []
    earlier: list[Plan] = []
    for snapshot in snapshots:
        if not (snapshot / "plan.yaml").is_file():
            errors.append(DataError(show(snapshot, root), 1, 1, "", f"過去の版のフォルダに plan.yaml がありません。{EDITIONS_DIR}/ には版ごとに計画のフォルダ全体をコピーして置いてください"))
            continue
        plan, plan_errors = load_plan(snapshot, root=root, known=known, plan_id=plan_dir.name, archived=True)
        errors.extend(plan_errors)
        if plan:
            earlier.append(plan)
    if current is None or not snapshots:
        return current, errors
    errors.extend(_check_against_current(current, earlier))
    earlier.sort(key=lambda plan: plan.meta.edition.order, reverse=True)
    return dataclasses.replace(current, earlier=tuple(earlier)), errors


def _plan_yaml(plan: Plan) -> SourceMap:
    return next(source for name, source in plan.sources.items() if name.rpartition("/")[2] == "plan.yaml")


def check_snapshot(meta: PlanMeta, folder_name: str, source: SourceMap) -> list[DataError]:
    """An earlier edition's plan.yaml names its edition, with the folder's name as id.

    Called by load_plan as soon as plan.yaml is read, so it is reported with the snapshot's other errors."""
    edition = meta.edition
    if edition is None:
        return [source.error(("edition",), "過去の版の plan.yaml には edition（版の id・name・as_of）を書いてください", at_key=True)]
    if edition.id != folder_name:
        return [source.error(("edition", "id"), f"版の ID「{edition.id}」がフォルダ名「{folder_name}」と違います。同じにしてください（過去の版のページの URL になります）")]
    return []


def _check_against_current(current: Plan, earlier: list[Plan]) -> list[DataError]:
    edition = current.meta.edition
    source = _plan_yaml(current)
    current_file = source.file
    if edition is None:
        return [source.error(("edition",), f"{EDITIONS_DIR}/ に過去の版があるので、この plan.yaml にも今の版の edition（id・name・as_of）を書いてください")]
    errors = []
    seen: dict[tuple, str] = {}
    for plan in earlier:
        other = plan.meta.edition
        other_source = _plan_yaml(plan)
        if other.id == edition.id:
            errors.append(other_source.error(("edition", "id"), f"版の ID「{other.id}」は今の版（{current_file}）と同じです。別の ID にしてください"))
        if other.order >= edition.order:
            errors.append(other_source.error(("edition", "as_of"), f"過去の版の時点（{date(other.as_of)}）が今の版の時点（{date(edition.as_of)}）と同じか後です。最新の版を {current_file} に置いてください"))
        elif other.order in seen:
            errors.append(other_source.error(("edition", "as_of"), f"時点（{date(other.as_of)}）が過去の版「{seen[other.order]}」と同じです。版ごとに違う時点を書いてください"))
        seen.setdefault(other.order, other.id)
    return errors
