"""A new plan folder: from a filled-in 事業集 template, or as a skeleton to write into.

Either way the files are written into a copy of data/ first and loaded with the same loader
as the build; the folder appears under data/plans/ only when the plan is valid, in one rename.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

import yaml

from ..base.errors import DataErrors, format_path
from ..loading.load import load_site
from ..loading.yaml_source import represent_text
from ..model.indicator import DIRECTIONS, INDICATOR_KINDS
from ..model.plan_meta import STATUS
from ..model.project import NOVELTY
from ..model.reading import UnitConflict
from .cells import Unread, read_cell, read_year, yaml_data
from .columns import INDICATOR_SHEET, PROJECT_SHEET, YEARLESS
from .importing import Problem
from .template import LEVEL_SHEET, PLAN_FIELDS, PLAN_SHEET, TEMPLATE_SHEETS, TREE_SHEET
from .workbook import ReadBook, ReadCell, UnreadableBook, read_book

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class Creation:
    plan_id: str
    files: dict = field(default_factory=dict)  # path inside the plan folder -> text
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    cells: dict = field(default_factory=dict)  # (file, YAML path shown) -> where in the workbook
    counts: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_new_id(plan_id: str, data_dir: Path) -> Optional[str]:
    if not _ID.match(plan_id):
        return f"計画ID「{plan_id}」は使えません。半角英小文字・数字・ハイフンにしてください（URL になります。例: sample-dx）"
    if (Path(data_dir) / "plans" / plan_id).exists():
        return f"計画「{plan_id}」はもうあります（{Path(data_dir) / 'plans' / plan_id}）。別の計画ID にしてください"
    return None


# A skeleton ----------------------------------------------------------------------------------


def skeleton(plan_id: str, today: Optional[dt.date] = None) -> Creation:
    """A plan that builds: one 基本目標, one 施策, one 事業 with one indicator, every text a placeholder."""
    today = today or dt.date.today()
    start = today.year if today.month >= 4 else today.year - 1
    schema = "# yaml-language-server: $schema=../../schema/{}.schema.json\n"
    creation = Creation(plan_id)
    creation.files["plan.yaml"] = schema.format("plan") + f"""# 計画の基本情報。（ ）の中を計画書のとおりに書き換えてください。書き方は作成ガイドの「データの書き方」にあります。
title: （計画の名称）
kind: DX推進計画
municipality:
  name: （自治体名）
period:
  start: {start}  # 計画期間の最初の年度（西暦）
  end: {start + 4}
status: draft  # draft（案）・public-comment（意見募集中）・adopted（策定済）・superseded（終了）
# 体系の階層。上から順に。事業を置く階層に projects_label を書きます
levels:
  - id: goal
    name: 基本目標
  - id: measure
    name: 施策
    projects_label: 事業
"""
    creation.files["tree.yaml"] = schema.format("tree") + """# 計画の体系。id は URL になります（一度公開したら変えないでください）
nodes:
  - id: goal-1
    level: goal
    number: "1"
    title: （基本目標の名称）
    children:
      - id: measure-1-1
        level: measure
        number: "1-1"
        title: （施策の名称）
"""
    creation.files["projects/1.yaml"] = schema.format("project").replace("../../", "../../../") + """# 事業。1事業＝1ファイルで、ファイル名が事業の ID（URL）になります
number: "1"
title: （事業の名称）
node: measure-1-1  # この事業が属する体系（tree.yaml の id）
departments: [（主管課）]
kpis:
  - kind: outcome  # outcome（成果）・output（実績）・policy-target（施策目標値）・action（行動目標）
    name: （指標名）
    unit: 件
    # 年度ごとの目標値と実績値（plansite export で書き出し、表計算ソフトで書き込めます）
    targets: {}
    actuals: {}
