"""Seed 003: 秦野市 はだのDX推進計画（案）（部長会議付議事案書、概要、本編）and 重点事業・個別事業集（案）,
bundled as hadano-dx. Each fact of the document on the page where it belongs, and the values the
site once filled in that the document does not give, absent."""

from __future__ import annotations

import json

import pytest

from fidelity import facts_test, on_page, page_text, row_of, squeezed, table_with_caption, tooltips

P = "hadano-dx"
HOME, LINEAGE, PERIODS = f"{P}/", f"{P}/lineage/", f"{P}/periods/"


def chapter(name: str) -> str:
    return f"{P}/chapters/{name}/"


def project(number: str) -> str:
    return f"{P}/projects/{number}/"


FACTS = [
    # 部長会議付議事案書（報告）
    (chapter("00-report"), "日付：令和7年1月6日"),
    (chapter("00-report"), "提案課名：デジタル推進課"),
    (chapter("00-report"), "報告者名：森谷 隆志"),
    (chapter("00-report"), "令和3年に策定した「はだのICT活用推進計画」の計画期間が今年度末で終了します。"),
    (chapter("00-report"), "令和8年度を始期とする次期計画について「はだのDX推進計画」と名称を改め、計画案を作成しましたので、報告するものです。"),
    (chapter("00-report"), "(4) 重点事業"),
    (chapter("00-report"), "【重点事業・個別事業集】"),
    (chapter("00-report"), "(3) 用語集"),
    (chapter("00-report"), "令和7年7月23日～8月8日 計画に掲載する事業について照会"),
    # 概要
    (chapter("00-summary"), "その結果、個別事業数も38事業から61事業に拡大しています。"),
    (chapter("00-summary"), "わが国は、少子超高齢化の進行に伴い「2040年問題」に直面すると予測され"),
    (chapter("00-summary"), "官民データ活用推進基本法に基づく「官民データ活用推進計画」"),
    (chapter("00-summary"), "令和8年度（2026年度）～令和12年度（2030年度）（5年間）"),
    (chapter("00-summary"), "内部評価：秦野市ICT推進会議"),
    (chapter("00-summary"), "外部評価：秦野市情報化推進委員会"),
    (chapter("00-summary"), "③ 「DX人材の育成」＝DXの持続可能性"),
    # 本編
    (chapter("01-purpose"), "本市では、平成14年度（2002年）に「情報化推進計画」、令和3年度（2021年）に「ICT活用推進計画」を策定し"),
    (chapter("01-purpose"), "秦野市総合計画 はだの2030プラン「水とみどりに育まれ誰もが輝く暮らしよい都市（まち）」"),
    (chapter("02-analysis"), "R3:85手続→R7.1月時点:408手続"),
    (chapter("02-analysis"), "「電子申請・届出」（30.8%）"),
    (chapter("02-analysis"), "「税務（申告・納税）関連」（53.0%）"),
    (chapter("02-analysis"), "「重要と考えているが、実践できていない」(62.0%)"),
    (chapter("03-overview"), "本計画の体系は、最も大切な考え方（基本理念）から始まり、将来の姿（目指す姿）、その実現に向けた柱（基本取組）、"
                             "具体的な事業（重点事業・個別事業）、そして全体を支える土台（共通事項）で構成されています。"),
    (chapter("03-overview"), "17のゴールと169のターゲットから構成され"),
    (chapter("04-focus"), "単純作業や手入力業務が依然多く、付加価値の高い業務に時間を割けない。"),
    (chapter("04-focus"), "✓ RPA（ロボティック・プロセス・オートメーション（Robotic Process Automation））：パソコン操作を自動化する技術"),
    (chapter("04-focus"), "手続きをデジタルで完結させるため、入力や確認の手間が軽減できる。"),
    (chapter("04-focus"), "DX人材の定義や、どのレベルまでのスキルが必要か明確でない。"),
    (chapter("04-focus"), "各課にDX推進リーダーが配置され、実務に即した業務改善を自律的に実施できる。"),
    (chapter("04-focus"), "インセンティブ設計（人事評価への反映）検討"),
    (chapter("05-management"), "11,200時間/年間"),
    (chapter("05-management"), "約3.6人分"),
    (chapter("06-materials"), "平成26年"),
    (chapter("07-project-book"), "令和8年（2026年）●月時点"),
    (chapter("07-project-book"), "重点事業・個別事業集は、計画本編で示した基本理念や目指す姿を実現するために事業を具体化し、整理したものです。"),
    # 事業集
    (project("focus-1-3"), "35,400件"),
    (project("3-15"), "年間出動件数：約1.1万件（令和3年以降、右肩上がり31.5%増加）"),
    (project("3-9"), "次々期末の検討"),  # as printed (likely 次々期端末)
    (project("3-7"), "20億4千万円"),
    (project("3-5"), "3.0"),
    (f"{P}/chronicle/", "昭和44年（1969年）住民税徴収業務を電算委託"),
    (f"{P}/vision/", "7割以上の手続きがオンラインで完結"),
    (LINEAGE, "対象帳票が少ないこと、読み取り精度に課題があること"),
    (LINEAGE, "※「継続」は再掲・統合を含む事業数"),
    (PERIODS, "前期基本計画・後期基本計画の年度は、図の位置からは読み取れません"),
    (PERIODS, "デジタル社会の実現に向けた重点計画計画期間なし"),
    (HOME, "40事業（個別事業 32・重点事業 8／新規 13・継続 27）"),
]

