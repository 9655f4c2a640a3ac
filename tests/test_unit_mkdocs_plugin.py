"""The MkDocs side's parts that need no build (mkdocs_plugin/nav, preview, docs_macros, assets): data
never opens a tag in the theme's unescaped titles, the preview writes only pages whose HTML changed, a
macro mistake in a hand-written page is collected with its line instead of ending in a traceback, and
the site's own assets are listed as bundles in their order."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from bad_inputs import base
from plansite.context import BuildContext
from plansite.loading.load import load_site
from plansite.mkdocs_plugin import docs_macros
from plansite.mkdocs_plugin.assets import bundle_listed, ship_bundles
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


def test_the_sites_own_assets_listed_in_a_row_become_one_bundle_each_and_keep_their_order(tmp_path):
    theme = tmp_path / "overrides"
    for name in ("stylesheets/a.css", "stylesheets/b.css", "stylesheets/c.css", "javascripts/x.js", "javascripts/y.js", "javascripts/z.js"):
        (theme / "assets" / name).parent.mkdir(parents=True, exist_ok=True)
        (theme / "assets" / name).write_text("", encoding="utf-8")
    deferred = ExtraScriptValue("assets/javascripts/z.js")
    deferred.defer = True
    config = SimpleNamespace(
        theme=SimpleNamespace(custom_dir=str(theme)),
        # the generated palette, then one of ours, a stylesheet of the site's docs/, two more of ours
        extra_css=["assets/stylesheets/palette.css", "assets/stylesheets/a.css", "extra/own.css",
                   "assets/stylesheets/b.css", "assets/stylesheets/c.css"],
        extra_javascript=["assets/javascripts/x.js", "assets/javascripts/y.js", deferred])
    bundles = bundle_listed(config, {"assets/stylesheets/palette.css"})
    # the docs/ stylesheet stays between the two runs, so the cascade is still the order listed
    assert config.extra_css == ["assets/stylesheets/plan-site.css", "extra/own.css", "assets/stylesheets/plan-site-2.css"]
    assert config.extra_javascript == ["assets/javascripts/plan-site.js", deferred]  # a deferred script keeps its tag
    assert bundles == {
        "assets/stylesheets/plan-site.css": ["assets/stylesheets/palette.css", "assets/stylesheets/a.css"],
        "assets/stylesheets/plan-site-2.css": ["assets/stylesheets/b.css", "assets/stylesheets/c.css"],
        "assets/javascripts/plan-site.js": ["assets/javascripts/x.js", "assets/javascripts/y.js"],
    }


def test_a_site_without_a_theme_folder_of_its_own_lists_its_assets_as_they_are():
    config = SimpleNamespace(theme=SimpleNamespace(custom_dir=None), extra_css=["a.css", "b.css"], extra_javascript=["x.js", "y.js"])
    assert bundle_listed(config, set()) == {}
    assert (config.extra_css, config.extra_javascript) == (["a.css", "b.css"], ["x.js", "y.js"])


def _mkdocs_config(folder) -> MkDocsConfig:
    (folder / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "試験", "docs_dir": str(folder / "docs"), "site_dir": str(folder / "site")})
    errors, _ = config.validate()
    assert not errors
    config.plugins._current_plugin = None  # as MkDocs sets it while a plugin's event runs (File.generated reads it)
    return config


def test_bundled_scripts_are_joined_so_that_one_without_a_last_semicolon_cannot_call_the_next(tmp_path):
    config = _mkdocs_config(tmp_path)
    first, second = "var order = ['a']", "(function () { order.push('b'); })()"
    files = Files([File.generated(config, "assets/javascripts/a.js", content=first),
                   File.generated(config, "assets/javascripts/b.js", content=second)])
    ship_bundles(files, config, {"assets/javascripts/plan-site.js": ["assets/javascripts/a.js", "assets/javascripts/b.js"]})
    assert [file.src_uri for file in files] == ["assets/javascripts/plan-site.js"]  # the parts are no longer shipped
    assert files.get_file_from_path("assets/javascripts/plan-site.js").content_string == f"{first};\n{second}"


def test_a_listed_file_that_mkdocs_does_not_copy_stops_the_build_with_its_name(tmp_path):
    config = _mkdocs_config(tmp_path)
    files = Files([File.generated(config, "assets/stylesheets/plan.css", content="a{}")])
    with pytest.raises(PluginError, match="名前を変えてください：assets/stylesheets/readme.css"):
        ship_bundles(files, config, {"assets/stylesheets/plan-site.css": ["assets/stylesheets/plan.css", "assets/stylesheets/readme.css"]})


def test_the_preview_server_looks_at_the_saved_files_often_and_rebuilds_at_once(tmp_path):
    """The preview's server watches what MkDocs' own was told to (the docs, mkdocs.yml, the theme
    with --watch-theme), looks every tenth of a second and does not wait again before it rebuilds;
    a saved file makes it ask for a rebuild."""
    from mkdocs.livereload import LiveReloadServer

    from plansite.mkdocs_plugin.serving import POLLING_INTERVAL, quicker_server

    docs, theme = tmp_path / "docs", tmp_path / "theme"
    for folder in (docs, theme):
        folder.mkdir()
    page = docs / "index.md"
    page.write_text("# 計画\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: 計画\n", encoding="utf-8")
    given = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    for watched in (docs, tmp_path / "mkdocs.yml", theme, docs):
        given.watch(str(watched))
    server = quicker_server(given, given.builder)
    assert server.observer.timeout == POLLING_INTERVAL < 0.5 and server.build_delay == 0
    assert server._watched_paths == given._watched_paths  # counted, as MkDocs counts them
    assert server.url == given.url and server.builder is given.builder
    server.observer.start()
    try:
        page.write_text("# 計画の改定\n", encoding="utf-8")
        with server._rebuild_cond:
            assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=30)
    finally:
        server.observer.stop()
        server.observer.join(timeout=30)
