"""plansite new: a new plan, as a skeleton or from a filled-in 事業集 template."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from .common import CONTEXT, OPTIONS, Failure, LocalPath, data_option, report, steps


@click.command("new", context_settings=CONTEXT, options_metavar=OPTIONS, short_help="新しい計画を作る（ひな形、または事業集のテンプレートから）。")
@click.argument("plan_id", metavar="計画ID", required=False)
@click.option("--from", "source", type=LocalPath(exists=True, dir_okay=False, path_type=Path), metavar="ファイル",
              help="書き込んだ事業集のテンプレート（.xlsx）から、階層・体系・事業・指標を作ります。")
@click.option("--template", type=LocalPath(dir_okay=False, path_type=Path), metavar="ファイル",
              help="空の事業集のテンプレート（.xlsx）を書き出すだけで終わります。")
@data_option
def new_command(plan_id: Optional[str], source: Optional[Path], template: Optional[Path], data_dir: Path) -> None:
    """data/plans/計画ID/ に新しい計画を作ります。

    --from を付けないと、そのままサイトを作れるひな形（基本目標・施策・事業が1つずつ）を作ります。
    （ ）の中を計画書のとおりに書き換えてください。

    \b
    例: plansite new sample-dx
        plansite new --template 事業集.xlsx
        plansite new sample-dx --from 事業集.xlsx
    """
    from ..spreadsheet import creating
    from ..spreadsheet.template import write_template

    if template:
        if template.suffix.lower() != ".xlsx":
            raise Failure(f"テンプレートのファイル名「{template.name}」の終わりを .xlsx にしてください")
        write_template(template)
        click.echo(f"空の事業集のテンプレートを {template} に書き出しました。書き込んだら plansite new 計画ID --from {template} で計画を作ります。")
        return
    if not plan_id:
        raise Failure("計画ID を指定してください（例: plansite new sample-dx）。使い方は plansite new --help で表示できます")
    problem = creating.check_new_id(plan_id, data_dir)
    if problem:
        raise Failure(problem)
    if not (data_dir / "plans").is_dir():
        raise Failure(f"計画データのフォルダ「{data_dir}」に plans/ がありません。計画のフォルダに移動するか、--data で指定してください")
    with steps("計画を作って確かめています", 2) as bar:
        creation = creating.from_template(source, plan_id) if source else creating.skeleton(plan_id)
        bar.update(1)
        if creation.ok:
            creating.validate(creation, data_dir, Path.cwd())
        bar.update(1)
    report(creation.warnings, creation.errors, "計画は作っていません。")
    target = creating.write(creation, data_dir)
    counts = "、".join(f"{name} {count}" for name, count in creation.counts.items())
    click.echo(f"計画「{plan_id}」を {target} に作りました" + (f"（{counts}）。" if counts else "。"))
    click.echo("plansite build（開発者は make site）でサイトを作って確かめてください。")


COMMANDS = (new_command,)
