"""```plan fences in chapters: a component named in YAML, never code that runs."""

from __future__ import annotations

from typing import Optional

import yaml
from markupsafe import Markup

from ..model.plan import Plan
from ..render import components, timeline_components

COMPONENTS = {**components.COMPONENTS, **timeline_components.COMPONENTS}


def fence_problem(plan_levels: set[str], body: str) -> Optional[str]:
    """Why a fence cannot be rendered, in Japanese, or None when it is fine."""
    try:
        spec = yaml.safe_load(body)
    except yaml.YAMLError:
        return "plan ブロックの中身を「component: 名前」の形で書いてください"
    if not isinstance(spec, dict) or "component" not in spec:
        return "plan ブロックには「component: 名前」を書いてください"
    name = spec["component"]
    if name not in COMPONENTS:
        return f"部品「{name}」はありません（使える部品: {'、'.join(COMPONENTS)}）"
    allowed = set(COMPONENTS[name][1])
    unknown = set(spec) - allowed - {"component"}
    if unknown:
        return f"部品「{name}」に「{'、'.join(sorted(map(str, unknown)))}」は指定できません"
    missing = allowed - set(spec)
    if missing:
        return f"部品「{name}」には「{'、'.join(sorted(missing))}」が必要です"
    if "level" in spec and spec["level"] not in plan_levels:
        return f"階層「{spec['level']}」は plan.yaml の levels にありません"
    return None


def render_fence(plan: Plan, body: str, link) -> Markup:
    spec = yaml.safe_load(body)
    function, args = COMPONENTS[spec["component"]]
    return function(plan, link, **{arg: spec[arg] for arg in args})
