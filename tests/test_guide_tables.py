"""The authoring guide reads the same on the site and as raw Markdown on GitHub: its tables are
written into the files at make schema (and are current), every field of every data file is in
them with a description and an example, and the examples are data the loader accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from plansite.loading.suggest import close_match
from plansite.render.field_reference import field_rows
from plansite.render.guide_tables import EXAMPLE_FILES, _parts_in_order, read_examples, refresh_guide
from plansite.schema import SCHEMAS

GUIDE = ROOT / "docs" / "authoring"
EXAMPLES = GUIDE / "examples"


def test_the_generated_tables_in_the_guide_are_current():
    stale = [path.name for path in refresh_guide(GUIDE)]
    assert stale == [], f"make schema で {'、'.join(stale)} の表を作り直してください"


def test_the_guide_shows_no_macro_to_a_reader_on_github():
    for path in sorted(GUIDE.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if path.name == "glossary-gaps.md":  # the build's own report, made on the site only
            continue
        # What a page shows in {{ }} is shown as written only where macros are off.
        assert "{{" not in text or re.search(r"^render_macros: false\b", text, re.M), path.name
        assert "data_fields(" not in text and '{{ "{{" }}' not in text and "achievement_rules()" not in text, path.name


def _every_field():
    seen = set()
    for name in SCHEMAS:
        for part in ["", *_parts_in_order(name)]:
            if part and part in seen:
                continue
            seen.add(part)
            for row in field_rows(name, part):
                yield name, part, row


def test_every_field_nested_ones_included_is_described_with_an_example():
    examples = read_examples(EXAMPLES)
    rows = list(_every_field())
    assert len(rows) > 200
    assert [(n, p, r.key) for n, p, r in rows if not r.description] == []
    assert [(n, p, r.key) for n, p, r in rows if (p or f"#{n}", r.key) not in examples] == []
    listed = (GUIDE / "fields.md").read_text(encoding="utf-8")
    assert all(f"| `{r.key}` |" in listed for _, _, r in rows)


@pytest.mark.parametrize("name", SCHEMAS)
def test_each_example_file_is_data_the_loader_accepts(name):
    model, _ = SCHEMAS[name]
    data = yaml.safe_load((EXAMPLES / EXAMPLE_FILES[name]).read_text(encoding="utf-8"))
    model.model_validate(data, context={"period": (2022, 2024)} if name != "plan" else {})


@pytest.mark.parametrize(("typed", "names", "meant"), [
    ("sumary", ["summary", "sdgs"], "summary"),
    ("priod", ["period", "kind"], "period"),
    ("aproach-1", ["approach-1", "focus-1"], "approach-1"),
    ("9-9", ["3-9", "1-1", "2-8"], "3-9"),
    ("Ａ", ["A", "B"], "A"),
    ("progress", ["priorities", "category", "schedule"], None),  # not a slip: no guess
    ("ab", ["ac", "ad"], None),  # as close to two names: no guess
    ("x", ["y"], None),  # a one-letter name is never a slip of another
])
def test_a_name_is_suggested_only_when_it_is_a_slip_away_from_one(typed, names, meant):
    assert close_match(typed, names) == meant


def test_the_performance_page_judges_each_target_from_the_measured_figures():
    from plansite.render.bench_tables import portal_table, results_table, targets_table

    def size(n, **figures):
        return {"size": n, "build_s": 10.0, "plain_s": 10.0, "ratio": 1.0, "rss_mb": 300, "validate_s": 1.0, "preview_s": None,
                "first_view_kb": 70.0, "search_index_kb": 0.0, "output_mb": 1.0, "external_requests": [], **figures}

    sizes = [size(1000, build_s=25.0, ratio=1.1), size(3000, build_s=90.0, rss_mb=401, external_requests=["https://x.example/"])]
    rows = {line.split(" | ")[0].lstrip("| "): line.rsplit(" | ", 1)[1].rstrip(" |") for line in targets_table(sizes).splitlines()[2:]}
    assert rows["1,000 事業のビルドが 20 秒以内"] == "未達"
    assert rows["1,000 事業で、素の MkDocs Material に対する比が 1.15 以下"] == "達成"
    assert rows["3,000 事業のビルドが 1,000 事業の 3.2 倍以内"] == "未達"  # 3.6 times
    assert rows["3,000 事業で最大メモリ 400 MB 以下"] == "未達"
    assert rows["1,000 事業で、事業ファイル 1 つの変更がプレビューに 1 秒以内に出る"] == "—"  # not measured
    assert rows["事業ページの初回読み込みで外部への要求がない"] == "未達"
    assert "| プレビューの再表示（秒） | — | — |" in results_table(sizes)
    portal_row = "計画が多いポータルで、2 プロセスのビルドが 1 プロセスの 1.7 倍以上速い"
    assert rows[portal_row] == "—"  # no portal measured
    earlier = {"plans": 33, "projects_per_plan": 30, "jobs1_s": 30.0, "jobs2_s": 20.0, "speedup": 1.5}  # measured before shards
    assert f"| {portal_row} | 1.50 倍（33 計画、--jobs 2） | 未達 |" in targets_table(sizes, earlier)
    assert "| 33 計画（各 30 事業）のビルド時間（秒） | 30.0 | 20.0 | — |" in portal_table(earlier)
    portal = {**earlier, "shards2_s": 17.0, "shards_speedup": 1.76}
    assert f"| {portal_row} | 1.76 倍（33 計画、--shards 2） | 達成 |" in targets_table(sizes, portal)
    assert "| 33 計画（各 30 事業）のビルド時間（秒） | 30.0 | 20.0 | 17.0 |" in portal_table(portal)
