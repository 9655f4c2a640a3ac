"""Limits on what one file may hold: far beyond any plan, small enough that no input can make a
build run for minutes, use gigabytes or overflow the C stack. Each has its own message."""

MAX_FILE_BYTES = 2_000_000  # one YAML file or chapter; the largest bundled file is 30 KB
MAX_TEXT = 20_000  # characters in one text field; the longest bundled field has 655
MAX_DEPTH = 40  # levels of nesting; a plan needs about 12
MAX_NUMBER_CHARS = 30  # characters of one number as written (its range: model/values.py)
MAX_REPORTED = 20  # messages of one kind for one file; a pasted binary would give thousands

TOO_DEEP = f"入れ子が深すぎます（{MAX_DEPTH} 段まで）。字下げやかっこの対応を確かめてください"


def too_large(size: int) -> str:
    return (f"ファイルが大きすぎます（{size:,} バイト。{MAX_FILE_BYTES:,} バイトまで）。"
            "内容を確かめ、事業ごとのファイルや章に分けてください")


def too_long(length: int) -> str:
    return f"文章が長すぎます（{length:,} 文字。1つの項目は {MAX_TEXT:,} 文字まで）。章（chapters/）に書くか、いくつかの項目に分けてください"
