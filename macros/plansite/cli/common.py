"""What every subcommand shares: Japanese help options, error output, and the top-level guard."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

import click

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
OPTIONS = "[オプション]"  # click writes [OPTIONS] in usage lines


class Failure(click.ClickException):
    """An author-facing failure: its message is printed as it is, and the exit code is 1."""

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


class LocalPath(click.Path):
    """A path as the user typed it; data\\plans typed on Windows habits also works elsewhere."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and os.sep == "/" and "\\" in value:
            value = PureWindowsPath(value).as_posix()
        return super().convert(value, param, ctx)


def data_option(function):
    """--data DIR, the folder that holds plans/ (default: data in the current folder)."""
    return click.option(
        "--data", "data_dir", type=LocalPath(file_okay=False, path_type=Path), default="data",
        show_default=True, help="計画データのフォルダ（plans/ が入っているフォルダ）。",
    )(function)


def require_plans(data_dir: Path) -> None:
    """A Failure saying where to run the command when data_dir holds no plans/."""
    if not (data_dir / "plans").is_dir():
        raise Failure(f"計画データのフォルダ「{data_dir}」に plans/ がありません。"
                      "計画のフォルダ（data/ のあるフォルダ）に移動するか、--data でデータのフォルダを指定してください")


def load_plans(data_dir: Path, plan_ids: list[str] | None):
    """The validated site, or a Failure listing every data error."""
    from ..base.errors import DataErrors
    from ..loading.load import load_site

    require_plans(data_dir)
    try:
        return load_site(data_dir, plan_ids, root=Path.cwd())
    except DataErrors as errors:
        raise Failure(errors.report()) from None


def report(warnings, errors, nothing_done: str) -> None:
    """注意 lines, then every error and a Failure saying what was left undone (when there are errors)."""
    for warning in warnings:
        click.echo(f"注意: {warning}", err=True)
    if errors:
        for error in sorted(errors):
            click.echo(str(error), err=True)
        raise Failure(f"誤りが {len(errors)} 件あります。上の各行を直してから、もう一度実行してください。{nothing_done}")


def steps(label: str, count: int):
    """A progress bar on the error stream (results go to standard output); none when it is not a terminal."""
    if not sys.stderr.isatty():
        return _Quiet()
    return click.progressbar(length=count, label=label, file=sys.stderr, show_eta=False, width=24,
                             fill_char="■", empty_char="□")


class _Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, steps: int) -> None:
        pass


def run_safely(command: click.Command, argv: list[str] | None) -> int:
    """Run a click command; usage errors and failures become Japanese messages, never a traceback."""
    _utf8_console()
    try:
        command.main(args=argv, prog_name="plansite", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("中止しました。", err=True)
        return 1
    except click.UsageError as exc:
        click.echo(_usage_message(exc), err=True)
        return 2
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("中止しました。", err=True)
        return 130
    except Exception as exc:  # the last guard: an author never sees a traceback
        click.echo(f"予期しない問題で止まりました（{type(exc).__name__}: {exc}）。"
                   "この表示をそのまま担当者に知らせてください。", err=True)
        return 1
    return 0


def _usage_message(exc: click.UsageError) -> str:
    hint = exc.ctx.command_path if exc.ctx else "plansite"
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        problem = f"「{exc.param.human_readable_name}」を指定してください"
    elif isinstance(exc, click.BadParameter):
        problem = exc.message  # already says which value, in Japanese (japanese.py)
    else:
        problem = exc.format_message()
    return f"コマンドの書き方に誤りがあります: {problem}\n使い方は「{hint} --help」で表示できます。"


def _utf8_console() -> None:
    """Windows consoles may default to a legacy code page; Japanese must still print."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure and (stream.encoding or "").lower().replace("-", "") not in ("utf8",):
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):  # pragma: no cover - a stream that cannot change
                pass
