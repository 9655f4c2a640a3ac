"""The same data builds the same bytes: no clock time, random order or memory address in the output."""

from __future__ import annotations

import pytest

from conftest import ROOT, build_site


@pytest.mark.build
def test_two_builds_of_the_same_data_are_identical(built_site, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # MkDocs' clock for the second build: 2030-01-01
    build_site(ROOT, tmp_path)
    first = {p.relative_to(built_site.path): p.read_bytes() for p in built_site.path.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert sorted(map(str, first)) == sorted(map(str, second))
    assert [str(name) for name in first if first[name] != second[name]] == []
