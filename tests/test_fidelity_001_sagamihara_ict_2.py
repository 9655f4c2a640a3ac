"""Seed 001: 第2次相模原市ICT総合戦略（案）, bundled as sagamihara-ict-2. Each fact of the document
on the page where it belongs."""

from __future__ import annotations

from fidelity import facts_test, figure_captions, row_of, table_under_heading, tooltips

P = "sagamihara-ict-2"
PURPOSE, BACKGROUND, POLICY, MEASURES, PROMOTION = (f"{P}/chapters/{c}/" for c in
                                                    ("01-purpose", "02-background", "03-policy", "04-measures", "05-promotion"))


def node(number: str) -> str:
    return f"{P}/nodes/{number}/"


FACTS = [
    # 第1章 計画の趣旨等
    (PURPOSE, "本市では、令和2年3月に「相模原市ICT総合戦略」(以下「第1次計画」という。)を策定し"),
    (PURPOSE, "官民データ活用推進基本法(平成28年法律第103号。以下「基本法」という。)第9条第3項"),
    (PURPOSE, "令和元年7月に策定された「かながわICT・データ利活用推進計画」"),
    (PURPOSE, "本計画の計画期間は、総合計画における基本計画と終期をあわせ、令和6年度から令和9年度までの4年間とします。"),
    (PURPOSE, "本市では現在、(仮称)DX推進条例の制定を検討しており"),
    # 第2章 策定の背景
    (BACKGROUND, "情報通信機器の世帯保有率は、令和4年ではモバイル端末全体で97.5%に至っています。"),
    (BACKGROUND, "「スマートフォン」(71.2%)が「パソコン」(48.5%)を上回っています。"),
    (BACKGROUND, "平成31年3月末時点で13.0%であったマイナンバーカードの交付率は、令和5年3月末時点で67.0%まで達し"),
    (BACKGROUND, "※各年4月1日時点（2023年は3月31日時点）の交付枚数"),
    (BACKGROUND, "令和5年8月に「生成AI時代のDX推進に必要な人材・スキルの考え方」を取りまとめました。"),
    (BACKGROUND, "約5,226億パケットで、平成27年の約632億パケットと比較し約8.3倍"),
    (BACKGROUND, "「地方公共団体情報システムの標準化に関する法律」(令和3年法律第40号)"),
    (BACKGROUND, "令和2年12月に「自治体デジタル・トランスフォーメーション(DX)推進計画」として策定しました。"),
    (BACKGROUND, "2025年度までに基幹系20業務システムを標準準拠システムへ移行"),
    (BACKGROUND, "令和3年11月に内閣総理大臣を議長とする「デジタル田園都市国家構想実現会議」が設置されました。"),
    (BACKGROUND, "令和3年12月には、同計画を補完するものとして、「かながわICT・データ利活用推進戦略」を策定し"),
    (BACKGROUND, "平成3年3月に策定した「相模原市高度情報化整備構想」から始まり"),
    (BACKGROUND, "本市で、120(R2:21+R3:17+R4:82)の申請手続が電子化され、施策目標の達成が見込まれる。"),
    (BACKGROUND, "R5.3月時点でともだち登録41,843人となっており、更なる情報発信を推進する。"),
    # 第3章 計画の基本方針
    (POLICY, "選ばれ・愛される さがみはら をかなえる ICT・データの戦略的活用"),
    (POLICY, "基本理念の実現に向けた取組姿勢は、「成果重視」です。"),
    (POLICY, "「確実な成果」、「継続的な成果」、「新たな成果」の獲得につなげます。"),
    (POLICY, "別途策定する「相模原市DX人材育成方針」に基づき"),
    # 第4章 施策の展開
    (MEASURES, "本計画では、基本理念につながる3つの基本目標を達成するため、8つの施策を設定します。"),
    (MEASURES, "「成果指標」達成に向け取り組むべき行動 数値ではなく、行動(アクション)そのもの"),
    (node("goal-1"), "ICT・データ × 行政サービス = 利用者満足度向上"),
    (node("goal-3"), "挿絵の吹き出し（挿絵は掲載していません）：「デジタル化が進んでも使う側の知識も必要だな・・・」「行政のデータが見られれば仕事に活用できるのにな・・・」"),
    (node("measure-1-1"), "行政サービスのデジタル化による「行かない・書かない 市役所づくり」を推進し、住民の利便性の向上を図ります。"),
    (node("measure-1-1"), "61.3%（令和4年度）"),
    (node("measure-1-1"), "73.1%"),
    (node("measure-1-1"), "ゴール8「働きがいも経済成長も」"),
    (node("measure-1-2"), "89.6%"),
    (node("measure-1-2"), "毎年度1%ずつ程度増加させることを目指し設定した。"),
    (node("measure-2-1"), "13,245時間（R2-4）"),
    (node("measure-2-1"), "17,600時間（R6-9）"),
    (node("measure-2-1"), "第1次計画において目標値を未達成であることから、目標値を据え置くこととした。"),
    (node("measure-2-2"), "87.5%"),
    (node("measure-2-2"), "毎年度策定する ICT-BCP事業計画に基づく取組（電源状況調査や災害時対応手順の確認など）の実施率"),
    (node("measure-2-3"), "20業務"),
    (node("measure-3-1"), "73,098件"),
    (node("measure-3-1"), "101,000件"),
    (node("measure-3-2"), "相模原市の認知度 (市外に住む20歳代から30歳代)"),
    (node("measure-3-3"), "約5,000人（R6-9）"),
    # 第5章 計画の推進
    (PROMOTION, "「ICT戦略調整会議」(以下「調整会議」という。)"),
    (PROMOTION, "② 策定した計画を調整会議に報告し、承認を得ます。"),
    (PROMOTION, "2回目のシステム更新は、特定の企業への依存を避けることに加え、最新の技術を採用するという観点から"),
    # 用語の解説（21語）
    (f"{P}/glossary/", "用語の説明です（21語"),
    (f"{P}/glossary/", "大規模な災害等が発生した際にも、非常時優先業務を行うために必要不可欠な情報システムに関して、事前対策や災害時の体制・行動手順を定めるもの。"),
    (f"{P}/glossary/", "(令和元年法律第16号)"),
    # 裏表紙
    (f"{P}/", "〒252-5277 神奈川県相模原市中央区中央2丁目11番15号"),
    (f"{P}/", "042-769-8212"),
    (f"{P}/", "042-769-7035"),
    (f"{P}/", "dx-suishin@city.sagamihara.kanagawa.jp"),
    (f"{P}/", "編集相模原市市長公室DX推進課"),
]


