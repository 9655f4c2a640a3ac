"""Seed 000: 相模原市 事案調書（決定会議 令和7年11月6日）「（仮称）相模原市DX推進計画の策定について」
and its 説明資料, bundled as sagamihara-dx. Each fact of the document on the page where it belongs."""

from __future__ import annotations

from fidelity import facts_test, figure_captions, row_of, table_under_heading, table_with_row

P = "sagamihara-dx"
CASE, BACKGROUND, OVERVIEW, SCHEDULE, DISCUSSION = (f"{P}/chapters/{c}/" for c in
                                                    ("00-case", "01-background", "02-overview", "03-schedule", "04-discussion"))

FACTS = [
    # 事案調書
    (CASE, "令和7年3月に「デジタルで変わるみんなのさがみはら条例」を制定し、同条例第6条において推進計画を別途定めることとしていることから、"
           "現行計画である「第2次相模原市ICT総合戦略」(令和6年3月策定。計画期間は令和6年度から令和9年度)を置き換える形で、"
           "「(仮称)相模原市DX推進計画」を策定するもの。"),
    (CASE, "所管：市長公室 DX推進課"),
    (CASE, "○原案のとおり承認する。"),
    (CASE, "効果測定指標：重点施策について成果指標を設定"),
    (CASE, "総合計画との関連：施策番号44"),
    (CASE, "12月定例会議総務委員会における部会説明"),
    (CASE, "パブリックコメント（R7.12月～R8.1月）"),
    (CASE, "R8.3月計画策定"),
    (CASE, "計画推進（計画期間：令和8年度～令和11年度）"),
    (CASE, "（千円）"),
    (CASE, "○必要人工(事業実施に当たり、新たな人員配置を求める場合のみ記入)（人）"),
    (CASE, "税源涵養 (事業の税収効果)"),
    (CASE, "調整会議(令和5年8月4日)"),
    (CASE, "計画の策定について意見聴取(令和7年4月～9月までに全7回開催) ※協議会 ＜構成員＞ 学識経験者1名、有識者1名、民間事業者3名"),
    (CASE, "計画案に関する協議(全2回開催) ＜構成員＞ ICT戦略調整会議と同じ"),
    (CASE, "資料のカラーユニバーサルデザイン確認済み"),
    # 説明資料 1 策定の背景
    (BACKGROUND, "相模原市総合計画の部門別計画"),
    (BACKGROUND, "令和6年度から令和9年度までの4年間"),
    (BACKGROUND, "選ばれ・愛される さがみはら をかなえるICT・データの戦略的活用"),
    (BACKGROUND, "【基本目標2】経営資源を最大限に活用した行財政改革"),
    (BACKGROUND, "デジタルの利活用による市民の利便性向上を図り、「自分らしく幸せに暮らせる社会」を実現する…第1条"),
    (BACKGROUND, "➤ デジタル技術の活用による従来の業務フローの見直し・改革"),
    (BACKGROUND, "令和7年5月～9月(計7回検討委員会を開催)"),
    (BACKGROUND, "市民にも分かりやすい計画となるよう、専門用語の乱用は避けるべき"),
    (BACKGROUND, "AI及び生成AIについては、汎用的なツールとなりつつあるため、これから活用を検討するのでは遅いと感じる。"),
    # 2 計画の概要
    (OVERVIEW, "本計画の計画期間は令和8年度から令和11年度までの4か年とする。"),
    (OVERVIEW, "第5章 施策と重点施策"),
    (OVERVIEW, "「時間と心にゆとりを持ち自分らしく幸せに暮らせる社会」"),
    (OVERVIEW, "本計画は、「目標(ゴール)」、「ビジョン」、「取組方針」、「施策」の4層構成とする"),
    (OVERVIEW, "「暮らしのDX」、「行政のDX」及び「DX推進基盤の整備」の3つのビジョンとして整理"),
    (OVERVIEW, "前半(R8-R9)については、「行政のDX」を中心とした取組を実施。"),
    (OVERVIEW, "後半(R10-)については、「暮らしのDX」へ重点をシフトし、デジタル技術の活用により、地域の課題解決・利便性向上に本格的に着手する。"),
    (OVERVIEW, "本計画は、都市経営推進本部の下部組織である「業務イノベーション・DX推進会議」にて進行・管理を行う。"),
    # 3 今後のスケジュール
    (SCHEDULE, "10月 庁議(調整会議→決定会議)"),
    (SCHEDULE, "12月～翌1月 パブリックコメントの実施"),
    (SCHEDULE, "3月 計画策定・公表(予定)"),
    # 庁議での議論
    (DISCUSSION, "指定都市においては、本市を含めて5市が未策定である。"),
    (DISCUSSION, "開催場所：本庁舎本館 2階 第1特別会議室"),
    (DISCUSSION, "重点施策として位置づけている3つの施策には、KPIを設定する。"),
    (DISCUSSION, "今年10月にWindows10のサポートが終了するため"),
    # 計画のトップページ
    (f"{P}/", "時間と心にゆとりを持ち自分らしく幸せに暮らせる社会"),
    (f"{P}/", "令和8年度（2026年度）〜令和11年度（2029年度）"),
    (f"{P}/", "意見募集期間：令和7年12月〜令和8年1月"),
    (f"{P}/nodes/goal-1/", "暮らしのDX"),
]


