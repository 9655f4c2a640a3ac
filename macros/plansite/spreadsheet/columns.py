"""The columns of the workbook: one list per sheet, read by export, import, the template and the
説明 sheet alike, so a column is named and explained in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

INDICATOR_SHEET = "指標"
PROJECT_SHEET = "事業"
HELP_SHEET = "説明"

YEARLESS = "年度なし"  # the 年度 of the row that holds a target the plan gives without a year


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    width: int  # in Excel's character units; Japanese characters take two
    editable: bool = False  # what import takes; every other column must stay as exported
    field: Optional[str] = None  # for an editable column: the field of the indicator line it fills


# The city's own evaluation per indicator and fiscal year (the indicator's grades mapping):
# the symbol, and the city's comment on it.
GRADE = Column(
    "市の評価", "市が付けた評価（A〜D、◎○△× など）。plan.yaml の評価の区分（evaluation_scale）にある記号から選びます。"
    "系列のある指標では最初の系列の行に書きます", 10, editable=True, field="grades",
)
GRADE_NOTE = Column(
    "備考", "その年度の市の評価についての市の説明（書くと取り込みます。市の評価のない年度には書けません）", 30,
    editable=True, field="grades",
)

INDICATOR_COLUMNS = (
    Column("計画ID", "計画のID（data/plans/ のフォルダ名）。変えないでください", 16),
    Column("指標ID", "指標を見分けるID（project-事業ID-番号、node-体系ID-番号）。変えないでください", 22),
    Column("項目ID", "指標が載っている事業または体系の項目のID", 14),
    Column("項目の区分", "事業・施策など、指標が載っている項目の呼び名", 12),
    Column("項目番号", "事業番号・体系の番号（原文どおり）", 10),
    Column("項目名", "事業名・体系の項目の名称", 36),
    Column("指標の種類", "成果（アウトカム）・実績（アウトプット）・施策目標値・行動目標（計画の呼び名があればその名前）", 18),
    Column("指標名", "指標の名前（原文どおり）", 36),
    Column("系列", "1つの指標に複数の値があるとき（土地・家屋など）の系列の名前。なければ空欄", 14),
    Column("単位", "指標の単位。値に単位を書くときは、この単位と同じものにします", 8),
    Column("判定の向き", "達成状況の判定の向き（多いほど良い など）", 16),
    Column("年度", f"西暦の年度（例: 2026）。年度の記載がない目標値の行は「{YEARLESS}」", 10),
    Column("目標値", "その年度の目標値。書き換えると取り込みます。空欄や「－」は目標値なし", 16, editable=True, field="targets"),
    Column("実績値", "その年度の実績値。書き換えると取り込みます。空欄や「－」は実績値なし", 16, editable=True, field="actuals"),
    GRADE,
    GRADE_NOTE,
)

PROJECT_COLUMNS = (
    Column("計画ID", "計画のID。変えないでください", 16),
    Column("事業ID", "事業のID（projects/ のファイル名。URL になります）", 12),
    Column("番号", "事業番号（原文どおり）", 10),
    Column("名称", "事業名", 40),
    Column("体系ID", "事業が属する体系の項目のID（tree.yaml の id）", 16),
    Column("体系の名称", "事業が属する体系の項目の名称", 36),
    Column("主管課", "主管課。複数のときは「、」で区切ります", 24),
    Column("新規・継続", "新規・継続・継続（名称変更）のいずれか。なければ空欄", 14),
    Column("事業区分", "事業区分のID（plan.yaml の categories）。なければ空欄", 10),
    Column("指標の数", "この事業の指標の数（参考）", 10),
)


def grade_choices(plan) -> tuple[str, ...]:
    """The grades a 市の評価 cell may hold: the plan's evaluation_scale, in its order."""
    return tuple(grade.grade for grade in plan.meta.evaluation_scale)


def by_name(columns: tuple[Column, ...]) -> dict[str, Column]:
    return {column.name: column for column in columns}
