# 使い方は README.md を見てください。よく使うのは make site と make test です。
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PD_VENV := .venv-properdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: site offline test git-before unit fast audit audit-full pdf workflow properdocs browser check serve schema bench clean

$(VENV)/.deps: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# ProperDocs の仮想環境。mkdocs を入れずに、同じ版の Material・macros と plansite を入れる
$(PD_VENV)/.deps: requirements-properdocs.txt pyproject.toml
	test -x $(PD_VENV)/bin/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-properdocs.txt
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# axe-core と Nu HTML Checker（npm。vnu-jar の Java ダウンロード用スクリプトは実行しない）
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# 試験と PDF に使うブラウザ（Debian の chromium）、日本語フォント、Java。ない時だけ apt で入れる。
# BIZ UDPゴシックは TrueType なので、PDF に文字として埋め込まれる（Noto CJK は形だけになり、読み上げられない）
browser:
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null || ! fc-list :lang=ja 2>/dev/null | grep -q . \
	    || ! fc-list "BIZ UDPGothic" 2>/dev/null | grep -q .; then \
	  echo "chromium・日本語フォント・Java を apt で入れます"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium fonts-noto-cjk fonts-morisawa-bizud-gothic default-jre-headless fontconfig >/dev/null; \
	fi

## site: 計画データを検証し、サイトを site/ に作る（make site JOBS=2 なら、ページを 2 つの処理で作って書く。
##       make site SHARDS=2 なら、計画を 2 つのシャードに分けて別々の処理で作り、まとめる）
JOBS ?= 1
SHARDS ?=
site: $(VENV)/.deps
	$(VENV)/bin/plansite build $(if $(SHARDS),--shards $(SHARDS),--jobs $(JOBS))

## offline: 庁内LAN・USB 用の版を site-offline/ に作る（ファイルを直接開いて読める）
offline: $(VENV)/.deps
	$(VENV)/bin/plansite build --offline

## check: 計画データの検証だけを行う
check: $(VENV)/.deps
	$(VENV)/bin/plansite check

## serve: プレビュー（data/ docs/ macros/ overrides/ を変えると、変わったページだけ自動で作り直す。
##        作成に失敗する警告も表示だけで止めない。公開用の make site は警告でも止まる）
serve: $(VENV)/.deps
	$(VENV)/bin/plansite serve

## schema: data/schema/ の JSON Schema を作り直す
schema: $(VENV)/.deps
	$(PY) scripts/export-schema

## test: すべてのテスト（ワークフローの検査、pytest、PDF の作成、アクセシビリティ試験）を実行する。
##       2 コアの機械で約 8〜10 分、混んでいる機械では 14 分ほど（README の「かかる時間」）。最後に、試験した版のサイトが site/ に残る
test: git-before workflow unit properdocs audit
	@git status --porcelain 2>/dev/null | cmp -s - build/git-status-before \
	  || { echo "make test が Git の作業ツリーを変えました（試験の記録や作ったものは build/ か site/ に書いてください）:" >&2; \
	       git status --short >&2; exit 1; }

git-before:
	@mkdir -p build && { git status --porcelain 2>/dev/null || true; } > build/git-status-before

## workflow: GitHub Actions のワークフロー（.github/workflows/）を actionlint で検査する
workflow: $(VENV)/.test-deps
	$(VENV)/bin/actionlint .github/workflows/*.yml

## unit: 層の約束（import-linter）と pytest を CPU の数のプロセスで実行する（テストが1件もなければ失敗）。公開用の SITE_URL はテストのサイトに使わない
unit: $(VENV)/.test-deps node_modules/.installed browser
	$(VENV)/bin/lint-imports --no-cache
	env -u SITE_URL $(PY) -m pytest --numprocesses=auto; status=$$?; \
	if [ $$status -eq 5 ]; then echo "テストが1件も実行されませんでした。" >&2; exit 1; fi; exit $$status

## fast: エンジンの層だけのテスト（サイトを作らず、ブラウザも使わない。1分かからない）
fast: $(VENV)/.test-deps
	$(PY) -m pytest -m "not browser and not build"; status=$$?; \
	if [ $$status -eq 5 ]; then echo "テストが1件も実行されませんでした。" >&2; exit 1; fi; exit $$status

## pdf: サイトを作り、計画ごとの PDF（計画書全体・事業集）を build/pdf/ に作って、PDF へのリンク付きでサイトを作り直す
pdf: $(VENV)/.test-deps browser
	$(VENV)/bin/plansite build
	$(PY) scripts/pdf
	$(VENV)/bin/plansite build

## audit: PDF 付きのサイトを作り、アクセシビリティ試験をして、その結果のページ付きでサイトを作り直す。
##        時間のかかる試験（IBM Equal Access・Tab キー・フォーカスの画素測定・メニュー・暗い配色・用語の説明）は
##        ページの種類ごとに1ページ。記録は build/accessibility/。
##        make audit AUDIT_CHECKS="focus menu" なら選んだ試験だけ（試験結果のページにもそう書かれます）
AUDIT_CHECKS ?=
audit: pdf node_modules/.installed
	$(PY) scripts/audit $(foreach check,$(AUDIT_CHECKS),--check $(check))
	$(VENV)/bin/plansite build

## audit-full: audit と同じだが、時間のかかる試験も全ページで行う（2 コアで 10 分以上）
audit-full: pdf node_modules/.installed
	$(PY) scripts/audit --every-check
	$(VENV)/bin/plansite build

## properdocs: 同じ元から MkDocs と ProperDocs でサイトを作り、違いを表示する（ProperDocs で作れなければ失敗）。
##             make test に含まれます。詳しくは docs/authoring/platform.md
properdocs: $(VENV)/.deps $(PD_VENV)/.deps
	$(PY) scripts/compare-builds --properdocs $(PD_VENV)/bin/properdocs

## bench: 合成した計画（事業 100・1,000・3,000 件）でビルドの時間・メモリ・大きさを測り、表を表示する（30 分ほどかかります。
##        make bench BENCH_SIZES=100 なら数分）。make test には含まれません。
##        make bench BENCH_JSON=docs/authoring/performance.json なら、結果を JSON に書き、規模と速さのページの表も書き直す
BENCH_SIZES ?= 100,1000,3000
bench: $(VENV)/.test-deps browser
	$(PY) scripts/bench --sizes $(BENCH_SIZES) $(if $(BENCH_JSON),--json $(BENCH_JSON))

clean:
	rm -rf site site-offline .site.* .site-offline.* .pytest_cache build
