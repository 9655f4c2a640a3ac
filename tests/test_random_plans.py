"""Property: any plan-shaped data either loads (and its pages render) or fails with DataErrors,
each a located Japanese message; never another exception, which would reach authors as a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bad_inputs import base
from bad_inputs.cases import GLOSSARY, PLAN_YAML, PROJECT, TREE
from plansite.base.errors import DataErrors
from plansite.loading.load import load_site
from plansite.context import BuildContext
from plansite.pages.assemble import site_pages
from plansite.pages.frame import page_html

PROJECT_KEYS = ["number", "title", "node", "novelty", "departments", "summary", "current", "schedule", "kpis", "sdgs",
                "notes", "category", "former_title", "priorities", "sections"]
INDICATOR_KEYS = ["kind", "name", "unit", "targets", "actuals", "baseline", "target", "series", "to_be_decided", "notes"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 3000), st.integers(2024, 2032), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), st.sampled_from(["goal-1", "outcome", "new", "<script>x</script>", "{{ x }}", "2026-01", "", " "]),
    st.dates(),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | st.integers(2024, 2032), inner, max_size=4), max_leaves=12)


def shaped(keys: list[str], inner) -> st.SearchStrategy:
    """A mapping of known keys (and sometimes a stray one) to values of any shape."""
    return st.dictionaries(st.sampled_from(keys) | st.text(min_size=1, max_size=8), inner, max_size=len(keys))


years = st.dictionaries(st.integers(2020, 2035), scalars, max_size=6)
indicator = shaped(INDICATOR_KEYS, st.one_of(values, years, st.sampled_from(["outcome", "output", "件", "指標"])))
phase = st.fixed_dictionaries({"text": scalars, "start": st.integers(2024, 2032)}, optional={"end": st.integers(2024, 2032)})
project = shaped(PROJECT_KEYS, st.one_of(values, st.lists(indicator, max_size=3), st.lists(st.fixed_dictionaries({"phases": st.lists(phase, max_size=3)}), max_size=2)))
document = st.one_of(project, values)

# Projects that are mostly right, so that the pages of valid data get rendered too
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
plausible_project = st.fixed_dictionaries(
    {"number": texts, "title": texts, "node": st.just("goal-1")},
    optional={
        "summary": texts, "current": texts, "departments": st.lists(texts, max_size=3), "novelty": st.sampled_from(["new", "continued"]),
        "sdgs": st.lists(st.integers(1, 17), max_size=3), "notes": st.lists(texts, max_size=2),
        "schedule": st.lists(st.fixed_dictionaries({"phases": st.lists(st.fixed_dictionaries({"text": texts, "start": st.integers(2026, 2030)}), min_size=1, max_size=1)}), max_size=2),
        "kpis": st.lists(st.fixed_dictionaries(
            {"kind": st.sampled_from(["outcome", "output", "action"]), "name": texts},
            optional={"unit": texts, "targets": st.dictionaries(st.integers(2026, 2030), st.one_of(st.integers(0, 10**12), st.floats(0, 1e6), texts), max_size=5),
                      "actuals": st.dictionaries(st.integers(2000, 2030), st.integers(0, 10**6), max_size=3)},
        ), max_size=3),
    },
)


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    project_data=st.one_of(plausible_project, project, document),
    extra=st.one_of(st.none(), st.none(), document, st.text(max_size=200), st.binary(max_size=64)),
    target=st.sampled_from([PROJECT, f"{base.PLAN}/projects/p-2.yaml", PLAN_YAML, TREE, GLOSSARY]),
)
def test_random_plan_shaped_data_loads_or_fails_cleanly(project_data, extra, target):
    changes = {PROJECT: _dump(project_data)}
    if extra is not None:
        changes[target] = extra if isinstance(extra, (str, bytes)) else _dump(extra)
    with tempfile.TemporaryDirectory() as folder:
        root = base.write(Path(folder), changes)
        try:
            site = load_site(root / "data", root=root)
        except DataErrors as errors:
            assert errors.errors
            for error in errors.errors:
                assert error.file.startswith("data/") and error.line >= 1 and error.column >= 1
                assert error.message and not error.message.isascii()  # a Japanese sentence, not a Python repr
            return
        assert all(page_html(page, directory_urls=True) for page in site_pages(BuildContext(site)))
