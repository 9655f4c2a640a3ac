"""The city's own evaluation (市の評価): the scale a plan grades its progress by (A–D, ◎○△× …),
and the grade given to an indicator or a 事業 for each fiscal year.

A grade is the city's word and stands beside the site's computed judgement (progress/), never
in its place; a grade may say which computed status it corresponds to, so that a page can say
where the two disagree.
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema

from .types import FiscalYear, Markdown, Model, Text, _text, choice

# The computed statuses a grade may correspond to (progress/achievement.py STATUSES).
GRADE_STATUSES = {"met": "達成", "not-met": "未達成", "undetermined": "判定不可"}


def _grade_text(value: Any) -> str:
    """A grade as written: A, ◎, or a number such as 1 (a YAML integer reads as its digits)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value)


GradeText = Annotated[str, BeforeValidator(_grade_text), WithJsonSchema({"type": ["string", "integer"]})]


class Grade(Model):
    """One step of the scale, in the order the plan lists them (the best first)."""

    model_config = ConfigDict(title="評価の区分")

    grade: GradeText = Field(description="評価の記号（原文どおり。例: A、◎）")
    label: Text = Field(description="区分の名前（原文どおり。例: 目標より進んでいる）")
    meaning: Optional[Markdown] = Field(None, description="区分の説明（計画書に定義があるとき。例: 目標値を上回る実績を上げている）")
    status: Optional[choice(GRADE_STATUSES, "対応するサイトの判定（status）")] = Field(
        None, description="この区分が、サイトの計算する達成状況のどれに当たるか（met・not-met・undetermined）。"
                          "書くと、市の評価とサイトの判定が食い違うときにページでそう示します",
    )

    @property
    def status_label(self) -> Optional[str]:
        return GRADE_STATUSES[self.status] if self.status else None


class GradeEntry(Model):
    """The grade of one fiscal year, with the city's comment on it (if any)."""

    model_config = ConfigDict(title="年度の評価")

    grade: GradeText = Field(description="評価の記号（plan.yaml の evaluation_scale にあるもの）")
    comment: Optional[Markdown] = Field(None, description="その年度の評価についての市の説明")


def _entry(value: Any) -> Any:
    """`2024: A` is short for `2024: {grade: A}`."""
    return {"grade": value} if isinstance(value, (str, int)) and not isinstance(value, bool) else value


GRADES_SCHEMA = {
    "type": "object",
    "description": "年度（西暦）ごとの市の評価。記号だけ（2024: A）か、説明も付けて（2024: {grade: A, comment: …}）書きます",
    "patternProperties": {r"^\d{4}$": {"anyOf": [
        {"type": ["string", "integer"]},
        {"type": "object", "required": ["grade"], "additionalProperties": False, "properties": {
            "grade": {"type": ["string", "integer"], "description": "評価の記号"},
            "comment": {"type": "string", "description": "その年度の評価についての市の説明（Markdown）"}}},
        {"type": "null"},
    ]}},
    "additionalProperties": False,
}

Grades = Annotated[
    dict[FiscalYear, Optional[Annotated[GradeEntry, BeforeValidator(_entry)]]],
    WithJsonSchema(GRADES_SCHEMA),
]


def given(grades: dict) -> dict[int, GradeEntry]:
    """The years that have a grade (a year written as null has none), in year order."""
    return {year: entry for year, entry in sorted(grades.items()) if entry is not None}


def meter(scale: tuple[Grade, ...], grade: Grade) -> tuple[int, int]:
    """(filled, steps) of the shape that shows a grade's place in the scale: the grades that
    rank progress (all but those meaning 判定不可) are steps, the best filling every one; a
    grade outside the ranking fills none."""
    ranked = [g.grade for g in scale if g.status != "undetermined"]
    if grade.grade not in ranked:
        return 0, len(ranked)
    return len(ranked) - ranked.index(grade.grade), len(ranked)
