# 使い方は README.md を見てください。よく使うのは make site と make test です。
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check serve schema clean

$(VENV)/.deps: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## site: 計画データを検証し、サイトを site/ に作る
site: $(VENV)/.deps
	$(PY) scripts/build

## check: 計画データの検証だけを行う
check: $(VENV)/.deps
	$(PY) scripts/validate

## serve: プレビュー（data/ docs/ macros/ overrides/ を変えると自動で作り直す）
serve: $(VENV)/.deps
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000

## schema: data/schema/ の JSON Schema を作り直す
schema: $(VENV)/.deps
	$(PY) scripts/export-schema

## test: すべてのテストを実行する（テストが1件もなければ失敗）
test: $(VENV)/.test-deps
	$(PY) -m pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "テストが1件も実行されませんでした。" >&2; exit 1; fi; exit $$status

clean:
	rm -rf site .site.* .pytest_cache
