"""A plan as open data: the whole plan as one JSON document (the authors' YAML, file by file,
checked by the published JSON Schema) and its 事業 as CSV. Indicators come from progress.export."""

from __future__ import annotations

import json
import posixpath
import weakref

from ..model.plan import Plan
from ..pages import urls
from ..progress.export import downloads
from ..text.csv_cells import csv_text

# Where each data file of a plan goes in the JSON document; projects are keyed by their id.
_SINGLE = {"plan.yaml": "plan", "tree.yaml": "tree", "lineage.yaml": "lineage", "glossary.yaml": "glossary",
           "comments.yaml": "comments"}

PROJECT_COLUMNS = ("計画", "事業ID", "番号", "事業名", "区分", "事業区分", "新規・継続", "体系", "主管課", "ページ")


def plan_document(plan: Plan) -> dict:
    """The plan's data as its authors wrote it, one key per file, plus the chapters' Markdown."""
    document: dict = {"id": plan.id}
    projects = {}
    for name, source in plan.sources.items():
        folder, file_name = posixpath.split(name)
        if posixpath.basename(folder) == "projects":
            projects[posixpath.splitext(file_name)[0]] = source.data
        elif file_name in _SINGLE:
            document[_SINGLE[file_name]] = source.data
    document["projects"] = {project.id: projects[project.id] for project in plan.projects if project.id in projects}
    document["chapters"] = [{"id": c.id, "title": c.title, "markdown": c.markdown} for c in plan.chapters]
    return document


def plan_json(plan: Plan) -> str:
    return json.dumps(plan_document(plan), ensure_ascii=False, indent=1, default=str) + "\n"


def projects_csv(plan: Plan, *, bom: bool = False) -> str:
    categories = {c.id: c.name for c in plan.meta.categories}

    def row(project):
        node = plan.nodes[project.node]
        path = " > ".join(f"{n.number or ''} {n.title}".strip() for n in plan.ancestors[node.id] + (node,))
        return (plan.meta.title, project.id, project.number, project.title, plan.projects_label(project),
                categories.get(project.category or "", ""), project.novelty_label or "", path, "、".join(project.departments),
                urls.project(plan, project))

    return csv_text(PROJECT_COLUMNS, map(row, plan.projects), bom=bom)


OPEN_DATA_FILES = {
    "json": ("plan.json", "JSON", "計画のすべてのデータ（計画・体系・事業・指標・用語集など、データのファイルごと）"),
    "projects": ("projects.csv", "CSV（UTF-8）", "事業の一覧（1行に1事業）"),
    "projects-excel": ("projects-excel.csv", "CSV（Excel 用、BOM 付き UTF-8）", "事業の一覧（Excel で開くとき）"),
}


def open_data_files(plan: Plan) -> dict[str, str]:
    """Site path -> content of the plan's open data files."""
    folder = urls.open_data(plan)
    return {
        folder + OPEN_DATA_FILES["json"][0]: plan_json(plan),
        folder + OPEN_DATA_FILES["projects"][0]: projects_csv(plan),
        folder + OPEN_DATA_FILES["projects-excel"][0]: projects_csv(plan, bom=True),
    }


_files: "weakref.WeakKeyDictionary[Plan, dict[str, str]]" = weakref.WeakKeyDictionary()


def plan_files(plan: Plan) -> dict[str, str]:
    """Every downloadable file of a plan (open data, then indicators), made once per loaded plan:
    the plugin writes them and the open data page states their sizes."""
    if plan not in _files:
        _files[plan] = {**open_data_files(plan), **downloads(plan)}
    return _files[plan]
