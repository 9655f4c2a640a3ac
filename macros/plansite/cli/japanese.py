"""Japanese for click's own words (usage lines, option help, usage errors).

click looks its messages up with gettext, but ships no Japanese catalogue. Rather than a
compiled .mo file that could drift, each click module's lookup function is pointed at this
table; a message not listed here stays as click wrote it.
"""

from __future__ import annotations

import importlib

_WORDS = {
    "Usage:": "使い方:",
    "Options": "オプション",
    "Commands": "コマンド",
    "Positional arguments": "引数",
    "Show this message and exit.": "この説明を表示して終わります。",
    "Show the version and exit.": "版を表示して終わります。",
    "Aborted!": "中止しました。",
    "Error: {message}": "エラー: {message}",
    "Missing argument": "引数が足りません",
    "Missing option": "オプションが足りません",
    "Missing parameter": "指定が足りません",
    "Missing command.": "コマンドを指定してください。",
    "Missing {param_type}": "{param_type} を指定してください",
    "No such command {name!r}.": "「{name}」というコマンドはありません。",
    "No such option {name!r}.": "「{name}」というオプションはありません。",
    "Option {name!r} does not take a value.": "オプション「{name}」に値は付けられません。",
    "Invalid value for {param_hint}: {message}": "{param_hint} の値が正しくありません: {message}",
    "Invalid value: {message}": "値が正しくありません: {message}",
    "{value} is not in the range {range}.": "{value} は使えません（{range} の数を指定してください）。",
    "Try '{command} {option}' for help.": "使い方は「{command} {option}」で表示できます。",
    "{name} {filename!r} does not exist.": "{name}「{filename}」がありません。",
    "{name} {filename!r} is a directory.": "{name}「{filename}」はフォルダです。",
    "{name} {filename!r} is a file.": "{name}「{filename}」はファイルです。",
    "{name} {filename!r} is not readable.": "{name}「{filename}」を読めません。",
    "{name} {filename!r} is not writable.": "{name}「{filename}」に書き込めません。",
    "file": "ファイル",
    "directory": "フォルダ",
    "path": "パス",
    "default: {default}": "既定: {default}",
    "Did you mean {possibility}?": "もしかして {possibility} ですか？",
    "(Did you mean one of: {possibilities}?)": "（もしかして {possibilities} のどれかですか？）",
    "Got unexpected extra argument ({args})": "余分な引数があります（{args}）",
    "Got unexpected extra arguments ({args})": "余分な引数があります（{args}）",
    "Option {name!r} requires an argument.": "オプション「{name}」には値が必要です。",
    "Option {name!r} requires {nargs} arguments.": "オプション「{name}」には値が {nargs} 個必要です。",
    "{value!r} is not a valid {number_type}.": "「{value}」は{number_type}として読めません。",
    "integer": "整数",
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")


def _gettext(message: str) -> str:
    return _WORDS.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


def install() -> None:
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext
