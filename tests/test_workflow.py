"""GitHub Pages gets the site that passed: the job that runs every test (the audit included)
uploads the site it made, and the deploy job only publishes that upload."""

from __future__ import annotations

import yaml

from conftest import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))


def steps(job: str) -> list[dict]:
    return WORKFLOW["jobs"][job]["steps"]


def test_the_job_that_runs_the_tests_uploads_the_site_it_tested():
    test_steps = steps("test")
    runs = [step.get("run", "") for step in test_steps]
    assert [run for run in runs if run.startswith("make")] == ["make check", "make test"]
    uploads = [i for i, step in enumerate(test_steps) if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert "make test" in runs and len(uploads) == 1
    assert uploads[0] > runs.index("make test")  # after the audit, not a rebuild of its own
    assert test_steps[uploads[0]]["with"]["path"] == "site"
    assert not any("make site" in run or "scripts/build" in run for run in runs[runs.index("make test") + 1:])
    # the site's own address, from the Pages settings, for canonical links, the sitemap and links in the PDFs
    assert "steps.pages.outputs.base_url" in test_steps[runs.index("make test")]["env"]["SITE_URL"]
    assert any(step.get("uses", "").startswith("actions/configure-pages@") and step.get("id") == "pages" for step in test_steps)


def test_the_deploy_job_publishes_that_upload_and_nothing_else():
    deploy = WORKFLOW["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert [step.get("uses", "").split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_each_job_has_only_the_permissions_it_needs():
    assert WORKFLOW["permissions"] == {}
    assert WORKFLOW["jobs"]["test"]["permissions"] == {"contents": "read", "pages": "read"}
    assert WORKFLOW["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
