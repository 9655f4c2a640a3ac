"""Hostile and careless inputs (issue 14), each with the exact messages it must give.

ERROR_CASES stop the build; WARNING_CASES build (make check prints them) and fail only in strict
mode. Positions are counted by eye from base.py: PROJECT line 2 is `title: 電子申請の拡充`
(the title starts at column 8), line 6 `summary: …` (column 10), line 17 the targets
`{2026: 100, 2027: 200}` (200 at column 32).
"""

from __future__ import annotations

from pathlib import Path

from .base import FILES, FOLDER, PLAN, Link
from .cases import CHAPTER, GLOSSARY, PLAN_YAML, PROJECT, TREE, Case, add, edit

REPOSITORY = Path(__file__).resolve().parents[2]
DEEP = "入れ子が深すぎます（40 段まで）。字下げやかっこの対応を確かめてください"
PASTED = "が入っています。消してください（貼り付けた文章に紛れ込むことがあります）"
NUMBER_RANGE = "数値は ±1,000兆 未満、小数点以下 10 桁までで書いてください"
ALIAS = "アンカーとエイリアス（&名前 と *名前）は使えません。同じ内容をそのまま書いてください"
WIDE_INDENT = "字下げに U+3000（全角スペース）が使われています。字下げは半角スペースで書いてください"
CONFLICT = "が残っています。どちらの内容を残すか決め、<<<<<<<・=======・>>>>>>> の行を消してください"
PROJECT_2 = f"{PLAN}/projects/p-2.yaml"
SHARED_PRIORITIES = "data/shared/priorities.yaml"
PLAN_LISTING = "plan.yaml、tree.yaml、lineage.yaml、glossary.yaml、comments.yaml、projects/、chapters/、editions/"


def in_title(char: str) -> dict:
    return edit(PROJECT, "title: 電子申請の拡充", f"title: 電子申請{char}の拡充")


def with_summary(text: str) -> dict:
    return edit(PROJECT, "summary: 手続をオンラインにします。", "summary: " + text)


def with_target(text: str) -> dict:
    return edit(PROJECT, "2027: 200", "2027: " + text)


def warned(id: str, changes: dict, warnings: list[str]) -> Case:
    return Case(id, changes, warnings=warnings)


_BIG = with_summary("あ" * 700_000)
_BIG_SIZE = len(_BIG[PROJECT].encode("utf-8"))
_SECOND_PROJECT = FILES[PROJECT].replace('"1"', '"2"')

