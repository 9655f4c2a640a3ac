"""The two projects a benchmark run compares, side by side in a temporary folder.

ours/   the synthetic plan as data, built by scripts/build with every plugin of mkdocs.yml
plain/  the Markdown our plugin generates from that data, dumped to docs/, built by MkDocs
        Material alone with the same theme settings and navigation
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import yaml

from plansite.loading.load import load_site
from plansite.mkdocs_plugin.plugin import PALETTE_CSS, _with_plans
from plansite.pages.generate import navigation, site_pages
from plansite.render.palette import css

from .synthetic import write_plan

ROOT = Path(__file__).resolve().parent.parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: !ENV [NAME, default] takes the variable or the default."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    found = next((os.environ[name] for name in names[:-1] if name in os.environ), None)
    return found if found is not None else (names[-1] if len(names) > 1 else None)


_ConfigLoader.add_constructor("!ENV", _env)


def _repository_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _common(target: Path, config: dict) -> dict:
    """The repository's settings with a home page and the plans as the whole navigation."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "overrides", target / "overrides")
    (target / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "index.md", target / "docs" / "index.md")
    config = dict(config, nav=[{"ホーム": "index.md"}, "@plans"], docs_dir="docs", site_dir="site")
    config.pop("not_in_nav", None)
    return config


def write_ours(target: Path, projects: int) -> Path:
    config = _common(target, _repository_config())
    config["watch"] = ["data"]
    (target / "macros").symlink_to(ROOT / "macros")  # mkdocs-macros looks for its module beside mkdocs.yml
    write_plan(target, projects)
    _write_config(target, config)
    return target


def write_plain(target: Path, ours: Path) -> Path:
    """Dump what the plugin would generate from ours/data; configure Material without our plugins."""
    config = _common(target, _repository_config())
    site = load_site(ours / "data", root=ours)
    docs = target / "docs"
    (docs / PALETTE_CSS).parent.mkdir(parents=True, exist_ok=True)
    (docs / PALETTE_CSS).write_text(css(), encoding="utf-8")
    for page in site_pages(site):
        path = docs / page.src_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown(), encoding="utf-8")
    config["nav"] = _with_plans(config["nav"], navigation(site))
    config["plugins"] = [p for p in config["plugins"] if (next(iter(p)) if isinstance(p, dict) else p) == "search"]
    config.pop("watch", None)
    _write_config(target, config)
    return target


def _write_config(target: Path, config: dict) -> None:
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
