"""Malformed inputs a city's staff can produce, each with the exact messages it must give.

A case changes the base plan (base.py) in one place. Every expected line is
file:line:column: field: message, as `make check` and `make site` print it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plansite.model.fences import FENCE_COMPONENTS as COMPONENTS

from .base import FILES, PLAN

PLAN_YAML, TREE, PROJECT, GLOSSARY, CHAPTER = (
    f"{PLAN}/plan.yaml", f"{PLAN}/tree.yaml", f"{PLAN}/projects/p-1.yaml", f"{PLAN}/glossary.yaml", f"{PLAN}/chapters/01-intro.md",
)


@dataclass(frozen=True)
class Case:
    id: str
    changes: dict  # path -> new text, bytes, base.FOLDER, a base.Link, or None to delete
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # printed after the errors, each after 「注意: 」


def edit(path: str, old: str, new: str) -> dict:
    text = FILES[path]
    assert old in text, f"{old!r} not in {path}"
    return {path: text.replace(old, new, 1)}


def add(path: str, text: str) -> dict:
    return {path: FILES[path] + text}


ERROR_CASES = [
    # --- YAML syntax ---------------------------------------------------------------------------
    Case("unclosed-quote", edit(PROJECT, 'number: "1"', 'number: "1'),
         [f"{PROJECT}:1:9: ここで始まる引用符が閉じられていません。対になる引用符を書いてください"]),
    Case("colon-inside-value", edit(PROJECT, "title: 電子申請の拡充", "title: 目標: 電子申請"),
         [f"{PROJECT}:2:10: 「キー: 値」の書き方に誤りがあります。値にコロン「: 」を含むときは全体を引用符で囲んでください"]),
    Case("no-space-after-colon", edit(PROJECT, "title: 電子申請の拡充", "title:電子申請の拡充"),
         [f"{PROJECT}:3:1: 「キー: 値」のコロンが見つかりません。コロンの後に半角スペースがあるか確かめてください"]),
    Case("misaligned-list", edit(PROJECT, "    name: 電子申請の件数", "   name: 電子申請の件数"),
         [f"{PROJECT}:15:4: 字下げがそろっていないか、リストの「- 」の位置がずれています"]),
    Case("tab-indentation", edit(TREE, "    level: goal", "\tlevel: goal"),
         [f"{TREE}:3:1: タブ文字は使えません。字下げには半角スペースを使ってください"]),
    Case("unclosed-flow-mapping", edit(PROJECT, "{2026: 100, 2027: 200}", "{2026: 100, 2027: 200"),
         [f"{PROJECT}:17:14: ここで開いたかっこ「{{」「[」が閉じられていないか、区切りの「,」が抜けています"]),
    Case("value-starting-with-reserved-character", edit(PROJECT, "summary: 手続をオンラインにします。", "summary: @デジタル推進課が担当"),
         [f"{PROJECT}:6:10: 使えない記号で値が始まっています。値全体を引用符で囲んでください"]),
    Case("two-documents-in-one-file", add(PROJECT, "---\nnumber: \"2\"\n"),
         [f"{PROJECT}:18:1: 1つのファイルに書ける内容は1つです。「---」の行から後ろを消すか、別のファイルにしてください"]),
    Case("python-tag", edit(PROJECT, "title: 電子申請の拡充", "title: !!python/object:os.system 電子申請"),
         [f"{PROJECT}:2:8: title: タグ「tag:yaml.org,2002:python/object:os.system」は使えません。「!」で始まる書き方をやめてください"]),
    Case("duplicate-key", edit(PROJECT, "node: goal-1", "node: goal-1\ntitle: 重複"),
         [f"{PROJECT}:4:1: title: キー「title」が同じ場所に2回書かれています（最初は 2 行目）。1つにまとめてください"]),
    Case("list-as-a-key", edit(PROJECT, "novelty: new", "? [new, continued]\n: new"),
         [f"{PROJECT}:4:3: キーには単純な文字列か数値を使ってください"]),
    Case("alias-of-an-anchor", edit(PROJECT, "departments: [デジタル推進課]", "departments: &owners [デジタル推進課]\nnotes: *owners"),
         [f"{PROJECT}:6:8: notes: アンカーとエイリアス（&名前 と *名前）は使えません。同じ内容をそのまま書いてください"]),
    Case("runaway-nesting", edit(PROJECT, "summary: 手続をオンラインにします。", "summary: " + "[" * 100 + "]" * 100),
         [f"{PROJECT}:6:50: summary" + "[0]" * 40 + ": 入れ子が深すぎます（40 段まで）。字下げやかっこの対応を確かめてください"]),
    # --- files -----------------------------------------------------------------------------------
    Case("empty-file", {PROJECT: ""}, [f"{PROJECT}:1:1: ファイルが空です。内容を書いてください"]),
    Case("only-blank-lines-and-spaces", {PROJECT: "\n   \n\n"}, [f"{PROJECT}:1:1: ファイルが空です。内容を書いてください"]),
    Case("only-a-comment", {PROJECT: "# あとで書く\n"}, [f"{PROJECT}:1:1: ファイルが空です。内容を書いてください"]),
    Case("shift-jis", {PROJECT: FILES[PROJECT].encode("shift_jis")},
         [f"{PROJECT}:2:8: 文字コードが UTF-8 ではありません。UTF-8 で保存し直してください"]),
    Case("shift-jis-chapter", {CHAPTER: FILES[CHAPTER].encode("shift_jis")},
         [f"{CHAPTER}:1:1: 文字コードが UTF-8 ではありません。UTF-8 で保存し直してください"]),
    Case("bom-is-accepted-and-not-counted", {PROJECT: "\ufeff" + FILES[PROJECT].replace("number:", "numbr:")},
         [f"{PROJECT}:1:1: numbr: 「numbr」という項目はありません。もしかして「number」ですか？"]),
    Case("huge-file-error-at-its-end", add(PROJECT, "".join(f"# 注記 {i}\n" for i in range(50_000)) + "unit: 件\n"),
         [f"{PROJECT}:50018:1: unit: 「unit」という項目はありません。書ける項目: lead、description、current、ideal、actions、"
          "sections、schedule、kpis、sdgs、sdgs_note、notes、priorities、number、title、node、novelty、former_title、"
          "departments、summary、category、grades、successor"]),
    Case("whole-file-is-a-list", {PROJECT: "- 電子申請\n- 窓口\n"},
         [f"{PROJECT}:1:1: ファイル全体を「キー: 値」の形（マッピング）で書いてください"]),
    Case("missing-tree-while-a-project-names-a-node", {TREE: None},
         [f"{PROJECT}:3:7: node: 体系の ID「goal-1」が見つかりません。tree.yaml のない計画では、node を書かずに事業を計画の直下に置きます"]),
    Case("file-name-not-an-id", {f"{PLAN}/projects/事業1.yaml": FILES[PROJECT].replace('"1"', '"2"')},
         [f"{PLAN}/projects/事業1.yaml:1:1: ファイル名「事業1.yaml」は使えません。事業のIDとして半角英小文字・数字・ハイフンにしてください（URLになります）"]),
    Case("chapter-without-title-line", {CHAPTER: "この計画の趣旨です。\n"},
         [f"{CHAPTER}:1:1: 章の1行目は「# 章の題名」にしてください"]),
    # --- types -----------------------------------------------------------------------------------
    Case("number-where-text-belongs", edit(PROJECT, "title: 電子申請の拡充", "title: 2026"),
         [f"{PROJECT}:2:8: title: 文字列を指定してください（数値が指定されています）"]),
    Case("text-where-a-number-belongs", edit(PLAN_YAML, "start: 2026", "start: 令和8年度"),
         [f"{PLAN_YAML}:6:10: period.start: 期間は年度（西暦4桁。令和8年度なら 2026）か、月まで（令和5年1月なら 2023-01）で書いてください。「令和8年度」は読めません"]),
    Case("list-where-text-belongs", edit(PROJECT, "title: 電子申請の拡充", "title: [電子申請, 拡充]"),
         [f"{PROJECT}:2:8: title: 文字列を指定してください（リストが指定されています）"]),
    Case("mapping-where-a-list-belongs", edit(PROJECT, "departments: [デジタル推進課]", "departments: {課: デジタル推進課}"),
         [f"{PROJECT}:5:14: departments: 文字列のリストを指定してください（マッピング（キーと値の組）が指定されています）"]),
    Case("true-where-a-value-belongs", edit(PROJECT, "2027: 200", "2027: true"),
         [f"{PROJECT}:17:32: kpis[0].targets.2027: 数値または文字列を指定してください（真偽値（true/false）が指定されています）"]),
    Case("empty-value-of-required-text", edit(PROJECT, "title: 電子申請の拡充", "title:"),
         [f"{PROJECT}:2:7: title: 文字列を指定してください（空の値が指定されています）"]),
    Case("blank-text", edit(PROJECT, "title: 電子申請の拡充", 'title: "  "'),
         [f"{PROJECT}:2:8: title: 空の文字列は書けません。内容を書くか、この項目ごと削除してください"]),
    Case("impossible-date", edit(PLAN_YAML, "status: adopted", "status: adopted\npublic_comment: {start: 2025-02-30, end: 2025-03-10}"),
         [f"{PLAN_YAML}:9:25: public_comment.start: 「2025-02-30」は存在しない日付です"]),
    Case("sdg-out-of-range", edit(PROJECT, "novelty: new", "novelty: new\nsdgs: [9, 18]"),
         [f"{PROJECT}:5:11: sdgs[1]: SDGs のゴールは 1〜17 の整数で書いてください（「18」が指定されています）"]),
    Case("reading-not-katakana", edit(GLOSSARY, "reading: デンシシンセイ", "reading: 電子申請"),
         [f"{GLOSSARY}:4:14: terms[0].reading: 読みはカタカナかひらがなで書いてください（五十音順に並べるのに使います。「電子申請」が指定されています）"]),
    # --- keywords and keys -----------------------------------------------------------------------
    Case("unknown-key-with-suggestion", edit(PROJECT, "summary:", "sumary:"),
         [f"{PROJECT}:6:1: sumary: 「sumary」という項目はありません。もしかして「summary」ですか？"]),
    Case("unknown-nested-key-with-suggestion", edit(PROJECT, "    unit: 件", "    units: 件"),
         [f"{PROJECT}:16:5: kpis[0].units: 「units」という項目はありません。もしかして「unit」ですか？"]),
    Case("unknown-key-in-plan", edit(PLAN_YAML, "period:", "priod:"),
         [f"{PLAN_YAML}:1:1: period: 必須の項目です。「period」を書き加えてください",
          f"{PLAN_YAML}:5:1: priod: 「priod」という項目はありません。もしかして「period」ですか？"]),
    Case("wrong-keyword", edit(PLAN_YAML, "status: adopted", "status: 策定済み"),
         [f"{PLAN_YAML}:8:9: status: 計画の状態（status）は draft（案）、public-comment（意見募集中）、adopted（策定済）、"
          "superseded（終了）のいずれかを書いてください（「策定済み」が指定されています）"]),
    Case("missing-required-field", edit(PROJECT, "title: 電子申請の拡充\n", ""),
         [f"{PROJECT}:1:1: title: 必須の項目です。「title」を書き加えてください"]),
    Case("id-with-capitals-and-spaces", edit(TREE, "id: goal-1", "id: Goal 1"),
         [f"{TREE}:2:9: nodes[0].id: ID「Goal 1」は使えません。半角英小文字・数字・ハイフンだけで書いてください（例: vision-1）。IDはURLになります"]),
    Case("id-given-in-a-project-file", edit(PROJECT, "node: goal-1", "node: goal-1\nid: p-9"),
         [f"{PROJECT}:4:1: id: 「id」は書かないでください（ファイル名から決まります）"]),
    # --- references and ids across files --------------------------------------------------------
    Case("dangling-node", edit(PROJECT, "node: goal-1", "node: goal-2"),
         [f"{PROJECT}:3:7: node: 体系の ID「goal-2」が見つかりません。もしかして「goal-1」ですか？"]),
    Case("duplicate-node-id", add(TREE, "  - id: goal-1\n    level: goal\n    title: 安全な暮らし\n"),
         [f"{TREE}:7:9: nodes[1].id: ID「goal-1」が重複しています（2 行目と同じ）。別の ID にしてください"]),
    Case("duplicate-project-number", {f"{PLAN}/projects/p-2.yaml": FILES[PROJECT]},
         [f"{PLAN}/projects/p-2.yaml:1:9: number: 事業番号「1」は projects/p-1.yaml と重複しています"]),
    Case("undefined-level", edit(TREE, "level: goal", "level: measure"),
         [f"{TREE}:3:12: nodes[0].level: 階層「measure」は plan.yaml の levels にありません（書ける値: goal）"]),
    Case("dangling-related-term", edit(GLOSSARY, "    description:", "    related: [onlin]\n    description:"),
         [f"{GLOSSARY}:5:15: terms[0].related[0]: 用語の ID「onlin」が見つかりません。もしかして「online」ですか？"]),
    Case("contents-names-a-missing-chapter", add(PLAN_YAML, "contents:\n  - chapter: 01-intr\n"),
         [f"{PLAN_YAML}:15:3: contents: 章 chapters/01-intro.md が contents にありません。表示する位置に「- chapter: 01-intro」を書いてください",
          f"{PLAN_YAML}:15:14: contents[0].chapter: 章のファイル名「01-intr」が見つかりません。もしかして「01-intro」ですか？"]),
    Case("unknown-component-in-chapter", add(CHAPTER, "\n```plan\ncomponent: kpi-chart\n```\n"),
         [f"{CHAPTER}:5:1: 部品「kpi-chart」はありません（使える部品: {'、'.join(COMPONENTS)}）"]),
    Case("component-with-undefined-level", add(CHAPTER, "\n```plan\ncomponent: project-table\nlevel: measure\n```\n"),
         [f"{CHAPTER}:5:1: 階層「measure」は plan.yaml の levels にありません"]),
    Case("component-fence-not-yaml", add(CHAPTER, "\n```plan\ncomponent: [tree\n```\n"),
         [f"{CHAPTER}:5:1: plan ブロックの中身を「component: 名前」の形で書いてください"]),
    # --- fiscal years ----------------------------------------------------------------------------
    Case("target-year-after-the-period", edit(PROJECT, "2027: 200", "2031: 200"),
         [f"{PROJECT}:17:26: kpis[0].targets.2031: 2031年度は計画期間（2026〜2030年度）の外です。計画期間内の年度を書いてください"]),
    Case("phase-outside-the-period", edit(PROJECT, "start: 2026\n        end: 2027", "start: 2031\n        end: 2032"),
         [f"{PROJECT}:10:9: schedule[0].phases[0]: 段階「試行」は計画期間（2026〜2030年度）と重なりません。年度を確かめてください"]),
    Case("phase-ending-before-it-starts", edit(PROJECT, "start: 2026\n        end: 2027", "start: 2028\n        end: 2027"),
         [f"{PROJECT}:10:9: schedule[0].phases[0]: end（2027年度）が start（2028年度）より前です"]),
    Case("period-ending-before-it-starts", edit(PLAN_YAML, "end: 2030", "end: 2020"),
         [f"{PLAN_YAML}:6:3: period: end（2020年度）が start（2026年度）より前です"]),
    Case("wareki-year-as-a-number", edit(PROJECT, "2026: 100", "8: 100"),
         [f"{PROJECT}:17:15: kpis[0].targets[8]: 年度は西暦4桁の整数で書いてください（例: 令和8年度なら 2026）。「8」は年度として読めません"]),
]

SCALE = "evaluation_scale:\n  - {grade: A, label: 目標より進んでいる, status: met}\n  - {grade: B, label: 目標どおり進んでいる, status: met}\n"

ERROR_CASES += [
    # --- the city's grades, the plan's words, periods to the month, successors (issue 16) ----------
    Case("grade-not-in-the-scale", {**add(PLAN_YAML, SCALE), **add(PROJECT, "    grades: {2026: Ａ, 2027: S}\n")},
         [f"{PROJECT}:18:20: kpis[0].grades.2026: 評価の記号「Ａ」は plan.yaml の evaluation_scale にありません（書ける記号: A、B）。もしかして「A」ですか？",
          f"{PROJECT}:18:29: kpis[0].grades.2027: 評価の記号「S」は plan.yaml の evaluation_scale にありません（書ける記号: A、B）"]),
    Case("grade-without-a-scale", add(PROJECT, "grades: {2026: A}\n"),
         [f"{PROJECT}:18:16: grades.2026: 市の評価「A」を書くには、plan.yaml に evaluation_scale（評価の区分：記号・名前・説明）を書いてください"]),
    Case("grade-twice-in-the-scale", add(PLAN_YAML, SCALE + "  - {grade: A, label: 同じ記号}\n"),
         [f"{PLAN_YAML}:17:13: evaluation_scale[2].grade: 評価の記号「A」が重複しています。1つにまとめてください"]),
    Case("grade-status-not-a-keyword", add(PLAN_YAML, SCALE.replace("status: met}\n  - {grade: B", "status: good}\n  - {grade: B", 1)),
         [f"{PLAN_YAML}:15:42: evaluation_scale[0].status: 対応するサイトの判定（status）は met（達成）、not-met（未達成）、"
          "undetermined（判定不可）のいずれかを書いてください（「good」が指定されています）"]),
    Case("grade-year-outside-the-period", {**add(PLAN_YAML, SCALE), **add(PROJECT, "grades: {2031: A}\n")},
         [f"{PROJECT}:18:10: grades.2031: 2031年度は計画期間（2026〜2030年度）の外です。計画期間内の年度を書いてください"]),
    Case("successor-without-a-plan-name", add(PROJECT, "successor: {status: continued}\n"),
         [f"{PROJECT}:18:12: successor: 次の計画の名称がありません。successor に plan（次の計画の名称）を書くか、"
          "plan.yaml に successor（次の計画）を書いてください"]),
    Case("successor-status-not-a-keyword", add(PROJECT, "successor: {status: 継続, plan: 第2期計画}\n"),
         [f"{PROJECT}:18:21: successor.status: 次の計画での扱い（status）は continued（継続）、merged（統合）、ended（終了）の"
          "いずれかを書いてください（「継続」が指定されています）"]),
    Case("achieved-where-the-site-compares-numbers", edit(PROJECT, "    targets: {2026: 100, 2027: 200}", "    targets: {2026: 100, 2027: 200}\n    actuals: {2026: 90}\n    achieved: {2026: true}"),
         [f"{PROJECT}:14:5: kpis[0]: achieved の 2026年度は、実績値も目標値も数値なのでサイトが判定します。achieved は文字の目標値・実績値（導入 など）のときだけ書きます"]),
    Case("achieved-without-an-actual", edit(PROJECT, "    targets: {2026: 100, 2027: 200}", "    targets: {2026: 導入}\n    achieved: {2026: true}"),
         [f"{PROJECT}:14:5: kpis[0]: achieved の 2026年度には実績値がありません。actuals に実績値を書いてください"]),
    Case("period-month-thirteen", edit(PLAN_YAML, "start: 2026", "start: 2026-13"),
         [f"{PLAN_YAML}:6:10: period.start: 期間は年度（西暦4桁。令和8年度なら 2026）か、月まで（令和5年1月なら 2023-01）で書いてください。「2026-13」は読めません"]),
    Case("period-months-reversed", edit(PLAN_YAML, "  start: 2026\n  end: 2030", "  start: 2026-10\n  end: 2026-09"),
         [f"{PLAN_YAML}:6:3: period: end（2026年9月）が start（2026年10月）より前です"]),
    Case("plan-indicator-year-outside-the-period", add(PLAN_YAML, "kpis:\n  - {kind: outcome, name: 財政的効果, targets: {2031: 100}}\n"),
         [f"{PLAN_YAML}:15:44: kpis[0].targets.2031: 2031年度は計画期間（2026〜2030年度）の外です。計画期間内の年度を書いてください"]),
    Case("label-misspelt", add(PLAN_YAML, "labels:\n  projct: 取組項目\n"),
         [f"{PLAN_YAML}:15:3: labels.projct: 「projct」という項目はありません。もしかして「project」ですか？"]),
    Case("unknown-key-far-from-any-name", add(PROJECT, "progress: 50%\n"),
         [f"{PROJECT}:18:1: progress: 「progress」という項目はありません。書ける項目: lead、description、current、ideal、actions、"
          "sections、schedule、kpis、sdgs、sdgs_note、notes、priorities、number、title、node、novelty、former_title、"
          "departments、summary、category、grades、successor"]),
    Case("tree-without-levels", edit(PLAN_YAML, "levels:\n  - id: goal\n    name: 基本目標\n    projects_label: 事業\n", ""),
         [f"{PLAN_YAML}:1:1: levels: tree.yaml に体系がありますが、plan.yaml に levels（体系の階層の名前）がありません。levels を書いてください"]),
]
