"""JSON Schemas of the data files, for editors with a YAML language server (completion, checks)."""

from __future__ import annotations

import json

from pydantic import BaseModel

from .model.comments import Comments
from .model.glossary import Glossary, Priorities
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
    "comments": (Comments, "意見の概要と市の考え方（comments.yaml）"),
    "priorities": (Priorities, "重点取組事項の一覧（data/shared/priorities.yaml）"),
}


def schema_text(name: str) -> str:
    model, title = SCHEMAS[name]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **{k: v for k, v in schema.items() if k != "title"}}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
