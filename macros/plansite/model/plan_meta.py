"""plan.yaml: what the plan is, its period and status, and how its hierarchy is named."""

from __future__ import annotations

from functools import cached_property
from typing import Optional

from pydantic import ConfigDict, Field, HttpUrl, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .edition import Edition
from .evaluation import Grade
from .indicator import Indicator
from .labels import Labels, Words
from .period import Period
from .timeline import Timeline
from .types import DateOrMonth, Identifier, Markdown, Model, Text, choice

STATUS = {
    "draft": "案",
    "public-comment": "意見募集中",
    "adopted": "策定済",
    "superseded": "終了",
}


class Municipality(Model):
    model_config = ConfigDict(title="自治体")

    name: Text = Field(description="自治体名（例: 秦野市）")
    prefecture: Optional[Text] = Field(None, description="都道府県名")
    code: Optional[Text] = Field(None, description="全国地方公共団体コード（6桁）")


class Publisher(Model):
    model_config = ConfigDict(title="発行者")

    name: Text = Field(description="発行者")
    department: Optional[Text] = Field(None, description="担当部署")
    address: Optional[Text] = Field(None, description="住所")
    phone: Optional[Text] = Field(None, description="電話")
    fax: Optional[Text] = Field(None, description="FAX")
    url: Optional[HttpUrl] = Field(None, description="ホームページ")


class Submission(Model):
    model_config = ConfigDict(title="意見の提出方法")

    url: Optional[HttpUrl] = Field(None, description="意見を送る入力フォームのURL（https:// で始まるもの）")
    email: Optional[Text] = Field(None, description="電子メールの宛先")
    postal: Optional[Text] = Field(None, description="郵送先（郵便番号・住所・宛名）")
    fax: Optional[Text] = Field(None, description="ファクス番号")
    in_person: Optional[Text] = Field(None, description="持参先（窓口の場所）")
    note: Optional[Markdown] = Field(None, description="提出の注意（氏名・住所の記入など）")


class License(Model):
    model_config = ConfigDict(title="データの利用条件")

    name: Text = Field(description="ライセンスの名前（例: CC BY 4.0）")
    url: Optional[HttpUrl] = Field(None, description="ライセンスの説明のURL")
    attribution: Optional[Text] = Field(None, description="出典の書き方（例: 秦野市「はだのDX推進計画」）")


class PublicComment(Model):
    model_config = ConfigDict(title="意見募集")

    start: DateOrMonth = Field(description="意見募集の開始日")
    end: DateOrMonth = Field(description="意見募集の終了日（この日まで受け付けます）")
    note: Optional[Text] = Field(None, description="補足（周知の方法など）")
    submit: Optional[Submission] = Field(None, description="意見の提出方法")


class HistoryItem(Model):
    model_config = ConfigDict(title="経過")

    date: DateOrMonth = Field(description="日付（日が分からなければ 2026-01）")
    until: Optional[DateOrMonth] = Field(None, description="期間の終わり（照会期間など）")
    group: Optional[Text] = Field(None, description="会議体などのまとまり")
    text: Text = Field(description="内容")


class Philosophy(Model):
    model_config = ConfigDict(title="基本理念")

    title: Text = Field(description="基本理念（見出しの名前は labels の philosophy。例: 目標（ゴール））")
    body: Optional[Markdown] = Field(None, description="基本理念の説明")


class SuccessorPlan(Model):
    """The plan that follows this one, named by this plan (it need not be on the site)."""

    model_config = ConfigDict(title="次の計画")

    title: Text = Field(description="次の計画の名称（例: 第2期○○市DX推進計画）")
    url: Optional[HttpUrl] = Field(None, description="次の計画のページの URL（https:// で始まるもの）")
    period: Optional[Period] = Field(None, description="次の計画の期間")


class Level(Model):
    model_config = ConfigDict(title="階層")

    id: Identifier = Field(description="階層の ID（tree.yaml の level に書きます）")
    name: Text = Field(description="階層の名前（例: 目指す姿、基本取組、施策）")
    projects_label: Optional[Text] = Field(None, description="この階層の下の事業の呼び名（例: 重点事業、個別事業）。省略すると labels の project（既定: 事業）")
    kpis_label: Optional[Text] = Field(None, description="この階層の項目のページの指標の見出し（例: 施策目標値）。省略すると labels の kpis（既定: 評価指標）")


class Category(Model):
    model_config = ConfigDict(title="事業区分")

    id: Identifier = Field(description="区分の ID（事業の category に書きます）")
    name: Text = Field(description="区分の名前（例: A（重点事業））")
    description: Optional[Text] = Field(None, description="区分の説明")


BLOCKS = {"current": "現状", "ideal": "理想的な姿", "actions": "主な取組"}


TERM_LINKS = {"first": "各ページで最初の1回", "every": "すべて", "off": "リンクしない"}

CHECK_MODES = {"warn": "注意として表示", "strict": "誤りとして扱う"}

# The pages plan.yaml's contents can place (`section: <key>`), named here with the default words;
# a plan's own names come from its labels (section_title).
SECTIONS = {"tree": "体系", "projects": "事業一覧", "indicators": "指標と達成状況", "lineage": "前計画からの移行",
            "comments": "意見の概要と市の考え方", "glossary": "用語集"}


