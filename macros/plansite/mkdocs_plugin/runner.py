"""Building the site with MkDocs, for every way in (make site, scripts/build, the plansite command).

The data is read and checked once, before MkDocs starts, and handed to the plugin. The site is
built into a staging folder beside the target and swapped in only when the build succeeded, so
site/ is never half-written. With jobs, the pages are written by that many processes (shards.py).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Optional

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError

from ..base.errors import DataErrors
from ..base.forked import CAN_FORK, ForkedProcessLost
from ..build import prepare
from .shards import QuietDirty, Shard

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner is not for our users


class BuildFailed(Exception):
    """The build stopped; the message (Japanese) says why, and the target folder is unchanged."""


def load(config_file: Path, site_dir: Optional[Path] = None, *, strict: bool = True, strict_data: bool = False,
         jobs: int = 1):
    """The MkDocs configuration with the plugin holding the data, read and checked (strict_data:
    the data's warnings are errors); the pages are made by jobs processes."""
    config = load_config(str(config_file), site_dir=str(site_dir) if site_dir else None, strict=strict)
    plugin = config.plugins["plansite"]
    root = Path(config.config_file_path).parent
    context = prepare(root / plugin.config.data_dir, plugin.config.plans, root=root, today=plugin.config.today,
                      docs_dir=Path(config.docs_dir), strict=strict_data)
    context.jobs = jobs
    plugin.use(context)
    return config


def build_site(config_file: Path, target: Path, *, verbose: bool = False, strict_data: bool = False, jobs: int = 1) -> tuple:
    """Build into target, or raise BuildFailed (DataErrors for mistakes in the data) leaving it as it
    was; jobs processes write the pages. Returns the data's warnings."""
    logging.getLogger("mkdocs").setLevel(logging.INFO if verbose else logging.WARNING)
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    staging.chmod(0o755)
    try:
        config = load(config_file, staging, strict_data=strict_data, jobs=jobs)
        if jobs > 1 and CAN_FORK:
            plugin = config.plugins["plansite"]
            shard = plugin.shard = Shard(jobs)
            try:
                _dirty_build(config)
            finally:
                shard.stop()
                # MkDocs keeps one plugin instance per process across configurations (its plugin
                # cache): a later build in this process must not inherit the shard.
                plugin.shard = None
        else:
            build(config)
        if config.plugins["plansite"].macro_errors:  # calls only the render could judge (not plain values)
            raise DataErrors(config.plugins["plansite"].macro_errors)
    except DataErrors:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except (PluginError, BuildError, ConfigurationError, Abort, ForkedProcessLost) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"サイトを作れませんでした。{target.name}/ は変更していません。\n{exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return config.plugins["plansite"].context.site.warnings


def _dirty_build(config) -> None:
    """MkDocs' dirty build, which asks each file whether to read, copy or write it (Shard answers)."""
    quiet = QuietDirty()
    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(quiet)
    try:
        build(config, dirty=True)
    finally:
        logger.removeFilter(quiet)


def serve_site(config_file: Path, port: int) -> None:
    """The preview on loopback: only pages whose HTML changed are written again (see preview.py);
    warnings are shown without stopping it (a published build stops on them)."""
    serve(config_file=str(config_file), dev_addr=f"127.0.0.1:{port}", livereload=True, build_type="dirty", strict=False)
