"""The MkDocs side's parts that need no build (mkdocs_plugin/nav, preview, docs_macros): data never
opens a tag in the theme's unescaped titles, the preview writes only pages whose HTML changed, and a
macro mistake in a hand-written page is collected with its line instead of ending in a traceback."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bad_inputs import base
from plansite.context import BuildContext
from plansite.loading.load import load_site
from plansite.mkdocs_plugin import docs_macros
from plansite.mkdocs_plugin.nav import mkdocs_nav, safe_title, toc_tokens
from plansite.mkdocs_plugin.preview import Preview
from plansite.pages.frame import TocEntry
from plansite.pages.navigation import MenuItem


def test_titles_the_theme_prints_unescaped_cannot_open_a_tag():
    assert safe_title("<script>計画</script>") == "&lt;script&gt;計画&lt;/script&gt;"
    assert safe_title("&lt;/title&gt;") == "&amp;lt;/title&amp;gt;"  # shown as typed, never decoded into a tag
    level = MenuItem("基本目標", None, (MenuItem("基本目標1 便利な行政", "mini/nodes/goal-1/"),))  # a section with no page of its own
    nav = mkdocs_nav([MenuItem("計画<b>", "mini/", (MenuItem("事業一覧", "mini/projects/"), level))])
    assert nav == [{"計画&lt;b&gt;": ["mini/index.md", {"事業一覧": "mini/projects/index.md"},
                                {"基本目標": [{"基本目標1 便利な行政": "mini/nodes/goal-1/index.md"}]}]}]


def test_the_table_of_contents_names_are_html_as_the_toc_extension_gives_them():
    top = TocEntry(1, "", "題", [TocEntry(2, "a", "A & <B>")])
    assert toc_tokens(top) == [{"level": 1, "id": "", "name": "題", "children": [
        {"level": 2, "id": "a", "name": "A &amp; &lt;B&gt;", "children": []}]}]


def _written(tmp_path, name: str, html: str) -> None:
    out = tmp_path / "site" / name.replace("index.md", "index.html")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")


def test_the_preview_writes_again_only_pages_whose_html_changed_unless_the_menu_changed(tmp_path):
    config = SimpleNamespace(site_dir=str(tmp_path / "site"), use_directory_urls=True, plugins=SimpleNamespace(_current_plugin="plansite"))
    preview = Preview()
    preview.start_build(["menu"])
    for name in ("a/index.md", "b/index.md"):
        assert preview.page(config, name, f"<p>{name}</p>").is_modified()
        _written(tmp_path, name, "")
    preview.start_build(["menu"])
    assert not preview.page(config, "a/index.md", "<p>a/index.md</p>").is_modified()
    assert preview.page(config, "b/index.md", "<p>changed</p>").is_modified()
    preview.start_build(["menu", "a new 事業"])  # every page shows the menu
    assert preview.page(config, "a/index.md", "<p>a/index.md</p>").is_modified()


@pytest.fixture
def macros(tmp_path):
    """The docs/ macros as mkdocs-macros defines them, on a page of docs/ that calls one wrongly."""
    root = base.write(tmp_path)
    page = tmp_path / "docs" / "guide.md"
    page.parent.mkdir()
    page.write_text("# 手引き\n\n本文 {{ kpi_table(\"mini\", \"p-9\") }}\n", encoding="utf-8")
    plugin = SimpleNamespace(context=BuildContext(load_site(root / "data", root=root)), macro_errors=[])
    env = SimpleNamespace(
        conf=SimpleNamespace(plugins={"plansite": plugin}, use_directory_urls=True, config_file_path=str(tmp_path / "mkdocs.yml"),
                             docs_dir=str(tmp_path / "docs"), extra={}),
        page=SimpleNamespace(url="guide/", file=SimpleNamespace(abs_src_path=str(page))), macros={})
    env.macro = lambda function, name=None: env.macros.setdefault(name or function.__name__, function)
    docs_macros.define_env(env)
    return env, plugin


def test_every_registry_component_is_a_macro_and_a_good_call_draws_it(macros):
    env, plugin = macros
    assert {"plan_list", "kpi_table", "achievement_summary", "data_fields", "accessibility_policy", "accessibility_results"} <= set(env.macros)
    assert "電子申請の件数" in env.macros["kpi_table"]("mini", "p-1") and plugin.macro_errors == []


def test_a_mistaken_macro_call_is_collected_at_its_line_and_draws_nothing(macros):
    env, plugin = macros
    assert env.macros["kpi_table"]("mini", "p-9") == ""
    assert [str(e) for e in plugin.macro_errors] == [
        "docs/guide.md:3:4: kpi_table('mini', 'p-9'): ミニ市DX推進計画の事業「p-9」はありません（あるもの: p-1）"]
