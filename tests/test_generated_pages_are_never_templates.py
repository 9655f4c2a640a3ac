"""Whatever text a generated page holds, it is never rendered as a template (issue 14, first item).

Validation refuses control characters, so these tests put them into the model after loading,
as a field that validation missed would: the page must still build and show the payload as
text. Today a control character in a page's title breaks the front matter that switches
mkdocs-macros off for the page, and the payload runs; the page layer of issue 15 builds
generated pages without mkdocs-macros, whatever their text.
"""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from bad_inputs import base
from conftest import ROOT, BuiltSite, build_site

PAYLOAD = "{{ 7*7 }} {% include 'main.html' %} {{ os.getcwd() }}"
CONTROLS = {"U+0085": "\x85", "U+007F": "\x7f", "U+FFFE": "\ufffe"}
ISSUE_15 = pytest.mark.xfail(strict=True, reason="issue 15: generated pages bypass macros")


def _in_project_title(site, text):
    plan = site.plans[0]
    project = plan.projects[0].model_copy(update={"title": text})
    return dataclasses.replace(site, plans=(dataclasses.replace(plan, projects=(project,)),)), "mini/projects/p-1/"


def _in_project_note(site, text):
    plan = site.plans[0]
    project = plan.projects[0].model_copy(update={"notes": (text,)})
    return dataclasses.replace(site, plans=(dataclasses.replace(plan, projects=(project,)),)), "mini/projects/p-1/"


def _in_chapter_title(site, text):
    plan = site.plans[0]
    chapter = dataclasses.replace(plan.chapters[0], title=text)
    return dataclasses.replace(site, plans=(dataclasses.replace(plan, chapters=(chapter,)),)), "mini/chapters/01-intro/"


PLACES = {"project-title": _in_project_title, "project-note": _in_project_note, "chapter-title-line": _in_chapter_title}
# A title goes into the page's front matter, which U+007F and U+FFFE stop from parsing (U+0085
# does not: YAML reads it as a line break inside the quoted title).
FAILING_TODAY = {(place, control) for place in ("project-title", "chapter-title-line") for control in ("U+007F", "U+FFFE")}


@pytest.mark.build
@pytest.mark.parametrize("place, control", [
    pytest.param(place, control, marks=ISSUE_15) if (place, control) in FAILING_TODAY else (place, control)
    for place in PLACES for control in CONTROLS
])
def test_a_payload_beside_a_control_character_is_shown_as_text(place, control, tmp_path, monkeypatch):
    import plansite.mkdocs_plugin.plugin as plugin

    text = f"電子申請{CONTROLS[control]}{PAYLOAD}"
    load = plugin.load_site

    def load_with_hostile_text(*args, **kwargs):
        site, _ = PLACES[place](load(*args, **kwargs), text)
        return site

    monkeypatch.setattr(plugin, "load_site", load_with_hostile_text)
    project = base.write(tmp_path / "project")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "macros").symlink_to(ROOT / "macros")  # mkdocs.yml watches it
    build_site(project, tmp_path / "site")  # raises if the page does not build
    _, url = PLACES[place](load(project / "data", root=project), text)
    article = BuiltSite(tmp_path / "site").page(url).find("article").text()
    assert PAYLOAD in article
    assert "49" not in article and str(tmp_path) not in article
