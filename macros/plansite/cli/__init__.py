"""The `plansite` command that staff run with Python alone (Windows, macOS, Linux).

Each subcommand lives in a module named for what it does; the group below only registers them.
"""

from __future__ import annotations

import sys

import click

from . import japanese
from .common import CONTEXT, OPTIONS, run_safely

japanese.install()  # before any command is made: help options take their text when created

# Modules that define subcommands, in the order `plansite --help` lists them.
_SUBCOMMAND_MODULES = ("site", "spreadsheet", "new")


@click.group(context_settings=CONTEXT, options_metavar=OPTIONS, subcommand_metavar="コマンド [引数]...", help="計画データ（data/）を確かめ、表計算ソフトと行き来し、サイトを作ります。")
@click.version_option(package_name="plansite", message="plansite %(version)s", help="版を表示して終わります。")
def group() -> None:
    pass


def _register() -> None:
    from importlib import import_module

    for name in _SUBCOMMAND_MODULES:
        module = import_module(f"{__name__}.{name}")
        for command in module.COMMANDS:
            group.add_command(command)


_register()


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point: never a traceback, always an exit code."""
    return run_safely(group, argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