"""
    return creation


# From a filled-in template ------------------------------------------------------------------


def from_template(book_path: Path, plan_id: str) -> Creation:
    creation = Creation(plan_id)
    try:
        book = read_book(book_path)
    except (UnreadableBook, OSError) as exc:
        creation.errors.append(Problem(book_path.name, str(exc)))
        return creation
    for sheet, ref, message in book.problems:
        creation.errors.append(Problem(book.where(sheet, ref), message))
    missing = [name for name, _ in TEMPLATE_SHEETS if name not in book.sheets]
    if missing:
        creation.errors.append(Problem(book.file, "シート " + "、".join(f"「{m}」" for m in missing)
                                       + " がありません。plansite new --template で作ったテンプレートに書き込んでください"))
        return creation
    for name, columns in TEMPLATE_SHEETS:
        sheet = book.sheets[name]
        absent = [c.name for c in columns if c.name not in sheet.header]
        if absent:
            creation.errors.append(Problem(book.where(name, "1行目"), "見出しに " + "、".join(f"「{a}」" for a in absent) + " の列がありません"))
    if creation.errors:
        return creation
    _Reader(book, creation).read()
    return creation


class _Reader:
    def __init__(self, book: ReadBook, creation: Creation):
        self.book, self.creation = book, creation
        self.node_cells: dict[str, ReadCell] = {}  # 体系ID -> its cell
        self.node_paths: dict[str, tuple] = {}  # 体系ID -> its path in tree.yaml

    def problem(self, sheet: str, cell: ReadCell, message: str, warning: bool = False) -> None:
        (self.creation.warnings if warning else self.creation.errors).append(Problem(self.book.where(sheet, cell.ref), message))

    def place(self, file: str, path: tuple, sheet: str, cell: ReadCell) -> None:
        self.creation.cells[(file, format_path(path))] = self.book.where(sheet, cell.ref)

    def text(self, sheet: str, cells: dict, column: str, required: bool = False) -> Optional[str]:
        cell = cells[column]
        value = cell.value
        if isinstance(value, Decimal):
            value = format(value, "f")
        text = str(value).strip() if value is not None else ""
        if required and not text:
            self.problem(sheet, cell, f"「{column}」を書いてください")
        return text or None

    def read(self) -> None:
        meta = self.plan()
        levels = self.levels()
        nodes = self.tree(levels)
        projects = self.projects(nodes)
        self.indicators(nodes, projects)
        if self.creation.errors or meta is None:
            return
        meta["levels"] = levels
        tree = {"nodes": [node for node in nodes.values() if node.pop("_parent") is None]}
        self.creation.files["plan.yaml"] = _dump(meta, "plan", "../../")
        self.creation.files["tree.yaml"] = _dump(tree, "tree", "../../")
        for project_id, project in projects.items():
            self.creation.files[f"projects/{project_id}.yaml"] = _dump(project, "project", "../../../")
        self.creation.counts = {"階層": len(levels), "体系": len(nodes), "事業": len(projects),
                                "指標": sum(len(o.get("kpis", ())) for o in (*projects.values(), *nodes.values()))}

    def plan(self) -> Optional[dict]:
        sheet = self.book.sheets[PLAN_SHEET]
        values: dict[str, ReadCell] = {}
        names = {f.name for f in PLAN_FIELDS}
        for cells in sheet.rows:
            name = self.text(PLAN_SHEET, cells, "項目")
            if name in names:
                values[name] = cells["値"]
                self.place("plan.yaml", (), PLAN_SHEET, cells["値"])
            elif name:
                self.problem(PLAN_SHEET, cells["項目"], f"項目「{name}」は読みません（項目名を変えていないか確かめてください）", warning=True)

        def text(name: str, required: bool = False) -> Optional[str]:
            cell = values.get(name)
            if cell is None:
                if required:
                    self.creation.errors.append(Problem(self.book.where(PLAN_SHEET, "A列"), f"項目「{name}」の行がありません"))
                return None
            return self.text(PLAN_SHEET, {name: cell}, name, required)

        title, kind, city = text("計画の名称", True), text("計画の種類", True), text("自治体名", True)
        years = []
        for name in ("計画期間の最初の年度", "計画期間の最後の年度"):
            cell = values.get(name)
            year = read_year(cell, lambda c, m: self.problem(PLAN_SHEET, c, m)) if cell is not None and cell.value is not None else None
            if cell is not None and cell.value is None:
                self.problem(PLAN_SHEET, cell, f"「{name}」を書いてください（西暦の年度。例: 2026）")
            years.append(year if isinstance(year, int) else None)
        status_cell = values.get("計画の状態")
        status = _keyword(status_cell.value if status_cell else None, STATUS)
        if status_cell is not None and status is None:
            self.problem(PLAN_SHEET, status_cell, "計画の状態は " + "、".join(STATUS.values()) + " のいずれかを書いてください")
        if not (title and kind and city and all(years) and status):
            return None
        meta: dict = {"title": title}
        if text("副題"):
            meta["subtitle"] = text("副題")
        meta["kind"] = kind
        meta["municipality"] = {"name": city, **({"prefecture": text("都道府県")} if text("都道府県") else {})}
        meta["period"] = {"start": years[0], "end": years[1]}
        meta["status"] = status
        if text("発行の時点"):
            meta["issued"] = text("発行の時点")
        if text("基本理念"):
            meta["philosophy"] = {"title": text("基本理念")}
        if text("計画の要旨"):
            meta["summary"] = text("計画の要旨")
        return meta

    def levels(self) -> list[dict]:
        levels = []
        for cells in self.book.sheets[LEVEL_SHEET].rows:
            level = {"id": self.text(LEVEL_SHEET, cells, "階層ID", True), "name": self.text(LEVEL_SHEET, cells, "階層の名前", True)}
            label = self.text(LEVEL_SHEET, cells, "事業の呼び名")
            if label:
                level["projects_label"] = label
            self.place("plan.yaml", ("levels", len(levels)), LEVEL_SHEET, cells["階層ID"])
            levels.append(level)
        if not levels:
            self.creation.errors.append(Problem(self.book.where(LEVEL_SHEET, "A2"), "階層を1つ以上書いてください（例: goal・基本目標）"))
        return levels

    def tree(self, levels: list[dict]) -> dict[str, dict]:
        nodes: dict[str, dict] = {}
        for cells in self.book.sheets[TREE_SHEET].rows:
            node_id = self.text(TREE_SHEET, cells, "体系ID", True)
            if node_id in nodes:
                self.problem(TREE_SHEET, cells["体系ID"], f"体系ID「{node_id}」が2回書かれています")
                continue
            node = {"id": node_id, "level": self.text(TREE_SHEET, cells, "階層ID", True)}
            if self.text(TREE_SHEET, cells, "番号"):
                node["number"] = self.text(TREE_SHEET, cells, "番号")
            node["title"] = self.text(TREE_SHEET, cells, "名称", True)
            parent = self.text(TREE_SHEET, cells, "上位の体系ID")
            node["_parent"] = parent
            if parent:
                if parent not in nodes:
                    self.problem(TREE_SHEET, cells["上位の体系ID"], f"上位の体系ID「{parent}」がこの行より上にありません。上位の項目を先に書いてください")
                else:
                    nodes[parent].setdefault("children", []).append(node)
            nodes[node_id or f"?{len(nodes)}"] = node
            self.node_cells[node_id] = cells["体系ID"]
        if not nodes:
            self.creation.errors.append(Problem(self.book.where(TREE_SHEET, "A2"), "体系の項目を1つ以上書いてください"))
        self._node_paths(nodes)
        return nodes

    def _node_paths(self, nodes: dict[str, dict]) -> None:
        """Where each node stands in tree.yaml, for messages from the loader."""

        def walk(items: list, base: tuple) -> None:
            for i, node in enumerate(items):
                self.node_paths[node["id"]] = base + (i,)
                cell = self.node_cells.get(node["id"])
                if cell is not None:
                    self.place("tree.yaml", base + (i,), TREE_SHEET, cell)
                walk(node.get("children", []), base + (i, "children"))

        walk([n for n in nodes.values() if not n["_parent"]], ("nodes",))

    def projects(self, nodes: dict[str, dict]) -> dict[str, dict]:
        projects: dict[str, dict] = {}
        for cells in self.book.sheets[PROJECT_SHEET].rows:
            project_id = self.text(PROJECT_SHEET, cells, "事業ID", True)
            if not project_id:
                continue
            if not _ID.match(project_id):
                self.problem(PROJECT_SHEET, cells["事業ID"], f"事業ID「{project_id}」は使えません。半角英小文字・数字・ハイフンにしてください（ファイル名と URL になります）")
                continue
            if project_id in projects:
                self.problem(PROJECT_SHEET, cells["事業ID"], f"事業ID「{project_id}」が2回書かれています")
                continue
            file = f"projects/{project_id}.yaml"
            project = {"number": self.text(PROJECT_SHEET, cells, "番号", True), "title": self.text(PROJECT_SHEET, cells, "名称", True),
                       "node": self.text(PROJECT_SHEET, cells, "体系ID", True)}
            self.place(file, (), PROJECT_SHEET, cells["事業ID"])
            self.place(file, ("node",), PROJECT_SHEET, cells["体系ID"])
            novelty_cell = cells["新規・継続"]
            if novelty_cell.value is not None:
                novelty = _keyword(novelty_cell.value, NOVELTY)
                if novelty is None:
                    self.problem(PROJECT_SHEET, novelty_cell, "新規・継続は " + "、".join(NOVELTY.values()) + " のいずれかにするか、空欄にしてください")
                else:
                    project["novelty"] = novelty
            departments = self.text(PROJECT_SHEET, cells, "主管課")
            if departments:
                project["departments"] = [d.strip() for d in re.split(r"[、,，]", departments) if d.strip()]
            summary = self.text(PROJECT_SHEET, cells, "概要")
            if summary:
                project["summary"] = summary
            projects[project_id] = project
        return projects

    def indicators(self, nodes: dict[str, dict], projects: dict[str, dict]) -> None:
        found: dict[tuple, dict] = {}
        for cells in self.book.sheets[INDICATOR_SHEET].rows:
            owner_id = self.text(INDICATOR_SHEET, cells, "項目ID", True)
            name = self.text(INDICATOR_SHEET, cells, "指標名", True)
            if not owner_id or not name:
                continue
            owner = projects.get(owner_id) or nodes.get(owner_id)
            if owner is None:
                self.problem(INDICATOR_SHEET, cells["項目ID"], f"項目ID「{owner_id}」は事業シートにも体系シートにもありません")
                continue
            file = f"projects/{owner_id}.yaml" if owner_id in projects else "tree.yaml"
            base = () if owner_id in projects else self.node_paths.get(owner_id, ())
            key = (owner_id, name)
            indicator = found.get(key)
            if indicator is None:
                indicator = found[key] = self._new_indicator(cells, name)
                if indicator is None:
                    continue
                owner.setdefault("kpis", []).append(indicator)
                self.place(file, base + ("kpis", len(owner["kpis"]) - 1), INDICATOR_SHEET, cells["指標名"])
            position = owner["kpis"].index(indicator)
            series_label = self.text(INDICATOR_SHEET, cells, "系列")
            line, path = indicator, base + ("kpis", position)
            if series_label:
                series = indicator.setdefault("series", [])
                line = next((s for s in series if s["label"] == series_label), None)
                if line is None:
                    line = {"label": series_label}
                    series.append(line)
                path += ("series", series.index(line))
            year = read_year(cells["年度"], lambda c, m: self.problem(INDICATOR_SHEET, c, m)) if cells["年度"].value is not None else None
            if cells["年度"].value is None:
                self.problem(INDICATOR_SHEET, cells["年度"], f"年度を書いてください（西暦4桁。年度の記載がない目標値は「{YEARLESS}」）")
                continue
            if year is None:
                continue
            unit = line.get("unit") or indicator.get("unit")
            for column, key_name in (("目標値", "targets"), ("実績値", "actuals")):
                cell = cells[column]
                if cell.value is None:
                    continue
                try:
                    value = read_cell(cell.value, unit)
                except UnitConflict as conflict:
                    self.problem(INDICATOR_SHEET, cell, str(conflict))
                    continue
                except Unread as unread:
                    self.problem(INDICATOR_SHEET, cell, unread.args[0], warning=True)
                    value_data = str(cell.value).strip()  # kept as the text typed
                else:
                    value_data = yaml_data(value)
                if year == YEARLESS:
                    if column == "実績値":
                        self.problem(INDICATOR_SHEET, cell, f"「{YEARLESS}」の行には実績値を書けません。実績値は、その年度の行に書いてください")
                        continue
                    line["target"] = value_data
                    self.place(file, path + ("target",), INDICATOR_SHEET, cell)
                else:
                    line.setdefault(key_name, {})[year] = value_data
                    self.place(file, path + (key_name, year), INDICATOR_SHEET, cell)

    def _new_indicator(self, cells: dict, name: str) -> Optional[dict]:
        kind_cell = cells["指標の種類"]
        kind = _keyword(kind_cell.value, INDICATOR_KINDS)
        if kind is None:
            self.problem(INDICATOR_SHEET, kind_cell, "指標の種類は " + "、".join(INDICATOR_KINDS.values()) + " のいずれかを書いてください")
            return None
        indicator: dict = {"kind": kind}
        direction_cell = cells["判定の向き"]
        if direction_cell.value is not None:
            direction = _keyword(direction_cell.value, DIRECTIONS)
            if direction is None:
                self.problem(INDICATOR_SHEET, direction_cell, "判定の向きは " + "、".join(DIRECTIONS.values()) + " のいずれかにするか、空欄にしてください")
                return None
            indicator["direction"] = direction
        indicator["name"] = name
        unit = self.text(INDICATOR_SHEET, cells, "単位")
        if unit:
            indicator["unit"] = unit
        return indicator


def _keyword(typed, options: dict[str, str]) -> Optional[str]:
    """The keyword for a label (策定済 -> adopted), or the keyword itself."""
    if typed is None:
        return None
    text = str(typed).strip()
    if text in options:
        return text
    return next((key for key, label in options.items() if label == text), None)


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the bundled plans."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


_Dumper.add_representer(Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f")))
_Dumper.add_representer(str, represent_text)  # a cell's 「08」 stays the text 08


def _dump(data: dict, schema: str, up: str) -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=None, width=10_000)
    return f"# yaml-language-server: $schema={up}schema/{schema}.schema.json\n# plansite new --from で事業集のテンプレートから作りました\n" + body


# Validating and writing -----------------------------------------------------------------------


def validate(creation: Creation, data_dir: Path, root: Path) -> None:
    """Load the new plan beside the others; loader errors are placed at their cells where known."""
    data_dir = Path(data_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="plansite-new-") as scratch:
        try:
            relative = data_dir.relative_to(Path(root).resolve())
        except ValueError:
            relative = Path(data_dir.name)
        staged = Path(scratch) / relative
        shutil.copytree(data_dir, staged)
        _write_files(staged / "plans" / creation.plan_id, creation.files)
        try:
            load_site(staged, [creation.plan_id], root=Path(scratch))
        except DataErrors as errors:
            prefix = (relative / "plans" / creation.plan_id).as_posix() + "/"
            for error in errors.errors:
                file = error.file[len(prefix):] if error.file.startswith(prefix) else error.file
                where = _cell_of(creation.cells, file, error.path)
                creation.errors.append(Problem(where, error.message) if where else Problem.of(error))


def _cell_of(cells: dict, file: str, path: str) -> Optional[str]:
    best, found = -1, None
    for (cell_file, cell_path), where in cells.items():
        if cell_file == file and (path == cell_path or path.startswith(cell_path + ".") or path.startswith(cell_path + "[") or not cell_path):
            if len(cell_path) > best:
                best, found = len(cell_path), where
    return found


def write(creation: Creation, data_dir: Path) -> Path:
    """Write the plan folder beside the others and move it into place in one rename."""
    plans = Path(data_dir) / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    target = plans / creation.plan_id
    staging = Path(tempfile.mkdtemp(prefix=f".{creation.plan_id}.", dir=plans))
    staging.chmod(0o755)
    try:
        _write_files(staging, creation.files)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _write_files(folder: Path, files: dict) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
