"""What a ```plan fence in a chapter may ask for: a component by name, with its arguments.

Only names and arguments live here, so loading can check every fence in the same run as the rest
of the data; render/registry.py binds each name to the component that draws it.
"""

from __future__ import annotations

from typing import Optional

import yaml

# Fence name -> the arguments it requires. "level" names a level of plan.yaml.
FENCE_COMPONENTS: dict[str, tuple[str, ...]] = {
    "philosophy": (),
    "tree": (),
    "common": (),
    "project-table": ("level",),
    "roadmap": (),
    "period-chart": (),
    "vision": (),
    "chronicle": (),
    "figure": ("caption",),
}

# Fence name -> the arguments it may also take.
FENCE_OPTIONS: dict[str, tuple[str, ...]] = {
    "figure": ("text", "note"),
}

# Arguments whose value is the author's text (not a name of something in the plan).
TEXT_ARGUMENTS = {"caption", "text", "note"}


def fence_spec(body: str) -> dict:
    """The fence's YAML as a mapping. Only for a fence that loading has read and checked already."""
    return yaml.safe_load(body)


NOT_A_MAPPING = "plan ブロックの中身を「component: 名前」の形で書いてください"


def fence_problem(plan_levels: set[str], spec: object) -> Optional[str]:
    """Why a fence (its YAML, as read) cannot be rendered, in Japanese, or None when it is fine."""
    if not isinstance(spec, dict) or "component" not in spec:
        return "plan ブロックには「component: 名前」を書いてください"
    name = spec["component"]
    if name not in FENCE_COMPONENTS:
        return f"部品「{name}」はありません（使える部品: {'、'.join(FENCE_COMPONENTS)}）"
    required = set(FENCE_COMPONENTS[name])
    unknown = set(spec) - required - set(FENCE_OPTIONS.get(name, ())) - {"component"}
    if unknown:
        return f"部品「{name}」に「{'、'.join(sorted(map(str, unknown)))}」は指定できません"
    missing = required - set(spec)
    if missing:
        return f"部品「{name}」には「{'、'.join(sorted(missing))}」が必要です"
    for key in sorted(TEXT_ARGUMENTS & set(spec)):
        if not isinstance(spec[key], str) or not spec[key].strip():
            return f"部品「{name}」の「{key}」には文字を書いてください"
    if "level" in spec and spec["level"] not in plan_levels:
        return f"階層「{spec['level']}」は plan.yaml の levels にありません"
    return None
