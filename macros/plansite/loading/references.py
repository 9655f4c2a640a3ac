"""Checks that span files: ids are unique and every reference resolves."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import yaml

from ..base.errors import DataError
from ..model.fences import NOT_A_MAPPING, fence_problem
from ..model.plan import Plan
from ..text.markdown import plan_fences
from .limits import TOO_DEEP
from .suggest import did_you_mean
from .yaml_source import SourceMap, read_text


def check_references(plan: Plan, *, known_projects: set[str], known) -> list[DataError]:
    """known_projects: ids of every project file, including those that failed to load;
    known: plan and priority ids of the whole data folder.

    plan.meta or plan.tree is None when that file failed: the checks that need it are left out,
    the others still run, so their problems are reported in the same run."""
    errors: list[DataError] = []
    meta, tree = plan.meta, plan.tree
    tree_source = source_of(plan, "tree.yaml")
    node_ids: Optional[set[str]] = None
    if tree:
        seen: dict[str, tuple] = {}
        level_ids = [level.id for level in meta.levels] if meta else None
        if tree.nodes and meta and not level_ids:
            errors.append(source_of(plan, "plan.yaml").error(("levels",), "tree.yaml に体系がありますが、plan.yaml に levels（体系の階層の名前）がありません。levels を書いてください"))
        for path, node in _node_paths(plan):
            if node.id in seen:
                errors.append(tree_source.error(path + ("id",), f"ID「{node.id}」が重複しています（{tree_source.value_at(seen[node.id] + ('id',))[0]} 行目と同じ）。別の ID にしてください"))
            seen.setdefault(node.id, path)
            if level_ids and node.level not in level_ids:
                errors.append(tree_source.error(path + ("level",), f"階層「{node.level}」は plan.yaml の levels にありません（書ける値: {'、'.join(level_ids)}）"))
        common_seen: set[str] = set()
        for i, item in enumerate(tree.common):
            if item.id in common_seen or item.id in seen:
                errors.append(tree_source.error(("common", i, "id"), f"ID「{item.id}」が重複しています。別の ID にしてください"))
            common_seen.add(item.id)
        node_ids = set(seen)

    numbers: dict[str, str] = {}
    categories = {c.id for c in meta.categories} if meta else None
    for project in plan.projects:
        source = source_of(plan, f"projects/{project.id}.yaml")
        if node_ids is not None and project.node is not None and project.node not in node_ids:
            errors.append(source.error(("node",), _unknown("体系の ID", project.node, node_ids) if node_ids else
                                       f"体系の ID「{project.node}」が見つかりません。tree.yaml のない計画では、node を書かずに事業を計画の直下に置きます"))
        if project.number is not None and project.number in numbers:
            errors.append(source.error(("number",), f"事業番号「{project.number}」は {numbers[project.number]} と重複しています"))
        if project.number is not None:
            numbers.setdefault(project.number, f"projects/{project.id}.yaml")
        if project.successor and not project.successor.plan and meta and not meta.successor:
            errors.append(source.error(("successor",), "次の計画の名称がありません。successor に plan（次の計画の名称）を書くか、"
                                       "plan.yaml に successor（次の計画）を書いてください"))
        if project.novelty == "renamed" and not project.former_title:
            errors.append(source.error(("novelty",), "名称変更（renamed）のときは former_title（旧名称）も書いてください"))
        if categories is not None and project.category and project.category not in categories:
            errors.append(source.error(("category",), _unknown("事業区分", project.category, categories) + "（plan.yaml の categories に書いてください）"))
    errors.extend(_check_priorities(plan, known.priorities))
    meta_source = source_of(plan, "plan.yaml")
    if meta:
        for field_name in ("supersedes", "predecessor"):
            other = getattr(meta, field_name)
            if other and (other == plan.id or other not in known.plans):
                errors.append(meta_source.error((field_name,), _unknown("計画の ID", other, known.plans - {plan.id})))
        errors.extend(_check_contents(plan))
        vision = meta.timeline.vision
        for i, theme in enumerate(vision.themes if vision and node_ids is not None else ()):
            if theme.node and theme.node not in node_ids:
                errors.append(meta_source.error(("timeline", "vision", "themes", i, "node"), _unknown("体系の ID", theme.node, node_ids)))
        errors.extend(_check_fences(plan))
    if plan.glossary:
        errors.extend(_check_glossary(plan))
    if plan.lineage and node_ids is not None:
        errors.extend(_check_lineage(plan, node_ids | known_projects))
    if plan.comments:
        errors.extend(_check_comments(plan, node_ids, known_projects))
    if meta:
        errors.extend(_check_grades(plan))
    return errors


def _graded(plan: Plan):
    """(file, path of the grades mapping, grades) of everything that can be graded."""
    for i, indicator in enumerate(plan.meta.kpis):
        yield "plan.yaml", ("kpis", i, "grades"), indicator.grades
    for path, node in _node_paths(plan) if plan.tree else ():
        for i, indicator in enumerate(node.kpis):
            yield "tree.yaml", path + ("kpis", i, "grades"), indicator.grades
    for project in plan.projects:
        file = f"projects/{project.id}.yaml"
        yield file, ("grades",), project.grades
        for i, indicator in enumerate(project.kpis):
            yield file, ("kpis", i, "grades"), indicator.grades


def _check_grades(plan: Plan) -> list[DataError]:
    """Every grade is one of the plan's evaluation_scale, written once there."""
    errors = []
    scale = [grade.grade for grade in plan.meta.evaluation_scale]
    for i, grade in enumerate(scale):
        if grade in scale[:i]:
            errors.append(source_of(plan, "plan.yaml").error(("evaluation_scale", i, "grade"), f"評価の記号「{grade}」が重複しています。1つにまとめてください"))
    listing = "、".join(scale)
    for file, path, grades in _graded(plan):
        for year, entry in grades.items():
            if entry is None or entry.grade in scale:
                continue
            if not scale:
                message = (f"市の評価「{entry.grade}」を書くには、plan.yaml に evaluation_scale（評価の区分：記号・名前・説明）を書いてください")
            else:
                message = f"評価の記号「{entry.grade}」は plan.yaml の evaluation_scale にありません（書ける記号: {listing}）{did_you_mean(entry.grade, scale)}"
            errors.append(source_of(plan, file).error(path + (year,), message))
    return errors


