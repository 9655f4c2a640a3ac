"""Load every plan under data/plans into one validated Site, or report every problem at once."""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ValidationError

from ..model.glossary import Glossary, Priorities, SharedGlossary
from ..model.comments import Comments
from ..model.lineage import Lineage
from ..model.plan import Chapter, Plan, Site, natural_key
from ..model.plan_meta import PlanMeta
from ..model.project import Project
from ..model.tree import Tree
from .editions import check_snapshot, load_editions
from ..base.errors import DataError, DataErrors, shown_path
from .messages import translate
from .references import check_references
from .yaml_source import SourceMap, read_yaml

PLANS_DIR = "plans"
SHARED_DIR = "shared"
_PLAN_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def load_site(data_dir: Path, plan_ids: Optional[list[str]] = None, *, root: Optional[Path] = None,
              cache: Optional[dict] = None) -> Site:
    """Read and validate the plans; raise DataErrors listing every problem found.

    root is the folder file names in messages are relative to (the project folder).
    """
    site, errors = read_site(data_dir, plan_ids, root=root, cache=cache)
    if errors:
        raise DataErrors(errors)
    return site


def read_site(data_dir: Path, plan_ids: Optional[list[str]] = None, *, root: Optional[Path] = None,
              cache: Optional[dict] = None) -> tuple[Site, list[DataError]]:
    """The plans that loaded, and every problem found (so later checks can add theirs to the same run).

    cache: kept by the preview between rebuilds, so a file whose bytes have not changed is not
    parsed again (see _validate)."""
    cache = {} if cache is None else cache
    data_dir = Path(data_dir)
    root = Path(root) if root else data_dir.parent
    plans_dir = data_dir / PLANS_DIR
    errors: list[DataError] = []
    available = sorted(p.name for p in plans_dir.iterdir() if (p / "plan.yaml").is_file()) if plans_dir.is_dir() else []
    wanted = plan_ids or available
    shared = data_dir / SHARED_DIR
    priorities = _optional(shared / "priorities.yaml", Priorities, root, errors, cache)
    shared_glossary = _optional(shared / "glossary.yaml", SharedGlossary, root, errors, cache)
    known = Known(set(available), {p.id for p in priorities.items} if priorities else set())
    plans = []
    for plan_id in wanted:
        if plan_id not in available:
            errors.append(DataError(shown_path(plans_dir, root), 1, 1, "", f"計画「{plan_id}」が見つかりません（{PLANS_DIR}/{plan_id}/plan.yaml がありません）"))
            continue
        read_plan = functools.partial(load_plan, cache=cache)
        plan, plan_errors = read_plan(plans_dir / plan_id, root=root, known=known)
        plan, edition_errors = load_editions(plans_dir / plan_id, plan, root=root, known=known, load_plan=read_plan, show=shown_path)
        errors.extend(plan_errors + edition_errors)
        if plan:
            plans.append(plan)
    if not wanted and not errors:
        errors.append(DataError(shown_path(plans_dir, root), 1, 1, "", "計画がひとつもありません。data/plans/<計画のID>/plan.yaml を作ってください"))
    return Site(tuple(plans), priorities, shared_glossary), errors


@dataclass(frozen=True)
class Known:
    """Ids that references from one plan may point at outside it."""

    plans: set[str] = field(default_factory=set)
    priorities: set[str] = field(default_factory=set)


def _optional(path: Path, model: type[BaseModel], root: Path, errors: list[DataError], cache: dict):
    return _validate(path, model, root, errors, {}, cache) if path.exists() else None


def _validate(path: Path, model: type[BaseModel], root: Path, errors: list[DataError], sources: dict, cache: dict,
              context: Optional[dict] = None, extra: Optional[dict] = None):
    """Read and validate one YAML file; errors go to errors, the source map to sources.

    cache: (file, what it was read as) -> (digest of its bytes, result, its errors, its source map)."""
    key = (str(path.resolve()), shown_path(path, root), model, repr(context), repr(extra))
    digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    cached = cache.get(key)
    if cached is None or cached[0] != digest:
        own: list[DataError] = []
        own_sources: dict = {}
        result = _read_and_validate(path, model, root, own, own_sources, context, extra)
        cache[key] = cached = (digest, result, own, own_sources)
    _, result, own, own_sources = cached
    errors.extend(own)
    sources.update(own_sources)
    return result