# Values the site showed that the document does not give (issue 19), each on the page it was on.
ABSENT = [
    (LINEAGE, "継続 28・終了 30（全 61 行"),  # computed, not the document's 29/30/59
    (HOME, "61事業をどの事業が引き継ぎ"),
    (PERIODS, "令和2年度"),  # 自治体DX推進計画 R2–R7 came from document 001
    (PERIODS, "次期自治体DX推進計画（R7.12月公表予定）以降も続く"),  # its start year was assumed
    (PERIODS, "◆改定"),  # the five 改定 marks' years were assumed
    (HOME, "パブリック・コメント実施中の計画案です"),  # not the document's status text
]


test_the_documents_words_are_on_their_page = facts_test(FACTS)


@pytest.mark.parametrize("url, invented", ABSENT)
def test_a_value_the_document_does_not_give_is_gone(bundled, url, invented):
    assert squeezed(invented) not in page_text(bundled, url)


def test_the_documents_count_tables_are_shown_as_stated_with_the_rows_counted_as_a_note(bundled):
    page = bundled.html(LINEAGE)
    old = table_with_caption(page, "現行計画「はだのICT活用推進計画」個別事業数")
    assert old[0] == ["基本方針", "事業推進計画", "継続", "終了", "事業数"]
    assert old[-1][-4:] == ["計", "29", "30", "59"]
    assert next(r for r in old if "業務のペーパーレスの推進" in r)[-3:] == ["2", "7", "9"]
    new = table_with_caption(page, "次期計画「はだのDX推進計画」重点事業・個別事業")
    assert new[-1][-4:] == ["計", "27", "13", "40"]  # 計 spans the group and row columns
    assert row_of(new, "③豊かで安全な暮らしを支える取組") == ["③豊かで安全な暮らしを支える取組", "15", "2", "17"]
    notes = [p.clean_text() for p in page.find_all("p", class_="plan-data-note")]
    assert len(notes) == 1  # the new plan's 27/13/40 agree with its 40 projects
    assert "継続 29・終了 32・事業数 61（うち再掲 3 行）" in notes[0] and notes[0].startswith("サイトによる注記：")


def test_pending_targets_are_on_the_rows_that_print_them_only(bundled):
    seven = bundled.html(project("3-7"))
    outcome = table_with_caption(seven, "成果（アウトカム）")
    assert "令和9年度の事業評価後に決定" in " ".join(row_of(outcome, "1人当たりの月額利用額"))
    output = table_with_caption(seven, "実績（アウトプット）")
    assert not [row for row in output if "決定" in " ".join(row)]
    fifteen = bundled.html(project("3-15"))
    assert "決定" not in " ".join(" ".join(r) for r in table_with_caption(fifteen, "成果（アウトカム）"))
    output = table_with_caption(fifteen, "実績（アウトプット）")
    assert "令和9年度の分析後に決定" in " ".join(row_of(output, "実際の出動統計とのミスマッチの分析"))
    assert "決定" not in " ".join(row_of(output, "将来需要を踏まえた救急体制を整備するシナリオの提示"))


def test_overview_headings_use_only_the_numbers_the_body_prints(bundled):
    headings = [h.text for h in bundled.page(chapter("03-overview")).headings()]
    assert headings[:3] == ["基本理念", "3-2 目指す姿と基本取組", "3-3 重点事業と個別事業"]
    assert "計画の体系" in headings
    assert "3-1 基本理念" not in headings and "3-5 体系" not in headings


def test_the_main_volumes_own_wording_of_the_focus_projects_is_on_its_chapter(bundled):
    headings = [h.text for h in bundled.page(chapter("04-focus")).headings()]
    assert [h for h in headings if h.startswith("4-")] == [
        "4-1 重点事業① フロントヤード・バックヤード（窓口業務）改革の推進", "4-2 重点事業② 生成AI・RPAの利活用の推進", "4-3 重点事業③ DX人材の育成"]
    assert on_page(bundled, f"{P}/nodes/focus-3/", "各課にDXリーダーが配置され")  # the 事業集's wording stays on its page


def test_hadanos_pages_name_the_source_of_explanations_from_other_cities(bundled):
    tips = tooltips(bundled.html(chapter("02-analysis")))
    assert tips["DX"].endswith("（出典：第2次相模原市ICT総合戦略（案）用語の解説）")
    found = {term: tip for page in ("03-overview", "06-materials", "02-analysis") for term, tip in tooltips(bundled.html(chapter(page))).items()}
    borrowed = {term for term, tip in found.items() if "（出典：" in tip}
    assert {"DX", "ICT"} <= borrowed
    own = tooltips(bundled.html(project("focus-2-2")))
    assert own["RPA"] == "RPA：コンピューター上で行われる業務プロセスや作業を人に代わり自動化する技術"  # 秦野's own words, no source


def test_wireless_lan_on_hadanos_page_names_chigasakis_glossary(bundled):
    tip = tooltips(bundled.html(project("3-3")))["Wi-Fi"]  # an alias of 無線LAN
    assert tip.startswith("無線LAN：") and tip.endswith("（出典：茅ヶ崎市デジタル・トランスフォーメーション推進方針2030（素案）用語解説）")


def test_glossary_readings_are_marked_as_the_sites(bundled):
    readings = [p.clean_text() for p in bundled.html(f"{P}/glossary/").find_all("p", class_="plan-glossary-reading")]
    assert len(readings) == 16 and all(r.startswith("読み（サイトによる付記）：") for r in readings)


def test_open_data_writes_decimal_targets_as_numbers(bundled):
    data = json.loads(bundled.files(P)[f"{P}/data/plan.json"])
    targets = next(k for k in data["projects"]["3-5"]["kpis"] if k["name"] == "来館者数")["targets"]
    assert targets["2027"] == 3.5 and isinstance(targets["2027"], float)