def _check_fences(plan: Plan) -> list[DataError]:
    """```plan fences in chapters name a component that exists, with what it needs."""
    levels = {level.id for level in plan.meta.levels}
    errors = []
    for chapter in plan.chapters:
        for body, line in plan_fences(chapter.markdown):
            # Nesting is measured by our own reader first: thousands of levels would exhaust
            # the stack of yaml.safe_load (a RecursionError, not a YAMLError).
            _, problems = read_text(body, chapter.file)
            if any(e.message == TOO_DEEP for e in problems):
                problem = TOO_DEEP
            else:
                try:
                    problem = fence_problem(levels, yaml.safe_load(body))
                except yaml.YAMLError:
                    problem = NOT_A_MAPPING
            if problem:
                errors.append(DataError(chapter.file, chapter.first_line + line - 1, 1, "", problem))
    return errors


def _check_comments(plan: Plan, node_ids: Optional[set[str]], project_ids: set[str]) -> list[DataError]:
    source = source_of(plan, "comments.yaml")
    chapter_ids = {chapter.id for chapter in plan.chapters}
    errors = []
    for i, comment in enumerate(plan.comments.comments):
        for field_name, what, ids in (("project", "事業の ID", project_ids), ("node", "体系の ID", node_ids), ("chapter", "章", chapter_ids)):
            value = getattr(comment, field_name)
            if value and ids is not None and value not in ids:
                errors.append(source.error(("comments", i, field_name), _unknown(what, value, ids)))
    return errors