ERROR_CASES = [
    # --- nesting, aliases and tags: no crash, no hang --------------------------------------------
    Case("flow-nesting-30000-on-one-line", with_summary("[" * 30_000 + "]" * 30_000), [f"{PROJECT}:6:50: {DEEP}"]),
    Case("mapping-nesting-30000-on-one-line", with_summary("{a: " * 30_000 + "}" * 30_000), [f"{PROJECT}:6:170: {DEEP}"]),
    Case("list-nesting-30000-on-one-line", with_summary("\n  " + "- " * 30_000 + "x"),
         [f"{PROJECT}:7:83: summary" + "[0]" * 40 + f": {DEEP}"]),
    Case("scalar-alias", with_summary("&s 手続\nnotes: [*s, *s]"),
         [f"{PROJECT}:7:9: notes[0]: {ALIAS}", f"{PROJECT}:7:13: notes[1]: {ALIAS}"]),
    Case("python-tag-on-a-list", edit(PROJECT, "departments: [", "departments: !!python/object/apply:os.system ["),
         [f"{PROJECT}:5:14: departments: タグ「tag:yaml.org,2002:python/object/apply:os.system」は使えません。「!」で始まる書き方をやめてください"]),
    Case("component-fence-nested-30000-deep", add(CHAPTER, "\n```plan\ncomponent: " + "[" * 30_000 + "\n```\n"),
         [f"{CHAPTER}:5:1: {DEEP}"]),
    # --- invisible and control characters: refused where they stand, named by code point ---------
    Case("c1-control-in-a-title", in_title("\x85"), [f"{PROJECT}:2:12: 見えない文字・制御文字 U+0085（改行の制御文字 NEL）{PASTED}"]),
    Case("delete-character-in-a-title", in_title("\x7f"), [f"{PROJECT}:2:12: 見えない文字・制御文字 U+007F（削除文字 DEL）{PASTED}"]),
    Case("non-character-in-a-title", in_title("\ufffe"), [f"{PROJECT}:2:12: 見えない文字・制御文字 U+FFFE（非文字）{PASTED}"]),
    Case("line-separator-in-a-title", in_title("\u2028"), [f"{PROJECT}:2:12: 見えない文字・制御文字 U+2028（行区切り文字）{PASTED}"]),
    Case("zero-width-space-in-a-title", in_title("\u200b"), [f"{PROJECT}:2:12: 見えない文字・制御文字 U+200B（ゼロ幅スペース）{PASTED}"]),
    Case("right-to-left-override-in-a-department", edit(PROJECT, "[デジタル推進課]", "[デジタル\u202e推進課]"),
         [f"{PROJECT}:5:19: 見えない文字・制御文字 U+202E（右から左への強制（文字の並びが逆に見えます））{PASTED}"]),
    Case("zero-width-space-written-as-an-escape", edit(PROJECT, "title: 電子申請の拡充", 'title: "電子申請\\u200bの拡充"'),
         [f"{PROJECT}:2:8: title: 見えない文字・制御文字 U+200B（ゼロ幅スペース）が「\\u200b」のような書き方で入っています。消してください"]),
    Case("nul-written-as-an-escape", with_summary('"手続\\0"'),
         [f"{PROJECT}:6:10: summary: 見えない文字・制御文字 U+0000（NUL 文字）が「\\u0000」のような書き方で入っています。消してください"]),
    Case("zero-width-space-in-an-id", edit(TREE, "id: goal-1", "id: goal\u200b-1"),
         [f"{TREE}:2:13: 見えない文字・制御文字 U+200B（ゼロ幅スペース）{PASTED}"]),
    Case("newline-at-the-end-of-an-id", edit(TREE, "id: goal-1", 'id: "goal-1\\n"'),
         [f"{TREE}:2:9: nodes[0].id: ID「goal-1[U+000A（改行）]」は使えません。半角英小文字・数字・ハイフンだけで書いてください（例: vision-1）。IDはURLになります"]),
    Case("c1-control-at-the-end-of-a-chapter-title", edit(CHAPTER, "# はじめに", "# はじめに\x9b"),
         [f"{CHAPTER}:1:7: 見えない文字・制御文字 U+009B（制御文字）{PASTED}"]),
    # A line break in a one-line text would split the page's heading in two.
    Case("line-break-in-a-title", edit(PROJECT, "title: 電子申請の拡充", 'title: "電子申請\\n# 見出し\\nの拡充"'),
         [f"{PROJECT}:2:8: title: 1行で書く項目です（改行が入っています）。改行を消すか、「|」で複数行にする文章の項目に書いてください"]),
    Case("chapter-title-line-without-a-title", edit(CHAPTER, "# はじめに", "# "), [f"{CHAPTER}:1:1: 章の1行目は「# 章の題名」にしてください"]),
    # --- what an editor hides: full-width spaces and colons, curly quotes, a merge left half done -
    Case("full-width-spaces-as-indentation", edit(PROJECT, "    name: 電子申請の件数", "\u3000\u3000name: 電子申請の件数"),
         [f"{PROJECT}:15:1: {WIDE_INDENT}"]),
    Case("full-width-space-before-a-list-item", edit(PROJECT, "departments: [デジタル推進課]", "departments:\n\u3000- デジタル推進課"),
         [f"{PROJECT}:6:1: {WIDE_INDENT}"]),
    Case("full-width-colon-after-a-key", edit(PROJECT, "title: 電子申請の拡充", "title：電子申請の拡充"),
         [f"{PROJECT}:2:6: 「title：」のコロンが全角です。「title: 」のように半角のコロン「:」と半角スペースにしてください"]),
    # Valid YAML that would have made the unit part of the name: still an error, at the colon.
    Case("full-width-colon-that-still-parses", edit(PROJECT, "    unit: 件", "    unit：件"),
         [f"{PROJECT}:16:9: 「unit：」のコロンが全角です。「unit: 」のように半角のコロン「:」と半角スペースにしてください"]),
    Case("curly-quotes-around-a-value", edit(PROJECT, "title: 電子申請の拡充", "title: “電子申請: 拡充”"),
         [f"{PROJECT}:2:8: 値が全角の引用符「“」で始まっています。YAML で値を囲む引用符は半角の「\"」か「'」です。"
          "半角にするか、引用符も文字として表示したいときは値全体を半角の「\"」で囲んでください"]),
    Case("git-conflict-markers", edit(PROJECT, "title: 電子申請の拡充\n",
                                      "<<<<<<< HEAD\ntitle: 電子申請の拡充\n=======\ntitle: 電子申請の推進\n>>>>>>> main\n"),
         [f"{PROJECT}:2:1: Git で変更がぶつかったときの印「<<<<<<<」{CONFLICT}", f"{PROJECT}:4:1: Git で変更がぶつかったときの印「=======」{CONFLICT}",
          f"{PROJECT}:6:1: Git で変更がぶつかったときの印「>>>>>>>」{CONFLICT}"]),
    Case("git-conflict-markers-in-a-chapter", edit(CHAPTER, "この計画の趣旨です。\n", "<<<<<<< HEAD\nこの計画の趣旨です。\n=======\n趣旨です。\n>>>>>>> main\n"),
         [f"{CHAPTER}:3:1: Git で変更がぶつかったときの印「<<<<<<<」{CONFLICT}", f"{CHAPTER}:5:1: Git で変更がぶつかったときの印「=======」{CONFLICT}",
          f"{CHAPTER}:7:1: Git で変更がぶつかったときの印「>>>>>>>」{CONFLICT}"]),
    # --- one run reports everything that can be found ---------------------------------------------
    Case("syntax-error-does-not-hide-an-unknown-key", {PROJECT: FILES[PROJECT].replace("title: 電子申請の拡充", "title: 目標: 電子申請").replace("summary:", "sumary:")},
         [f"{PROJECT}:2:10: 「キー: 値」の書き方に誤りがあります。値にコロン「: 」を含むときは全体を引用符で囲んでください",
          f"{PROJECT}:6:1: sumary: 「sumary」という項目はありません。もしかして「summary」ですか？"]),
    Case("two-syntax-errors-in-one-file", {PROJECT: FILES[PROJECT].replace("title: 電子申請の拡充", "title: 目標: 電子申請").replace("summary: 手続", "summary: 手続: ")},
         [f"{PROJECT}:2:10: 「キー: 値」の書き方に誤りがあります。値にコロン「: 」を含むときは全体を引用符で囲んでください",
          f"{PROJECT}:6:12: 「キー: 値」の書き方に誤りがあります。値にコロン「: 」を含むときは全体を引用符で囲んでください"]),
    Case("syntax-error-and-a-dangling-node-in-one-run", {**edit(PROJECT, "title: 電子申請の拡充", "title: 目標: 電子申請"),
                                                          PROJECT_2: _SECOND_PROJECT.replace("node: goal-1", "node: goal-9")},
         [f"{PROJECT}:2:10: 「キー: 値」の書き方に誤りがあります。値にコロン「: 」を含むときは全体を引用符で囲んでください",
          f"{PROJECT_2}:3:7: node: 体系の ID「goal-9」が見つかりません。もしかして「goal-1」ですか？"]),
    Case("broken-tree-and-an-unknown-category-in-one-run", {**edit(TREE, "title: 便利な行政", "title: 便利: 行政"),
                                                             PROJECT_2: _SECOND_PROJECT.replace("novelty: new", "category: zz")},
         [f"{PROJECT_2}:4:11: category: 事業区分「zz」が見つかりません（plan.yaml の categories に書いてください）",
          f"{TREE}:5:14: 「キー: 値」の書き方に誤りがあります。値にコロン「: 」を含むときは全体を引用符で囲んでください"]),
    # --- limits ----------------------------------------------------------------------------------
    Case("file-over-the-size-limit", _BIG,
         [f"{PROJECT}:1:1: ファイルが大きすぎます（{_BIG_SIZE:,} バイト。2,000,000 バイトまで）。内容を確かめ、事業ごとのファイルや章に分けてください"]),
    Case("text-over-the-length-limit", with_summary("あ" * 20_001),
         [f"{PROJECT}:6:10: summary: 文章が長すぎます（20,001 文字。1つの項目は 20,000 文字まで）。章（chapters/）に書くか、いくつかの項目に分けてください"]),
    Case("number-with-5000-digits", with_target("9" * 5000),
         [f"{PROJECT}:17:32: kpis[0].targets.2027: 数値が長すぎます（5,000 文字。30 文字まで）。桁数を確かめてください"]),
    Case("number-1e5000", with_target("1e5000"), [f"{PROJECT}:17:32: kpis[0].targets.2027: {NUMBER_RANGE}（「1E+5000」が指定されています）"]),
    Case("number-1e99999999", with_target("1e99999999"), [f"{PROJECT}:17:32: kpis[0].targets.2027: {NUMBER_RANGE}（「1E+99999999」が指定されています）"]),
    Case("number-nan", with_target("{value: nan}"), [f"{PROJECT}:17:32: kpis[0].targets.2027: {NUMBER_RANGE}（「NaN」が指定されています）"]),
    Case("number-infinity", with_target("{value: Infinity}"), [f"{PROJECT}:17:32: kpis[0].targets.2027: {NUMBER_RANGE}（「Infinity」が指定されています）"]),
    Case("number-with-eleven-decimals", with_target("0.00000000001"), [f"{PROJECT}:17:32: kpis[0].targets.2027: {NUMBER_RANGE}（「1E-11」が指定されています）"]),
    Case("url-without-a-scheme", edit(PLAN_YAML, "status: adopted", "status: adopted\npublisher: {name: ミニ市, url: www.example.jp}"),
         [f"{PLAN_YAML}:9:29: publisher.url: URL を https:// から書いてください（「www.example.jp」が指定されています）"]),
    Case("javascript-url", edit(PLAN_YAML, "status: adopted", "status: adopted\npublisher: {name: ミニ市, url: \"javascript:alert(1)\"}"),
         [f"{PLAN_YAML}:9:29: publisher.url: URL を https:// から書いてください（「javascript:alert(1)」が指定されています）"]),
    Case("priority-number-with-a-script-link",
         {SHARED_PRIORITIES: 'title: 重点取組事項\nitems:\n  - id: p1\n    number: "[x](javascript:alert(1))"\n    title: 推進\n'},
         [f"{SHARED_PRIORITIES}:4:13: items[0].number: 番号「[x](javascript:alert(1))」は使えません。"
          "番号は文字・数字・丸数字と - . ( ) / ・ で、20 文字までにしてください（例: ①、1-2、(3)）"]),
    # --- every file and folder is read or reported ------------------------------------------------
    Case("plan-saved-as-plan-yml", {PLAN_YAML: None, f"{PLAN}/plan.yml": FILES[PLAN_YAML]},
         [f"{PLAN}/plan.yml:1:1: 「plan.yml」は読みません。名前を plan.yaml にしてください（拡張子は .yaml です）"]),
    Case("plan-saved-by-notepad", {PLAN_YAML: None, f"{PLAN}/plan.yaml.txt": FILES[PLAN_YAML]},
         [f"{PLAN}/plan.yaml.txt:1:1: 「plan.yaml.txt」は読みません。名前を plan.yaml にしてください（拡張子は .yaml です）"]),
    Case("project-yml-beside-the-same-yaml", {f"{PLAN}/projects/p-1.yml": _SECOND_PROJECT},
         [f"{PLAN}/projects/p-1.yml:1:1: 「p-1.yml」は読みません。同じ名前の p-1.yaml もあるので、1つにまとめてください（拡張子は .yaml です）"]),
    Case("project-saved-as-yml", {f"{PLAN}/projects/p-2.yml": _SECOND_PROJECT},
         [f"{PLAN}/projects/p-2.yml:1:1: 「p-2.yml」は読みません。名前を p-2.yaml にしてください（拡張子は .yaml です）"]),
    Case("chapter-saved-as-markdown", {f"{PLAN}/chapters/02-plan.markdown": "# 計画\n"},
         [f"{PLAN}/chapters/02-plan.markdown:1:1: 「02-plan.markdown」は読みません。名前を 02-plan.md にしてください（拡張子は .md です）"]),
    Case("folder-named-like-a-project", {f"{PLAN}/projects/x.yaml": FOLDER},
         [f"{PLAN}/projects/x.yaml:1:1: 「x.yaml」はフォルダになっているので読めません。同じ名前のファイルにしてください"]),
    Case("tree-yaml-is-a-folder", {TREE: FOLDER},
         [f"{TREE}:1:1: 「tree.yaml」はフォルダになっているので読めません。同じ名前のファイルにしてください"]),
    Case("folder-inside-projects", {f"{PLAN}/projects/old/p-0.yaml": _SECOND_PROJECT},
         [f"{PLAN}/projects/old:1:1: projects/ の中のフォルダ「old」は読みません。ファイルは projects/ のすぐ下に置いてください"]),
    Case("broken-link", {PROJECT_2: Link("p-9.yaml")},
         [f"{PROJECT_2}:1:1: 「p-2.yaml」はリンク（シンボリックリンク）ですが、リンク先がありません。リンクを消すか、ファイルそのものを置いてください"]),
    Case("chapter-linked-from-outside-the-repository", {f"{PLAN}/chapters/02-readme.md": Link(str(REPOSITORY / "README.md"))},
         [f"{PLAN}/chapters/02-readme.md:1:1: 「02-readme.md」はリポジトリの外（{REPOSITORY / 'README.md'}）を指すリンクなので読みません。ファイルそのものをここに置いてください"]),
    Case("notes-in-the-plan-folder", {f"{PLAN}/README.md": "# メモ\n"},
         [f"{PLAN}/README.md:1:1: 「README.md」は読みません（このフォルダで読むのは {PLAN_LISTING}）。置く場所か名前を確かめてください"]),
    Case("plan-folder-without-plan-yaml", {"data/plans/new-plan": FOLDER},
         ["data/plans/new-plan:1:1: plan.yaml がありません。計画の名称・期間・階層の名前などを書いたファイルが必要です"]),  # tree.yaml may be left out (a flat plan)
    Case("file-in-the-plans-folder", {"data/plans/notes.txt": "メモ\n"},
         ["data/plans/notes.txt:1:1: plans/ には計画ごとのフォルダだけを置きます。「notes.txt」は読みません"]),
]

