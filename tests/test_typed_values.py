"""Values as staff type them (from Excel or by hand) are read as numbers with their unit, as no
value, or as text with a warning; never silently as text that cannot be judged."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import ROOT
from plansite.base.errors import DataErrors
from plansite.loading.load import load_site
from plansite.loading.value_warnings import value_warnings
from plansite.model.reading import UnitConflict, read_value
from plansite.progress.achievement import status_of
from plansite.model.values import format_value
from plansite.model.values import Value

PROJECT_7 = "data/plans/sagamihara-ict-1/projects/7.yaml"


@pytest.mark.parametrize("typed, unit, number, shown", [
    ("1,234", "件", "1234", "1,234件"),
    ("１，２３４", "件", "1234", "1,234件"),
    ("1,234件", "件", "1234", "1,234件"),
    ("12.3%", "%", "12.3", "12.3%"),
    ("12.3％", "%", "12.3", "12.3%"),
    ("約16,000時間", "時間", "16000", "約16,000時間"),
    ("△5", "件", "-5", "△5件"),
    ("▲5", "件", "-5", "▲5件"),
    ("20億4千万円", "円", "2040000000", "20億4千万円"),
    ("3.5万人", "人", "35000", "3.5万人"),
    ("1 億", None, "100000000", "1億"),  # a space before 億 leaves it a multiplier, not a unit
    ("3.5　万人", "人", "35000", "3.5万人"),
    ("20分34秒", "秒", "1234", "20分34秒"),
    ("80%以上", "%", "80", "80%以上"),
    ("12種類増加", "種類", "12", "12種類増加"),
])
def test_typed_numbers_are_numbers_shown_in_the_typed_style(typed, unit, number, shown):
    value = Value.typed(typed, unit)
    assert value.number == Decimal(number)
    assert format_value(value, unit) == shown


@pytest.mark.parametrize("typed", ["－", "—", "-", "―"])
def test_a_dash_alone_is_no_value(typed):
    assert read_value(typed, "件").kind == "none"


def test_a_unit_that_contradicts_the_indicator_is_an_error():
    with pytest.raises(UnitConflict) as caught:
        read_value("95手続", "件")
    assert "単位「手続」" in str(caught.value) and "「件」" in str(caught.value)


@pytest.mark.parametrize("typed", ["1,23", "1.2.3", "10〜20件"])
def test_a_number_that_cannot_be_read_stays_text_with_a_reason(typed):
    reading = read_value(typed, "件")
    assert reading.kind == "text" and reading.problem and typed in reading.problem


def test_words_alone_are_text_without_a_warning():
    for typed in ("全国平均以上", "資料部数 7割削減", "①市:81.9%"):
        reading = read_value(typed, None)
        assert reading.kind == "text" and reading.problem is None


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def _set_actual(root, text: str) -> None:
    path = root / PROJECT_7
    source = path.read_text(encoding="utf-8")
    path.write_text(source.replace("actuals: {2023: 25557731}", f"actuals:\n      2023: {text}"), encoding="utf-8")


def _indicator(root):
    plan = load_site(root / "data", ["sagamihara-ict-1"], root=root).plan_by_id["sagamihara-ict-1"]
    return plan.project_by_id["7"].kpis[0]


def test_yaml_values_typed_as_staff_type_them_are_judged(data):
    _set_actual(data, "31,000,000件")
    indicator = _indicator(data)
    assert indicator.actuals[2023].number == 31_000_000
    assert status_of(indicator).label == "達成"


def test_a_wrong_unit_in_yaml_is_an_error_at_the_value(data):
    _set_actual(data, "95手続")
    with pytest.raises(DataErrors) as caught:
        load_site(data / "data", ["sagamihara-ict-1"], root=data)
    [message] = [str(e) for e in caught.value.errors]
    assert message.startswith(f"{PROJECT_7}:14:13: kpis[0].actuals.2023: ")
    assert "単位「手続」" in message


def test_a_dash_in_yaml_means_no_actual(data):
    _set_actual(data, "－")
    assert _indicator(data).actuals[2023] is None


def test_comma_in_a_flow_mapping_names_the_split_not_a_year(data):
    path = data / PROJECT_7
    path.write_text(path.read_text(encoding="utf-8").replace("{2023: 25557731}", "{2023: 25,557,731}"), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_site(data / "data", ["sagamihara-ict-1"], root=data)
    messages = [str(e) for e in caught.value.errors]
    assert messages == [f"{PROJECT_7}:13:24: kpis[0].actuals[557]: 「25,557,731」が「,」で分かれ、「557」が年度として読まれています。"
                        "桁区切りの「,」を書くときは値を引用符で囲むか（\"25,557,731\"）、25557731 と書いてください"]
    assert not any("年度は西暦4桁" in m for m in messages)


def test_unreadable_number_in_yaml_is_a_warning_with_its_place(data):
    _set_actual(data, "25,55,7731件")
    site = load_site(data / "data", ["sagamihara-ict-1"], root=data)
    [warning] = value_warnings(site.plan_by_id["sagamihara-ict-1"])
    assert str(warning).startswith(f"{PROJECT_7}:14:13: kpis[0].actuals.2023: 「25,55,7731件」は数値のように見えますが")


def test_bundled_plans_have_no_unreadable_numbers(site_model):
    assert [str(w) for plan in site_model.plans for w in value_warnings(plan)] == []


_TYPED = "0123456789０１２３４５６７８９,，.．+-－△▲約億万千百十時間分秒件%％以上削減（）()〜 ~a手続"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list(_TYPED)), max_size=14), st.sampled_from([None, "件", "%", "秒", "時間", "万人", "円", "千円"]))
def test_whatever_is_typed_is_a_value_an_error_or_text_and_numbers_show_as_they_read(typed, unit):
    """No typing crashes; a number is shown in a form that reads back as the same number."""
    try:
        reading = read_value(typed, unit)
        value = Value.typed(typed, unit)
    except UnitConflict:
        return
    except ValidationError as exc:
        assert {e["type"] for e in exc.errors()} <= {"empty_text", "value_unit"}
        return
    if reading.is_number:
        again = read_value(format_value(value, unit), unit, prefix=value.prefix)
        assert again.is_number and again.number == value.number
