"""A build over several processes (plansite build --jobs) gives the same site, byte for byte."""

from __future__ import annotations

import pytest

from conftest import ROOT


@pytest.mark.build
def test_a_build_in_two_processes_is_the_same_site_byte_for_byte(built_site, tmp_path):
    from plansite.mkdocs_plugin.runner import build_site

    build_site(ROOT / "mkdocs.yml", tmp_path / "site", jobs=2)
    one = {p.relative_to(built_site.path): p.read_bytes() for p in built_site.path.rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "site"): p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert sorted(map(str, two)) == sorted(map(str, one))
    assert [str(name) for name in one if one[name] != two[name]] == []
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # nothing of the other process is left beside it


@pytest.mark.build
def test_a_build_in_one_process_after_one_in_two_is_not_split(tmp_path):
    """MkDocs keeps one plugin instance per process across configurations: the shard of the
    build in two processes must not reach a later build (a preview, a test) in the same process."""
    from mkdocs.commands.build import build

    from plansite.mkdocs_plugin.runner import build_site, load

    build_site(ROOT / "mkdocs.yml", tmp_path / "two", jobs=2)
    config = load(ROOT / "mkdocs.yml", tmp_path / "one")
    assert config.plugins["plansite"].shard is None
    build(config)
    assert (tmp_path / "one" / "hadano-dx" / "projects" / "index.html").is_file()


@pytest.mark.build
def test_a_process_that_fails_stops_the_build_and_leaves_the_old_site(tmp_path, monkeypatch, caplog):
    import plansite.mkdocs_plugin.shards as shards
    from plansite.mkdocs_plugin.runner import BuildFailed, build_site

    def fails(page, *args, **kwargs):
        raise RuntimeError(f"{page.file.src_uri} を書けませんでした")

    monkeypatch.setattr(shards, "_build_page", fails)  # only the second process writes through it
    old = tmp_path / "site"
    old.mkdir()
    (old / "index.html").write_text("前のサイト", encoding="utf-8")
    with pytest.raises(BuildFailed) as stopped:
        build_site(ROOT / "mkdocs.yml", old, jobs=2)
    assert "site/ は変更していません" in str(stopped.value)
    # as every plugin's error, MkDocs shows the message as its error line (the command prints it)
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR" and "を書けませんでした" in r.getMessage()]
    assert [p.name for p in old.iterdir()] == ["index.html"]
    assert (old / "index.html").read_text(encoding="utf-8") == "前のサイト"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