def _read_and_validate(path: Path, model: type[BaseModel], root: Path, errors: list[DataError], sources: dict,
                       context: Optional[dict], extra: Optional[dict]):
    document, read_errors = read_yaml(path, shown_path(path, root))
    errors.extend(read_errors)
    if document is None:
        return None
    sources[document.source.file] = document.source
    data = document.data
    if not isinstance(data, dict):
        errors.append(document.source.error((), "ファイル全体を「キー: 値」の形（マッピング）で書いてください"))
        return None
    if extra:
        for key in extra:
            if key in data:
                errors.append(document.source.error((key,), f"「{key}」は書かないでください（ファイル名から決まります）", at_key=True))
                return None
        data = {**data, **extra}
    try:
        result = model.model_validate(data, context=context)
    except ValidationError as exc:
        errors.extend(translate(exc, document.source, model))
        return None
    if not errors:
        document.source.forget_positions()
    return result


def load_plan(plan_dir: Path, *, root: Path, known: Optional[Known] = None, plan_id: Optional[str] = None,
              archived: bool = False, cache: Optional[dict] = None) -> tuple[Optional[Plan], list[DataError]]:
    """plan_id and archived are given for an earlier edition, whose folder is named after the edition."""
    plan_id = plan_id or plan_dir.name
    errors: list[DataError] = []
    sources: dict[str, SourceMap] = {}

    cache = {} if cache is None else cache

    def validate(path: Path, model: type[BaseModel], context: Optional[dict] = None, extra: Optional[dict] = None):
        return _validate(path, model, root, errors, sources, cache, context, extra)

    if not _PLAN_ID.match(plan_id):
        errors.append(DataError(shown_path(plan_dir, root), 1, 1, "", f"計画のフォルダ名「{plan_id}」は使えません。半角英小文字・数字・ハイフンにしてください（URLになります）"))
        return None, errors

    meta = validate(plan_dir / "plan.yaml", PlanMeta)
    if archived and meta:
        errors.extend(check_snapshot(meta, plan_dir.name, sources[shown_path(plan_dir / "plan.yaml", root)]))
    context = {"period": (meta.period.start, meta.period.end)} if meta else None
    tree = validate(plan_dir / "tree.yaml", Tree, context) if _required(plan_dir / "tree.yaml", root, errors) else None

    projects = []
    project_files = sorted((plan_dir / "projects").glob("*.y*ml"))
    for path in project_files:
        project_id = path.stem
        if not _PLAN_ID.match(project_id):
            errors.append(DataError(shown_path(path, root), 1, 1, "", f"ファイル名「{path.name}」は使えません。事業のIDとして半角英小文字・数字・ハイフンにしてください（URLになります）"))
            continue
        project = validate(path, Project, context, extra={"id": project_id})
        if project:
            projects.append(project)

    lineage_path = plan_dir / "lineage.yaml"
    lineage = validate(lineage_path, Lineage) if lineage_path.exists() else None
    glossary_path = plan_dir / "glossary.yaml"
    glossary = validate(glossary_path, Glossary) if glossary_path.exists() else None
    comments_path = plan_dir / "comments.yaml"
    comments = validate(comments_path, Comments) if comments_path.exists() else None
    chapters = _read_chapters(plan_dir / "chapters", root, errors)

    if meta is None or tree is None:
        return None, errors

    order = {node.id: i for i, (node, _) in enumerate(tree.walk())}
    projects.sort(key=lambda p: (order.get(p.node, len(order)), natural_key(p.number)))
    plan = Plan(plan_id, meta, tree, tuple(projects), chapters, lineage, glossary, comments, sources, archived=archived)
    # Cross-file checks run on whatever did load, so one run reports as much as it can.
    errors.extend(check_references(plan, known_projects={path.stem for path in project_files}, known=known or Known()))
    return (None if errors else plan), errors


def _required(path: Path, root: Path, errors: list[DataError]) -> bool:
    if path.is_file():
        return True
    errors.append(DataError(shown_path(path.parent, root), 1, 1, "", f"{path.name} がありません。体系（目指す姿・施策など）を書いたファイルが必要です"))
    return False


def _read_chapters(folder: Path, root: Path, errors: list[DataError]) -> tuple[Chapter, ...]:
    chapters = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else ():
        shown = shown_path(path, root)
        if not _PLAN_ID.match(path.stem):
            errors.append(DataError(shown, 1, 1, "", f"ファイル名「{path.name}」は使えません。半角英小文字・数字・ハイフンにしてください（URLになります）"))
            continue
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            errors.append(DataError(shown, 1, 1, "", "文字コードが UTF-8 ではありません。UTF-8 で保存し直してください"))
            continue
        stripped = text.lstrip("\n")
        first = stripped.split("\n", 1)
        if not first[0].startswith("# "):
            errors.append(DataError(shown, 1, 1, "", "章の1行目は「# 章の題名」にしてください"))
            continue
        body = first[1] if len(first) > 1 else ""
        chapters.append(Chapter(path.stem, first[0][2:].strip(), body, shown, len(text) - len(stripped) + 2))
    return tuple(chapters)
