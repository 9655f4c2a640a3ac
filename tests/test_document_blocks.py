"""Blocks of a plan document beyond its hierarchy and indicators, each from data on the page where a
reader looks for it: figures the site does not reproduce, the publisher's contact, the counts the
document states, chart rows whose years only a picture shows, borrowed glossary explanations."""

from __future__ import annotations

from bad_inputs import base
from probe import Probe

PLAN = base.PLAN.rsplit("/", 1)[-1]
CHAPTER = f"{base.PLAN}/chapters/01-intro.md"


def with_chapter(tmp_path, text: str) -> Probe:
    return Probe.of({**base.FILES, CHAPTER: base.FILES[CHAPTER] + text}, tmp_path)


def test_a_figure_keeps_its_caption_and_says_it_is_not_shown(tmp_path):
    probe = with_chapter(tmp_path, "\n## 計画の位置付け\n\n```plan\ncomponent: figure\ncaption: 【計画の位置付け】\n```\n")
    figure = probe.html(f"{PLAN}/chapters/01-intro/").find("figure")
    assert figure.find("figcaption").clean_text() == "【計画の位置付け】"
    assert "図は掲載していません" in figure.clean_text()
    assert [h.text for h in probe.page(f"{PLAN}/chapters/01-intro/").headings()] == ["計画の位置付け"]


def test_a_figure_with_transcribed_words_marks_them_as_extracted_and_keeps_the_note(tmp_path):
    fence = ("\n```plan\ncomponent: figure\ncaption: 総合戦略の全体像\ntext: |\n  - 東京圏への過度な二極集中の是正\n"
             "note: 抽出の誤りとみられる箇所も、読み取れたとおりに載せています。\n```\n")
    figure = with_chapter(tmp_path, fence).html(f"{PLAN}/chapters/01-intro/").find("figure")
    text = figure.clean_text()
    assert "図中の文字（抽出）" in text
    assert figure.find("li").clean_text() == "東京圏への過度な二極集中の是正"
    assert text.endswith("抽出の誤りとみられる箇所も、読み取れたとおりに載せています。")


def test_the_publishers_contact_is_on_the_plan_home(tmp_path):
    plan_yaml = base.FILES[f"{base.PLAN}/plan.yaml"] + (
        "publisher:\n  name: ミニ市\n  editor: ミニ市デジタル推進課\n  department: デジタル推進課\n  postal_code: 〒100-0001\n"
        "  address: ミニ県ミニ市本町1番1号\n  phone: 0000-00-0000\n  fax: 0000-00-0001\n  email: dx@city.mini.example.jp\n")
    probe = Probe.of({**base.FILES, f"{base.PLAN}/plan.yaml": plan_yaml}, tmp_path)
    home = probe.html(f"{PLAN}/")
    block = home.find("dl", class_="plan-publisher")
    facts = {div.find("dt").clean_text(): div.find("dd").clean_text() for div in block.find_all("div")}
    assert facts == {"発行": "ミニ市", "編集": "ミニ市デジタル推進課", "連絡先": "デジタル推進課", "住所": "〒100-0001 ミニ県ミニ市本町1番1号",
                     "電話": "0000-00-0000", "FAX": "0000-00-0001", "電子メール": "dx@city.mini.example.jp"}
    assert block.find("a").attrs["href"] == "mailto:dx@city.mini.example.jp"
    assert ("発行・連絡先", "publisher") in [(h.text, h.id) for h in probe.page(f"{PLAN}/").headings()]


def test_a_publisher_named_alone_adds_no_contact_block(tmp_path):
    plan_yaml = base.FILES[f"{base.PLAN}/plan.yaml"] + "publisher:\n  name: ミニ市\n"
    probe = Probe.of({**base.FILES, f"{base.PLAN}/plan.yaml": plan_yaml}, tmp_path)
    assert "publisher" not in [h.id for h in probe.page(f"{PLAN}/").headings()]


