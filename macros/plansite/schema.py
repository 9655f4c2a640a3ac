"""JSON Schemas of the data files, for editors with a YAML language server (completion, checks)."""

from __future__ import annotations

import functools
import json

from pydantic import BaseModel

from .model.comments import Comments
from .model.glossary import Glossary, Priorities, SharedGlossary
from .model.lineage import Lineage
from .model.plan_meta import PlanMeta
from .model.project import Project
from .model.tree import Tree

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "plan": (PlanMeta, "計画の基本情報（plan.yaml）"),
    "tree": (Tree, "計画の体系（tree.yaml）"),
    "project": (Project, "事業（projects/<事業のID>.yaml）"),
    "lineage": (Lineage, "前計画からの移行（lineage.yaml）"),
    "glossary": (Glossary, "用語集（glossary.yaml）"),
    "shared-glossary": (SharedGlossary, "共通の用語集（data/shared/glossary.yaml）"),
    "comments": (Comments, "意見の概要と市の考え方（comments.yaml）"),
    "priorities": (Priorities, "重点取組事項の一覧（data/shared/priorities.yaml）"),
}


def schema_text(name: str) -> str:
    model, title = SCHEMAS[name]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **{k: v for k, v in schema.items() if k != "title"}}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


PLAN_DATA = "plan-data"  # the whole plan as one JSON document (open data), built from the others


def plan_data_schema_text() -> str:
    """Schema of <plan>/data/plan.json: each data file under its own key, checked by its schema."""
    chapter = {
        "type": "object", "required": ["id", "title", "markdown"], "additionalProperties": False,
        "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "markdown": {"type": "string"}},
    }
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "計画のすべてのデータ（オープンデータの plan.json）",
        "type": "object",
        "required": ["id", "plan", "tree", "projects", "chapters"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "description": "計画の ID（data/plans/ のフォルダ名）"},
            "plan": {"$ref": "plan.schema.json"},
            "tree": {"$ref": "tree.schema.json"},
            "projects": {"type": "object", "description": "事業の ID（ファイル名）ごとの事業", "additionalProperties": {"$ref": "project.schema.json"}},
            "lineage": {"$ref": "lineage.schema.json"},
            "glossary": {"$ref": "glossary.schema.json"},
            "comments": {"$ref": "comments.schema.json"},
            "chapters": {"type": "array", "description": "計画書の章（Markdown）", "items": chapter},
        },
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def published_schemas() -> dict[str, str]:
    """File name -> text of every schema, as data/schema/ holds them and the site publishes them."""
    return dict(_schema_files())


@functools.cache  # they follow from the code alone: made once per process, not once per build or preview
def _schema_files() -> tuple[tuple[str, str], ...]:
    files = [(f"{name}.schema.json", schema_text(name)) for name in SCHEMAS]
    return (*files, (f"{PLAN_DATA}.schema.json", plan_data_schema_text()))