def section_title(words: Words, key: str) -> str:
    """The title of a generated page of the plan, in the plan's own words (取組項目一覧 …)."""
    return {"tree": words.tree, "projects": words.projects_page, "indicators": words.indicators_page,
            "lineage": words.lineage, "glossary": words.glossary}.get(key) or SECTIONS[key]


class ContentsEntry(Model):
    model_config = ConfigDict(title="ページの並び")

    chapter: Optional[Identifier] = Field(None, description="章のファイル名（chapters/ の .md を除いた名前）")
    section: Optional[choice(SECTIONS, "生成するページ（section）")] = None

    @model_validator(mode="after")
    def _exactly_one(self):
        if (self.chapter is None) == (self.section is None):
            raise PydanticCustomError("contents_entry", "chapter か section のどちらか一方を書いてください")
        return self


class PlanMeta(Model):
    model_config = ConfigDict(title="計画")

    title: Text = Field(description="計画の名称")
    subtitle: Optional[Text] = Field(None, description="副題")
    kind: Text = Field(description="計画の種類（例: DX推進計画、ICT総合戦略、推進方針）")
    municipality: Municipality = Field(description="計画を作った自治体")
    period: Period = Field(description="計画期間（年度で 2026〜2029、または月まで 2023-01〜2025-03）")
    status: choice(STATUS, "計画の状態（status）")
    status_note: Optional[Text] = Field(None, description="状態の補足（例: 案）")
    issued: Optional[Text] = Field(None, description="発行・作成の時点（原文どおり。例: 令和7年10月）")
    edition: Optional[Edition] = Field(None, description="この計画の版（事業集を毎年度改訂するときなど）。過去の版は editions/ に置きます")
    publisher: Optional[Publisher] = Field(None, description="発行者と連絡先（計画書の奥付など）")
    public_comment: Optional[PublicComment] = Field(None, description="意見募集（パブリック・コメント）の期間と提出方法")
    license: Optional[License] = Field(None, description="オープンデータとして公開するデータの利用条件。計画書に書かれているときだけ書きます")
    history: tuple[HistoryItem, ...] = Field((), description="策定経過と今後の予定")
    philosophy: Optional[Philosophy] = Field(None, description="基本理念（計画の最上位の考え方。トップページに表示）")
    levels: tuple[Level, ...] = Field((), description="体系の階層（tree.yaml の level に id を書きます）。体系のない計画では省略します")
    contents: tuple[ContentsEntry, ...] = Field((), description="計画のページの順番。省略すると章のファイル名順のあと体系・事業一覧")
    summary: Optional[Markdown] = Field(None, description="計画の要旨（トップページに表示）")
    kpis: tuple[Indicator, ...] = Field((), validate_default=True, description="計画全体の指標（KGI、財政的効果など。事業の kpis と同じ書き方）")
    evaluation_scale: tuple[Grade, ...] = Field((), description="市が進捗を評価する区分（A〜D、◎○△× など）。良いものから順に書きます")
    labels: Labels = Field(default_factory=Labels, description="ページの見出しと呼び名（事業、基本理念、現状値など）を計画書の言葉にします")
    block_order: tuple[choice(BLOCKS, "文章の項目（block_order）"), ...] = Field(
        tuple(BLOCKS), description="体系・事業のページで current・ideal・actions を表示する順番（計画書の順に合わせます）"
    )
    categories: tuple[Category, ...] = Field((), description="事業区分（A・C など）")
    term_links: choice(TERM_LINKS, "用語へのリンク（term_links）") = "first"
    jargon_check: choice(CHECK_MODES, "用語チェック（jargon_check）") = "warn"
    warnings: choice(CHECK_MODES, "注意の扱い（warnings）") = Field(
        "warn", description="make check が表示する注意（全角の「－」の箇条書き、外部の画像など）を、strict なら誤りとしてサイトを作りません")
    jargon_gaps: tuple[Text, ...] = Field((), description="用語集に説明がないと分かっている語（計画書に定義がないもの）。用語チェックで報告しません")
    supersedes: Optional[Identifier] = Field(None, description="この計画が置き換える、同じサイトの計画の ID")
    predecessor: Optional[Identifier] = Field(None, description="前の計画（同じサイトにあるとき）の ID")
    successor: Optional[SuccessorPlan] = Field(None, description="次の計画（サイトになくても書けます）。事業の successor の計画名の既定になります")
    timeline: Timeline = Field(default_factory=Timeline, description="計画期間の図・将来像・歩み（それぞれのページを作ります）")

    # Fields are validated in the order declared: the plan's own indicators (kpis) check their
    # years against the period read just before, and the timeline after them must not (its
    # rows draw related plans, whose years lie outside this plan's period).
    @field_validator("period")
    @classmethod
    def _share_period(cls, period: Period, info: ValidationInfo) -> Period:
        if isinstance(info.context, dict):
            info.context["period"] = (period.first_year, period.last_year)
        return period

    @field_validator("kpis")
    @classmethod
    def _period_shared_with_kpis_only(cls, kpis: tuple, info: ValidationInfo) -> tuple:
        if isinstance(info.context, dict):
            info.context.pop("period", None)
        return kpis

    @property
    def status_label(self) -> str:
        return STATUS[self.status]

    @cached_property
    def words(self) -> Words:
        return Words(self.labels)

    @cached_property
    def grade_by_symbol(self) -> dict[str, Grade]:
        return {grade.grade: grade for grade in self.evaluation_scale}
