"""plansite check, build, merge, serve: the data checked, the site built (whole or in shards, then
merged), a preview that follows edits."""

from __future__ import annotations

import logging
import os
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import click

from .common import CONTEXT, OPTIONS, Failure, LocalPath, data_option, require_plans


def _strict_option(function):
    return click.option("--strict", is_flag=True, help="データの注意も誤りとして扱います（注意があれば失敗します）。")(function)


class Stopped(BaseException):
    """A signal asked the build to stop: raised where the build stands, so that its cleanup runs
    (not an Exception, so no handler on the way mistakes it for an error)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _stopped_by_signals():
    """Ctrl+C, SIGTERM (CI, a service manager) and SIGHUP (a closed terminal) stop the build as
    Stopped instead of killing the process, which would leave the staging folder behind."""
    def stop(signum, frame):
        raise Stopped(signum)

    signals = [getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {signum: signal.signal(signum, stop) for signum in signals}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _config_option(function):
    return click.option("-f", "--config-file", type=LocalPath(exists=True, dir_okay=False, path_type=Path), default="mkdocs.yml",
                        show_default=True, metavar="ファイル", help="サイトの設定ファイル。")(function)


@click.command("check", context_settings=CONTEXT, options_metavar=OPTIONS, short_help="計画データを検証する（サイトは作らない）。")
@click.argument("plan_ids", metavar="[計画ID]...", nargs=-1)
@data_option
@click.option("--docs", "docs_dir", type=LocalPath(file_okay=False, path_type=Path), default="docs", show_default=True,
              help="手書きのページのフォルダ（マクロの呼び出しも確かめます）。")
@click.option("--jargon", is_flag=True, help="用語集にない専門用語らしい語も表示します。")
@_strict_option
def check_command(plan_ids: tuple[str, ...], data_dir: Path, docs_dir: Path, jargon: bool, strict: bool) -> None:
    """計画データを読み、サイトを作るときと同じ検証をします。誤りはすべて、1件1行で表示します。

    \b
    例: plansite check
        plansite check hadano-dx
    """
    from ..base.errors import DataErrors, warnings_report
    from ..build import prepare
    from ..terms.jargon import find_jargon

    require_plans(data_dir)
    try:
        site = prepare(data_dir, list(plan_ids), root=Path.cwd(), docs_dir=docs_dir if docs_dir.is_dir() else None,
                       strict=strict).site
    except DataErrors as errors:
        raise Failure(errors.report()) from None
    if site.warnings:
        click.echo(warnings_report(site.warnings), err=True)
    for plan in site.plans:
        click.echo(f"OK: {plan.id}（{plan.meta.title}）: 事業 {len(plan.projects)}、体系 {len(plan.nodes)}、章 {len(plan.chapters)}")
        if jargon and plan.meta.jargon_check == "warn":
            findings = find_jargon(plan, site)
            for finding in findings:
                click.echo(f"注意: {finding.as_error()}")
            click.echo(f"  用語チェック: 用語集にない専門用語らしい語 {len(findings)} 語（plan.yaml の jargon_gaps に {len(plan.meta.jargon_gaps)} 語）")


class ShardNumber(click.ParamType):
    """番号/数 (2/3: the second of three shards)."""

    name = "番号/数"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        number, _, count = str(value).partition("/")
        if number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count) <= 64:
            return int(number), int(count)
        self.fail(f"「{value}」は 番号/数（例: 1/2。番号は 1 から数まで、数は 64 まで）で書いてください。", param, ctx)


@click.command("build", context_settings=CONTEXT, options_metavar=OPTIONS, short_help="サイトを作る（誤りがあれば前のサイトのまま）。")
@_config_option
@click.option("-d", "--site-dir", type=LocalPath(file_okay=False, path_type=Path), default=None, metavar="フォルダ",
              help="サイトを作るフォルダ（既定: site、--offline では site-offline）。")
@click.option("--offline", is_flag=True, help="庁内LAN・USB 用の版（ファイルを開くだけで読める）を作ります。")
@click.option("--verbose", is_flag=True, help="MkDocs の詳しいログを表示します。")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, metavar="数",
              help="ページを作って書く処理の数。CPU の数までにすると、大きな計画ほど早く作れます（できるサイトは同じです）。")
@click.option("--shard", type=ShardNumber(), default=None,
              help="計画を「数」個のシャードに分け、「番号」のシャードのページだけを作ります（別々の機械で作って plansite merge でまとめます）。")
@click.option("--shards", type=click.IntRange(2, 64), default=None, metavar="数",
              help="計画を「数」個のシャードに分け、それぞれを別のプロセスで作ってからまとめます（Windows でも使えます）。")
@_strict_option
def build_command(config_file: Path, site_dir: Optional[Path], offline: bool, verbose: bool, jobs: int,
                  shard: Optional[tuple[int, int]], shards: Optional[int], strict: bool) -> None:
    """データを検証してから、サイトを作ります。途中で誤りが見つかると、前のサイトはそのまま残ります。

    \b
    例: plansite build
        plansite build --offline
        plansite build --jobs 2
        plansite build --shards 2
        plansite build --shard 1/2 -d build/shard-1
    """
    given = [name for name, value in (("--jobs", jobs > 1), ("--shard", shard), ("--shards", shards)) if value]
    if len(given) > 1:
        raise Failure(f"{' と '.join(given)} は一緒に使えません。どれか 1 つにしてください。")
    default = Path("site-offline" if offline else "site") if not shard else Path("build", f"shard-{shard[0]}")
    how = {"shards": shards} if shards else {"jobs": jobs, "shard": shard}
    shown = _build(config_file, site_dir or default, offline=offline, verbose=verbose, strict_data=strict, **how)
    click.echo(f"シャード {shard[0]}/{shard[1]} を {shown} に作りました。" if shard else f"サイトを {shown} に作りました。")


@click.command("merge", context_settings=CONTEXT, options_metavar=OPTIONS, short_help="シャードをまとめてサイトを作る。")
@click.argument("folders", metavar="シャードのフォルダ...", nargs=-1, required=True,
                type=LocalPath(exists=True, file_okay=False, path_type=Path))
@_config_option
@click.option("-d", "--site-dir", type=LocalPath(file_okay=False, path_type=Path), default="site", show_default=True,
              metavar="フォルダ", help="サイトを作るフォルダ。")
@click.option("--offline", is_flag=True, help="庁内LAN・USB 用の版（シャードも --offline で作ります）。")
@click.option("--verbose", is_flag=True, help="MkDocs の詳しいログを表示します。")
@_strict_option
def merge_command(folders: tuple[Path, ...], config_file: Path, site_dir: Path, offline: bool, verbose: bool, strict: bool) -> None:
    """plansite build --shard で作ったすべてのシャードを 1 つのサイトにまとめ、サイト全体のページ
    （手書きのページ・共通の用語集・計画の比較）・検索の索引・目録を作ります。シャードは同じ版の
    リポジトリから同じ日に作ったものでなければなりません。できるサイトは、1 回のビルドで作ったものと同じです。

    \b
    例: plansite merge build/shard-1 build/shard-2
    """
    shown = _build(config_file, site_dir, offline=offline, verbose=verbose, strict_data=strict,
                   merge=tuple(folder.resolve() for folder in folders))
    click.echo(f"{len(folders)} 個のシャードをまとめて、サイトを {shown} に作りました。")


class _ShownWithTheFailure(logging.Filter):
    """MkDocs' errors are the reason the build stops with (runner.BuildFailed): shown there, once."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno >= logging.ERROR and record.name.startswith("mkdocs"))