def test_a_comment_period_given_in_months_is_shown_in_months(tmp_path):
    plan_yaml = base.FILES[f"{base.PLAN}/plan.yaml"].replace("status: adopted", "status: draft") + (
        "public_comment:\n  start: 2025-12\n  end: 2026-01\n")
    probe = Probe.of({**base.FILES, f"{base.PLAN}/plan.yaml": plan_yaml}, tmp_path, today="2025-11-20")
    notice = probe.html(f"{PLAN}/").find("section", class_="plan-notice").clean_text()
    assert "令和7年12月から意見を募集します" in notice
    assert "意見募集期間：令和7年12月〜令和8年1月" in notice
    assert "日" not in notice.replace("日本", "")  # no day the plan does not give (12月1日, 1月31日)


SHARED = {"data/shared/glossary.yaml": "terms:\n  - id: ict\n    term: ICT\n    reading: アイシーティー\n"
                                      "    description: 情報通信技術を意味する。\n    source: 第2次相模原市ICT総合戦略（案）用語の解説\n"}
USES_BOTH = "\nICTを使った電子申請を広げます。\n"


def test_a_borrowed_explanation_names_its_source_in_the_tooltip_and_the_plans_own_does_not(tmp_path):
    probe = Probe.of({**base.FILES, **SHARED, CHAPTER: base.FILES[CHAPTER] + USES_BOTH}, tmp_path)
    tips = {t.clean_text().split("：")[0]: t.clean_text() for t in probe.html(f"{PLAN}/chapters/01-intro/").find_all("span", class_="plan-term__tip")}
    assert tips["ICT"] == "ICT：情報通信技術を意味する。（出典：第2次相模原市ICT総合戦略（案）用語の解説）"
    assert tips["電子申請"] == "電子申請：インターネットで行う申請のことです。"
    entry = probe.html("glossary/").find("div", class_="plan-glossary-entry")
    assert "（出典：第2次相模原市ICT総合戦略（案）用語の解説）" in entry.clean_text()


def test_a_plan_can_switch_borrowing_off(tmp_path):
    plan_yaml = base.FILES[f"{base.PLAN}/plan.yaml"] + "borrow_terms: false\n"
    probe = Probe.of({**base.FILES, **SHARED, f"{base.PLAN}/plan.yaml": plan_yaml, CHAPTER: base.FILES[CHAPTER] + USES_BOTH}, tmp_path)
    links = [a.clean_text() for a in probe.html(f"{PLAN}/chapters/01-intro/").find_all("a", class_="plan-term__link")]
    assert links == ["電子申請"]


def test_readings_the_document_does_not_give_are_marked_as_the_sites(tmp_path):
    glossary = base.FILES[f"{base.PLAN}/glossary.yaml"] + (
        "  - id: wifi\n    term: Wi-Fi\n    reading: ワイファイ\n    reading_in_source: true\n    description: 無線LANのことです。\n")
    probe = Probe.of({**base.FILES, f"{base.PLAN}/glossary.yaml": glossary}, tmp_path)
    readings = [p.clean_text() for p in probe.html(f"{PLAN}/glossary/").find_all("p", class_="plan-glossary-reading")]
    assert readings == ["読み（サイトによる付記）：デンシシンセイ", "読み：ワイファイ"]
    assert "このサイトで付けた読みで、計画書には書かれていません" in probe.text(f"{PLAN}/glossary/")


LINEAGE = f"{base.PLAN}/lineage.yaml"
OLD_ROWS = """predecessor:
  title: ミニ市ICT計画
projects:
  - {number: "1", title: 窓口の電子化, status: continued, successors: [p-1]}
  - {number: "2", title: 電子会議, status: ended}
  - {number: "2", title: 電子会議, status: ended, restated: true}
"""


def stated(total: str) -> str:
    return OLD_ROWS + f"""stated_counts:
  - title: 前計画の事業数
    of: predecessor
    row_label: 施策
    columns: [{{label: 継続, counts: continued}}, {{label: 終了, counts: ended}}, {{label: 事業数, counts: all}}]
    rows:
      - {{label: 便利な窓口, values: [{total}]}}
    total: [{total}]
    notes: [※「継続」は統合を含む事業数]
"""


