"""The engine's side of a site built in parts: which plans each shard makes, and that every part
lists every page of the site in the same order (MkDocs writes the menu, sitemap and manifest
from that list, so the parts' pages join into one site)."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import ROOT

from plansite.build import prepare
from plansite.context import Part, _size, shard_plans
from plansite.pages.assemble import site_pages
from plansite.pages.page import Page

EDITIONS = ROOT / "tests" / "fixtures" / "editions"


def listed(ctx) -> list[str]:
    return [page.url if isinstance(page, Page) else page for page in site_pages(ctx)]


@pytest.fixture(scope="module", params=[ROOT, EDITIONS], ids=["bundled", "editions"])
def data(request):
    return request.param


def context(root, part=Part()):
    ctx = prepare(root / "data", root=root, today="2025-12-01")
    return dataclasses.replace(ctx, part=part)


def test_every_part_lists_the_pages_of_one_build_in_its_order(data):
    whole = context(data)
    expected = listed(whole)
    plans = whole.site.plans
    for count in (1, 2, 3):
        for index in range(count):
            shard = context(data, Part(plans=shard_plans(plans, index, count), site_wide=False))
            assert listed(shard) == expected
    assert listed(context(data, Part(plans=frozenset(), site_wide=True))) == expected


def test_a_shard_makes_the_pages_of_its_plans_only_and_names_the_others(data):
    whole = context(data)
    own = shard_plans(whole.site.plans, 0, 2)
    listed = site_pages(context(data, Part(plans=own, site_wide=False)))
    made = [page.url for page in listed if isinstance(page, Page)]
    named = [page for page in listed if not isinstance(page, Page)]
    assert made and {url.split("/")[0] for url in made} == set(own)
    assert {url.split("/")[0] for url in named} == {plan.id for plan in whole.site.plans if plan.id not in own} | (
        {"glossary"} if whole.site.glossary else set()) | ({"priorities"} if whole.site.priorities and len(whole.site.plans) > 1 else set())


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7])
def test_each_plan_goes_to_exactly_one_shard_and_the_shards_are_balanced(site_model, count):
    plans = list(site_model.plans)
    shards = [shard_plans(plans, index, count) for index in range(count)]
    assert sorted(plan for shard in shards for plan in shard) == sorted(plan.id for plan in plans)
    loads = [sum(_size(plan) for plan in plans if plan.id in shard) for shard in shards]
    assert max(loads) - min(loads) <= max(_size(plan) for plan in plans)  # no shard waits on another by more than one plan
    assert shards == [shard_plans(plans, index, count) for index in range(count)]  # the same on every machine