def _check_lineage(plan: Plan, targets: set[str]) -> list[DataError]:
    errors = []
    source = source_of(plan, "lineage.yaml")
    numbers: set[str] = set()
    for i, old in enumerate(plan.lineage.projects):
        path = ("projects", i)
        if old.number in numbers and not old.restated:
            errors.append(source.error(path + ("number",), f"事業番号「{old.number}」が重複しています。再掲の行なら restated: true を書いてください"))
        numbers.add(old.number)
        for j, successor in enumerate(old.successors):
            if successor not in targets:
                errors.append(source.error(path + ("successors", j), _unknown("新計画の事業または体系の ID", successor, targets)))
        if old.status == "continued" and not old.successors:
            errors.append(source.error(path + ("status",), "継続（continued）の事業には、引き継ぐ新計画の事業を successors に書いてください"))
        if old.status == "ended" and old.successors:
            errors.append(source.error(path + ("successors",), "終了（ended）の事業に successors は書けません。引き継ぐなら status: continued にしてください"))
    return errors


def _check_priorities(plan: Plan, known: set[str]) -> list[DataError]:
    errors = []
    tree_source = source_of(plan, "tree.yaml")
    for path, node in _node_paths(plan) if plan.tree else ():
        for j, priority in enumerate(node.priorities):
            if priority not in known:
                errors.append(tree_source.error(path + ("priorities", j), _unknown("重点取組事項", priority, known)))
    for project in plan.projects:
        for j, priority in enumerate(project.priorities):
            if priority not in known:
                errors.append(source_of(plan, f"projects/{project.id}.yaml").error(("priorities", j), _unknown("重点取組事項", priority, known)))
    return errors


def _check_glossary(plan: Plan) -> list[DataError]:
    errors = []
    source = source_of(plan, "glossary.yaml")
    ids: set[str] = set()
    for i, term in enumerate(plan.glossary.terms):
        if term.id in ids:
            errors.append(source.error(("terms", i, "id"), f"用語の ID「{term.id}」が重複しています"))
        ids.add(term.id)
    for i, term in enumerate(plan.glossary.terms):
        for j, related in enumerate(term.related):
            if related not in ids:
                errors.append(source.error(("terms", i, "related", j), _unknown("用語の ID", related, ids)))
    return errors


def _check_contents(plan: Plan) -> list[DataError]:
    errors = []
    source = source_of(plan, "plan.yaml")
    chapter_ids = {c.id for c in plan.chapters}
    listed = set()
    for i, entry in enumerate(plan.meta.contents):
        if entry.chapter:
            listed.add(entry.chapter)
            if entry.chapter not in chapter_ids:
                errors.append(source.error(("contents", i, "chapter"), _unknown("章のファイル名", entry.chapter, chapter_ids)))
        if entry.section == "lineage" and not plan.lineage:
            errors.append(source.error(("contents", i, "section"), "lineage.yaml がないので section: lineage は書けません"))
    if plan.meta.contents:
        for chapter in plan.chapters:
            if chapter.id not in listed:
                errors.append(source.error(("contents",), f"章 chapters/{chapter.id}.md が contents にありません。表示する位置に「- chapter: {chapter.id}」を書いてください"))
    return errors


def _unknown(what: str, value: str, known: set[str]) -> str:
    return f"{what}「{value}」が見つかりません{did_you_mean(value, known)}"


def _node_paths(plan: Plan):
    def walk(nodes, path):
        for i, node in enumerate(nodes):
            here = path + (i,)
            yield here, node
            yield from walk(node.children, here + ("children",))

    yield from walk(plan.tree.nodes, ("nodes",))


def source_of(plan: Plan, relative: str) -> SourceMap:
    return _sources_by_suffix(plan).get(relative) or SourceMap(relative)


@lru_cache(maxsize=16)
def _sources_by_suffix(plan: Plan) -> dict[str, SourceMap]:
    """plan.sources (this plan's or edition's files only) under every ending of their names
    (p-1.yaml, projects/p-1.yaml …): one lookup per 事業 instead of a scan of every file."""
    found: dict[str, SourceMap] = {}
    for name, source in plan.sources.items():
        parts = name.split("/")
        for k in range(1, len(parts)):
            found.setdefault("/".join(parts[-k:]), source)
    return found
