"""The plan's own words: every heading and noun a page shows that a plan may call otherwise
(事業 → 取組項目, 基本理念 → 目標（ゴール）, 現状値 → 当初値 …), each with the site's default.

Pages never write these words themselves: they ask the plan's Words, so a plan that calls its
事業 取組項目 gets 取組項目一覧, 「5取組項目」 and 取組項目集 everywhere.
"""

from __future__ import annotations

from typing import Optional

from pydantic import ConfigDict, Field

from .types import Model, Text

# Headings of the blocks on node and project pages (the field names of Content).
BLOCK_LABELS = {
    "lead": "",
    "description": "説明",
    "current": "現状",
    "ideal": "理想的な姿",
    "actions": "主な取組",
    "schedule": "スケジュール",
    "kpis": "評価指標",
}

# Nouns the pages use in headings, table columns, counts and page titles.
NOUN_LABELS = {
    "project": "事業",
    "indicator": "指標",
    "philosophy": "基本理念",
    "baseline": "現状値",
    "target": "目標値",
    "actual": "実績値",
    "departments": "主管課",
    "grade": "市の評価",
    "tree": "体系",
    "glossary": "用語集",
    "lineage": "前計画からの移行",
}

DEFAULT_LABELS = {**BLOCK_LABELS, **NOUN_LABELS}

# The kinds of indicator (model/indicator.py's INDICATOR_KINDS) as this site names them by default.
KIND_LABELS = {
    "outcome": "成果（アウトカム）",
    "output": "実績（アウトプット）",
    "policy-target": "施策目標値",
    "action": "行動目標",
}


def _kind_label(kind: str, example: str):
    return Field(None, alias=kind if "-" in kind else None, description=f"既定: {KIND_LABELS[kind]}{example}")


class KindLabels(Model):
    """What the plan calls each kind of indicator (its tables' captions, the indicator list)."""

    model_config = ConfigDict(title="指標の種類の呼び名", populate_by_name=True)

    outcome: Optional[Text] = _kind_label("outcome", "（例: 成果指標）")
    output: Optional[Text] = _kind_label("output", "（例: 活動指標）")
    policy_target: Optional[Text] = _kind_label("policy-target", "（例: 管理指標）")
    action: Optional[Text] = _kind_label("action", "")


def _label(key: str, what: str):
    default = DEFAULT_LABELS[key]
    return Field(None, description=f"{what}。既定: {default or '見出しなし'}")


class Labels(Model):
    """The plan's own headings and nouns; whatever is not written keeps the site's default."""

    model_config = ConfigDict(title="見出しと呼び名")

    lead: Optional[Text] = _label("lead", "冒頭の文の見出し（例: ねらい）")
    description: Optional[Text] = _label("description", "説明の見出し")
    current: Optional[Text] = _label("current", "現状の見出し（例: 現状及び課題）")
    ideal: Optional[Text] = _label("ideal", "理想的な姿の見出し（例: 目指す姿）")
    actions: Optional[Text] = _label("actions", "主な取組の見出し（例: 想定される主な取組）")
    schedule: Optional[Text] = _label("schedule", "スケジュールの見出し（例: 工程表）")
    kpis: Optional[Text] = _label("kpis", "事業のページの指標の見出し（例: 成果指標）。体系の階層ごとには levels の kpis_label")
    project: Optional[Text] = _label("project", "事業の呼び名（例: 取組項目）。「事業一覧」「5事業」がこの名前になります")
    indicator: Optional[Text] = _label("indicator", "指標の呼び名（「指標と達成状況」のページ名など）")
    philosophy: Optional[Text] = _label("philosophy", "基本理念の見出し（例: 目標（ゴール）、目指す方向性）")
    baseline: Optional[Text] = _label("baseline", "現状値の呼び名（例: 当初値、基準値）")
    target: Optional[Text] = _label("target", "目標値の呼び名")
    actual: Optional[Text] = _label("actual", "実績値の呼び名")
    departments: Optional[Text] = _label("departments", "主管課の呼び名（例: 所管課、担当課）")
    grade: Optional[Text] = _label("grade", "市が付けた評価の呼び名（例: 評価、進捗状況）")
    tree: Optional[Text] = _label("tree", "体系の呼び名（例: 施策体系）")
    glossary: Optional[Text] = _label("glossary", "用語集のページ名（例: 用語の解説）")
    lineage: Optional[Text] = _label("lineage", "前計画からの移行のページ名")
    kinds: KindLabels = Field(default_factory=KindLabels, description="指標の種類（kind）ごとの呼び名")

    def __getitem__(self, key: str) -> str:
        return getattr(self, key) or DEFAULT_LABELS[key]


class Words:
    """A plan's labels with the defaults filled in: ``words.project`` is 事業 unless the plan says
    otherwise. Templates and page declarations read every such word from here."""

    def __init__(self, labels: Labels):
        self._labels = labels

    def __getattr__(self, key: str) -> str:
        if key not in DEFAULT_LABELS:
            raise AttributeError(key)
        return self._labels[key]

    def kind(self, kind: str) -> str:
        """What the plan calls a kind of indicator (outcome → 成果（アウトカム） or 成果指標)."""
        return getattr(self._labels.kinds, kind.replace("-", "_")) or KIND_LABELS[kind]

    @property
    def kinds(self) -> dict[str, str]:
        return {kind: self.kind(kind) for kind in KIND_LABELS}

    def kind_caption(self, kind: str) -> str:
        """The caption of a table of one kind: the plan's own name for it (成果指標), else
        成果（アウトカム）の指標."""
        own = getattr(self._labels.kinds, kind.replace("-", "_"))
        return own or f"{KIND_LABELS[kind]}の{self.indicator}"

    def count(self, number: int, noun: Optional[str] = None) -> str:
        """「5事業」「5取組項目」: a number of projects (or of another noun) as the plan words it."""
        return f"{number}{noun or self.project}"

    @property
    def projects_page(self) -> str:
        return f"{self.project}一覧"

    @property
    def indicators_page(self) -> str:
        return f"{self.indicator}と達成状況"

    @property
    def project_book(self) -> str:
        """The printable collection of every 事業 (事業集)."""
        return f"{self.project}集"
