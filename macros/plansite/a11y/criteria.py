"""Success criteria of JIS X 8341-3:2016 (= WCAG 2.0, levels A and AA), and the WCAG 2.1/2.2
criteria this site also tests, with how each one is tested here.

How: "axe" = axe-core rules tagged with the criterion; "script" = our browser scripts
(keyboard, focus, reflow); "palette" = the colour-pair test; "vnu" = the Nu HTML Checker. The
engines beyond axe (IBM Equal Access, HTML_CodeSniffer) say themselves which criteria their rules
test; the audit record lists them (plansite.a11y.record.Engine.criteria).
A criterion that no automated test covers completely still needs a person's review, and the
report never claims it as met without one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    number: str
    title: str
    level: str
    how: tuple[str, ...] = ()
    media_only: bool = False  # applies only where the site has audio or video

    @property
    def axe_tag(self) -> str:
        return "wcag" + self.number.replace(".", "")


def _c(number: str, title: str, level: str, *how: str, media: bool = False) -> Criterion:
    return Criterion(number, title, level, how, media)


JIS = (
    _c("1.1.1", "非テキストコンテンツ", "A", "axe"),
    _c("1.2.1", "音声のみ及び映像のみ（収録済）", "A", media=True),
    _c("1.2.2", "キャプション（収録済）", "A", "axe", media=True),
    _c("1.2.3", "音声解説、又はメディアに対する代替（収録済）", "A", media=True),
    _c("1.3.1", "情報及び関係性", "A", "axe", "vnu"),
    _c("1.3.2", "意味のある順序", "A", "script"),
    _c("1.3.3", "感覚的な特徴", "A"),
    _c("1.4.1", "色の使用", "A", "axe", "palette"),
    _c("1.4.2", "音声の制御", "A", "axe", media=True),
    _c("2.1.1", "キーボード", "A", "axe", "script"),
    _c("2.1.2", "キーボードトラップなし", "A", "script"),
    _c("2.2.1", "タイミング調整可能", "A", "axe"),
    _c("2.2.2", "一時停止、停止、非表示", "A", "axe"),
    _c("2.3.1", "3回の閃光、又は閾値以下", "A"),
    _c("2.4.1", "ブロックスキップ", "A", "axe", "script"),
    _c("2.4.2", "ページタイトル", "A", "axe", "script"),
    _c("2.4.3", "フォーカス順序", "A", "script"),
    _c("2.4.4", "リンクの目的（コンテキスト内）", "A", "axe"),
    _c("3.1.1", "ページの言語", "A", "axe"),
    _c("3.2.1", "フォーカス時", "A", "script"),
    _c("3.2.2", "入力時", "A"),
    _c("3.3.1", "エラーの特定", "A"),
    _c("3.3.2", "ラベル又は説明", "A", "axe"),
    _c("4.1.1", "構文解析", "A", "vnu", "axe"),
    _c("4.1.2", "名前（name）、役割（role）及び値（value）", "A", "axe", "script"),
    _c("1.2.4", "キャプション（ライブ）", "AA", media=True),
    _c("1.2.5", "音声解説（収録済）", "AA", media=True),
    _c("1.4.3", "コントラスト（最低限レベル）", "AA", "axe", "palette"),
    _c("1.4.4", "テキストのサイズ変更", "AA", "axe"),
    _c("1.4.5", "文字画像", "AA"),
    _c("2.4.5", "複数の手段", "AA"),
    _c("2.4.6", "見出し及びラベル", "AA", "axe"),
    _c("2.4.7", "フォーカスの可視化", "AA", "script"),
    _c("3.1.2", "一部分の言語", "AA", "axe"),
    _c("3.2.3", "一貫したナビゲーション", "AA"),
    _c("3.2.4", "一貫した識別性", "AA"),
    _c("3.3.3", "エラー修正の提案", "AA"),
    _c("3.3.4", "エラー回避（法的、金融及びデータ）", "AA"),
)

# WCAG 2.1 / 2.2 level AA criteria beyond JIS X 8341-3:2016 that the audit also tests.
LATER = (
    _c("1.4.10", "リフロー", "AA", "script"),
    _c("1.4.11", "非テキストのコントラスト", "AA", "palette", "script"),
    _c("1.4.12", "テキストの間隔", "AA", "axe"),
    _c("1.4.13", "ホバー又はフォーカスで表示されるコンテンツ", "AA", "script"),
    _c("2.4.11", "フォーカスが隠されない（最低限）", "AA", "script"),
    _c("2.5.8", "ターゲットのサイズ（最低限）", "AA", "axe"),
)

ALL = JIS + LATER

# Which of our scripted checks gives evidence for which criteria.
SCRIPT_CHECKS = {
    "skip-link": ("2.4.1",),
    "tab-order": ("1.3.2", "2.1.1", "2.4.3"),
    "keyboard-trap": ("2.1.2",),
    "focus-visible": ("2.4.7",),
    "focus-obscured": ("2.4.11",),
    "focus-context": ("3.2.1",),
    "reflow": ("1.4.10",),
    "unique-title": ("2.4.2",),
    "tooltip": ("1.4.13",),
    "tooltip-placement": ("1.4.13",),
    "tab-stop-in-view": ("2.4.7", "2.4.11"),
    "focus-contrast": ("2.4.7", "1.4.11"),
    "accessible-name": ("4.1.2",),
    "menu-keyboard": ("2.1.1", "2.4.3", "4.1.2"),
    "wide-table-cue": ("1.4.10",),
    "indicator-key-columns": ("1.4.10",),
    "audit-error": ("2.1.1",),  # a check that could not finish counts against the keyboard criterion
}
