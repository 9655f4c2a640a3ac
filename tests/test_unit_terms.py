"""Glossary terms on a plan's pages (terms/site_terms, terms/everyday): the plan's own glossary wins
over the shared one, each link goes to the glossary that holds the term, the tooltip is short plain
text, and the jargon check passes over everyday katakana words."""

from __future__ import annotations

import dataclasses

import pytest

from bad_inputs import base
from plansite.terms.everyday import EVERYDAY
from plansite.terms.jargon import find_jargon, morae
from plansite.terms.site_terms import TIP_LENGTH, description_text, source_note, terms_for, tip
from probe import Probe

PROJECT = f"{base.PLAN}/projects/p-1.yaml"
SHARED = """\
terms:
  - id: online
    term: 電子申請
    reading: デンシシンセイ
    description: 共通の用語集の説明です。
    source: 架空の計画書 用語の解説
  - id: cloud
    term: クラウド
    reading: クラウド
    description: |
      - インターネット経由で使う**計算機資源**
      - 1. 必要な分だけ借ります
    source: 架空の計画書 用語の解説
"""


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    project = base.FILES[PROJECT].replace("summary: 手続をオンラインにします。", "summary: 電子申請をクラウドで行います。")
    return Probe.of({**base.FILES, PROJECT: project, "data/shared/glossary.yaml": SHARED}, tmp_path_factory.mktemp("terms"))


def test_the_plans_own_glossary_wins_over_the_shared_one(probe):
    site = probe.context.site
    placed = terms_for(site.plans[0], site)
    assert (placed["online"].term.description, placed["online"].home.id) == ("インターネットで行う申請のことです。", "mini")
    assert placed["cloud"].home is None  # only the shared glossary has it


def test_each_term_links_to_the_glossary_that_holds_it(probe):
    links = probe.html("mini/projects/p-1/").find_all("a", class_="plan-term__link")
    assert [(a.clean_text(), a.attrs["href"]) for a in links] == [
        ("電子申請", "../../glossary/#term-online"), ("クラウド", "../../../glossary/#term-cloud")]


def test_the_tooltip_is_plain_text_without_list_markers_and_cut_to_its_length_before_its_source(probe):
    placed = terms_for(probe.context.site.plans[0], probe.context.site)["cloud"]
    assert description_text(placed.term) == "インターネット経由で使う計算機資源 必要な分だけ借ります"
    assert tip(placed) == "クラウド：インターネット経由で使う計算機資源 必要な分だけ借ります（出典：架空の計画書 用語の解説）"
    long = dataclasses.replace(placed, term=placed.term.model_copy(update={"description": "長い説明。" * 40}))
    cut, source = tip(long)[:TIP_LENGTH], tip(long)[TIP_LENGTH:]
    assert cut.endswith("…") and source == source_note("架空の計画書 用語の解説")


def test_everyday_katakana_words_are_not_reported_as_jargon_and_others_are(tmp_path):
    reportable = sorted(word for word in EVERYDAY if morae(word) >= 4 and word.isalpha())
    assert len(reportable) > 50
    chapter = "# はじめに\n\n" + "、".join(reportable) + "。\n\nクラウドファンディングを使います。\n"
    probe = Probe.of({**base.FILES, f"{base.PLAN}/chapters/01-intro.md": chapter}, tmp_path)
    plan = probe.context.site.plans[0]
    found = [(f.line, f.word) for f in find_jargon(plan, probe.context.site) if f.file.endswith("01-intro.md")]
    assert found == [(5, "クラウドファンディング")]
