"""Whatever text a generated page holds, it is never rendered as a template (issue 14, first item).

Validation refuses control characters, so these tests put them into the model after loading,
as a field that validation missed would: the page must still build and show the payload as
text. Before the page layer of issue 15, U+007F or U+FFFE in a title broke the front matter
that switched mkdocs-macros off for the page, and the payload ran; generated pages now reach
MkDocs as empty Markdown, whatever their text.
"""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from bad_inputs import base
from conftest import ROOT, BuiltSite, build_site

PAYLOAD = "{{ 7*7 }} {% include 'main.html' %} {{ os.getcwd() }}"
CONTROLS = {"U+0085": "\x85", "U+007F": "\x7f", "U+FFFE": "\ufffe"}


def _hostile(site, control: str):
    """The site with the text in a project's title and note and in a chapter's title line."""
    text = f"電子申請{control}{PAYLOAD}"
    plan = site.plans[0]
    project = plan.projects[0].model_copy(update={"title": text, "notes": (text,)})
    chapter = dataclasses.replace(plan.chapters[0], title=text)
    return dataclasses.replace(site, plans=(dataclasses.replace(plan, projects=(project,), chapters=(chapter,)),))


@pytest.mark.build
@pytest.mark.parametrize("control", list(CONTROLS))
def test_a_payload_beside_a_control_character_is_shown_as_text(control, tmp_path, monkeypatch):
    import plansite.build

    read = plansite.build.read_site

    def read_with_hostile_text(*args, **kwargs):
        site, found = read(*args, **kwargs)
        return _hostile(site, CONTROLS[control]), found

    monkeypatch.setattr(plansite.build, "read_site", read_with_hostile_text)
    project = base.write(tmp_path / "project")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")  # mkdocs.yml watches it
    build_site(project, tmp_path / "site")  # raises if a page does not build
    site = BuiltSite(tmp_path / "site")
    for url, times in (("mini/projects/p-1/", 2), ("mini/chapters/01-intro/", 1)):  # title and note; title
        article = site.page(url).find("article").text()
        assert article.count(PAYLOAD) >= times, url
        assert "49" not in article and str(tmp_path) not in article, url
