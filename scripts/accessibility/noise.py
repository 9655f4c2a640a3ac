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
       "Material の状態用チェックボックス（画面に出ず、Tab でも止まらない）を指すラベルです。ポインターでメニューの外を押すと閉じるためのもので、キーボードでは Esc と「閉じる」ボタンで閉じます。"),
    _n("ibm", "label_content_exists", "label.md-overlay",
       "メニューを開いたときにページを覆う半透明の面で、ポインター専用の閉じる操作です。キーボードでは Esc と「閉じる」ボタンで閉じます。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", "input.md-toggle",
       "Material の状態用チェックボックス（display:none でアクセシビリティツリーになく、フォーカスもしない）。操作はボタンで行います。"),
    _n("htmlcs", "WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name", "input.md-toggle",
       "Material の状態用チェックボックスに名前がないという指摘です。display:none でアクセシビリティツリーになく、フォーカスもしないため、読み上げでもキーボードでも出会いません。メニューと節の開閉は、名前と aria-expanded を持つボタンで行います。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.H44.", "label[for^='__']",
       "Material の状態用チェックボックス（display:none。読み上げにもキーボードにも出ない）を指すラベルへの指摘です。ポインターで押すためのもので、キーボードと読み上げでは、名前と状態を持つボタンが同じ操作をします。"),
    _n("ibm", "input_checkboxes_grouped", _PALETTE,
       "配色の切り替え（Material）。2つのラジオボタンのうち1つだけが見え、押すたびに切り替わる1つのボタンとして働きます。名前は「暗い配色に切り替える」など。"),
    _n("ibm", "input_label_visible", _PALETTE,
       "配色の切り替え（Material）のラジオボタンに見える文字のラベルがないという指摘です。見えるラベルは月・太陽の図柄で、名前（aria-label）と title がその意味（「暗い配色に切り替える」など）を言葉で示します。"),
    _n("ibm", "form_submit_button_exists", _PALETTE,
       "配色の切り替え（Material）のフォームに送信ボタンがないという指摘です。送信するフォームではなく、選ぶとその場で配色が変わるだけです（ページの移動や文脈の変化はありません）。"),
    _n("htmlcs", "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", _PALETTE,
       "配色の切り替え（Material）のフォームに送信ボタンがないという指摘です。選ぶとその場で配色が変わるだけで、送信もページの移動もしません（入力による文脈の変化ではありません）。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.H71.SameName", _PALETTE,
       "配色の切り替え（Material）の2つのラジオボタンが同じ name を持ち fieldset がないという警告です。画面には一度に1つだけが見え、押すたびに切り替わる1つのボタンとして働き、それぞれが「暗い配色に切り替える」などの名前を持ちます。"),
    _n("ibm", "label_content_exists", _PALETTE,
       "配色の切り替え（Material）のラベルに文字がないという指摘です。ラベルは月・太陽の図柄で、言葉の名前は対応するラジオボタンの aria-label と title にあります（読み上げはこちらを読みます）。"),
    _n("ibm", "element_tabbable_visible", "",
       "「Tab で止まる要素がフォーカス時に見えるか確かめること」という確認依頼です。監査のフォーカスの試験が、幅 360px・1024px・1280px で Tab の移動先すべてが画面内にあり、3:1 以上のフォーカス表示があることを画素で測っています（ページの種類ごとに1ページ。試験結果のページの「種類ごとの表」）。"),
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
       "「フォーカスした要素が隠れないか確かめること」という確認依頼です。監査の Tab キーの試験が、幅 360px・1280px で Tab の移動先が固定ヘッダーに隠れないこと、フォーカスの試験が幅 360px・1024px・1280px で画面内にあることを測っています（ページの種類ごとに1ページ）。"),
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
       "絞り込みの選択肢を optgroup でまとめるかを確かめる警告です。選択肢は一続きの並び（体系の項目名・課の名前）で、グループに分ける意味がありません。"),
    _n("htmlcs", "WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.Select.Value", ".plan-filter select",
       "絞り込みは最初の選択肢「すべて」が選ばれた状態で、その値はアクセシビリティ API に渡っています（selected 属性がないことへの警告）。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Alpha", "",
       "半透明の色があるときに「コントラストを確かめること」という警告です。重なった色で計算する axe-core の color-contrast と配色の試験が確かめています。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G145.Alpha", "",
       "大きな文字に半透明の色があるときに「コントラストを確かめること」という警告です。重なった色で計算する axe-core の color-contrast と配色の試験が確かめています。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G18.Abs", "",
       "位置を指定した要素の背景色を HTML_CodeSniffer が求められないという警告です。axe-core の color-contrast が描画後の色で確かめています。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_3.G145.Abs", "",
       "位置を指定した要素の大きな文字について、背景色を HTML_CodeSniffer が求められないという警告です。axe-core の color-contrast が描画後の色で確かめています。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_4.1_4_10.C32,C31,C33,C38,SCR34,G206", "",
       "位置を固定した要素への「リフローを確かめること」という警告です。監査が幅 320px でページ全体が横にスクロールしないことを測っています。"),
    _n("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.H48", "article p",
       "文章の中に複数のリンクがある段落への警告です。文の一部としてのリンクで、ナビゲーションの並びではありません（リンクの並びはテンプレートで ul・ol にしています）。"),
    _n("ibm", "element_tabbable_role_valid", "pre > code[tabindex]",
       "横にスクロールするコードの欄です。Material がキーボードでスクロールできるよう Tab で止まるようにしています。"),
)


def as_records() -> list[dict]:
    """The list as the engines' scripts match it in the page (an entry's index names it)."""
    return [entry.model_dump() for entry in NOISE]


def everywhere(engine: str) -> set[str]:
    """The engine's rules set aside wherever they report."""
    return {entry.rule for entry in NOISE if entry.engine == engine and not entry.where}
