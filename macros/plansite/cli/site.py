"""plansite check, build, serve: the data checked, the site built, a preview that follows edits."""

from __future__ import annotations

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


@click.command("build", context_settings=CONTEXT, options_metavar=OPTIONS, short_help="サイトを作る（誤りがあれば前のサイトのまま）。")
@_config_option
@click.option("-d", "--site-dir", type=LocalPath(file_okay=False, path_type=Path), default=None, metavar="フォルダ",
              help="サイトを作るフォルダ（既定: site、--offline では site-offline）。")
@click.option("--offline", is_flag=True, help="庁内LAN・USB 用の版（ファイルを開くだけで読める）を作ります。")
@click.option("--verbose", is_flag=True, help="MkDocs の詳しいログを表示します。")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, metavar="数",
              help="ページを作って書く処理の数。CPU の数までにすると、大きな計画ほど早く作れます（できるサイトは同じです）。")
@_strict_option
def build_command(config_file: Path, site_dir: Optional[Path], offline: bool, verbose: bool, jobs: int, strict: bool) -> None:
    """データを検証してから、サイトを作ります。途中で誤りが見つかると、前のサイトはそのまま残ります。

    \b
    例: plansite build
        plansite build --offline
        plansite build --jobs 2
    """
    import logging

    from ..base.errors import DataErrors, warnings_report
    from ..mkdocs_plugin.runner import BuildFailed, build_site

    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.INFO if verbose else logging.WARNING)
    if offline:
        os.environ["OFFLINE"] = "true"  # mkdocs.yml turns Material's offline plugin on from this
    target = (site_dir or Path("site-offline" if offline else "site")).resolve()
    try:
        with _stopped_by_signals():
            warnings = build_site(config_file.resolve(), target, verbose=verbose, strict_data=strict, jobs=jobs)
    except DataErrors as errors:
        raise Failure(errors.report()) from None
    except BuildFailed as failed:
        raise Failure(str(failed)) from None
    except Stopped as stop:  # the runner has removed its staging folder on the way out
        stopped = Failure(f"中断しました。{target.name}/ は変更していません。")
        stopped.exit_code = 128 + stop.signum  # as a shell reports a process ended by that signal
        raise stopped from None
    if warnings:
        click.echo(warnings_report(warnings), err=True)
    shown = target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target
    click.echo(f"サイトを {shown} に作りました。")


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


COMMANDS = (check_command, build_command, serve_command)
