"""The published JSON Schemas match the models, and the bundled data passes them in an editor."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import ROOT
from plansite.schema import SCHEMAS, schema_text

FILES = {
    "plan": "data/plans/*/plan.yaml",
    "tree": "data/plans/*/tree.yaml",
    "project": "data/plans/*/projects/*.yaml",
    "lineage": "data/plans/*/lineage.yaml",
    "glossary": "data/plans/*/glossary.yaml",
    "shared-glossary": "data/shared/glossary.yaml",
    "comments": "tests/fixtures/comments.yaml",  # no bundled plan has published its comments yet
    "priorities": "data/shared/priorities.yaml",
}


@pytest.mark.parametrize("name", SCHEMAS)
def test_committed_schema_is_current(name):
    committed = (ROOT / "data" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(name), "make schema でスキーマを作り直してください"


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_data_file_names_and_passes_its_schema(name):
    validator = jsonschema.Draft202012Validator(json.loads(schema_text(name)))
    files = sorted(ROOT.glob(FILES[name]))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=") and f"schema/{name}.schema.json" in text.splitlines()[0]
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, (path.name, errors[:3])


def test_schema_rejects_a_misspelt_key_like_the_validator_does():
    validator = jsonschema.Draft202012Validator(json.loads(schema_text("project")))
    errors = list(validator.iter_errors({"number": "1", "title": "x", "node": "a", "novelti": "new"}))
    assert any("novelti" in e.message for e in errors)
