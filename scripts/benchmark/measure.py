"""Measurements of one child process, one page load and one preview reload."""

from __future__ import annotations

import gzip
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss: int  # bytes, of the child alone


def run(command: list[str], cwd: Path) -> Run:
    """Wall time and peak resident memory of one command; its failure stops the benchmark."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"失敗しました: {' '.join(command)}\n{stderr.decode('utf-8', 'replace')}")
    return Run(seconds, usage.ru_maxrss * 1024)  # Linux reports kilobytes


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


SEARCH_INDEX = ("/search/search_index.json", "/search/plan-search-index.js")  # Material's, or the site's own


@dataclass(frozen=True)
class PageLoad:
    gzip_bytes: int  # every response of the first load but the search index, each compressed as a server would
    search_index_gzip_bytes: int  # when the first load fetches the whole search index
    external: list[str]


def first_load(site_dir: Path, page: str) -> PageLoad:
    """Load a page once in Chromium from a loopback server; count what it fetched."""
    from scripts.accessibility.browser import chromium
    from scripts.accessibility.server import serve

    bodies: dict[str, bytes] = {}
    external: list[str] = []
    with serve(site_dir) as base, chromium() as browser:
        context = browser.new_context()
        browser_page = context.new_page()
        browser_page.on("request", lambda r: None if r.url.startswith((base, "data:")) else external.append(r.url))
        browser_page.on("requestfinished", lambda r: _keep(r, bodies))
        browser_page.goto(f"{base}/{page}", wait_until="networkidle")
        context.close()
    sizes = {url: len(gzip.compress(body, 6)) for url, body in bodies.items()}
    index = sum(size for url, size in sizes.items() if url.endswith(SEARCH_INDEX))
    return PageLoad(sum(sizes.values()) - index, index, external)


def _keep(request, bodies: dict) -> None:
    response = request.response()
    if response is not None and response.ok:
        bodies[request.url] = response.body()


def reload_seconds(project: Path, edited: Path, page: str, *, samples: int = 5, timeout: float = 300) -> float:
    """Median time from saving an edit to one project file until the preview (`plansite serve`, as
    staff and `make serve` run it) serves the changed page; several edits, as when a save happens
    within the watcher's interval is a matter of chance."""
    port = _free_port()
    command = [sys.executable, "-m", "plansite", "serve", "--port", str(port)]
    process = subprocess.Popen(command, cwd=project, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(process.stderr), daemon=True).start()
    url = f"http://127.0.0.1:{port}/{page}"
    try:
        _wait(lambda: _get(url), timeout, process, log)  # served once the first build is done and the files are watched
        seconds = []
        for _ in range(samples):
            marker = f"編集の確認{time.time_ns()}"
            text = edited.read_text(encoding="utf-8")
            # An indicator's name, as most edits change content; a new title changes menus, so every page is rebuilt
            edited.write_text(re.sub(r"^(\s*name: .*?)(編集の確認\d+)?$", rf"\g<1>{marker}", text, count=1, flags=re.M), encoding="utf-8")
            start = time.perf_counter()
            _wait(lambda: marker in _get(url), timeout, process, log)
            seconds.append(time.perf_counter() - start)
        return statistics.median(seconds)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _wait(condition, timeout: float, process: subprocess.Popen, log: list[str]) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("プレビューが応答しません:\n" + "".join(log[-20:]))
        time.sleep(0.02)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
