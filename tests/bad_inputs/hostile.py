"""Text that looks like markup, in every kind of text field: it must reach the page as text.

All cases go into one plan that is built once; each case names the page where its text
must be shown literally.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import FILES
from .cases import CHAPTER, GLOSSARY, PLAN_YAML, PROJECT, TREE

PROJECT_PAGE, NODE_PAGE, HOME, GLOSSARY_PAGE, CHAPTER_PAGE = (
    "mini/projects/p-1/", "mini/nodes/goal-1/", "mini/", "mini/glossary/", "mini/chapters/01-intro/",
)


# Typed as entities: a theme that decodes them (striptags) would write a live </title><script>.
PLAN_TITLE = 'ミニ市<script>alert("plan")</script>&lt;/title&gt;&lt;script&gt;alert(7)&lt;/script&gt;計画'
PROJECT_TITLE = "電子申請<script>alert(2)</script>&lt;/title&gt;&lt;script&gt;alert(8)&lt;/script&gt; & 拡充"
FORMULA = '=HYPERLINK("https://example.com/","詳しく")'


@dataclass(frozen=True)
class Hostile:
    id: str
    file: str
    old: str  # the base text to replace
    new: str
    page: str
    shown: str  # the text a reader must see on the page, character for character


CASES = [
    Hostile("script-in-plan-title", PLAN_YAML, "title: ミニ市DX推進計画", f"title: {PLAN_TITLE}", HOME, PLAN_TITLE),
    Hostile("img-onerror-in-plan-summary", PLAN_YAML, "summary: 市の手続をデジタルで便利にする計画です。",
            'summary: 要旨<img src="x" onerror="alert(1)">です', HOME, '要旨<img src="x" onerror="alert(1)">です'),
    Hostile("formula-in-node-number", TREE, 'number: "1"', f"number: '{FORMULA}'", NODE_PAGE, FORMULA),
    Hostile("jinja-expression-in-node-title", TREE, "title: 便利な行政", "title: 便利な{{ 7*7 }}行政", NODE_PAGE, "便利な{{ 7*7 }}行政"),
    Hostile("jinja-statement-in-node-description", TREE, "description: 手続を便利にします。",
            'description: "{% for x in range(3) %}繰り返し{% endfor %}"', NODE_PAGE, "{% for x in range(3) %}繰り返し{% endfor %}"),
    Hostile("script-in-project-title", PROJECT, "title: 電子申請の拡充", f"title: {PROJECT_TITLE}", PROJECT_PAGE, PROJECT_TITLE),
    Hostile("html-in-project-number", PROJECT, 'number: "1"', 'number: "1<b>太字</b>"', PROJECT_PAGE, "1<b>太字</b>"),
    Hostile("html-in-department", PROJECT, "departments: [デジタル推進課]", 'departments: ["<i>推進課</i>"]',
            PROJECT_PAGE, "<i>推進課</i>"),
    Hostile("javascript-link-in-summary", PROJECT, "summary: 手続をオンラインにします。",
            "summary: '[申請はこちら](javascript:alert(3))'", PROJECT_PAGE, "[申請はこちら](javascript:alert(3))"),
    Hostile("raw-html-block-in-markdown-field", PROJECT, "schedule:", 'current: |\n  <div onclick="alert(4)">現状</div>\nschedule:',
            PROJECT_PAGE, '<div onclick="alert(4)">現状</div>'),
    Hostile("html-in-schedule-phase", PROJECT, "text: 試行", 'text: "試行<iframe src=x></iframe>"', PROJECT_PAGE,
            "試行<iframe src=x></iframe>"),
    Hostile("html-in-schedule-label", PROJECT, "label: 導入", 'label: "<u>導入</u>"', PROJECT_PAGE, "<u>導入</u>"),
    Hostile("script-in-indicator-name", PROJECT, "name: 電子申請の件数", 'name: "件数<script>alert(5)</script>"',
            PROJECT_PAGE, "件数<script>alert(5)</script>"),
    Hostile("html-in-unit", PROJECT, "unit: 件", 'unit: "<sup>件</sup>"', PROJECT_PAGE, "<sup>件</sup>"),
    Hostile("html-in-target-text", PROJECT, "2027: 200", '2027: "<marquee>増加</marquee>"', PROJECT_PAGE, "<marquee>増加</marquee>"),
    Hostile("jinja-in-glossary-description", GLOSSARY, "description: インターネットで行う申請のことです。",
            'description: "{{ config.site_name }}で行う申請"', GLOSSARY_PAGE, "{{ config.site_name }}で行う申請"),
    Hostile("raw-html-in-chapter", CHAPTER, "この計画の趣旨です。", '<script>alert("chapter")</script>\n\n趣旨です。',
            CHAPTER_PAGE, '<script>alert("chapter")</script>'),
    Hostile("jinja-in-chapter", CHAPTER, "# はじめに\n", "# はじめに\n\n{{ macros_info() }} と {% include 'main.html' %}\n",
            CHAPTER_PAGE, "{{ macros_info() }} と {% include 'main.html' %}"),
    Hostile("javascript-link-in-chapter", CHAPTER, "# はじめに\n", "# はじめに\n\n[詳しく](javascript:alert(6))\n",
            CHAPTER_PAGE, "[詳しく](javascript:alert(6))"),
    Hostile("html-in-chapter-heading", CHAPTER, "# はじめに\n", "# はじめに\n\n## 背景<em>強調</em>\n",
            CHAPTER_PAGE, "背景<em>強調</em>"),
]


def files() -> dict:
    """The base plan with every hostile text in place."""
    changed = dict(FILES)
    for case in CASES:
        assert case.old in changed[case.file], f"{case.id}: {case.old!r} not in {case.file}"
        changed[case.file] = changed[case.file].replace(case.old, case.new, 1)
    return changed
