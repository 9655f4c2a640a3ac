"""The reviewed list of IBM Equal Access (accessibility-checker-engine) and HTML_CodeSniffer rules
that are noise for this site: each entry names the engine, the rule, where it applies (a CSS
selector the reported element must match; empty: anywhere) and why it is not a barrier here.
Every other rule the engines report fails the audit. Review the list when an engine is updated.

Not findings by design, and so not listed: IBM's MANUAL results and HTML_CodeSniffer's notices
(type 3). Both are reminders for a person to check a success criterion on every page ("check
that the title describes the page"), not something found; the report gives their counts.
"""

from __future__ import annotations

from plansite.a11y.record import Noise

# Each entry: the engine ("ibm" or "htmlcs"), its rule (IBM ruleId, or the HTML_CodeSniffer code
# WCAG2AA.Principle….Code, a code ending in "." matching every code it begins), the CSS selector the
# reported element must match ("" = anywhere) and, in Japanese for the results page, the reason.

# Material's state checkboxes and the labels and palette form that drive them.
_TOGGLES = "input.md-toggle, label.md-overlay, label[for^='__']"
_PALETTE = "form[data-md-component=palette], form[data-md-component=palette] *"


def _n(engine: str, rule: str, where: str, reason: str) -> Noise:
    return Noise(engine=engine, rule=rule, where=where, reason=reason)