def test_the_documents_counts_are_shown_as_stated_with_the_sites_count_as_a_note_when_it_differs(tmp_path):
    probe = Probe.of({**base.FILES, LINEAGE: stated("1, 1, 2")}, tmp_path)
    page = probe.html(f"{PLAN}/lineage/")
    table = page.find("table", class_="plan-counts")
    assert table.find("caption").clean_text() == "前計画の事業数"
    assert [c.clean_text() for c in table.find("tfoot").find_all("td")] == ["1", "1", "2"]
    note = page.find("p", class_="plan-data-note").clean_text()
    assert note.startswith("サイトによる注記：")
    assert "継続 1・終了 2・事業数 3（うち再掲 1 行）" in note
    assert "※「継続」は統合を含む事業数" in page.clean_text()
    assert "3事業" not in probe.text(f"{PLAN}/")  # the home page states no count of its own


def test_counts_the_site_finds_equal_need_no_note(tmp_path):
    probe = Probe.of({**base.FILES, LINEAGE: stated("1, 2, 3")}, tmp_path)
    assert probe.html(f"{PLAN}/lineage/").find_all("p", class_="plan-data-note") == []


def test_a_chart_row_whose_years_only_the_figure_shows_says_so_beside_dated_bars_and_milestones(tmp_path):
    plan_yaml = base.FILES[f"{base.PLAN}/plan.yaml"] + """timeline:
  periods:
    title: 計画期間
    start: 2026
    end: 2030
    rows:
      - label: ミニ市DX推進計画
        phases:
          - {text: 計画期間, start: 2026, end: 2030}
          - {text: 改定, start: 2028, milestone: true}
      - label: 総合計画
        undated: [前期基本計画, 後期基本計画]
      - undated: [県の計画]
"""
    probe = Probe.of({**base.FILES, f"{base.PLAN}/plan.yaml": plan_yaml}, tmp_path)
    html = probe.html(f"{PLAN}/periods/")
    rows = {tr.find_all("th")[0].clean_text(): tr for tr in html.find("table").find("tbody").find_all("tr") if tr.find_all("th")}
    assert rows["総合計画"].find("td").clean_text() == "前期基本計画・後期基本計画の年度は、図の位置からは読み取れません"
    assert rows["総合計画"].find("td").attrs["colspan"] == "5"
    assert rows["県の計画"].find("td").clean_text() == "年度は、図の位置からは読み取れません"
    assert len([td for td in html.find_all("td") if "plan-bar--milestone" in td.attrs.get("class", "")]) == 1
    phones = html.find("dl", class_="plan-year-list").clean_text()
    assert "前期基本計画・後期基本計画の年度は、図の位置からは読み取れません" in phones


def test_a_count_table_with_groups_keeps_only_the_group_column_in_view_while_it_scrolls(tmp_path):
    grouped = stated("1, 1, 2").replace("    row_label: 施策\n", "    row_label: 施策\n    group_label: 基本方針\n").replace(
        "      - {label: 便利な窓口,", "      - {group: 市民の暮らし, label: 便利な窓口,")
    table = Probe.of({**base.FILES, LINEAGE: grouped}, tmp_path).html(f"{PLAN}/lineage/").find("table", class_="plan-counts")
    # plan.css makes sticky only the group's heading in a plan-table--grouped table (two sticky columns overlap)
    assert "plan-table--grouped" in table.attrs["class"].split()
    headings = table.find("tbody").find_all("th")
    assert [(th.clean_text(), "plan-table__group" in th.attrs.get("class", "")) for th in headings] == [
        ("市民の暮らし", True), ("便利な窓口", False)]
    ungrouped = Probe.of({**base.FILES, LINEAGE: stated("1, 1, 2")}, tmp_path / "flat").html(f"{PLAN}/lineage/")
    assert "plan-table--grouped" not in ungrouped.find("table", class_="plan-counts").attrs["class"]
