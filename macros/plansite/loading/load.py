"""Load every plan under data/plans into one validated Site, or report every problem at once."""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ValidationError

from ..base.digests import file_digest
from ..base.errors import DataError, DataErrors, DataWarning, shown_path, split
from ..base.urls import EDITIONS_DIR
from ..model.glossary import Glossary, Priorities, SharedGlossary
from ..model.comments import Comments
from ..model.lineage import Lineage
from ..model.plan import Chapter, Plan, Site, natural_key
from ..model.plan_meta import PlanMeta
from ..model.project import Project
from ..model.tree import Tree
from . import text_checks
from .editions import check_snapshot, load_editions
from .files import Boundary, entries, read_plan_folder
from .limits import MAX_FILE_BYTES, MAX_TEXT, too_large, too_long
from .messages import translate
from .references import check_references
from .warnings import glossary_warnings, plan_warnings, site_warnings
from .yaml_source import SourceMap, read_yaml

PLANS_DIR = "plans"
SHARED_DIR = "shared"
SHARED_FILES = {"priorities.yaml": Priorities, "glossary.yaml": SharedGlossary}
DATA_FOLDERS = (PLANS_DIR, SHARED_DIR, "schema")  # schema/ is made by make schema, for editors
_PLAN_ID = re.compile(r"[a-z0-9][a-z0-9-]*")  # matched whole (fullmatch): "focus-3\n" is not an id


def load_site(data_dir: Path, plan_ids: Optional[list[str]] = None, *, root: Optional[Path] = None,
              cache: Optional[dict] = None, strict: bool = False) -> Site:
    """Read and validate the plans; raise DataErrors listing every problem found.

    root is the folder file names in messages are relative to (the project folder). Warnings
    are kept in site.warnings; with strict (or a plan's own warnings: strict) they are errors.
    """
    site, found = read_site(data_dir, plan_ids, root=root, cache=cache)
    site, errors, warnings = sort_out(site, found, strict=strict, root=root or Path(data_dir).parent)
    if errors:
        raise DataErrors(errors, warnings)
    return site


def sort_out(site: Site, found: list[DataError], *, strict: bool, root: Path) -> tuple[Site, list[DataError], list[DataWarning]]:
    """The run's errors and warnings, and the site carrying the warnings. With strict, or for the
    files of a plan whose plan.yaml says warnings: strict, warnings count as errors."""
    errors, warnings = split(found)
    strict_plans = tuple(_folder_of(plan) for plan in site.plans if plan.meta.warnings == "strict")
    promoted = [w for w in warnings if strict or w.file.startswith(strict_plans)]
    if promoted:
        errors, warnings = split([*errors, *(w.as_error() for w in promoted), *(w for w in warnings if w not in promoted)])
    return dataclasses.replace(site, warnings=tuple(warnings)), errors, warnings


def _folder_of(plan: Plan) -> str:
    """The plan's folder as messages name it ("data/plans/hadano-dx/"), from its plan.yaml."""
    return next(name for name in plan.sources if name.endswith("/plan.yaml")).removesuffix("plan.yaml")


def read_site(data_dir: Path, plan_ids: Optional[list[str]] = None, *, root: Optional[Path] = None,
              cache: Optional[dict] = None) -> tuple[Site, list[DataError]]:
    """The plans that loaded, and every problem found, warnings included (so later checks can add
    theirs to the same run; sort_out tells errors from warnings).

    cache: kept by the preview between rebuilds, so a file whose bytes have not changed is not
    parsed again (see _validate)."""
    cache = {} if cache is None else cache
    data_dir = Path(data_dir)
    root = Path(root) if root else data_dir.parent
    show = functools.partial(shown_path, root=root)
    boundary = Boundary(data_dir)
    plans_dir = data_dir / PLANS_DIR
    found: list[DataError] = []
    available = _plan_folders(data_dir, boundary, show, found)
    wanted = plan_ids or available
    shared = _read_shared(data_dir / SHARED_DIR, boundary, root, show, found, cache)
    priorities, shared_glossary = shared.get("priorities.yaml"), shared.get("glossary.yaml")
    known = Known(set(available), {p.id for p in priorities.items} if priorities else set())
    plans = []
    for plan_id in wanted:
        if plan_id not in available:
            found.append(DataError(show(plans_dir), 1, 1, "", f"計画「{plan_id}」が見つかりません（{PLANS_DIR}/{plan_id}/plan.yaml がありません）"))
            continue
        plan, plan_found = load_plan(plans_dir / plan_id, root=root, known=known, boundary=boundary, cache=cache)
        found.extend(plan_found)
        if plan:
            plans.append(plan)
    if not wanted and not found:
        found.append(DataError(show(plans_dir), 1, 1, "", "計画がひとつもありません。data/plans/<計画のID>/plan.yaml を作ってください"))
    site = Site(tuple(plans), priorities, shared_glossary)
    found.extend(site_warnings(site))
    return site, found


