# 使い方は README.md を見てください。よく使うのは make site と make test です。
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: site offline test unit fast audit browser check serve schema bench clean

$(VENV)/.deps: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# axe-core と Nu HTML Checker（npm。vnu-jar の Java ダウンロード用スクリプトは実行しない）
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# 試験に使うブラウザ（Debian の chromium）、日本語フォント、Java。ない時だけ apt で入れる
browser:
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null || ! fc-list :lang=ja 2>/dev/null | grep -q .; then \
	  echo "chromium・日本語フォント・Java を apt で入れます"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium fonts-noto-cjk default-jre-headless fontconfig >/dev/null; \
	fi

## site: 計画データを検証し、サイトを site/ に作る
site: $(VENV)/.deps
	$(VENV)/bin/plansite build

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

## test: すべてのテスト（pytest とアクセシビリティ試験）を実行する
test: unit audit

## unit: 層の約束（import-linter）と pytest を実行する（テストが1件もなければ失敗）
unit: $(VENV)/.test-deps node_modules/.installed browser
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "テストが1件も実行されませんでした。" >&2; exit 1; fi; exit $$status

## fast: エンジンの層だけのテスト（サイトを作らず、ブラウザも使わない。1分かからない）
fast: $(VENV)/.test-deps
	$(PY) -m pytest -m "not browser and not build"; status=$$?; \
	if [ $$status -eq 5 ]; then echo "テストが1件も実行されませんでした。" >&2; exit 1; fi; exit $$status

## audit: サイトを作り、全ページのアクセシビリティ試験をして、結果のページを作り直す
audit: $(VENV)/.test-deps node_modules/.installed browser
	$(VENV)/bin/plansite build
	$(PY) scripts/audit
	$(VENV)/bin/plansite build

## bench: 合成した計画（事業 100・1,000・3,000 件）でビルドの時間・メモリ・大きさを測り、表を表示する（30 分ほどかかります。
##        make bench BENCH_SIZES=100 なら数分）。make test には含まれません
BENCH_SIZES ?= 100,1000,3000
bench: $(VENV)/.test-deps browser
	$(PY) scripts/bench --sizes $(BENCH_SIZES)

clean:
	rm -rf site site-offline .site.* .site-offline.* .pytest_cache
