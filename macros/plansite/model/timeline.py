"""Time beyond the schedules of projects: the 計画期間 chart beside related plans, the long-term
vision (将来像) and the history (歩み). All optional, under `timeline:` in plan.yaml."""

from __future__ import annotations

from typing import Annotated, Any, Optional

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from ..text import wareki
from .schedule import Phase
from .span import YearSpan
from .types import AnyFiscalYear, Identifier, Markdown, Model, Text, TextList, _text


class PeriodRow(Model):
    model_config = ConfigDict(title="計画期間の図の行")

    group: Optional[Text] = Field(None, description="まとまり（策定した団体など。例: 秦野市、総務省）。同じ group の行は続けて書きます")
    label: Optional[Text] = Field(None, description="行の見出し（計画の名称など）。省略すると段階の text を見出しにします")
    phases: tuple[Phase, ...] = Field((), description="この行の期間・節目。期間が重なる段階は自動で別の段に分けて表示します")
    note: Optional[Text] = Field(None, description="補足（「計画期間なし」など、原文の注記）")

    @model_validator(mode="after")
    def _something(self):
        if not self.phases and not self.note:
            raise PydanticCustomError("period_row_empty", "phases か note のどちらかを書いてください")
        if not self.phases and not self.label:
            raise PydanticCustomError("period_row_label", "phases のない行には label を書いてください")
        return self

    @property
    def heading(self) -> str:
        return self.label or "・".join(dict.fromkeys(phase.text for phase in self.phases))


# The plan beside related plans across fiscal years (計画期間の図・適用期間の表).
class PeriodChart(YearSpan):

    model_config = ConfigDict(title="計画期間の図")

    title: Text = Field(description="図の名前（例: 計画期間、適用期間）")
    start: AnyFiscalYear = Field(description="図の最初の年度（西暦）")
    end: AnyFiscalYear = Field(description="図の最後の年度（西暦）")
    lead: Optional[Markdown] = Field(None, description="図の前の説明文")
    rows: tuple[PeriodRow, ...] = Field(min_length=1, description="行（上から順に）")
    notes: TextList = Field((), description="図の下の注記")


class VisionStage(Model):
    model_config = ConfigDict(title="将来像の段階")

    period: Text = Field(description="期間（原文どおり。例: 2026～2030）")
    name: Text = Field(description="段階の名前（例: 本格始動）")
    description: Optional[Text] = Field(None, description="段階の説明")
    note: Optional[Text] = Field(None, description="補足（例: 本計画期間）")


class VisionTheme(Model):
    model_config = ConfigDict(title="将来像の分野")

    title: Text = Field(description="分野の名前（例: 市民サービス）")
    node: Optional[Identifier] = Field(None, description="対応する体系の項目（tree.yaml の id）。書くとリンクになります")
    stages: tuple[Markdown, ...] = Field(min_length=1, description="段階ごとの姿（stages と同じ順に、Markdown の箇条書きで）")


class VisionExamples(Model):
    model_config = ConfigDict(title="将来像の例")

    title: Text = Field(description="見出し（例: たとえば2040年では…）")
    items: tuple[Text, ...] = Field(min_length=1, description="例")


# The long-term vision: stages across years, and for each theme what each stage looks like.
class Vision(Model):

    model_config = ConfigDict(title="将来像")

    title: Text = Field(description="見出し（例: DXで目指す将来像（2030・2035・2040））")
    lead: Optional[Markdown] = Field(None, description="説明文")
    stages: tuple[VisionStage, ...] = Field(min_length=1, description="段階（年の順に）")
    themes: tuple[VisionTheme, ...] = Field(min_length=1, description="分野ごとの将来像")
    examples: Optional[VisionExamples] = Field(None, description="将来像の例（「たとえば2040年では…」など、原文にあるとき）")

    @model_validator(mode="after")
    def _one_per_stage(self):
        for theme in self.themes:
            if len(theme.stages) != len(self.stages):
                raise PydanticCustomError(
                    "vision_stages",
                    "分野「{title}」の stages は {given} 件です。段階（stages）と同じ {expected} 件を書いてください",
                    {"title": theme.title, "given": len(theme.stages), "expected": len(self.stages)},
                )
        return self


def _era_text(value: Any) -> str:
    text = _text(value)
    try:
        wareki.parse_era_year(text)
    except ValueError as problem:
        raise PydanticCustomError(
            "era_text", "和暦で、原文どおりに書いてください（例: 昭和44年、平成13年3月、令和元年7月）。{problem}", {"problem": str(problem)}
        ) from None
    return text


EraText = Annotated[str, BeforeValidator(_era_text), WithJsonSchema({"type": "string", "pattern": "^(明治|大正|昭和|平成|令和)(元|[0-9０-９]+)年"})]


class ChronicleEntry(Model):
    model_config = ConfigDict(title="歩みの項目")

    when: EraText = Field(description="時期（和暦、原文どおり。例: 昭和44年、平成13年3月）。西暦は表示のときに添えます")
    events: TextList = Field(min_length=1, description="出来事（原文の「・」ごとに1つ）")

    @property
    def year(self) -> int:
        return wareki.parse_era_year(self.when)

    @property
    def display(self) -> str:
        return wareki.with_western_year(self.when)


# The history of the municipality's digitalisation or of its plans (歩み・沿革).
class Chronicle(Model):

    model_config = ConfigDict(title="歩み")

    title: Text = Field(description="見出し（例: 本市におけるデジタル化の歩み）")
    lead: Optional[Markdown] = Field(None, description="説明文")
    entries: tuple[ChronicleEntry, ...] = Field(min_length=1, description="出来事（古い順に）")

    @model_validator(mode="after")
    def _in_order(self):
        for before, after in zip(self.entries, self.entries[1:]):
            if after.year < before.year:
                raise PydanticCustomError(
                    "chronicle_order", "「{after}」が「{before}」より前の年です。古い順に書いてください",
                    {"after": after.when, "before": before.when},
                )
        return self


class Timeline(Model):
    model_config = ConfigDict(title="計画期間・将来像・歩み")

    periods: Optional[PeriodChart] = Field(None, description="計画期間の図（関連する計画と並べて）")
    vision: Optional[Vision] = Field(None, description="将来像（計画期間の先まで）")
    chronicle: Optional[Chronicle] = Field(None, description="これまでの歩み")
