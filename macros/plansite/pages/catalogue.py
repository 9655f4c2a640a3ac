"""Every kind of page a plan can have, in the order a plan's pages are made (and reused: the print
pages gather the pages made before them), and which kind each menu section of plan.yaml's
`contents` names."""

from __future__ import annotations

from .edition_pages import CHANGES, EDITIONS
from .item_pages import CHAPTER, NODE, PROJECT
from .plan_pages import HOME, INDICATOR_PARTS, INDICATORS, PROJECT_LIST
from .printable import PRINT_INDEX, PRINT_PLAN, PRINT_PROJECT_PARTS, PRINT_PROJECTS
from .reference_pages import COMMENTS, GLOSSARY, LINEAGE, OPEN_DATA
from .timeline_pages import ROADMAP_PARTS, TIMELINE_KINDS

# Pages whose prose links glossary terms; their use of terms is what the glossary pages list.
# Each is made from the model alone (none reads another page), so they are made in any process.
LINKED = (HOME, CHAPTER, NODE, PROJECT, PROJECT_LIST, INDICATORS, INDICATOR_PARTS, LINEAGE, *TIMELINE_KINDS, ROADMAP_PARTS, COMMENTS)
# Made after the linked pages: the glossary lists where its terms are used, print pages reuse blocks.
UNLINKED = (GLOSSARY, PRINT_PLAN, PRINT_PROJECTS, PRINT_PROJECT_PARTS, PRINT_INDEX, OPEN_DATA)
PLAN_KINDS = LINKED + UNLINKED
EDITION_KINDS = (EDITIONS, CHANGES)  # of the current edition only, spanning all editions

# plan.yaml's contents: `section: <key>` places this kind's page in the plan's menu.
MENU_SECTIONS = {"projects": PROJECT_LIST, "indicators": INDICATORS, "lineage": LINEAGE, "comments": COMMENTS,
                 "glossary": GLOSSARY}
