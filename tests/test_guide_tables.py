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
