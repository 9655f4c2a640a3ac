"""Indicators (評価指標・KPI): what is measured, in which unit, and the target for each fiscal year."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Optional

from pydantic import ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from .evaluation import Grades
from .labels import KIND_LABELS
from .reading import NO_VALUE
from .types import AnyFiscalYear, FiscalYear, Markdown, Model, SplitNumber, Text, TextList, choice
from .values import VALUE_JSON_SCHEMA, Value, Written

INDICATOR_KINDS = KIND_LABELS  # a plan may call them otherwise (labels.kinds)

IndicatorKind = choice(INDICATOR_KINDS, "指標の種類（kind）")

# Which way is better, for judging achievement (see macros/progress/achievement.py).
DIRECTIONS = {
    "increase": "多いほど良い",
    "decrease": "少ないほど良い",
    "keep": "目標値と同じ値を保つ",
    "reach-and-hold": "目標値に達したら、その後の年度も保つ",
    "match": "実績値が目標値と同じ文言なら達成（文字の目標値）",
}

Direction = choice(DIRECTIONS, "判定の向き（direction）")

# A value as an author writes it (number, text or mapping), for the JSON Schema.
WrittenValue = Annotated[Value, WithJsonSchema(VALUE_JSON_SCHEMA)]

def _by_year(year_type, description: str):
    """Values keyed by fiscal year, as the author writes them."""
    schema = {"type": "object", "description": description, "patternProperties": {r"^\d{4}$": VALUE_JSON_SCHEMA}, "additionalProperties": False}
    return Annotated[dict[year_type, Optional[Value]], WithJsonSchema(schema)]


YearValues = _by_year(FiscalYear, "年度（西暦）ごとの値。目標がない年度は null")
AnyYearValues = _by_year(AnyFiscalYear, "年度（西暦）ごとの値")

# The plan's own statement that a year's actual met its target (true) or not (false), for
# targets that are words (導入 → 導入済), where no comparison can be made.
Achieved = Annotated[dict[AnyFiscalYear, bool], WithJsonSchema({
    "type": "object", "patternProperties": {r"^\d{4}$": {"type": "boolean"}}, "additionalProperties": False,
    "description": "年度（西暦）ごとに、計画が実績値を目標値の達成（true）・未達成（false）としているか",
})]


class Pending(Model):
    """A target the plan says will be decided later, shown instead of values."""

    model_config = ConfigDict(title="未定の記述")

    text: Text = Field(description="原文の記述（例: 目標値は令和9年度の試行運用後に決定）")
    from_year: Optional[FiscalYear] = Field(
        None, alias="from", description="この記述が当てはまる最初の年度。省略すると目標値のないすべての年度"
    )


class Series(Model):
    """One line of a multi-line indicator cell (土地/家屋, 上段/下段, 市/全国平均 …)."""

    model_config = ConfigDict(title="系列")

    label: Text = Field(description="系列の名前（例: 土地、デジタル推進課）")
    unit: Optional[Text] = Field(None, description="この系列だけ単位が違うときの単位")
    targets: YearValues = Field(default_factory=dict, description="年度ごとの目標値")
    target: Optional[WrittenValue] = Field(None, description="年度の記載がない目標値")
    actuals: AnyYearValues = Field(default_factory=dict, description="年度ごとの実績値")
    achieved: Achieved = Field(default_factory=dict, description="文字の目標値（導入 など）の年度ごとの達成（true）・未達成（false）。計画書がそう書いているときだけ")


@dataclass(frozen=True)
class Line:
    """One printed line of an indicator: the indicator itself, or one of its series."""

    label: Optional[str]
    unit: Optional[str]
    targets: dict
    target: Optional[Value]
    actuals: dict
    achieved: dict = field(default_factory=dict)


class Baseline(Model):
    model_config = ConfigDict(title="現状値")

    value: WrittenValue = Field(description="現状値・当初値（目標値と同じ書き方）")
    year: Optional[AnyFiscalYear] = Field(None, description="現状値の年度（西暦）")
    as_of: Optional[Text] = Field(None, description="年度でなく時点で書かれているときの時点（原文どおり。例: 令和6年3月31日時点）")


def _check_achieved(line: Line) -> None:
    """achieved states a judgement the site cannot make: for a year with an actual in words, or
    with a target in words. Where both are numbers the site compares them itself."""
    for year in line.achieved:
        actual = line.actuals.get(year)
        if actual is None:
            raise PydanticCustomError("achieved_without_actual", "achieved の {year}年度には実績値がありません。actuals に実績値を書いてください", {"year": year})
        target = line.targets.get(year) if line.targets.get(year) is not None else line.target
        if actual.number is not None and target is not None and target.number is not None:
            raise PydanticCustomError(
                "achieved_for_numbers",
                "achieved の {year}年度は、実績値も目標値も数値なのでサイトが判定します。achieved は文字の目標値・実績値（導入 など）のときだけ書きます",
                {"year": year},
            )


def _with_unit(line: dict, unit: Optional[str]) -> dict:
    """Wrap the typed values of one line (the indicator or a series) in place."""
    for key in ("targets", "actuals"):
        if isinstance(line.get(key), dict):
            line[key] = _year_values(line[key], unit)
    if isinstance(line.get("target"), str):
        line["target"] = Written(line["target"], unit)
    return line


def _year_values(values: dict, unit: Optional[str]) -> dict:
    """A dash alone means no value for that year; 1,234 in {2023: 1,234} is flagged (see SplitNumber)."""
    out: dict = {}
    previous = None
    for year, value in values.items():
        if isinstance(year, int) and not isinstance(year, bool) and 0 <= year < 1000 and value is None and previous is not None:
            if isinstance(previous, SplitNumber):  # 25,557,731: one message for the whole number
                previous.typed += f",{year:03d}"
                continue
            if isinstance(out.get(previous), int) and not isinstance(out.get(previous), bool):
                year = SplitNumber(year, f"{out[previous]},{year:03d}")
        if isinstance(value, str):
            value = None if value.strip() and all(ch in NO_VALUE for ch in value.strip()) else Written(value, unit)
        out[year] = value
        previous = year
    return out


class Indicator(Model):
    model_config = ConfigDict(title="指標")

    kind: IndicatorKind
    direction: Optional[Direction] = Field(
        None, description="達成状況の判定の向き。目標値に「以上」「以下」「未満」「超」「増加」「減」などが付いていれば省略できます"
    )
    name: Optional[Text] = Field(None, description="指標名（原文どおり）。原文に名前がなく「決定予定」だけのときは省略")
    group: Optional[Text] = Field(None, description="表の左に書かれた区分（例: 施設予約）")
    unit: Optional[Text] = Field(None, description="単位（例: 件、%、人）")
    description: Optional[Markdown] = Field(None, description="指標の説明")
    interpretation: Optional[Markdown] = Field(None, description="捉え方")
    rationale: Optional[Markdown] = Field(None, description="目標値設定の考え方")
    source: Optional[Markdown] = Field(None, description="出典・指標の説明")
    baseline: Optional[Baseline] = Field(None, description="現状値（当初値）とその年度")
    targets: YearValues = Field(default_factory=dict, description="年度ごとの目標値")
    target: Optional[WrittenValue] = Field(None, description="年度の記載がない目標値")
    cumulative: bool = Field(False, description="目標値が複数年度の累計なら true")
    actuals: AnyYearValues = Field(default_factory=dict, description="年度ごとの実績値")
    achieved: Achieved = Field(default_factory=dict, description="文字の目標値（導入 など）の年度ごとの達成（true）・未達成（false）。計画書がそう書いているときだけ")
    actual_note: Optional[Markdown] = Field(None, description="実績値についての注記（時点など）")
    series: tuple[Series, ...] = Field((), description="1つのセルに複数の値があるとき（土地/家屋など）の系列")
    to_be_decided: Optional[Pending] = Field(None, description="目標値が未定のときの原文の記述")
    grades: Grades = Field(default_factory=dict, description="年度ごとの市の評価（plan.yaml の evaluation_scale の記号。例: {2024: A}）")
    notes: TextList = Field((), description="注記")

    @model_validator(mode="before")
    @classmethod
    def _read_typed_values(cls, data):
        """Hand each typed value its line's unit (see Written), before fields are validated."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        unit = data.get("unit") if isinstance(data.get("unit"), str) else None
        _with_unit(data, unit)
        baseline = data.get("baseline")
        if isinstance(baseline, dict) and isinstance(baseline.get("value"), str):
            data["baseline"] = {**baseline, "value": Written(baseline["value"], unit)}
        if isinstance(data.get("series"), list):
            data["series"] = [_with_unit(dict(s), s.get("unit") if isinstance(s.get("unit"), str) else unit)
                              if isinstance(s, dict) else s for s in data["series"]]
        return data

    @model_validator(mode="after")
    def _one_way_of_giving_values(self):
        if self.series and (self.targets or self.target is not None or self.actuals or self.achieved):
            raise PydanticCustomError(
                "targets_and_series",
                "targets・target・actuals・achieved と series は同時に書けません。系列があるときは各系列に書いてください",
            )
        for line in self.lines():
            _check_achieved(line)
        self._direction_agrees_with_targets()
        if self.name is None and self.to_be_decided is None:
            raise PydanticCustomError("name_missing", "name（指標名）を書いてください")
        return self

    def _direction_agrees_with_targets(self) -> None:
        opposite = {"increase": ("<=", "<"), "decrease": (">=", ">")}.get(self.direction or "", ())
        for line in self.lines():
            for value in (*line.targets.values(), line.target):
                if value is not None and value.comparator in opposite:
                    raise PydanticCustomError(
                        "direction_conflict",
                        "direction は {direction}（{label}）ですが、目標値「{suffix}」と向きが逆です。どちらかを直してください",
                        {"direction": self.direction, "label": DIRECTIONS[self.direction], "suffix": value.suffix},
                    )

    @property
    def direction_label(self) -> Optional[str]:
        return DIRECTIONS[self.direction] if self.direction else None

    def lines(self) -> tuple[Line, ...]:
        """Each printed line: one per series, or the indicator itself."""
        if self.series:
            return tuple(Line(s.label, s.unit or self.unit, s.targets, s.target, s.actuals, s.achieved) for s in self.series)
        return (Line(None, self.unit, self.targets, self.target, self.actuals, self.achieved),)

    @property
    def has_actuals(self) -> bool:
        return any(line.actuals for line in self.lines())
