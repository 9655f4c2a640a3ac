"""The benchmark's figures as the tables of the guide page 規模と速さ (docs/authoring/performance.md).

`scripts/bench --json docs/authoring/performance.json` writes the figures; the page's generated
blocks (``bench`` and ``bench-targets``, see guide_tables) are made from that file, so what the
page says is what was measured. The same rows are what `make bench` prints.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Optional

BENCH_FILE = "performance.json"  # beside the guide's pages

Figures = dict  # one size: build_s, plain_s, ratio, rss_mb, validate_s, preview_s, first_view_kb …


def _seconds(key: str) -> Callable[[Figures], str]:
    return lambda f: "—" if f.get(key) is None else f"{f[key]:.1f}"


ROWS: list[tuple[str, Callable[[Figures], str]]] = [
    ("ビルド時間（秒）", _seconds("build_s")),
    ("事業1件あたり（ミリ秒）", lambda f: f"{f['build_s'] * 1000 / f['size']:.1f}"),
    ("素の MkDocs Material（秒）", _seconds("plain_s")),
    ("比（このツール ÷ 素の MkDocs）", lambda f: f"{f['ratio']:.2f}"),
    ("最大メモリ（MB）", lambda f: f"{f['rss_mb']:,}"),
    ("出力の大きさ（MB）", lambda f: f"{f['output_mb']:,.1f}"),
    ("検証だけ（秒）", _seconds("validate_s")),
    ("プレビューの再表示（秒）", _seconds("preview_s")),
    ("事業ページの初回読み込み（gzip KB、検索の索引を除く）", lambda f: f"{f['first_view_kb']:,.0f}"),
    ("＋初回読み込みで取得した検索の索引（gzip KB。検索を開くまでは読み込みません）", lambda f: f"{f['search_index_kb']:,.0f}"),
    ("外部への要求", lambda f: str(len(f["external_requests"]))),
]


def results_table(sizes: list[Figures]) -> str:
    header = ["測った項目", *(f"{f['size']:,} 事業" for f in sizes)]  # a named corner cell: every column has a name
    lines = [header, ["---", *("---:" for _ in sizes)]]
    lines += [[label, *(show(f) for f in sizes)] for label, show in ROWS]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def _at(sizes: list[Figures], size: int) -> Optional[Figures]:
    return next((f for f in sizes if f["size"] == size), None)


def _target(label: str, size: int, key: str, limit: float, unit: str, digits: int = 1) -> Callable[[list[Figures]], tuple[str, str, Optional[bool]]]:
    def judge(sizes: list[Figures]) -> tuple[str, str, Optional[bool]]:
        found = _at(sizes, size)
        value = None if found is None else found.get(key)
        if value is None:
            return label, "測っていません", None
        return label, f"{value:,.{digits}f}{unit}", value <= limit
    return judge


def _growth(sizes: list[Figures]) -> tuple[str, str, Optional[bool]]:
    label = "3,000 事業のビルドが 1,000 事業の 3.2 倍以内"
    small, large = _at(sizes, 1000), _at(sizes, 3000)
    if small is None or large is None:
        return label, "測っていません", None
    times = large["build_s"] / small["build_s"]
    return label, f"{times:.2f} 倍", times <= 3.2


# The targets of issue 21, on a quiet 2-core machine with every kind of page included.
TARGETS = [
    _target("1,000 事業のビルドが 20 秒以内", 1000, "build_s", 20, " 秒"),
    _target("1,000 事業で、素の MkDocs Material に対する比が 1.15 以下", 1000, "ratio", 1.15, "", digits=2),
    _growth,
    _target("1,000 事業の検証だけで 2 秒以内", 1000, "validate_s", 2, " 秒"),
    _target("1,000 事業で、事業ファイル 1 つの変更がプレビューに 1 秒以内に出る", 1000, "preview_s", 1, " 秒"),
    _target("3,000 事業で最大メモリ 400 MB 以下", 3000, "rss_mb", 400, " MB", digits=0),
    _target("事業ページの初回読み込みが gzip で 80 KB 以内（1,000 事業）", 1000, "first_view_kb", 80, " KB"),
]


PORTAL_SPEEDUP = 1.7


def portal_table(portal: Figures) -> str:
    """The portal built in 1 process, with 2 processes writing its pages, and as 2 shards merged
    (a file measured before shards existed has no shards2_s: its cell is —)."""
    shards = portal.get("shards2_s")
    return "\n".join([
        "| 測った項目 | 1 プロセス | 2 プロセス（--jobs 2） | 2 シャード（--shards 2） |",
        "| --- | ---: | ---: | ---: |",
        f"| {portal['plans']} 計画（各 {portal['projects_per_plan']:,} 事業）のビルド時間（秒） | {portal['jobs1_s']:.1f} | "
        f"{portal['jobs2_s']:.1f} | {'—' if shards is None else f'{shards:.1f}'} |",
    ])


def _portal_target(portal: Optional[Figures]) -> tuple[str, str, Optional[bool]]:
    """Judged on the faster of the two ways of using 2 processes, named."""
    label = f"計画が多いポータルで、2 プロセスのビルドが 1 プロセスの {PORTAL_SPEEDUP} 倍以上速い"
    if not portal:
        return label, "測っていません", None
    ways = [(portal["speedup"], "--jobs 2")] + ([(portal["shards_speedup"], "--shards 2")] if portal.get("shards_speedup") else [])
    best, way = max(ways)
    return label, f"{best:.2f} 倍（{portal['plans']} 計画、{way}）", best >= PORTAL_SPEEDUP


def targets_table(sizes: list[Figures], portal: Optional[Figures] = None) -> str:
    lines = ["| 目標 | 結果 | 達成したか |", "| --- | --- | --- |"]
    for label, shown, met in [judge(sizes) for judge in TARGETS] + [_portal_target(portal)]:
        lines.append(f"| {label} | {shown} | {'—' if met is None else '達成' if met else '未達'} |")
    external = sum(len(f["external_requests"]) for f in sizes)
    lines.append(f"| 事業ページの初回読み込みで外部への要求がない | {external} 件 | {'達成' if external == 0 else '未達'} |")
    return "\n".join(lines)


def measured_line(document: dict) -> str:
    load = document.get("load_average")
    busy = "" if load is None else f"、測り始めたときの負荷（1 分平均）{load}"
    return f"測定：{document['measured_on']}（{document['machine']}{busy}）。時間は 2 回のうち短い方です。"


def read(folder: Path) -> Optional[dict]:
    path = Path(folder) / BENCH_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