test_the_documents_words_are_on_their_page = facts_test(FACTS)


def test_cost_and_staffing_tables_hold_every_value_of_r7_to_r13_including_the_zeros(bundled):
    page = bundled.html(CASE)
    years = ["R7", "R8", "R9", "R10", "R11", "R12", "R13"]
    costs = table_under_heading(page, "項目", "補助率/充当率")
    assert costs[0] == ["項目", "補助率/充当率", *years]
    assert row_of(costs, "一般財源")[2:] == ["0"] * 7
    assert row_of(costs, "一般財源拠出見込額")[2:] == ["0"] * 7
    assert row_of(costs, "事業費")[1:] == [""] * 8  # blank in the document, blank here
    assert [row[0] for row in costs[1:]] == ["事業費", "うち任意分", "特財", "国、県支出金", "地方債", "その他", "一般財源", "うち任意分",
                                             "捻出する財源※2", "一般財源拠出見込額", "元利償還金(交付税措置分を除く)", "捻出する財源概要",
                                             "税源涵養 (事業の税収効果)"]
    staff = table_with_row(page, "必要な人工")
    assert staff[0] == ["項目", "", *years]
    assert row_of(staff, "必要な人工")[1:] == ["C=A-B"] + ["0"] * 7
    assert row_of(staff, "実施に係る人工")[1] == "A" and row_of(staff, "局内で捻出する人工※")[1] == "B"


def test_schedule_items_of_the_case_sheet_keep_their_printed_times(bundled):
    rows = table_under_heading(bundled.html(CASE), "項目", "内容")
    assert row_of(rows, "議会提案時期") == ["議会提案時期", "（空欄）"]  # blank in the document
    assert row_of(rows, "パブリックコメント") == ["パブリックコメント", "あり（時期：R7年12月～ 令和7年1月）"]
    assert row_of(rows, "議会への情報提供") == ["議会への情報提供", "部会（令和7年12月）"]


def test_sections_that_are_figures_only_keep_their_headings_with_a_note(bundled):
    assert figure_captions(bundled.html(BACKGROUND)) == ["(3) 検討体制"]
    assert figure_captions(bundled.html(OVERVIEW)) == [
        "(6) 施策体系 －暮らしのDX－", "(6) 施策体系 －行政のDX－", "(6) 施策体系 －DX推進基盤の整備－", "計画の推進体制", "目標値の設定"]
    headings = [h.text for h in bundled.page(OVERVIEW).headings()]
    assert {"(6) 施策体系 －暮らしのDX－", "(6) 施策体系 －行政のDX－", "(6) 施策体系 －DX推進基盤の整備－", "計画の推進体制", "目標値の設定"} <= set(headings)
    assert "(3) 検討体制" in [h.text for h in bundled.page(BACKGROUND).headings()]


def test_the_comment_period_is_shown_in_the_months_the_document_gives(bundled):
    text = bundled.text(f"{P}/")
    assert "令和7年12月〜令和8年1月" in text
    assert "12月1日" not in text and "1月31日" not in text  # no day the document does not give
