#!/usr/bin/env python3
"""Search benchmark: index bytes per page, and how long the first search takes in Chromium
(loading the search engine and the index scripts, then the first query). With --scale N the
index is also repeated N times in the browser, to see the cost for a site N times larger.
Prints; asserts nothing."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plansite.search.index import INDEX_PATH  # noqa: E402
from scripts.accessibility.browser import chromium  # noqa: E402
from scripts.accessibility.run import site_pages  # noqa: E402
from scripts.accessibility.server import serve  # noqa: E402

QUERIES = ["マイナンバーカード", "トランスフォーメーション", "マイナンバーカート"]  # found, mid-word, misspelt

# Times in the page itself (performance.now), so that Playwright's round trips are not counted.
_LOAD_AND_QUERY = """async (queries) => {
  const dialog = document.getElementById('plan-search');
  const start = performance.now();
  for (const url of [dialog.dataset.engine, dialog.dataset.index]) {  // as the dialog loads them, the engine first
    await new Promise((done, fail) => {
      const script = document.createElement('script');
      script.src = url; script.onload = done; script.onerror = fail;
      document.head.appendChild(script);
    });
  }
  const loaded = performance.now();
  const times = queries.map(q => { const t = performance.now(); const n = planSearch.search(q).length; return [q, performance.now() - t, n]; });
  return {load: loaded - start, queries: times};
}"""

_SCALED = """([data, queries]) => {
  const start = performance.now();
  window.planSearchIndex(data);
  const loaded = performance.now();
  return {load: loaded - start, queries: queries.map(q => { const t = performance.now(); const n = planSearch.search(q).length; return [q, performance.now() - t, n]; })};
}"""


def main() -> int:
    parser = argparse.ArgumentParser(description="サイト内検索の索引の大きさと検索の速さを測ります。")
    parser.add_argument("--site", default=str(ROOT / "site"), help="測るサイトのフォルダ（既定: site）")
    parser.add_argument("--scale", type=int, default=0, help="索引をこの倍数に増やした場合も測る（例: 7 で約1,000ページ）")
    args = parser.parse_args()
    site = Path(args.site)
    index = site / INDEX_PATH
    if not index.exists():
        print(f"{index} がありません。先に make site を実行してください。", file=sys.stderr)
        return 2
    size = index.stat().st_size
    pages = len(site_pages(site))
    rows = json.loads(index.read_text(encoding="utf-8").removeprefix("window.planSearchIndex(").rstrip().removesuffix(");"))
    print(f"search index: {size:,} bytes, {len(rows['records'])} records, {pages} pages, {size / pages:,.0f} bytes/page")
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/")
        report("first search", page.evaluate(_LOAD_AND_QUERY, QUERIES))
        if args.scale > 1:
            scaled = {**rows, "records": [[f"{r[0]}~{n}", *r[1:]] for n in range(args.scale) for r in rows["records"]]}
            page.goto(f"{base}/")
            page.add_script_tag(url=page.evaluate("document.getElementById('plan-search').dataset.engine"))
            report(f"index x{args.scale} ({pages * args.scale} pages)", page.evaluate(_SCALED, [scaled, QUERIES]))
    return 0


def report(label: str, timing: dict) -> None:
    print(f"{label}: index loaded and prepared in {timing['load']:.0f} ms")
    for query, ms, found in timing["queries"]:
        print(f"  {query}: {ms:.1f} ms, {found} results")


if __name__ == "__main__":
    sys.exit(main())
