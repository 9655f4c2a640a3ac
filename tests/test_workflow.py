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


SHARDS = yaml.safe_load((ROOT / ".github/workflows/shards.yml").read_text(encoding="utf-8"))


def test_the_matrix_builds_one_shard_per_job_and_the_merge_takes_them_all():
    shard, merge = SHARDS["jobs"]["shard"], SHARDS["jobs"]["merge"]
    assert shard["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.plan.outputs.numbers) }}"
    runs = [step.get("run", "") for step in shard["steps"]]
    assert '.venv/bin/plansite build --shard "${{ matrix.shard }}/${{ inputs.shards }}" -d "shard-${{ matrix.shard }}"' in runs
    upload = next(step for step in shard["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == upload["with"]["path"] == "shard-${{ matrix.shard }}"
    download = next(step for step in merge["steps"] if step.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"] == {"pattern": "shard-*", "path": "shards"}
    assert ".venv/bin/plansite merge shards/shard-* -d site" in [step.get("run", "") for step in merge["steps"]]
    assert set(merge["needs"]) == {"plan", "shard"}


def test_every_shard_and_the_merge_build_for_the_same_day_address_and_environment():
    """A shard built on another day, for another address or with other packages is refused by the merge."""
    for job in ("shard", "merge"):
        assert SHARDS["jobs"][job]["env"] == {"PLANSITE_TODAY": "${{ needs.plan.outputs.today }}",
                                             "SITE_URL": "${{ needs.plan.outputs.site_url }}"}
        assert SHARDS["jobs"][job]["container"] == WORKFLOW["jobs"]["test"]["container"]
        assert "make .venv/.deps" in [step.get("run", "") for step in SHARDS["jobs"][job]["steps"]]
    assert "TZ=Asia/Tokyo date +%F" in SHARDS["jobs"]["plan"]["steps"][-1]["run"]


def test_the_matrix_workflow_publishes_only_when_asked_and_with_only_the_permissions_it_needs():
    assert SHARDS["permissions"] == {}
    assert SHARDS["jobs"]["shard"]["permissions"] == SHARDS["jobs"]["merge"]["permissions"] == {"contents": "read"}
    assert SHARDS["jobs"]["plan"]["permissions"] == {"pages": "read"}
    assert SHARDS["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert SHARDS["jobs"]["deploy"]["if"] == "inputs.publish" and SHARDS["jobs"]["deploy"]["needs"] == "merge"
    pages_upload = next(step for step in SHARDS["jobs"]["merge"]["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert pages_upload["if"] == "inputs.publish" and pages_upload["with"]["path"] == "site"
