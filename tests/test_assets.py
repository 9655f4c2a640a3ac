"""The site's own stylesheets and scripts reach readers without the comments and layout kept for
maintainers (mkdocs_plugin/assets.py), and mean the same: what looks like a comment inside a
string, a url() or a regular expression stays."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from plansite.mkdocs_plugin.assets import minified

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


@pytest.mark.build
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_site_ships_each_of_its_own_files_without_the_maintainers_comments(built_site, source):
    shipped = (built_site.path / source.relative_to(ROOT / "overrides")).read_text(encoding="utf-8")
    text = source.read_text(encoding="utf-8")
    comments = re.findall(r"/\*(.*?)\*/", text, re.S) + re.findall(r"^\s*// (.+)$", text, re.M)
    assert comments, f"{source.name} has no comment to leave out"
    assert not any(comment.strip() and comment.strip() in shipped for comment in comments)
    assert shipped == minified(text, source.suffix)
    assert len(gzip.compress(shipped.encode())) < len(gzip.compress(text.encode()))
