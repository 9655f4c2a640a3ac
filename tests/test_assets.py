"""The site's own stylesheets and scripts reach readers without the comments and layout kept for
maintainers (mkdocs_plugin/assets.py), in one file of each kind, and mean the same: what looks like
a comment inside a string, a url() or a regular expression stays."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from plansite.mkdocs_plugin.assets import minified
from plansite.mkdocs_plugin.plugin import PALETTE_CSS
from plansite.render.palette import css

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for p in (ROOT / "overrides" / "assets").rglob("*") if p.suffix in (".css", ".js"))


def test_css_loses_its_comments_but_not_a_comment_like_string_or_url():
    css = '/* 保守用の説明 */\n.a::before {\n  content: "/* そのまま */";  /* 説明 */\n  background: url(a/*b.png);\n}\n'
    assert minified(css, ".css") == '.a::before{content:"/* そのまま */";background:url(a/*b.png)}'


def test_javascript_loses_its_comments_but_not_a_comment_like_string_or_regular_expression():
    js = '// 説明\nconst a = "// そのまま", b = /\\/\\*/g; /* 説明 */\nconst c = `/* ${a} */`;\nif (a) { f(b, c); }\n'
    shipped = minified(js, ".js")
    assert "説明" not in shipped
    assert '"// そのまま"' in shipped and "/\\/\\*/g" in shipped and "`/* ${a} */`" in shipped
    assert "if(a){f(b,c);}" in shipped


# What mkdocs.yml lists of the site's own assets, in order (extra_css, then extra_javascript).
LISTED = re.findall(r"^  - (assets/\S+\.(?:css|js))", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
BUNDLES = {".css": "assets/stylesheets/plan-site.css", ".js": "assets/javascripts/plan-site.js"}


def shipped(site: Path, source: Path) -> str:
    """What the site ships of a source: its bundle when mkdocs.yml lists it, else its own file."""
    uri = source.relative_to(ROOT / "overrides").as_posix()
    return (site / (BUNDLES[source.suffix] if uri in LISTED else uri)).read_text(encoding="utf-8")


@pytest.mark.build
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_site_ships_each_of_its_own_files_without_the_maintainers_comments(built_site, source):
    text = source.read_text(encoding="utf-8")
    site = shipped(built_site.path, source)
    comments = re.findall(r"/\*(.*?)\*/", text, re.S) + re.findall(r"^\s*// (.+)$", text, re.M)
    assert comments, f"{source.name} has no comment to leave out"
    assert not any(comment.strip() and comment.strip() in site for comment in comments)
    assert minified(text, source.suffix) in site
    assert len(gzip.compress(minified(text, source.suffix).encode())) < len(gzip.compress(text.encode()))


@pytest.mark.build
def test_a_page_loads_the_sites_own_stylesheets_and_scripts_as_one_file_each_in_the_order_listed(built_site):
    page = built_site.page("hadano-dx/projects/1-1/")
    loaded = [link.attrs.get("href") or "" for link in page.find_all("link", rel="stylesheet")]
    loaded += [script.attrs.get("src") or "" for script in page.find_all("script")]
    ours = [url for url in loaded if "/assets/" in url and ".min." not in url]  # Material's own files are *.min.*
    assert ours == ["../../../assets/stylesheets/plan-site.css", "../../../assets/javascripts/plan-site.js"]
    for suffix, bundle in BUNDLES.items():
        text = (built_site.path / bundle).read_text(encoding="utf-8")
        parts = [uri for uri in LISTED if uri.endswith(suffix)]
        shipped_parts = [minified(css() if uri == PALETTE_CSS else (ROOT / "overrides" / uri).read_text(encoding="utf-8"), suffix)
                         for uri in parts]
        places = [text.index(part) for part in shipped_parts]
        assert places == sorted(places) and len(places) >= 4, bundle  # the cascade and the order of running, as listed
        assert not any((built_site.path / uri).exists() for uri in parts), "a bundled file is shipped on its own too"
    assert "plan-site" not in (built_site.path / "assets/javascripts/plan-search-engine.js").read_text(encoding="utf-8")