NOISE: tuple[Noise, ...] = (
    _n("ibm", "form_label_unique", _TOGGLES,
       "Material の状態用チェックボックス（画面に出ず、Tab でも止まらない）。メニューや節の開閉は名前と状態を持つボタンで行います。"),
    _n("ibm", "label_ref_valid", _TOGGLES,
       "同上。非表示のチェックボックスを指すラベルで、ポインターでメニューの外を押すと閉じるためのものです（キーボードでは Esc と「閉じる」ボタン）。"),
    _n("ibm", "label_content_exists", "label.md-overlay",
       "メニューを開いたときにページを覆う半透明の面で、ポインター専用の閉じる操作です。キーボードでは Esc と「閉じる」ボタンで閉じます。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", "input.md-toggle",
       "Material の状態用チェックボックス（display:none でアクセシビリティツリーになく、フォーカスもしない）。操作はボタンで行います。"),
    _n("htmlcs", "WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name", "input.md-toggle",
       "同上。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.H44.", "label[for^='__']",
       "同上のチェックボックスを指すラベルです。"),
    _n("ibm", "input_checkboxes_grouped", _PALETTE,
       "配色の切り替え（Material）。2つのラジオボタンのうち1つだけが見え、押すたびに切り替わる1つのボタンとして働きます。名前は「暗い配色に切り替える」など。"),
    _n("ibm", "input_label_visible", _PALETTE,
       "同上。見えるラベルは月・太陽の図柄で、名前（aria-label）と title がその意味を言葉で示します。"),
    _n("ibm", "form_submit_button_exists", _PALETTE,
       "同上。送信するフォームではなく、選ぶとその場で配色が変わります（文脈の変化ではありません）。"),
    _n("htmlcs", "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", _PALETTE,
       "同上。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.H71.SameName", _PALETTE,
       "同上。"),
    _n("ibm", "label_content_exists", _PALETTE,
       "同上。ラベルは図柄で、言葉の名前は対応するラジオボタンの aria-label と title にあります。"),
    _n("ibm", "element_tabbable_visible", "",
       "「Tab で止まる要素がフォーカス時に見えるか確かめること」という確認依頼です。監査のキーボード試験が、3つの幅で Tab の移動先すべてが画面内にあり、3:1 以上のフォーカス表示があることを画素で測っています。"),
    _n("ibm", "element_tabbable_role_valid", ".plan-table-wrap[role=region]",
       "横にスクロールする表の領域です。キーボードで表をスクロールできるよう Tab で止まり、表の名前を持つ領域（region）です（スクロールしない表では止まりません）。"),
    _n("ibm", "input_fields_grouped", ".plan-filter select",
       "絞り込みの選択欄は、名前（「絞り込み」）を持つ role=\"group\" でまとめています（fieldset と同じ意味）。"),
    _n("ibm", "input_label_visible", ".plan-nav-toggle",
       "節を開閉するボタンは、見えている節の名前（リンク）の隣の矢印で、名前にその節の名前を含みます。"),
    _n("ibm", "text_block_heading", "",
       "短い段落を見出しの候補として挙げる確認依頼です。見出しを太字の段落で代用している箇所は HTML_CodeSniffer の H42 が検出し、こちらは失敗にします。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.H39.3.NoCaption", ".plan-table-wrap[aria-label] > table",
       "手書きのページの表は、直前の見出しから「表：見出し」という名前を持つ領域に入っています。caption は見出しの繰り返しになります。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.H43.", "table.plan-roadmap, table.plan-periods",
       "ロードマップと計画期間の表は、グループ（scope=\"rowgroup\"）・事業（scope=\"row\"）・年度（scope=\"col\"）の見出しで各セルを関連づけています（WCAG 技術 H63）。headers 属性は求められていません。"),
    _n("ibm", "element_tabbable_unobscured", "",
       "「フォーカスした要素が隠れないか確かめること」という確認依頼です。監査のキーボード試験が、3つの幅で Tab の移動先すべてが画面内にあり、固定ヘッダーに隠れないことを測っています。"),
    _n("ibm", "style_focus_visible", "",
       "CSS で枠線を指定していることへの確認依頼です。監査のフォーカス表示の試験が、フォーカス前後の画面を画素で比べ、3:1 以上の表示を確かめています。"),
    _n("ibm", "style_color_misuse", "",
       "CSS で色を使っていることへの確認依頼です。配色の試験（色の組み合わせ）と、状態を言葉と図形でも示す作り（テンプレートの試験）で確かめています。"),
    _n("ibm", "aria_content_in_landmark", "a.md-skip",
       "「本文へ移動」のリンクは、ランドマークより前に置くのが目的の部品です。"),
    _n("ibm", "svg_graphics_labelled", "a svg, button svg, label svg",
       "名前を持つリンクやボタン（文字か aria-label）の中の図柄です。名前は親のリンク・ボタンが持ち、図柄は読み上げません。"),
    _n("ibm", "list_structure_proper", "dl",
       "dt と dd を div でまとめた定義リストは HTML の仕様で認められた形です（Nu HTML Checker も誤りとしません）。"),
    _n("ibm", "select_options_grouped", ".plan-filter select",
       "絞り込みの選択肢は一続きの並び（体系の項目名・課の名前）で、グループに分ける意味がありません。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.H85.2", ".plan-filter select",
       "同上。"),
    _n("htmlcs", "WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.Select.Value", ".plan-filter select",
       "絞り込みは最初の選択肢「すべて」が選ばれた状態で、その値はアクセシビリティ API に渡っています（selected 属性がないことへの警告）。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Alpha", "",
       "半透明の色があるときに「コントラストを確かめること」という警告です。重なった色で計算する axe-core の color-contrast と配色の試験が確かめています。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G145.Alpha", "",
       "同上（大きな文字）。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Abs", "",
       "位置を指定した要素の背景色を HTML_CodeSniffer が求められないという警告です。axe-core の color-contrast が描画後の色で確かめています。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G145.Abs", "",
       "同上（大きな文字）。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_10.C32,C31,C33,C38,SCR34,G206", "",
       "位置を固定した要素への「リフローを確かめること」という警告です。監査が幅 320px でページ全体が横にスクロールしないことを測っています。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.H48", "article p",
       "文章の中に複数のリンクがある段落への警告です。文の一部としてのリンクで、ナビゲーションの並びではありません（リンクの並びはテンプレートで ul・ol にしています）。"),
    _n("ibm", "element_tabbable_role_valid", "pre > code[tabindex]",
       "横にスクロールするコードの欄です。Material がキーボードでスクロールできるよう Tab で止まるようにしています。"),
    # Known and left for issue 15 (the printable page is rebuilt from the page model there).
    _n("ibm", "aria_region_label_unique", "article:has(.plan-print-contents) *",
       "印刷用ページ（計画書全体・事業集）は各ページの本文を順に収めるため、同じ名前の領域（基本理念、指標の表など）が繰り返されます。印刷用ページの組み立ては issue 15 で作り直すため、それまでの既知の問題として記録します。"),
    _n("ibm", "aria_landmark_name_unique", "article:has(.plan-print-contents) *",
       "同上。"),
    _n("ibm", "aria_navigation_label_unique", "article:has(.plan-print-contents) *",
       "同上（体系のナビゲーションが計画の概要と計画の全体像の2か所に出ます）。"),
)


def as_records() -> list[dict]:
    """The list as the engines' scripts match it in the page (an entry's index names it)."""
    return [entry.model_dump() for entry in NOISE]


def everywhere(engine: str) -> set[str]:
    """The engine's rules set aside wherever they report."""
    return {entry.rule for entry in NOISE if entry.engine == engine and not entry.where}