def _build(config_file: Path, folder: Path, *, offline: bool, verbose: bool, **how) -> Path:
    """Build (build_site) into folder, reporting the data's warnings; the folder as the user knows it."""
    from ..base.errors import DataErrors, warnings_report
    from ..mkdocs_plugin.runner import BuildFailed, build_in_shards, build_site

    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.INFO if verbose else logging.WARNING)
    if offline:
        os.environ["OFFLINE"] = "true"  # mkdocs.yml turns Material's offline plugin on from this
    target = folder.resolve()
    once, handlers = _ShownWithTheFailure(), list(logging.getLogger().handlers)
    try:
        for handler in handlers:
            handler.addFilter(once)
        with _stopped_by_signals():
            if how.get("shards"):
                warnings = build_in_shards(config_file.resolve(), target, how.pop("shards"), verbose=verbose, **how)
            else:
                warnings = build_site(config_file.resolve(), target, verbose=verbose, **how)
    except DataErrors as errors:
        raise Failure(errors.report()) from None
    except BuildFailed as failed:
        raise Failure(str(failed)) from None
    except Stopped as stop:  # the runner has removed its staging folder on the way out
        stopped = Failure(f"中断しました。{target.name}/ は変更していません。")
        stopped.exit_code = 128 + stop.signum  # as a shell reports a process ended by that signal
        raise stopped from None
    finally:
        for handler in handlers:  # a command run inside another program leaves its logging as it was
            handler.removeFilter(once)
    if warnings:
        click.echo(warnings_report(warnings), err=True)
    return target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target


@click.command("serve", context_settings=CONTEXT, options_metavar=OPTIONS, short_help="プレビューする（保存すると作り直す）。")
@_config_option
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="プレビューのポート番号。")
def serve_command(config_file: Path, port: int) -> None:
    """http://127.0.0.1:ポート番号/ でサイトをプレビューします。data/ や docs/ のファイルを保存すると、
    内容が変わったページだけを作り直します。止めるときは Ctrl + C を押します。

    \b
    例: plansite serve
    """
    from ..mkdocs_plugin.runner import serve_site

    click.echo(f"プレビュー: http://127.0.0.1:{port}/ （止めるときは Ctrl + C）")
    serve_site(config_file, port)


COMMANDS = (check_command, build_command, merge_command, serve_command)