WARNING_CASES = [
    warned("list-written-with-full-width-dashes", edit(PROJECT, "departments: [デジタル推進課]", "departments:\n  － デジタル推進課\n  － 人事課"),
         [f"{PROJECT}:{line}:3: 行の先頭の「－」は全角の記号なので、箇条書き（リスト）になりません。箇条書きにするなら半角の「- 」（ハイフンと半角スペース）にしてください"
          for line in (6, 7)]),
    warned("list-written-with-full-width-dashes-in-a-chapter", add(CHAPTER, "\n－ 窓口\n－ 電子申請\n"),
         [f"{CHAPTER}:{line}:1: 行の先頭の「－」は全角の記号なので、箇条書き（リスト）になりません。箇条書きにするなら半角の「- 」（ハイフンと半角スペース）にしてください"
          for line in (5, 6)]),
    warned("one-term-under-two-ids", add(GLOSSARY, "  - id: online-2\n    term: 電子申請\n    reading: デンシシンセイ\n    description: 同じ語です。\n"),
         [f"{GLOSSARY}:7:11: terms[1].term: 用語「電子申請」は ID「online」（2 行目）にもあります。同じ語へのリンク先が2つになるので、1つにまとめるか別表記（aliases）を見直してください"]),
    warned("one-character-term", add(GLOSSARY, "  - id: no\n    term: の\n    reading: ノ\n    description: 助詞です。\n"),
         [f"{GLOSSARY}:7:11: terms[1].term: 用語「の」は短すぎるか日常の語なので、本文のあちこちにリンクが付きます。用語集に載せる語か確かめてください"]),
    warned("everyday-hiragana-alias", edit(GLOSSARY, "    reading: デンシシンセイ", "    aliases: [こと]\n    reading: デンシシンセイ"),
         [f"{GLOSSARY}:4:15: terms[0].aliases[0]: 用語「こと」は短すぎるか日常の語なので、本文のあちこちにリンクが付きます。用語集に載せる語か確かめてください"]),
    warned("two-comments-with-one-number", {f"{PLAN}/comments.yaml": "comments:\n"
                                          + "".join(f"  - number: \"1\"\n    summary: 意見{i}\n    response: 考え方\n    revised: false\n" for i in (1, 2))},
         [f"{PLAN}/comments.yaml:6:13: comments[1].number: 意見の番号「1」は 2 行目の意見と同じです。ページ内のリンク先が同じになるので、別の番号にしてください"]),
    warned("image-from-another-site-in-a-field", with_summary("'![図](https://example.com/a.png)'"),
         [f"{PROJECT}:6:10: summary: ほかのサイトの画像は、庁内LAN・USB 用のオフライン版では表示されず、公開版でも閲覧者の情報がそのサイトに送られます。"
          "画像を使わず文章で書くか、画像の内容を文章でも書いてください"]),
    warned("image-from-another-site-in-a-chapter", add(CHAPTER, "\n![図](//example.com/a.png)\n"),
         [f"{CHAPTER}:5:1: ほかのサイトの画像は、庁内LAN・USB 用のオフライン版では表示されず、公開版でも閲覧者の情報がそのサイトに送られます。"
          "画像を使わず文章で書くか、画像の内容を文章でも書いてください"]),
    warned("plans-that-supersede-each-other", {**edit(PLAN_YAML, "status: adopted", "status: adopted\nsupersedes: mini-2"),
                                             "data/plans/mini-2/plan.yaml": FILES[PLAN_YAML].replace("status: adopted", "status: superseded\nsupersedes: mini"),
                                             "data/plans/mini-2/tree.yaml": FILES[TREE]},
         ["data/plans/mini-2/plan.yaml:9:13: supersedes: 前の計画をたどると、この計画に戻ってきます（mini-2 → mini → mini-2）。"
          "supersedes と predecessor には、この計画より前の計画を書いてください",
          f"{PLAN_YAML}:9:13: supersedes: 前の計画をたどると、この計画に戻ってきます（mini → mini-2 → mini）。"
          "supersedes と predecessor には、この計画より前の計画を書いてください"]),
    warned("word-file-in-the-plan-folder", {f"{PLAN}/memo.docx": b"PK"},
         [f"{PLAN}/memo.docx:1:1: 「memo.docx」は読みません（このフォルダで読むのは {PLAN_LISTING}）。サイトには載りません"]),
    warned("file-in-the-data-folder", {"data/notes.pdf": b"%PDF"},
         ["data/notes.pdf:1:1: 「notes.pdf」は読みません（data/ で読むのは plans/ と shared/）。サイトには載りません"]),
]
