"""The menu of a 事業 page lists only the 事業 of its own branch, never every 事業 of the plan:
page size and build time stay linear in the number of 事業."""

from __future__ import annotations

import posixpath

from plansite.base import urls


def test_project_page_menu_lists_only_its_own_branch(built_site, site_model):
    for plan in site_model.plans:
        for project in plan.projects:
            here = urls.project(plan, project)
            menu = built_site.page(here).find("nav", class_="md-nav--primary")
            linked = {posixpath.normpath(posixpath.join(here, a.attrs["href"])) + "/" for a in menu.find_all("a") if a.attrs.get("href")}
            listed = {p.id for p in plan.projects if urls.project(plan, p) in linked}
            siblings = {p.id for p in plan.projects_by_node[project.node]}
            assert project.id in listed, here
            assert listed <= siblings, here
