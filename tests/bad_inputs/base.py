"""A small valid plan that each bad-input case changes in one place.

Kept tiny so line numbers in the expected messages are easy to check by eye.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PLAN = "data/plans/mini"

FILES = {
    f"{PLAN}/plan.yaml": """\
title: ミニ市DX推進計画
kind: DX推進計画
municipality:
  name: ミニ市
period:
  start: 2026
  end: 2030
status: adopted
summary: 市の手続をデジタルで便利にする計画です。
levels:
  - id: goal
    name: 基本目標
    projects_label: 事業
""",
    f"{PLAN}/tree.yaml": """\
nodes:
  - id: goal-1
    level: goal
    number: "1"
    title: 便利な行政
    description: 手続を便利にします。
""",
    f"{PLAN}/projects/p-1.yaml": """\
number: "1"
title: 電子申請の拡充
node: goal-1
novelty: new
departments: [デジタル推進課]
summary: 手続をオンラインにします。
schedule:
  - label: 導入
    phases:
      - text: 試行
        start: 2026
        end: 2027
kpis:
  - kind: outcome
    name: 電子申請の件数
    unit: 件
    targets: {2026: 100, 2027: 200}
""",
    f"{PLAN}/glossary.yaml": """\
terms:
  - id: online
    term: 電子申請
    reading: デンシシンセイ
    description: インターネットで行う申請のことです。
""",
    f"{PLAN}/chapters/01-intro.md": """\
# はじめに

この計画の趣旨です。
""",
}


FOLDER = object()  # a change that makes a folder where the path is


@dataclass(frozen=True)
class Link:
    """A change that makes a symbolic link; target is relative to the link's folder, or absolute."""

    target: str


def write(root: Path, changes: dict | None = None) -> Path:
    """The base plan under root/data with changes applied: path -> new text or bytes, FOLDER, a
    Link, or None to delete."""
    files = {**FILES, **(changes or {})}
    for relative, content in files.items():
        if content is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is FOLDER:
            path.mkdir()
        elif isinstance(content, Link):
            path.symlink_to(content.target)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
