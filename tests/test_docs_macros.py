"""Macros in hand-written pages: a call that names nothing is reported at its line and column,
in Japanese, by the check and by the build alike, never as a Python traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, copy_project
from plansite.base.errors import DataErrors
from plansite.build import prepare
from plansite.render.macro_calls import check_macro_calls

PAGE = """# 試し

{{ kpi_table("hadano-dx", "nope") }}

文 {{ plan_tree("nowhere") }} と {{ no_such_macro() }}

{{ achievement_summary("hadano-dx") }}
{{ project_table("hadano-dx", level="x") }}
"""


def test_each_mistaken_call_is_located_with_what_exists(site_model, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "try.md").write_text(PAGE, encoding="utf-8")
    found = [str(e) for e in check_macro_calls(tmp_path / "docs", site_model, root=tmp_path)]
    assert [e.split(": ")[0] + ": " + e.split(": ")[1] for e in found] == [
        'docs/try.md:3:1: kpi_table("hadano-dx", "nope")',
        'docs/try.md:5:3: plan_tree("nowhere")',
        "docs/try.md:5:32: no_such_macro()",
        'docs/try.md:8:1: project_table("hadano-dx", level="x")',
    ]
    assert found[0].endswith("はだのDX推進計画の事業「nope」はありません（あるもの: 1-1、1-2、1-3、1-4、1-5、1-6、1-7、2-1、2-2、2-3、"
                             "2-4、2-5、2-6、2-7、2-8、3-1、3-2、3-3、3-4、3-5…）")
    assert "計画「nowhere」はありません（あるもの: chigasaki-dx、hadano-dx" in found[1]
    assert "マクロ「no_such_macro」はありません（使えるマクロ: plan_list、" in found[2]
    assert found[3].endswith("はだのDX推進計画の階層「x」はありません（あるもの: vision、approach、focus）")


def test_the_repository_pages_call_every_macro_correctly():
    assert prepare(ROOT / "data", root=ROOT, docs_dir=ROOT / "docs").site.plans


def test_check_reports_macro_mistakes_with_the_data_errors(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "try.md").write_text(PAGE, encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        prepare(project / "data", root=project, docs_dir=project / "docs")
    assert len(raised.value.errors) == 4


@pytest.mark.build
def test_build_stops_with_the_located_message_and_no_traceback(tmp_path):
    """A call whose arguments are worked out in the page is judged while the page renders."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "try.md").write_text('# 試し\n\n{{ kpi_table("hadano-dx", "no" ~ "pe") }}\n', encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "plansite", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                            capture_output=True, text=True, cwd=project, timeout=300)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("docs/try.md:3:1: kpi_table('hadano-dx', 'nope'): はだのDX推進計画の事業「nope」はありません")
    assert "Traceback" not in result.stderr and not site.exists()
    shutil.rmtree(project)
