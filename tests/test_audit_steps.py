"""The audit's step table without a browser: every engine and check at phone and desktop width,
the slow ones on one page of each kind, a quick run limited to the checks asked for (a name it
does not have refused in Japanese), and a reviewed noise list whose every entry says why."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from scripts.accessibility import noise
from scripts.accessibility.run import MODES, STEPS, UnknownCheck, _merged, _share, chosen_steps
from scripts.accessibility.steps import EVERY_PAGE, PER_KIND, SAMPLE_BYTES, Target, assign

PHONE, DESKTOP = 360, 1280


def widths(name: str) -> set[int]:
    return {step.width for step in STEPS if step.name == name}


@pytest.mark.parametrize("name", ["htmlcs", "ibm", "wide-tables", "skip-link", "tab-walk", "focus", "menu", "tooltip", "tooltip-placement"])
def test_every_engine_and_check_runs_at_phone_and_desktop_width(name):
    assert {PHONE, DESKTOP} <= widths(name)


def test_axe_runs_at_both_widths_in_both_schemes_and_the_drawer_is_checked_at_tablet_width_too():
    assert {(s.width, s.scheme) for s in STEPS if s.name.startswith("axe-")} == {(PHONE, "light"), (DESKTOP, "light"), (PHONE, "dark"), (DESKTOP, "dark")}
    assert widths("focus") == widths("menu") == {PHONE, 1024, DESKTOP}


def test_a_check_has_one_scope_at_every_width():
    for name in {step.name for step in STEPS}:
        assert len({step.scope for step in STEPS if step.name == name}) == 1, name


def test_the_slow_checks_run_on_one_page_of_each_kind_and_the_others_on_every_page():
    targets = [Target("a/projects/1/", "project", 100), Target("a/projects/2/", "project", 900),
               Target("a/projects/3/", "project", SAMPLE_BYTES + 1),
               Target("p/print/plan/", "print-plan", SAMPLE_BYTES * 9), Target("q/print/plan/", "print-plan", SAMPLE_BYTES * 3),
               Target("b/", "home", 50, frozenset({"plan-term__link"})), Target("c/", "home", 80)]
    plan = assign(targets, STEPS)
    names = {url: {step.name for step in steps} for url, steps in plan.items()}
    # The largest page within SAMPLE_BYTES; of a kind whose pages are all larger, the smallest.
    assert [url for url in names if "focus" in names[url] and "project" in url] == ["a/projects/2/"]
    assert "ibm" in names["q/print/plan/"] and "ibm" not in names["p/print/plan/"]
    assert all("axe-360" in found and "htmlcs" in found for found in names.values())
    # The tooltip checks go to the page chosen among the kind's pages that have a term.
    assert "tooltip" in names["b/"] and "tooltip" not in names["c/"] and "focus" in names["c/"]
    everything = assign(targets, STEPS, every_check=True)
    assert all("ibm" in {step.name for step in steps} for steps in everything.values())
    assert {step.scope for step in STEPS} == {EVERY_PAGE, PER_KIND}


def test_a_quick_run_takes_the_checks_named_at_every_width_they_run_at():
    steps = chosen_steps(["focus", "axe-360", "focus"])
    assert [(step.name, step.width) for step in steps] == [("axe-360", PHONE), ("focus", PHONE), ("focus", 1024), ("focus", DESKTOP)]
    assert chosen_steps([]) == STEPS


def test_a_check_the_audit_does_not_have_is_refused_with_a_suggestion_and_the_list():
    with pytest.raises(UnknownCheck) as refused:
        chosen_steps(["fcus"])
    message = str(refused.value)
    assert message.startswith("試験「fcus」はありません。もしかして「focus」ですか？（選べる試験：axe-360、htmlcs、ibm、")
    with pytest.raises(UnknownCheck, match=r"^試験「keyboard」はありません（選べる試験："):
        chosen_steps(["keyboard"])


def test_the_audit_command_refuses_an_unknown_check_before_it_starts_a_browser():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "audit"), "--check", "fcus"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith("試験「fcus」はありません。もしかして「focus」ですか？") and "Traceback" not in result.stderr


def test_every_noise_entry_names_its_engine_and_says_why_in_its_own_words():
    seen = set()
    for entry in noise.NOISE:
        assert entry.engine in {"ibm", "htmlcs"} and entry.rule
        assert (entry.engine, entry.rule, entry.where) not in seen, entry
        seen.add((entry.engine, entry.rule, entry.where))
        # An auditor reads one row at a time: no reason leans on the row above it.
        assert len(entry.reason) >= 30 and not entry.reason.startswith("同上"), entry


def test_a_page_audited_by_two_browsers_is_shared_out_by_mode_in_order_and_merged_as_one_run():
    every = tuple(step for step in STEPS if step.scope == EVERY_PAGE)
    assert _share(every, 2) == [((PHONE, "light"),), ((DESKTOP, "light"),)]
    runs = _share(STEPS, 2)
    assert [mode for run in runs for mode in run] == list(MODES) and len(runs) == 2
    cost = [sum(step.cost for step in STEPS if (step.width, step.scheme) in run) for run in runs]
    assert max(cost) < 1.5 * min(cost)  # neither browser waits long for the other

    def run(mode, finding, tags):
        return {"title": "題", "media": 0, "checks": ["axe-360", finding], "axe": {mode: {}}, "findings": [{"check": finding}],
                "engines": {"ibm": {int(mode[:4].strip("-")): {}}}, "ibm_rules": {}, "tested_tags": tags, "external": [], "browser": "c"}
    merged = _merged([run("360-light", "focus", ["a"]), run("1280-light", "menu", ["b"])])
    assert merged["checks"] == ["axe-360", "focus", "menu"] and list(merged["axe"]) == ["360-light", "1280-light"]
    assert [f["check"] for f in merged["findings"]] == ["focus", "menu"] and merged["engines"] == {"ibm": {360: {}, 1280: {}}}
    assert merged["tested_tags"] == ["a", "b"]
