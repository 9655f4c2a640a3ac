"""A plan as open data: the whole plan as one JSON document (the authors' YAML, file by file,
checked by the published JSON Schema) and its 事業 as CSV. Indicators come from progress.export."""

from __future__ import annotations

from typing import Iterator

from ..model.plan import Plan
from ..base import urls
from ..progress.export import FileContent, Keep, downloads, made
from ..progress.register import Register
from ..text.csv_cells import ExcelCopy, csv_text
from ..text.json_stream import Streamed, json_chunks, written

PROJECT_COLUMNS = ("計画", "事業ID", "番号", "事業名", "区分", "事業区分", "新規・継続", "体系", "主管課", "ページ")


def _as_written(model, **exclude) -> dict:
    """A data file's model as its author wrote it (only the keys written, values in the forms the
    file's own JSON Schema describes)."""
    return model.model_dump(mode="json", by_alias=True, exclude_unset=True, exclude=set(exclude) or None)


def plan_document(plan: Plan, keep: Keep = made) -> dict:
    """The plan's data, one key per data file, plus the chapters' Markdown; made from the model
    (the 事業 one at a time, as they are written; keep: the preview's, of its last build)."""
    document: dict = {"id": plan.id, "plan": _as_written(plan.meta), "tree": _as_written(plan.tree)}
    document["projects"] = Streamed(((project.id, keep(project.id, ("plan.json", project.id), lambda project=project: written(_as_written(project, id=True))))
                                     for project in plan.projects), pairs=True)
    for name in ("lineage", "glossary", "comments"):
        if getattr(plan, name) is not None:
            document[name] = _as_written(getattr(plan, name))
    document["chapters"] = [{"id": c.id, "title": c.title, "markdown": c.markdown} for c in plan.chapters]
    return document


def plan_json(plan: Plan, keep: Keep = made) -> Iterator[str]:
    yield from json_chunks(plan_document(plan, keep))
    yield "\n"


def projects_csv(plan: Plan) -> str:
    categories = {c.id: c.name for c in plan.meta.categories}

    def row(project):
        path = " > ".join(node.numbered_title for node in plan.path_of(project))
        return (plan.meta.title, project.id, project.number or "", project.title, plan.projects_label(project),
                categories.get(project.category or "", ""), project.novelty_label or "", path, "、".join(project.departments),
                urls.project(plan, project))

    return csv_text(PROJECT_COLUMNS, map(row, plan.projects))


OPEN_DATA_FILES = {
    # {project}: what the plan calls its 事業 (Words.project)
    "json": ("plan.json", "JSON", "計画のすべてのデータ（計画・体系・{project}・指標・用語集など、データのファイルごと）"),
    "projects": ("projects.csv", "CSV（UTF-8）", "{project}の一覧（1行に1{project}）"),
    "projects-excel": ("projects-excel.csv", "CSV（Excel 用、BOM 付き UTF-8）", "{project}の一覧（Excel で開くとき）"),
}


def open_data_files(plan: Plan, keep: Keep = made) -> Iterator[tuple[str, FileContent]]:
    """(site path, content) of the plan's open data files, one at a time."""
    folder = urls.open_data(plan)
    yield folder + OPEN_DATA_FILES["json"][0], plan_json(plan, keep)
    yield folder + OPEN_DATA_FILES["projects"][0], (projects_csv(plan),)
    yield folder + OPEN_DATA_FILES["projects-excel"][0], ExcelCopy(folder + OPEN_DATA_FILES["projects"][0])


def plan_files(plan: Plan, register: Register, keep: Keep = made) -> Iterator[tuple[str, FileContent]]:
    """Every downloadable file of a plan (open data, then indicators): the site publishes them and
    the open data page states their sizes. keep: the preview's pieces of the files, by 事業."""
    yield from open_data_files(plan, keep)
    yield from downloads(register, keep)
