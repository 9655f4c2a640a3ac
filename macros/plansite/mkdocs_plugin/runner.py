"""Building the site with MkDocs, for every way in (make site, scripts/build, the plansite command).

The data is read and checked once, before MkDocs starts, and handed to the plugin. The site is
built into a staging folder beside the target and swapped in only when the build succeeded, so
site/ is never half-written. With jobs, the pages are written by that many processes (shards.py).
A site can also be built in parts, each its own build (parts.py): shards, then their merge.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Optional

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError

from ..base.errors import DataErrors
from ..base.forked import CAN_FORK, ForkedProcessLost, forked
from ..build import prepare
from ..context import BuildContext
from ..model.plan import Site
from .parts import MergeBuild, ShardBuild, ShardFolderError
from .shards import QuietDirty, Said, Shard

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner is not for our users


class BuildFailed(Exception):
    """The build stopped; the message (Japanese) says why, and the target folder is unchanged."""

    def __init__(self, folder: str, reason: str):
        super().__init__(folder, reason)  # as args, so that the error crosses from a shard's process
        self.folder, self.reason = folder, reason

    def __str__(self) -> str:
        return f"サイトを作れませんでした。{self.folder}/ は変更していません。\n{self.reason}"


def load(config_file: Path, site_dir: Optional[Path] = None, *, strict: bool = True, strict_data: bool = False,
         jobs: int = 1, part: Optional[ShardBuild | MergeBuild] = None, site: Optional[Site] = None):
    """The MkDocs configuration with the plugin holding the data, read and checked (strict_data:
    the data's warnings are errors) unless site gives it already read; the pages are made by jobs
    processes, or those of one part."""
    config = load_config(str(config_file), site_dir=str(site_dir) if site_dir else None, strict=strict)
    plugin = config.plugins["plansite"]
    context = BuildContext(site) if site is not None else _prepared(config, strict_data)
    context.jobs = jobs
    if part:
        context.part = part.part(context.site)
    plugin.use(context)
    return config


def _prepared(config, strict_data: bool) -> BuildContext:
    plugin = config.plugins["plansite"]
    root = Path(config.config_file_path).parent
    return prepare(root / plugin.config.data_dir, plugin.config.plans, root=root, today=plugin.config.today,
                   docs_dir=Path(config.docs_dir), strict=strict_data)


def build_site(config_file: Path, target: Path, *, verbose: bool = False, strict_data: bool = False, jobs: int = 1,
               shard: Optional[tuple[int, int]] = None, merge: tuple[Path, ...] = (), ready=lambda: None,
               site: Optional[Site] = None) -> tuple:
    """Build into target, or raise BuildFailed (DataErrors for mistakes in the data) leaving it as it
    was; jobs processes write the pages. shard (number, count): only that shard of the site;
    merge: the site from the shards built into those folders (once ready() returns). Returns the
    data's warnings."""
    logging.getLogger("mkdocs").setLevel(logging.INFO if verbose else logging.WARNING)
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    staging.chmod(0o755)
    said = Said(logging.ERROR)  # MkDocs logs a plugin's error, then raises Abort with no reason
    logging.getLogger("mkdocs").addHandler(said)
    try:
        part = ShardBuild(*shard) if shard else MergeBuild(merge, ready) if merge else None
        config = load(config_file, staging, strict_data=strict_data, jobs=jobs, part=part, site=site)
        _run(config, part, jobs)
        if config.plugins["plansite"].macro_errors:  # calls only the render could judge (not plain values)
            raise DataErrors(config.plugins["plansite"].macro_errors)
    except DataErrors:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    except Abort:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(target.name, "\n".join(said.lines) or "MkDocs がビルドを止めました。") from None
    except (PluginError, BuildError, ConfigurationError, ForkedProcessLost, ShardFolderError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(target.name, str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(said)
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return config.plugins["plansite"].context.site.warnings


def _run(config, part: Optional[ShardBuild | MergeBuild], jobs: int) -> None:
    """MkDocs' build: of one part of the site, over jobs processes, or plain."""
    plugin = config.plugins["plansite"]
    # MkDocs keeps one plugin instance per process across configurations (its plugin cache): a
    # later build in this process must not inherit this one's part or shard.
    if part:
        plugin.split = part
        try:
            _dirty_build(config)
        finally:
            plugin.split = None
    elif jobs > 1 and CAN_FORK:
        shard = plugin.shard = Shard(jobs)
        try:
            _dirty_build(config)
        finally:
            shard.stop()
            plugin.shard = None
    else:
        build(config)


def build_in_shards(config_file: Path, target: Path, count: int, *, verbose: bool = False, strict_data: bool = False) -> tuple:
    """Build the site as count shards, each its own build in its own process, and merge them here,
    as a GitHub Actions matrix would on one machine. The site is the same as one build's; returns
    the data's warnings."""
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.shards.", dir=target.parent))
    folders = tuple(work / str(number) for number in range(1, count + 1))
    try:
        if CAN_FORK:  # the data is read once: each shard's process has it from the fork
            site = _prepared(load_config(str(config_file)), strict_data).site
            # This process builds the last shard, the smallest (context.shard_plans), then begins the
            # merge while the others finish; the merge waits for them where it needs their records.
            build = partial(_forked_shard, config_file, folders, verbose, site, target.name)
            with forked(build, [[number] for number in range(1, count)]) as others:
                build(count)
                return build_site(config_file, target, verbose=verbose, merge=folders, site=site,
                                  ready=partial(_shards_written, others, target.name))
        with _shard_processes(config_file, folders, strict_data, target.name) as ready:
            # This process reads the data for the merge while the shards are built.
            return build_site(config_file, target, verbose=verbose, strict_data=strict_data, merge=folders, ready=ready)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _forked_shard(config_file: Path, folders: tuple[Path, ...], verbose: bool, site: Site, shown: str, number: int) -> None:
    try:
        build_site(config_file, folders[number - 1], verbose=verbose, shard=(number, len(folders)), site=site)
    except BuildFailed as failed:  # it names the shard's folder, which is gone
        raise BuildFailed(shown, failed.reason) from None


def _shards_written(others, shown: str) -> None:
    """Once the forked shards are written (their failures are this build's)."""
    try:
        others()
    except ForkedProcessLost as lost:
        raise BuildFailed(shown, str(lost)) from None


@contextmanager
def _shard_processes(config_file: Path, folders: tuple[Path, ...], strict_data: bool, shown: str):
    """Where the system cannot fork (Windows): each shard built by the plansite command in a process
    of its own. Gives ready(), which returns once every shard is written, or raises BuildFailed with
    what the failed ones said (once for shards that said the same: a mistake in docs/ stops them all)."""
    count = len(folders)
    command = [sys.executable, "-m", "plansite", "build", "-f", str(config_file), *(["--strict"] if strict_data else [])]
    # What a shard says reaches this process as UTF-8, whatever the console's code page (cp932 on a Japanese Windows).
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    shards = [subprocess.Popen([*command, "--shard", f"{number}/{count}", "-d", str(folder)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace", env=env)
              for number, folder in enumerate(folders, 1)]

    def ready() -> None:
        failed: dict[str, list[str]] = {}
        for number, shard in enumerate(shards, 1):
            said = shard.communicate()[1]
            if shard.returncode:
                failed.setdefault(said.strip() or f"終了コード {shard.returncode}", []).append(f"{number}/{count}")
        if failed:
            raise BuildFailed(shown, "\n".join(f"シャード {'、'.join(numbers)}: {text}" for text, numbers in failed.items()))

    try:
        yield ready
    finally:
        for shard in shards:  # the merge stopped first (a mistake in the data, Ctrl+C): the shards are not needed
            if shard.poll() is None:
                shard.kill()
                shard.communicate()


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