@dataclass(frozen=True)
class Known:
    """Ids that references from one plan may point at outside it."""

    plans: set[str] = field(default_factory=set)
    priorities: set[str] = field(default_factory=set)


def _plan_folders(data_dir: Path, boundary: Boundary, show, found: list[DataError]) -> list[str]:
    """The plan folders under data/plans, with whatever else lies in data/ or data/plans reported."""
    if data_dir.is_dir():
        for path in entries(data_dir):
            if path.name not in DATA_FOLDERS:
                found.append(DataWarning(show(path), 1, 1, "", f"「{path.name}」は読みません（data/ で読むのは {PLANS_DIR}/ と {SHARED_DIR}/）。サイトには載りません"))
    plans_dir = data_dir / PLANS_DIR
    folders = []
    for path in entries(plans_dir) if plans_dir.is_dir() else ():
        problem = boundary.problem(path, show)
        if problem:
            found.append(problem)
        elif path.is_dir():
            folders.append(path.name)
        else:
            found.append(DataError(show(path), 1, 1, "", f"{PLANS_DIR}/ には計画ごとのフォルダだけを置きます。「{path.name}」は読みません"))
    return sorted(folders)


def _read_shared(folder: Path, boundary: Boundary, root: Path, show, found: list[DataError], cache: dict) -> dict:
    read, sources = {}, {}
    for path in entries(folder) if folder.is_dir() else ():
        problem = boundary.problem(path, show)
        if problem:
            found.append(problem)
        elif path.name in SHARED_FILES and path.is_file():
            read[path.name] = _validate(path, SHARED_FILES[path.name], root, found, sources, cache)
        else:
            found.append(DataError(show(path), 1, 1, "", f"「{path.name}」は読みません（{SHARED_DIR}/ で読むのは {'、'.join(SHARED_FILES)}）。名前を確かめてください"))
    glossary = read.get("glossary.yaml")
    if glossary:
        found.extend(glossary_warnings(glossary, sources[show(folder / "glossary.yaml")]))
    return read


