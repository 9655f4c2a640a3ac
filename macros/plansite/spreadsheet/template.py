"""The blank 事業集 template: a workbook staff fill in to start a plan (plansite new --from).

Its sheets hold what a plan needs to build: the plan (計画), the names of its levels (階層),
its hierarchy (体系), its 事業 and their indicators (指標). The columns of 事業 and 指標 carry
the same names as in an exported workbook.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..model.indicator import DIRECTIONS, INDICATOR_KINDS
from ..model.plan_meta import STATUS
from ..model.project import NOVELTY
from .columns import INDICATOR_COLUMNS, INDICATOR_SHEET, PROJECT_COLUMNS, PROJECT_SHEET, YEARLESS, Column, by_name
from .workbook import SheetSpec, help_rows, write_xlsx

PLAN_SHEET = "計画"
LEVEL_SHEET = "階層"
TREE_SHEET = "体系"

PLAN_FIELDS = (
    Column("計画の名称", "計画の名称（必須。例: 〇〇市DX推進計画）", 0),
    Column("副題", "副題（あれば）", 0),
    Column("計画の種類", "計画の種類（必須。例: DX推進計画、ICT総合戦略、推進方針）", 0),
    Column("自治体名", "自治体名（必須。例: 〇〇市）", 0),
    Column("都道府県", "都道府県名（あれば）", 0),
    Column("計画期間の最初の年度", "西暦の年度（必須。例: 2026）", 0),
    Column("計画期間の最後の年度", "西暦の年度（必須。例: 2030）", 0),
    Column("計画の状態", "、".join(STATUS.values()) + " のいずれか（必須）", 0),
    Column("発行の時点", "原文どおり（例: 令和8年3月）", 0),
    Column("基本理念", "基本理念（あれば）", 0),
    Column("計画の要旨", "トップページに載せる計画の要旨（あれば）", 0),
)
PLAN_COLUMNS = (Column("項目", "左の列の項目名は変えないでください", 24), Column("値", "計画の内容を書きます", 60))

LEVEL_COLUMNS = (
    Column("階層ID", "階層の ID（半角英小文字・数字・ハイフン。例: goal）。体系シートの「階層ID」に書きます", 14),
    Column("階層の名前", "階層の名前（例: 基本目標、施策）。上の階層から順に書きます", 20),
    Column("事業の呼び名", "この階層の下に事業を置くとき、その呼び名（例: 事業、重点事業）", 18),
)

TREE_COLUMNS = (
    Column("体系ID", "体系の項目の ID（URL になります。例: goal-1）", 16),
    Column("階層ID", "「階層」シートの階層ID", 14),
    Column("番号", "番号（原文どおり。例: 1、1-1）", 10),
    Column("名称", "名称", 40),
    Column("上位の体系ID", "ひとつ上の項目の体系ID。いちばん上の階層なら空欄", 16),
)

_PROJECT = by_name(PROJECT_COLUMNS)
TEMPLATE_PROJECT_COLUMNS = (
    _PROJECT["事業ID"], _PROJECT["番号"], _PROJECT["名称"], _PROJECT["体系ID"], _PROJECT["主管課"], _PROJECT["新規・継続"],
    Column("概要", "事業の概要（計画本編の一覧に載る短い説明）", 50),
)

_INDICATOR = by_name(INDICATOR_COLUMNS)
TEMPLATE_INDICATOR_COLUMNS = (
    Column("項目ID", "指標を載せる事業の事業ID、または体系の項目の体系ID", 14),
    Column("指標の種類", "、".join(INDICATOR_KINDS.values()) + " のいずれか", 18),
    _INDICATOR["指標名"], _INDICATOR["系列"], _INDICATOR["単位"],
    Column("判定の向き", "、".join(DIRECTIONS.values()) + " のいずれか（目標値に「以上」などが付いていれば空欄でかまいません）", 20),
    _INDICATOR["年度"], _INDICATOR["目標値"], _INDICATOR["実績値"],
)

TEMPLATE_SHEETS = (
    (PLAN_SHEET, PLAN_COLUMNS), (LEVEL_SHEET, LEVEL_COLUMNS), (TREE_SHEET, TREE_COLUMNS),
    (PROJECT_SHEET, TEMPLATE_PROJECT_COLUMNS), (INDICATOR_SHEET, TEMPLATE_INDICATOR_COLUMNS),
)

_FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # the same template gives the same bytes (it is published with the guide)


def write_template(path: Path) -> None:
    plan_rows = [{"項目": field.name} for field in PLAN_FIELDS]
    sheets = [
        SheetSpec(PLAN_SHEET, PLAN_COLUMNS, plan_rows, {}),
        SheetSpec(LEVEL_SHEET, LEVEL_COLUMNS, []),
        SheetSpec(TREE_SHEET, TREE_COLUMNS, []),
        SheetSpec(PROJECT_SHEET, TEMPLATE_PROJECT_COLUMNS, [], {"新規・継続": list(NOVELTY.values())}),
        SheetSpec(INDICATOR_SHEET, TEMPLATE_INDICATOR_COLUMNS, [], {
            "指標の種類": list(INDICATOR_KINDS.values()), "判定の向き": list(DIRECTIONS.values()),
        }),
    ]
    rows = [(PLAN_SHEET, field.name, field.help) for field in PLAN_FIELDS]
    rows += help_rows(TEMPLATE_SHEETS[1:])
    rows.append((INDICATOR_SHEET, "（行の書き方）", "指標1つの年度ごとの値を1行ずつ書きます。同じ項目ID・指標名の行が1つの指標になり、"
                 f"系列があれば系列ごとにまとめます。年度の記載がない目標値は年度を「{YEARLESS}」にします"))
    buffer = io.BytesIO()
    write_xlsx(buffer, sheets, rows, "事業集テンプレート（plansite new --from で計画を作ります）")
    Path(path).write_bytes(_fixed_times(buffer.getvalue()))


def _fixed_times(raw: bytes) -> bytes:
    """The workbook with every zip entry dated alike (openpyxl stamps the time of writing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _fixed_core(data)
            target.writestr(zipfile.ZipInfo(info.filename, _FIXED_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _fixed_core(xml: bytes) -> bytes:
    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>2024-01-01T00:00:00Z\g<2>", xml)
