"""Achievement (達成状況): each actual judged against the target of its year.

The rule is data too (RULES): every page that shows a status prints it, so a reader can
check any judgement by hand.
"""

from __future__ import annotations

import operator
import unicodedata
from dataclasses import dataclass
from typing import Optional

from ..model.indicator import Indicator, Line
from ..model.values import Value
from ..model.values import format_value

STATUSES = {"met": "達成", "not-met": "未達成", "undetermined": "判定不可", "no-actual": "実績値なし"}

RULES = (
    "実績値を、同じ年度の目標値と比べます。年度の書かれていない目標値は、どの年度の実績値とも比べます。",
    "目標値に「以上」「超」「以下」「未満」が付いていれば、そのとおりに比べます。「増加」「減」「削減」が付いた目標値は増減の量なので、実績値の量が目標値以上なら達成です。",
    "それ以外は、指標ごとの判定の向きで比べます。多いほど良い指標は目標値以上、少ないほど良い指標は目標値以下なら達成です。目標値と同じ値を保つ指標は同じ値なら達成、目標値に達したら保つ指標は、目標値のない年度も直前の目標値以上なら達成です。",
    "目標値や実績値が文字（「導入」「導入済」など）のときは、判定の向きが「文言が同じなら達成」の指標は、実績値が目標値と同じ文言（全角・半角と前後の空白は区別しません）なら達成、違えば未達成です。計画書が達成・未達成と明記している年度（データの achieved）は、その記載のとおりとし、理由にそう示します。",
    "それ以外で、目標値や実績値が数値でないとき、単位が違うとき、その年度の目標値がないとき、判定の向きが決まらないときは「判定不可」とし、理由を示します。",
)

_COMPARE = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "==": operator.eq}
_WORDS = {">=": "以上", "<=": "以下", "==": "と同じ"}
_BY_DIRECTION = {"increase": ">=", "decrease": "<=", "keep": "==", "reach-and-hold": ">="}


@dataclass(frozen=True)
class Judgement:
    year: int
    series: Optional[str]
    actual: Value
    target: Optional[Value]
    status: str
    reason: str  # the comparison made, or why it could not be made
    target_year: Optional[int] = None  # the year of the target used; None for a target without a year

    @property
    def label(self) -> str:
        return STATUSES[self.status]


@dataclass(frozen=True)
class IndicatorStatus:
    """An indicator's latest judgement: one per series, combined into one status."""

    indicator: Indicator
    status: str
    latest: tuple[Judgement, ...]

    @property
    def label(self) -> str:
        return STATUSES[self.status]


def judgements(indicator: Indicator) -> list[Judgement]:
    """Every actual of the indicator, judged, in series then year order."""
    return [_judge(indicator, line, year) for line in indicator.lines() for year in sorted(line.actuals)
            if line.actuals[year] is not None]


def status_of(indicator: Indicator) -> IndicatorStatus:
    """Met when every series' latest actual is met, not met when any is, otherwise undetermined."""
    latest: dict[Optional[str], Judgement] = {}
    for judgement in judgements(indicator):
        latest[judgement.series] = judgement  # judgements come in year order
    found = tuple(latest.values())
    if not found:
        return IndicatorStatus(indicator, "no-actual", found)
    statuses = {j.status for j in found}
    status = "not-met" if "not-met" in statuses else "met" if statuses == {"met"} else "undetermined"
    return IndicatorStatus(indicator, status, found)


def _judge(indicator: Indicator, line: Line, year: int) -> Judgement:
    actual = line.actuals[year]
    target, target_year, missing = _target_for(indicator, line, year)
    if actual.number is None or target is None or target.number is None or year in line.achieved:
        stated = _judge_text(indicator, line, year, actual, target)
        if stated:
            return Judgement(year, line.label, actual, target, *stated, target_year)
    if target is None:
        return Judgement(year, line.label, actual, None, "undetermined", missing)
    status, reason = _compare(indicator, line, actual, target)
    return Judgement(year, line.label, actual, target, status, reason, target_year)


def _target_for(indicator: Indicator, line: Line, year: int) -> tuple[Optional[Value], Optional[int], str]:
    """(target, its year, why there is none)."""
    if line.targets.get(year) is not None:
        return line.targets[year], year, ""
    if indicator.direction == "reach-and-hold":
        earlier = [y for y, value in line.targets.items() if y < year and value is not None]
        if earlier:
            return line.targets[max(earlier)], max(earlier), ""
    if line.target is not None:
        return line.target, None, ""
    pending = indicator.to_be_decided
    if pending and (pending.from_year is None or year >= pending.from_year):
        return None, None, "目標値が未定です"
    return None, None, "この年度の目標値がありません"


def _judge_text(indicator: Indicator, line: Line, year: int, actual: Value, target: Optional[Value]) -> Optional[tuple[str, str]]:
    """A judgement for words (導入 → 導入済): the plan's own statement, or the same wording."""
    shown_actual = format_value(actual, line.unit)
    if year in line.achieved:
        met = line.achieved[year]
        target_text = f"「{format_value(target, line.unit)}」" if target is not None else ""
        return _verdict(met, f"計画書の記載により{'達成' if met else '未達成'}としています（実績値「{shown_actual}」、目標値{target_text or 'の記載なし'}）")
    if indicator.direction == "match" and target is not None:
        same = _wording(shown_actual) == _wording(format_value(target, line.unit))
        return _verdict(same, f"実績値「{shown_actual}」は目標値「{format_value(target, line.unit)}」と{'同じ文言です' if same else '同じ文言ではありません'}")
    return None


def _wording(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _compare(indicator: Indicator, line: Line, actual: Value, target: Value) -> tuple[str, str]:
    if indicator.direction == "match":
        return "undetermined", "文言を比べる指標ですが、実績値と目標値が数値です。判定の向き（direction）を確かめてください"
    if actual.number is None:
        return "undetermined", "実績値が数値ではありません"
    if target.number is None:
        return "undetermined", "目標値が数値ではありません"
    if (actual.unit or line.unit) != (target.unit or line.unit):
        return "undetermined", "実績値と目標値の単位が違います"
    shown_actual, shown_target = format_value(actual, line.unit), format_value(target, line.unit)
    if target.comparator or target.is_change:
        met = _COMPARE[target.comparator or ">="](actual.number, target.number)
        what = "の量に届いて" if target.is_change and not target.comparator else "を満たして"
        return _verdict(met, f"実績値 {shown_actual} は目標値「{shown_target}」{what}{'います' if met else 'いません'}")
    comparator = _BY_DIRECTION.get(indicator.direction or "")
    if comparator is None:
        return "undetermined", "判定の向き（多いほど良いか、少ないほど良いか）が決まっていません"
    met = _COMPARE[comparator](actual.number, target.number)
    relation = _WORDS[comparator] + ("です" if met else "ではありません")
    return _verdict(met, f"実績値 {shown_actual} は目標値 {shown_target} {relation}（{indicator.direction_label}指標）")


def _verdict(met: bool, reason: str) -> tuple[str, str]:
    return ("met" if met else "not-met"), reason
