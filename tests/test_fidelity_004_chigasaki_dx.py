"""Seed 004: 茅ヶ崎市デジタル・トランスフォーメーション推進方針2030（素案）, bundled as chigasaki-dx.
Each fact of the document on the page where it belongs."""

from __future__ import annotations

from fidelity import facts_test, figure_captions, tooltips

P = "chigasaki-dx"
BACKGROUND, APPROACH, OTHER, MATERIALS = (f"{P}/chapters/{c}/" for c in ("01-background", "02-basic-approach", "03-other", "04-materials"))


def policy(number: int) -> str:
    return f"{P}/nodes/policy-{number}/"


FACTS = [
    # I 推進方針2030の策定にあたって
    (BACKGROUND, "平成13年3月に「茅ヶ崎市地域情報化基本計画」を策定しました。"),
    (BACKGROUND, "平成21年3月には、「茅ヶ崎市地域情報化基本計画」を全面改訂し、「ちがさき情報化プラン」を策定しました。"),
    (BACKGROUND, "平成27年1月から新システムとして稼働しました。"),
    (BACKGROUND, "令和元年7月に「デジタル・トランスフォーメーション推進方針（DX推進方針）」を策定し"),
    (BACKGROUND, "令和2年8月にデジタル・トランスフォーメーション推進方針を改訂しました。"),
    (BACKGROUND, "令和5年3月にデジタル化推進方針を策定しました。"),
    (BACKGROUND, "令和3年9月にデジタル庁を設置しました。"),
    (BACKGROUND, "④公金収納におけるeL-QRの活用"),
    # II 基本的な考え方
    (APPROACH, "名称を「茅ヶ崎市デジタル・トランスフォーメーション推進方針2030」とし"),
    (APPROACH, "本市の市町村官民データ活用推進計画と位置付けることにより"),
    (APPROACH, "役所に申請することなくプッシュ型に必要な行政サービスが必要としている人に提供される"),
    (APPROACH, "令和7年度に実施した市民アンケート結果においては、「行政手続のオンライン化」への期待が最も高く"),
    (APPROACH, "「人にやさしい茅ヶ崎」を引き続き目指します。"),
    (f"{P}/periods/", "本方針の適用期間については、「茅ヶ崎市実施計画2030」の計画期間と合わせ、令和8年度から令和12年度までとし"),
    # 3つの方針
    (policy(1), "令和5年度は57,958件、令和6年度は69,778件とオンライン申請件数が増加しています。"),
    (policy(1), "国が指定する主要26手続き（子育て・介護）"),
    (policy(1), "令和7年12月末時点では保有枚数率が82.7%となる"),
    (policy(1), "総手続数の15%に留まる"),
    (policy(1), "①自治体フロントヤード改革の推進"),
    (policy(2), "「DX推進出張相談」"),
    (policy(2), "稼働業務数累計250業務に向けた調整・実装"),
    (policy(2), "⑧テレワークの推進"),
    (policy(3), "重大な情報セキュリティインシデント0件の達成"),
    (policy(3), "地域等と連携したデジタル・インクルージョンに向けた取組の展開・拡充"),
    (policy(3), "⑥セキュリティ対策の徹底"),
    # III その他
    (OTHER, "現在策定している「DX人財育成方針」に基づき"),
    (OTHER, "「茅ヶ崎市電子市役所推進本部」等に報告する"),
    # IV 資料編
    (MATERIALS, "「行政のデジタル化ってどうなの？」茅ヶ崎市デジタル化アンケート"),
    (MATERIALS, "令和7年7月30日（水）～令和7年9月17日（水）"),
    (MATERIALS, "回答数 303件"),
    (MATERIALS, "回答者のスマートフォン所持率はほぼ100%に達しており、半数以上が生成AIの利用経験がある"),
    (f"{P}/glossary/", "用語の説明です（18語"),
    (f"{P}/glossary/", "あらゆる人がデジタル技術の恩恵を享受し、社会に参加できる状態のこと。"),
    (f"{P}/glossary/", "神奈川県市町村電子自治体共同運営協議会が運営する電子申請システム。"),
    # 裏表紙
    (f"{P}/", "発行茅ヶ崎市 企画政策部デジタル推進課"),
    (f"{P}/", "〒253-8686 神奈川県茅ヶ崎市茅ヶ崎一丁目1番1号"),
    (f"{P}/", "0467-82-1111（代表）"),
    (f"{P}/", "0467-87-8118"),
    (f"{P}/", "https://www.city.chigasaki.kanagawa.jp/"),
    (f"{P}/", "令和8（2026）年〇月発行"),
]


test_the_documents_words_are_on_their_page = facts_test(FACTS)


def test_the_survey_charts_keep_their_questions_where_they_stood(bundled):
    assert figure_captions(bundled.html(MATERIALS)) == [
        "行政からの情報について、主にどのような方法で受け取っていますか。", "行政のデジタル化に対して、期待することは何ですか",
        "デジタル化によりもっと便利になると思う分野はありますか。", "デジタル化に関して、不安に感じることはありますか。"]
    assert figure_captions(bundled.html(OTHER)) == ["推進体制・進行管理イメージ"]


def test_chigasakis_pages_explain_terms_in_chigasakis_words(bundled):
    tips = tooltips(bundled.html(policy(2)))
    assert tips["AI"] == "AI：Artificial Intelligence 人間の脳が行っている知的な作業をコンピュータで模倣したソフトウェアやシステム。人工知能。"
    assert "出典" not in tips["AI"]


def test_the_contact_links_to_the_citys_home_page(bundled):
    block = bundled.html(f"{P}/").find("dl", class_="plan-publisher")
    assert block.find("a").attrs["href"] == "https://www.city.chigasaki.kanagawa.jp/"
