"""What real plans say (issue 16): the city's own grades beside the site's judgements, the whole
plan's indicators, flat plans without numbers, periods to the month, successors named on the old
plan, text milestones and every visible word from the plan's labels; each asserted as a fact on
the page that shows it (page model, no MkDocs)."""

from __future__ import annotations

import json
import re

import pytest

from bad_inputs import base
from conftest import ROOT
from htmlquery import table_rows
from probe import Probe

GUIDE = ROOT / "docs" / "authoring" / "other-city.md"
PLAN = "sakura-dx"
_FILE_BLOCK = re.compile(r"```yaml\n# (data/plans/[^\n]+)\n(.*?)```", re.S)


def guide_files() -> dict[str, str]:
    """The files the page ほかの市の計画を載せる tells an author to write, exactly as it shows them."""
    return {path: body for path, body in _FILE_BLOCK.findall(GUIDE.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def sakura(tmp_path_factory):
    """The plan written from the guide alone."""
    return Probe.of(guide_files(), tmp_path_factory.mktemp("sakura"))


def _table(probe, url: str, caption: str):
    for table in probe.html(url).find_all("table"):
        if caption in table.find("caption").clean_text():
            return table
    raise AssertionError(f"{url} に表「{caption}」がありません")


# The plan of the guide: flat, unnumbered, graded, with a plan-level indicator ----------------------


def test_the_guide_gives_every_file_of_its_plan():
    assert sorted(guide_files()) == [f"data/plans/{PLAN}/plan.yaml", f"data/plans/{PLAN}/projects/cashless.yaml",
                                     f"data/plans/{PLAN}/projects/online-forms.yaml", f"data/plans/{PLAN}/projects/wifi.yaml"]


def test_a_flat_plan_lists_its_projects_without_numbers_under_its_own_word(sakura):
    page = sakura.page(f"{PLAN}/projects/")
    assert (page.title, page.heading) == ("取組項目一覧", "さくら市DX推進計画の取組項目一覧")
    table = _table(sakura, f"{PLAN}/projects/", "取組項目一覧")
    assert table.find("caption").clean_text() == "さくら市DX推進計画の取組項目一覧（3取組項目）"
    header, *rows = table_rows(table)
    assert "番号" not in header and header[0] == "取組項目名"
    assert [row[0] for row in rows] == ["窓口のキャッシュレス決済", "行政手続のオンライン化", "地域の公衆無線LAN"]
    assert sakura.menu_titles() == [("さくら市DX推進計画", [
        ("取組項目", ["窓口のキャッシュレス決済", "行政手続のオンライン化", "地域の公衆無線LAN"]), "取組項目一覧", "指標と達成状況"])]


def test_a_project_of_a_flat_plan_sits_directly_under_the_plan(sakura):
    page = sakura.page(f"{PLAN}/projects/online-forms/")
    assert (page.title, [c.title for c in page.breadcrumbs]) == ("行政手続のオンライン化", ["さくら市DX推進計画"])
    assert page.keywords == ("デジタル推進課",)  # no number to search by, none made up
    assert sakura.page(f"{PLAN}/print/projects/").title == "印刷用（取組項目集）"
    home = sakura.text(f"{PLAN}/")
    assert "3取組項目を進めます。" in home and "印刷用ページ（取組項目集：3取組項目）" in home
    assert "（番号" not in home and "None" not in home


def test_a_month_precise_period_and_the_subtitle_are_on_the_home_page(sakura):
    facts = sakura.html(f"{PLAN}/").find("dl", class_="plan-facts").clean_text()
    assert "計画期間令和5年1月〜令和7年3月" in facts
    assert "次の計画第2期計画" in facts
    assert sakura.html(f"{PLAN}/").find("p", class_="plan-subtitle").clean_text() == "デジタルでつながる、やさしいまち"


def test_the_plans_own_indicator_is_on_its_home_and_in_the_list(sakura):
    home = sakura.page(f"{PLAN}/")
    assert "計画全体の指標" in [h.text for h in home.headings()]
    assert "財政的効果" in _table(sakura, f"{PLAN}/", "成果（アウトカム）の指標").clean_text()
    header, *rows = table_rows(_table(sakura, f"{PLAN}/indicators/", "指標一覧"))
    first = dict(zip(header, rows[0]))
    assert (first["対象"], first["指標"], first["達成状況"]) == ("計画全体", "財政的効果", "達成")
    assert first["市の評価（最新）"] == "A目標より進んでいる（令和6年度）"


def test_grades_per_year_with_their_meanings_are_counted_on_the_indicators_page(sakura):
    url = f"{PLAN}/indicators/"
    scale = sakura.html(url).find("div", class_="plan-grade-scale").clean_text()
    assert "A目標より進んでいる目標を上回る実績を上げている（サイトの達成状況の「達成」に当たります）" in scale
    assert "D評価できない実績値がなく評価できない（サイトの達成状況の「判定不可」に当たります）" in scale
    assert table_rows(_table(sakura, url, "年度ごとの市の評価（指標の件数）")) == [
        ["市の評価", "令和5年度", "令和6年度"],
        ["A目標より進んでいる", "1", "1"], ["B目標どおり進んでいる", "0", "2"], ["C目標より遅れている", "1", "0"], ["D評価できない", "0", "0"],
        ["評価なし", "1", "0"], ["計", "3", "3"]]
    assert [row[1] for row in table_rows(_table(sakura, url, "年度ごとの市の評価（取組項目の件数）"))] == ["令和6年度", "0", "0", "0", "1", "2", "3"]


def test_where_the_citys_grade_and_the_sites_judgement_disagree_the_page_says_so(sakura):
    text = sakura.text(f"{PLAN}/indicators/")
    assert "市の評価とサイトの判定が違う指標が1件あります。" in text
    assert ("オンラインで申請できる手続の数（行政手続のオンライン化）・令和6年度：市の評価は「B（目標どおり進んでいる）」ですが、"
            "サイトが実績値と目標値から計算した達成状況は「未達成」です。") in text
    project = sakura.text(f"{PLAN}/projects/online-forms/")
    assert "年度末に10手続を追加し、ほぼ目標どおり。市の評価とサイトの判定が違います。" in project
    # The city's A for 2023 agrees with the site's 達成, and the grade never replaces the judgement.
    assert "令和5年度：A目標より進んでいる 年度末" not in project and "令和6年度：未達成" in project


def test_a_grade_is_a_word_and_a_shape(sakura):
    badges = sakura.html(f"{PLAN}/projects/online-forms/").find_all("span", class_="plan-grade")
    first = badges[0]
    assert first.clean_text() == "A目標より進んでいる"
    meter = first.find("svg")
    rects = meter.find_all("rect")
    assert (meter.attrs["aria-hidden"], len(rects), sum(r.attrs.get("fill") == "currentColor" for r in rects)) == ("true", 3, 3)
    b = next(b for b in badges if b.clean_text().startswith("B"))
    assert sum(r.attrs.get("fill") == "currentColor" for r in b.find("svg").find_all("rect")) == 2


def test_successors_are_named_on_the_old_plan(sakura):
    assert "第2期計画で継続" in sakura.text(f"{PLAN}/projects/online-forms/")
    assert "対象の手続を広げて続けます。" in sakura.text(f"{PLAN}/projects/online-forms/")
    header, *rows = table_rows(_table(sakura, f"{PLAN}/projects/", "取組項目一覧"))
    column = header.index("次の計画")
    assert [row[column] for row in rows] == ["第2期計画で「窓口DXの推進」に統合", "第2期計画で継続", "この計画で終了（第2期計画には引き継ぎません）"]


def test_a_text_milestone_is_judged_by_the_plans_own_statement(sakura):
    text = sakura.text(f"{PLAN}/projects/cashless/")
    assert "キャッシュレス決済の導入・令和6年度：達成 計画書の記載により達成としています（実績値「導入済」、目標値「導入」）" in text
    assert "計画書が達成・未達成と明記している年度（データの achieved）は、その記載のとおりとし" in text  # the rule, printed


def test_grades_are_in_the_csv_and_the_json(sakura):
    files = sakura.files(PLAN)
    csv_text = files[f"{PLAN}/indicators/indicators.csv"]
    header = csv_text.splitlines()[0].split(",")
    assert header[-4:] == ["市の評価", "市の評価の区分", "市の評価の説明", "市の評価と達成状況"]
    grade_rows = [line for line in csv_text.splitlines() if ",市の評価,2024," in line]
    assert any("オンラインで申請できる手続の数" in line and line.endswith(",B,目標どおり進んでいる,年度末に10手続を追加し、ほぼ目標どおり。,食い違い（サイトの判定: 未達成）")
               for line in grade_rows), grade_rows
    document = json.loads(files[f"{PLAN}/indicators/indicators.json"])
    assert [g["grade"] for g in document["evaluation_scale"]] == ["A", "B", "C", "D"]
    assert document["grade_tally"] == {"A": 1, "B": 2, "C": 0, "D": 0}
    online = next(i for i in document["indicators"] if i["name"] == "オンラインで申請できる手続の数")
    assert online["grades"][1] == {"year": 2024, "grade": "B", "label": "目標どおり進んでいる", "comment": "年度末に10手続を追加し、ほぼ目標どおり。",
                                   "computed_status": "not-met", "disagrees": True}
    assert document["indicators"][0]["owner"]["kind"] == "計画全体"


# The words of the bundled plans' own documents -------------------------------------------------------


def test_sagamihara_ict_1_says_its_documents_words(bundled):
    project = bundled.page("sagamihara-ict-1/projects/7/")
    assert [h.text for h in project.headings()] == ["成果指標"]
    text = bundled.text("sagamihara-ict-1/projects/7/")
    assert "所管課広聴広報課" in text and "主管課" not in text
    node = bundled.page("sagamihara-ict-1/nodes/measure-1-2/")
    assert "施策目標値" in [h.text for h in node.headings()]
    header = table_rows(_table(bundled, "sagamihara-ict-1/nodes/measure-1-2/", "施策目標値"))[0]
    assert "当初値" in header and "現状値" not in header


def test_sagamihara_dx_calls_its_philosophy_its_goal(bundled):
    label = bundled.html("sagamihara-dx/").find("p", class_="plan-philosophy__label").clean_text()
    assert label == "目標（ゴール）"
    assert "基本理念" not in bundled.text("sagamihara-dx/")


@pytest.mark.parametrize(("plan", "title"), [("sagamihara-ict-2", "用語の解説"), ("chigasaki-dx", "用語解説"), ("hadano-dx", "用語集")])
def test_each_glossary_page_has_its_documents_name(bundled, plan, title):
    assert bundled.page(f"{plan}/glossary/").title == title
    assert title in bundled.menu_titles()[[p.id for p in bundled.context.site.plans].index(plan)][1]


# Each field of the contract, with a page fact ---------------------------------------------------------

MINI = "mini"  # the page folder of the base plan of the bad-input corpus (data/plans/mini)
LABELLED = base.FILES[f"{base.PLAN}/plan.yaml"] + """\
labels:
  project: 取組
  indicator: 目標
  baseline: 基準値
  target: 目標の値
  actual: 実績
  departments: 担当課
  tree: 施策体系
  glossary: ことばの説明
  kpis: 成果の目標
  philosophy: 目指す方向性
  kinds:
    outcome: 成果目標
philosophy:
  title: 便利なまち
"""


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    project = base.FILES[f"{base.PLAN}/projects/p-1.yaml"].replace("    unit: 件\n", "    unit: 件\n    baseline: {value: 50}\n")
    files = {**base.FILES, f"{base.PLAN}/plan.yaml": LABELLED, f"{base.PLAN}/projects/p-1.yaml": project}
    return Probe.of(files, tmp_path_factory.mktemp("labelled"))


def test_every_noun_and_page_title_comes_from_the_labels(labelled):
    plan = MINI
    assert labelled.menu_titles() == [("ミニ市DX推進計画", [
        "はじめに", ("基本目標", [("基本目標1 便利な行政", ["1 電子申請の拡充"])]), "取組一覧", "目標と達成状況", "ことばの説明"])]
    project = labelled.page(f"{plan}/projects/p-1/")
    assert [h.text for h in project.headings()][-1] == "成果の目標"
    text = labelled.text(f"{plan}/projects/p-1/")
    assert "担当課デジタル推進課" in text
    header = table_rows(_table(labelled, f"{plan}/projects/p-1/", "成果目標"))[0]
    assert header[:2] == ["目標", "基準値"] and header[-1].startswith("令和12年度")
    assert "目標の値" in text
    home = labelled.text(f"{plan}/")
    assert "計画の施策体系" in home and "1取組（新規 1）を次の施策体系で進めます。" in home
    assert labelled.html(f"{plan}/").find("p", class_="plan-philosophy__label").clean_text() == "目指す方向性"
    assert labelled.page(f"{plan}/indicators/").heading == "ミニ市DX推進計画の目標と達成状況"


def test_a_levels_kpis_label_heads_its_nodes_indicators(tmp_path):
    plan_yaml = base.FILES[f"{base.PLAN}/plan.yaml"].replace("    projects_label: 事業\n", "    projects_label: 事業\n    kpis_label: 施策目標値\n")
    tree = base.FILES[f"{base.PLAN}/tree.yaml"] + "    kpis:\n      - kind: policy-target\n        name: 満足度\n        unit: \"%\"\n        targets: {2030: 80}\n"
    probe = Probe.of({**base.FILES, f"{base.PLAN}/plan.yaml": plan_yaml, f"{base.PLAN}/tree.yaml": tree}, tmp_path)
    assert "施策目標値" in [h.text for h in probe.page(f"{MINI}/nodes/goal-1/").headings()]
    assert "評価指標" in [h.text for h in probe.page(f"{MINI}/projects/p-1/").headings()]


def test_a_period_given_in_months_sets_the_fiscal_years_it_touches(tmp_path):
    plan_yaml = base.FILES[f"{base.PLAN}/plan.yaml"].replace("  start: 2026\n  end: 2030", "  start: 2026-10\n  end: 2028-03")
    probe = Probe.of({**base.FILES, f"{base.PLAN}/plan.yaml": plan_yaml}, tmp_path)
    assert "計画期間令和8年10月〜令和10年3月" in probe.html(f"{MINI}/").find("dl", class_="plan-facts").clean_text()
    assert probe.context.site.plans[0].meta.period.years == range(2026, 2028)


def test_a_mixed_plan_keeps_its_tree_and_lists_its_other_projects_under_the_plan(tmp_path):
    flat = base.FILES[f"{base.PLAN}/projects/p-1.yaml"].replace('number: "1"\n', "").replace("node: goal-1\n", "").replace("電子申請の拡充", "窓口の案内")
    probe = Probe.of({**base.FILES, f"{base.PLAN}/projects/p-2.yaml": flat}, tmp_path)
    titles = probe.menu_titles()[0][1]
    assert ("基本目標", [("基本目標1 便利な行政", ["1 電子申請の拡充"])]) in titles and ("事業", ["窓口の案内"]) in titles
    roadmap = probe.page(f"{MINI}/roadmap/")  # two schedules: one under the tree, one under the plan
    assert "窓口の案内" in probe.text(roadmap.url)
    assert [c.title for c in probe.page(f"{MINI}/projects/p-2/").breadcrumbs] == ["ミニ市DX推進計画"]


def test_grades_are_counted_per_node_beside_the_computed_tally(tmp_path):
    scale = "evaluation_scale:\n  - {grade: ◎, label: 順調, status: met}\n  - {grade: ○, label: おおむね順調}\n  - {grade: △, label: 遅れ, status: not-met}\n"
    project = base.FILES[f"{base.PLAN}/projects/p-1.yaml"] + "    actuals: {2026: 120}\n    direction: increase\n    grades: {2026: ◎}\n"
    probe = Probe.of({**base.FILES, f"{base.PLAN}/plan.yaml": base.FILES[f"{base.PLAN}/plan.yaml"] + scale,
                      f"{base.PLAN}/projects/p-1.yaml": project}, tmp_path)
    node = probe.html(f"{MINI}/nodes/goal-1/")
    tallies = [t.clean_text() for t in node.find_all("div", class_="plan-tally")]
    assert tallies[0].startswith("この基本目標と配下の事業の指標（指標 1件） 達成1件")
    assert tallies[1] == "各指標の最新の市の評価（1件） ◎順調1件 ○おおむね順調0件 △遅れ0件"
    header, *rows = table_rows(_table(probe, f"{MINI}/indicators/", "基本目標ごとの市の評価"))
    assert header == ["基本目標", "◎順調", "○おおむね順調", "△遅れ", "評価なし"] and rows == [["基本目標1 便利な行政", "1", "0", "0", "0"]]
    assert "市の評価と、同じ年度のサイトの判定が違う指標はありません" in probe.text(f"{MINI}/indicators/")
