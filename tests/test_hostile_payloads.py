"""Property: payloads typed into every text field of a real plan never run and never reach any
output file live. Jinja, HTML, javascript: links, spreadsheet formulas, entities that decode into
</title>, random bytes and control characters go into every text field and chapter of
sagamihara-ict-1 (33 事業 with indicators). Each example either fails with located Japanese
messages (only when a payload holds an invisible character or a line break) or builds, and then: no template ran,
no tag or script link is live in any HTML file, the search index, the JSON files and the sitemap
still parse, no CSV cell starts a formula, and the plan's title is shown as typed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import tempfile
import xml.etree.ElementTree as ElementTree
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from conftest import ROOT, BuiltSite, build_site
from plansite.base.characters import FORBIDDEN
from plansite.base.errors import DataErrors
from plansite.loading.load import load_site
from plansite.loading.yaml_source import read_text, represent_text

PLAN = "sagamihara-ict-1"
# Runs (the template engine would print these) and live markup (the page would hold these).
RAN = ("23107", "ZQXZQXZQX")
PAYLOADS = [
    "{{ 3301*7 }}", '{{ "ZQX"*3 }}', "{% include 'main.html' %}", "{{ config.site_dir }}", "{# c #}", "{%- raw -%}",
    "<script>alert(1)</script>", '<img src=x onerror="alert(2)">', '"><svg onload=alert(3)>', "</script><script>alert(4)</script>",
    "[x](javascript:alert(5))", "<a href='javascript:alert(6)'>a</a>", "javascript:alert(7)",
    '=HYPERLINK("https://evil.example/","x")', "@SUM(1+1)", "+1+1", "-1+1", "\t=1", "\r=1",
    "&lt;/title&gt;&lt;script&gt;alert(8)&lt;/script&gt;", "&amp;", "*強調*", "`code`", "# 見出し", "- 項目", "| a |",
]
LIVE = [p for p in PAYLOADS if "<" in p and not p.startswith("&")]
# Values that are not free text: ids, keywords, dates, addresses, readings; and an indicator's
# unit and values, which are read as numbers with units as staff type them (model/reading.py),
# so that a payload can make a real unit conflict there (their texts are in the corpus).
NOT_TEXT = {"id", "node", "level", "category", "priorities", "successors", "related", "chapter", "project", "section",
            "status", "kind", "direction", "novelty", "term_links", "jargon_check", "warnings", "block_order", "url",
            "reading", "as_of", "date", "until", "start", "end", "from", "supersedes", "predecessor",
            "unit", "targets", "target", "actuals", "value"}
SCRIPT_LINK = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I)
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")

# Known payloads, and in one example of three also random text or bytes: most of those hold a
# control character and are refused, and the other examples build.
payloads = st.tuples(
    st.lists(st.sampled_from(PAYLOADS), min_size=1, max_size=5),
    st.one_of(st.none(), st.none(), st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
              st.binary(min_size=1, max_size=12).map(lambda b: b.decode("utf-8", "replace"))),
).map(lambda drawn: drawn[0] + ([drawn[1]] if drawn[1] else []))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value)))
_Dumper.add_representer(str, represent_text)  # a text the plan's reader would take for a number stays a text


def _with_payloads(value, chosen: list[str], counter: list[int], key=None):
    """Every text leaf gets the next payload, before its own text and after it by turns (a CSV cell
    or a Markdown line must start with it to show a formula or a heading)."""
    if key in NOT_TEXT:
        return value
    if isinstance(value, dict):
        return {k: _with_payloads(v, chosen, counter, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_payloads(v, chosen, counter, key) for v in value]
    if isinstance(value, str):
        counter[0] += 1
        payload = chosen[counter[0] % len(chosen)]
        return f"{payload}{value}" if counter[0] % 2 else f"{value}{payload}"
    return value


def _write_plan(project: Path, chosen: list[str]) -> str:
    """The plan with payloads in every field; returns its title as the site must show it."""
    source = ROOT / "data" / "plans" / PLAN
    target = project / "data" / "plans" / PLAN
    counter = [0]
    for path in sorted(source.rglob("*")):
        out = target / path.relative_to(source)
        if path.is_dir():
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            out.write_text(f"{title}{chosen[0]}\n{body}\n\n" + "\n\n".join(chosen) + "\n", encoding="utf-8")
            continue
        document, _ = read_text(path.read_text(encoding="utf-8"), path.name)
        data = _with_payloads(document.data, chosen, counter)
        out.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
        if path.name == "plan.yaml":
            title = data["title"]
    return title


def _project(folder: Path) -> Path:
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    (folder / "macros").symlink_to(ROOT / "macros")
    shutil.copytree(ROOT / "data" / "shared", folder / "data" / "shared")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(config.replace("      data_dir: data\n", f"      data_dir: data\n      plans: [{PLAN}]\n"), encoding="utf-8")
    return folder


def _check_output(site: Path, title: str) -> None:
    html_files = sorted(site.rglob("*.html"))
    assert html_files
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".js", ".json", ".csv", ".xml") or "assets" in path.parts:
            continue
        text = path.read_text(encoding="utf-8-sig")
        assert not [marker for marker in RAN if marker in text], path
        if path.suffix == ".html":
            assert not [p for p in LIVE if p in text], path
            assert not SCRIPT_LINK.search(text), path
        elif path.suffix == ".json":
            json.loads(text)
        elif path.suffix == ".js" and path.parent.name == "search":
            json.loads(text.removeprefix("window.planSearchIndex(").removesuffix(");\n"))
        elif path.suffix == ".csv":
            cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
            assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not PLAIN_NUMBER.fullmatch(c)], path
        elif path.suffix == ".xml":
            ElementTree.fromstring(text)
    home = BuiltSite(site).page(f"{PLAN}/")
    assert home.find("h1").clean_text() == " ".join(title.split())


@pytest.mark.build
# Each example is a build (about 4 s): few examples, and no shrinking, which would rebuild for minutes.
@settings(max_examples=12, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(chosen=payloads)
def test_payloads_in_every_text_field_never_run_and_never_reach_the_site_live(chosen):
    with tempfile.TemporaryDirectory() as folder:
        project = _project(Path(folder))
        title = _write_plan(project, chosen)
        try:
            load_site(project / "data", [PLAN], root=project)
        except DataErrors as errors:
            # Only an invisible character (or bytes that decode to one), or a line break in a
            # one-line field, is refused.
            assert any(FORBIDDEN.search(p) or "\n" in p or "\r" in p for p in chosen), errors.report()
            for error in errors.errors:
                assert error.file.startswith("data/") and error.line >= 1 and error.column >= 1
                assert not error.message.isascii()
            event("refused")
            return
        event("built")
        build_site(project, Path(folder) / "site")
        _check_output(Path(folder) / "site", title)