def _validate(path: Path, model: type[BaseModel], root: Path, errors: list[DataError], sources: dict, cache: dict,
              context: Optional[dict] = None, extra: Optional[dict] = None):
    """Read and validate one YAML file; errors go to errors, the source map to sources.

    cache: (file, what it was read as) -> (digest of its bytes, result, its errors, its source map);
    the digest itself is not taken again while the file is unchanged (base.digests)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:  # not even read: a 50 MB field would take minutes and gigabytes
        errors.append(DataError(shown_path(path, root), 1, 1, "", too_large(size)))
        return None
    key = (os.path.abspath(path), shown_path(path, root), model, repr(context), repr(extra))
    digest = file_digest(path)
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
    document, read_found = read_yaml(path, shown_path(path, root))
    errors.extend(read_found)
    if document is None:
        return None
    failed = _has_errors(read_found)
    sources[document.source.file] = document.source
    data = document.data
    if not isinstance(data, dict):
        if not failed:
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
        # After a problem in the file itself, only what it did not touch is reported.
        errors.extend(translate(exc, document.source, model, keep=document.trusted if failed else None))
        return None
    if failed:
        return None
    document.source.forget_positions()
    return result


def _has_errors(found: list[DataError]) -> bool:
    return any(not isinstance(e, DataWarning) for e in found)


def load_plan(plan_dir: Path, *, root: Path, known: Optional[Known] = None, plan_id: Optional[str] = None,
              archived: bool = False, boundary: Optional[Boundary] = None,
              cache: Optional[dict] = None) -> tuple[Optional[Plan], list[DataError]]:
    """plan_id and archived are given for an earlier edition, whose folder is named after the edition.

    Returns the plan (None if any file has an error) and every error and warning found."""
    plan_id = plan_id or plan_dir.name
    boundary = boundary or Boundary(root / "data")
    cache = {} if cache is None else cache
    errors: list[DataError] = []
    sources: dict[str, SourceMap] = {}

    def validate(path: Optional[Path], model: type[BaseModel], context: Optional[dict] = None, extra: Optional[dict] = None):
        return _validate(path, model, root, errors, sources, cache, context, extra) if path else None

    if not _PLAN_ID.fullmatch(plan_id):
        errors.append(DataError(shown_path(plan_dir, root), 1, 1, "", f"計画のフォルダ名「{plan_id}」は使えません。半角英小文字・数字・ハイフンにしてください（URLになります）"))
        return None, errors

    folder = read_plan_folder(plan_dir, boundary, functools.partial(shown_path, root=root))
    errors.extend(folder.problems)
    files = folder.files
    if "plan.yaml" not in files and "plan.yaml" not in folder.misnamed:
        errors.append(DataError(shown_path(plan_dir, root), 1, 1, "", "plan.yaml がありません。計画の名称・期間・階層の名前などを書いたファイルが必要です"))
    meta = validate(files.get("plan.yaml"), PlanMeta, {})  # the period, once read, checks the plan's own kpis
    if archived and meta:
        errors.extend(check_snapshot(meta, plan_dir.name, sources[shown_path(files["plan.yaml"], root)]))
    context = {"period": (meta.period.first_year, meta.period.last_year)} if meta else None
    # Without tree.yaml the plan is flat: its 事業 sit directly under it. A tree.yaml that is there
    # but cannot be read (a folder, plan.yml-style names) is not a flat plan: the node checks wait.
    tree = validate(files["tree.yaml"], Tree, context) if "tree.yaml" in files else None if "tree.yaml" in folder.misnamed else Tree()

    projects = []
    for path in folder.projects:
        project_id = path.stem
        if not _PLAN_ID.fullmatch(project_id):
            errors.append(DataError(shown_path(path, root), 1, 1, "", f"ファイル名「{path.name}」は使えません。事業のIDとして半角英小文字・数字・ハイフンにしてください（URLになります）"))
            continue
        project = validate(path, Project, context, extra={"id": project_id})
        if project:
            projects.append(project)

    lineage = validate(files.get("lineage.yaml"), Lineage)
    glossary = validate(files.get("glossary.yaml"), Glossary)
    comments = validate(files.get("comments.yaml"), Comments)
    chapters = _read_chapters(folder.chapters, root, errors)

    if tree:
        order = {node.id: i for i, (node, _) in enumerate(tree.walk())}
        projects.sort(key=lambda p: (order.get(p.node, len(order)), natural_key(p.number or "")))
    plan = Plan(plan_id, meta, tree, tuple(projects), chapters, lineage, glossary, comments, sources, archived=archived)
    # Cross-file checks run on whatever did load (even without plan.yaml or tree.yaml), so one
    # run reports as much as it can.
    errors.extend(check_references(plan, known_projects={path.stem for path in folder.projects}, known=known or Known()))
    errors.extend(plan_warnings(plan))
    complete = plan if meta and tree else None
    if not archived:
        complete, edition_errors = load_editions(plan_dir, complete, folder.editions, root=root, known=known,
                                                 load_plan=functools.partial(load_plan, boundary=boundary, cache=cache), show=shown_path)
        errors.extend(edition_errors)
    elif (plan_dir / EDITIONS_DIR).exists():
        errors.append(DataError(shown_path(plan_dir / EDITIONS_DIR, root), 1, 1, "", f"過去の版の中に {EDITIONS_DIR} フォルダは置けません。過去の版はすべて {shown_path(plan_dir.parent, root)}/ に並べてください"))
    return (None if _has_errors(errors) else complete), errors


def _read_chapters(paths: list[Path], root: Path, errors: list[DataError]) -> tuple[Chapter, ...]:
    chapters = []
    for path in paths:
        shown = shown_path(path, root)
        if not _PLAN_ID.fullmatch(path.stem):
            errors.append(DataError(shown, 1, 1, "", f"ファイル名「{path.name}」は使えません。半角英小文字・数字・ハイフンにしてください（URLになります）"))
            continue
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            errors.append(DataError(shown, 1, 1, "", too_large(size)))
            continue
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            errors.append(DataError(shown, 1, 1, "", "文字コードが UTF-8 ではありません。UTF-8 で保存し直してください"))
            continue
        problems = text_checks.invisible(text, shown) + text_checks.conflict_markers(text, shown)
        errors.extend(problems + text_checks.dash_items(text, shown))
        stripped = text.lstrip("\n")
        first = stripped.split("\n", 1)
        title = first[0][2:].strip() if first[0].startswith("# ") else ""
        if not first[0].startswith("# ") or not title:
            errors.append(DataError(shown, 1, 1, "", "章の1行目は「# 章の題名」にしてください"))
            continue
        if len(title) > MAX_TEXT:
            errors.append(DataError(shown, 1, 1, "", too_long(len(title))))
            continue
        if not problems:
            body = first[1] if len(first) > 1 else ""
            chapters.append(Chapter(path.stem, title, body, shown, len(text) - len(stripped) + 2))
    return tuple(chapters)
