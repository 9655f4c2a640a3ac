"""Debian's Chromium (or the Chromium named by the CHROMIUM variable), driven by Playwright.
Nothing is downloaded: Playwright's own browser builds are never used. Imported only by what
needs a browser (the PDF step, the audit), so building a site does not need Playwright."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


# Only the loopback address resolves: a page that asks for anything outside gets nothing, and the
# browser never reaches the network (the audit notes such requests from the browser's own events,
# so that no request has to wait for Python).
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


class BrowserMissing(Exception):
    pass


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        raise BrowserMissing("Chromium が見つかりません。make test（または apt-get install chromium）で入れてください。")
    return path


@contextmanager
def chromium(*, loopback_only: bool = False):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BrowserMissing("Playwright がありません。make .venv/.test-deps（または pip install -r requirements-test.txt）で入れてください。") from None
    path = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS + ([LOOPBACK_ONLY] if loopback_only else []))
        try:
            yield browser
        finally:
            browser.close()
