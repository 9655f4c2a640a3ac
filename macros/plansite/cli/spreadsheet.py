"""plansite export / plansite import: the plan's indicators in a spreadsheet and back."""

from __future__ import annotations

from pathlib import Path

import click

from .common import CONTEXT, OPTIONS, Failure, LocalPath, data_option, load_plans, report, steps

_SUFFIXES = (".xlsx", ".csv")


@click.command("export", context_settings=CONTEXT, options_metavar=OPTIONS, short_help="計画の指標と事業を表計算ソフトのファイルに書き出す。")
@click.argument("plan_id", metavar="計画ID")
@click.argument("target", metavar="ファイル", type=LocalPath(dir_okay=False, path_type=Path))
@data_option
def export_command(plan_id: str, target: Path, data_dir: Path) -> None:
    """計画の指標（年度ごとの目標値・実績値）と事業の一覧を、Excel・LibreOffice で開けるファイルに書き出します。

    ファイル名が .xlsx なら「指標」「事業」「説明」の3つのシート、.csv なら「指標」シートと同じ列の CSV
    （Excel で開ける BOM 付き UTF-8）です。

    \b
    例: plansite export sagamihara-ict-1 実績.xlsx
    """
    from ..loading.value_warnings import value_warnings
    from ..spreadsheet.exporting import export_plan

    if target.suffix.lower() not in _SUFFIXES:
        raise Failure(f"ファイル名「{target.name}」の終わりを .xlsx か .csv にしてください")
    if not target.parent.is_dir():
        raise Failure(f"書き出し先のフォルダ「{target.parent}」がありません")
    with steps("計画を読み込んでいます", 2) as bar:
        site = load_plans(data_dir, [plan_id])
        bar.update(1)
        plan = site.plan_by_id[plan_id]
        partial = target.with_name(f".{target.stem}.part{target.suffix}")  # the suffix says which format
        try:
            count = export_plan(plan, data_dir, partial)
            partial.replace(target)
        except PermissionError:
            partial.unlink(missing_ok=True)
            raise Failure(f"「{target}」に書き込めません。Excel などで開いているときは閉じてから、もう一度実行してください") from None
        bar.update(1)
    for warning in value_warnings(plan):
        click.echo(f"注意: {warning}", err=True)
    click.echo(f"{plan.meta.title}（{plan_id}）の指標 {count} 行を {target} に書き出しました。")
    click.echo("目標値・実績値を書き換えて保存したら、plansite import " + _quoted(target) + " で取り込みます。")


@click.command("import", context_settings=CONTEXT, options_metavar=OPTIONS, short_help="書き換えたファイルの値を計画データに取り込む。")
@click.argument("source", metavar="ファイル", type=LocalPath(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="変わる値の一覧を表示するだけで、何も書き込みません。")
@data_option
def import_command(source: Path, dry_run: bool, data_dir: Path) -> None:
    """plansite export で書き出して書き換えたファイル（.xlsx か .csv）の目標値・実績値を、
    data/ の YAML ファイルに取り込みます。

    変わった値だけを書き換え、YAML のコメントや並びはそのまま残ります。誤りが1つでもあれば、
    ファイル・シート・セルごとにすべて表示し、何も書き込みません。

    \b
    例: plansite import 実績.xlsx --dry-run
    """
    from ..spreadsheet.importing import read_import, write

    if source.suffix.lower() not in _SUFFIXES:
        raise Failure(f"ファイル名「{source.name}」の終わりが .xlsx か .csv のファイルを指定してください")
    if not (data_dir / "plans").is_dir():
        load_plans(data_dir, None)  # the same message as every command
    with steps("読み込んで確かめています", 1) as bar:
        result = read_import(source, data_dir, root=Path.cwd())
        bar.update(1)
    report(result.warnings, result.errors, "データには何も書き込んでいません。")
    if not result.changes:
        click.echo("変わった値はありません。データのファイルは変更していません。")
        return
    for change in result.changes:
        click.echo(str(change))
    files = len(result.files)
    if dry_run:
        click.echo(f"{len(result.changes)} 件の値が変わります（{files} ファイル）。--dry-run のため書き込んでいません。")
        return
    try:
        write(result)
    except PermissionError as exc:
        raise Failure(f"「{exc.filename}」に書き込めません。ほかのソフトで開いているときは閉じてから、もう一度実行してください") from None
    click.echo(f"{len(result.changes)} 件の値を {files} ファイルに書き込みました。"
               "サイトに反映するには plansite build（開発者は make site）を実行します。")


def _quoted(path: Path) -> str:
    text = str(path)
    return f'"{text}"' if " " in text else text


COMMANDS = (export_command, import_command)
