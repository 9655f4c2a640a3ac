"""Seed 002: 相模原市ICT総合戦略 施策目標値の達成状況 and 計上事業の進捗状況, bundled as sagamihara-ict-1.
Each fact of the document on the page where it belongs. (The labels 成果指標・当初値 belong to the
labels mechanism of issue 16 and are checked there.)"""

from __future__ import annotations

from fidelity import facts_test, on_page

P = "sagamihara-ict-1"


def measure(number: str) -> str:
    return f"{P}/nodes/measure-{number}/"


def project(number: int) -> str:
    return f"{P}/projects/{number}/"


FACTS = [
    # (1) 施策目標値の達成状況
    (measure("1-1"), "市民等が行政手続等にかかる時間の削減"),
    (measure("1-1"), "約16,000時間削減"),
    (measure("1-1"), "6,700時間削減"),
    (measure("1-1"), "(計画策定時に設定した仮定値:1手続当たりの所要時間=0.5時間を前提とする)"),
    (measure("1-2"), "3種類"),
    (measure("1-2"), "96種類"),
    (measure("1-2"), "12種類"),
    (measure("1-2"), "翻訳アプリ(製品名:カタログポケット)とは、既存のPDF資料を自動翻訳するソフトウェアをいう。"),
    (measure("2-1"), "19,839時間"),
    (measure("2-1"), "11,600時間以上"),
    (measure("2-1"), "R2:2,843時間、R3:3,583時間 R4:6,169時間、R5:7,244時間"),
    (measure("2-2"), "70%"),
    (measure("2-2"), "「デジタルツール活用の取組を通じ、業務効率化や生産性向上が図られていると思いますか」"),
    (measure("2-3"), "0件（R2～5）"),
    (measure("3-1"), "45,570件"),
    (measure("3-1"), "103,610件"),
    (measure("3-1"), "60,000件以上"),
    (measure("3-1"), "(H30年3月開設)"),
    (measure("3-2"), "47,511人"),
    (measure("3-2"), "30,000人以上"),
    (measure("3-3"), "48.2%"),
    (measure("3-3"), "55%以上"),
    (measure("3-3"), "・相模原市公式ホームページ管理システム更新 ・電子書籍の導入及び研究 ・ICTを活用した多様なワークスタイルの創出 ・プリンタと複合機の統合及び個人認証管理機能の導入"),
    # (2) 計上事業の進捗状況
    (project(1), "電子申請の新規導入手続数"),
    (project(1), "15手続以上"),
    (project(2), "59,000件"),
    (project(3), "未設定(探索型事業のため)"),
    (project(6), "26種類増加"),
    (project(7), "25,557,731件"),
    (project(7), "30,000,000件"),
    (project(9), "1.6%"),
    (project(10), "21事業"),
    (project(12), "1案件当たり 126部削減"),
    (project(12), "資料部数 7割削減"),
    (project(15), "平均5.0%"),
    (project(16), "9割以上"),
    (project(19), "59件（問い合わせを含む）"),
    (project(19), "126件以下（平成30年度に140件発生したシステム障害の10%減を目標とする）"),
    (project(20), "年間稼働時間の0.1%未満"),
    (project(24), "「調査データ一覧」に172件のデータを登録した。"),
    (project(26), "33,852件/年"),
    (project(27), "697人"),
    (project(27), "※令和6年6月20日現在"),
    (project(31), "市:81.9%"),
    (project(31), "前年度調査における全国平均以上"),
    (project(32), "DX人材育成方針では具体的な指標を定めなかったが、毎年度策定する研修計画に基づき、各種研修を実施した。"),
    (project(33), "27館"),
    (project(33), "生涯学習課"),
    (f"{P}/projects/", "相模原市ICT総合戦略の33事業の一覧です。"),
    (project(1), "A（重点事業）（実施条件が整っている、又は整う見込みがあり、実現性が高い事業）"),
    (project(3), "C（探索型事業）（実証実験・検討事業など、手法を検討している事業）"),
]


test_the_documents_words_are_on_their_page = facts_test(FACTS)


def test_each_project_is_in_its_measure_with_its_department(bundled):
    rows = {p.number: p for p in bundled.context.site.plan_by_id[P].projects}
    assert len(rows) == 33
    assert rows["13"].title == "AI-OCRの導入及び研究" and rows["13"].departments == ("DX推進課",)
    assert rows["22"].departments == ("アセットマネジメント推進課",)
    assert on_page(bundled, measure("2-1"), "13 AI-OCRの導入及び研究")
