"""The success criteria the accessibility report lists (a11y/criteria): all of JIS X 8341-3:2016 at
levels A and AA, each once, and a report that only claims the evidence our checks really give."""

from __future__ import annotations

from collections import Counter

from plansite.a11y.criteria import ALL, JIS, LATER, SCRIPT_CHECKS


def test_jis_x_8341_3_has_its_25_level_a_and_13_level_aa_criteria_each_once():
    assert Counter(c.level for c in JIS) == {"A": 25, "AA": 13}
    assert len({c.number for c in ALL}) == len(ALL) == 44
    assert all(c.number.startswith(("1.", "2.", "3.", "4.")) and c.title for c in ALL)
    assert {c.number for c in LATER} & {c.number for c in JIS} == set()


def test_only_the_time_based_media_criteria_are_media_only():
    assert sorted(c.number for c in ALL if c.media_only) == ["1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.4.2"]


def test_the_axe_tag_of_a_criterion_is_the_one_axe_core_uses():
    by_number = {c.number: c for c in ALL}
    assert (by_number["1.4.3"].axe_tag, by_number["1.4.10"].axe_tag, by_number["2.5.8"].axe_tag) == ("wcag143", "wcag1410", "wcag258")


def test_scripted_checks_and_the_criteria_they_support_agree_both_ways():
    supported = {number for numbers in SCRIPT_CHECKS.values() for number in numbers}
    scripted = {c.number for c in ALL if "script" in c.how}
    assert supported == scripted  # no check whose evidence is ignored, no criterion claiming a check that does not exist