test_the_documents_words_are_on_their_page = facts_test(FACTS)


def test_every_figure_keeps_its_caption_where_it_stood(bundled):
    assert figure_captions(bundled.html(PURPOSE)) == ["【計画の位置付け】", "【計画期間】"]
    assert figure_captions(bundled.html(BACKGROUND)) == [
        "【情報通信機器の世帯保有率の推移】", "【マイナンバーカード交付状況の推移（全国）】", "デジタル田園都市国家構想総合戦略の全体像",
        "【かながわICT・データ利活用推進戦略の必要性と位置付け】", "【本市の情報化計画の経過】"]
    assert figure_captions(bundled.html(MEASURES)) == ["【計画体系図】"]
    assert figure_captions(bundled.html(PROMOTION)) == ["【計画推進体制イメージ】", "【進行管理のイメージ】"]


def test_the_garbled_figure_text_is_marked_as_extracted_with_its_glitches_named(bundled):
    figure = next(f for f in bundled.html(BACKGROUND).find_all("figure") if "デジタル田園" in f.find("figcaption").clean_text())
    text = figure.clean_text()
    assert "図中の文字（抽出）" in text
    assert "東京圏への過度な二極集中の是正" in text  # as extracted, inside the marked block only
    assert "「二極集中」「地方に人が集まらなから」「デジタル基盤委員」" in figure.find("p", class_="plan-figure__note").clean_text()
    outside = bundled.text(BACKGROUND).replace(text, "")
    assert "二極集中" not in outside and "デジタル基盤委員" not in outside


def test_the_first_plans_mid_term_review_keeps_each_measures_target_and_status(bundled):
    table = table_under_heading(bundled.html(BACKGROUND), "施策", "中間状況(R4)")
    assert len(table) == 9  # header and the 8 施策
    assert row_of(table, "2-2 デジタル・ワークスタイルへの転換")[2].startswith("R4の職員アンケート結果(59%)")


def test_the_strategys_own_glossary_explains_its_terms_without_a_borrowed_source(bundled):
    tips = tooltips(bundled.html(PURPOSE))
    assert tips["AI"] == ("AI：Artificial Intelligence の略称。人間の思考プロセスと同じような形で動作するプログラム又は人間が知的と感じる"
                          "情報処理・技術といった広い概念で理解されている。")
    assert not [tip for tip in tips.values() if "出典" in tip]


def test_the_baseline_of_a_three_year_total_names_no_single_year(bundled):
    text = bundled.text(node("measure-2-1"))
    assert "13,245時間（R2-4）（令和4年度）" not in text
