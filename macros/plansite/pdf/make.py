"""Make the PDFs of every plan's print pages from a built site, with Chromium: tagged (the
structure a screen reader follows), with bookmarks from the headings, the language and the
title set, and the fonts embedded so the text can be read and copied as text.

The pages are loaded under the site's public address (served from the built folder, nothing
leaves the machine), so links in a PDF lead to the published site. Playwright and pypdf are
imported only here, when PDFs are made."""

from __future__ import annotations

import mimetypes
import shutil
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..chromium import chromium
from ..publishing.manifest import BuildManifest
from .files import PdfFile, PdfIndex, pdf_title, pdf_url

PAPER = {"format": "A4", "margin": {"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}}
# The title and page numbers at the foot of every page (Chromium fills in the spans), in a
# TrueType font: Chromium embeds a CFF font (Noto CJK) as glyph shapes that are no longer text.
FOOTER = ('<div style="width:100%;font-size:8pt;text-align:center;color:#333;'
          'font-family:\'BIZ UDPGothic\',\'BIZ UDGothic\',\'IPAexGothic\',sans-serif">'
          '<span class="title"></span>　<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


class PdfError(Exception):
    """A problem to tell the person making the PDFs, in Japanese."""


def make_pdfs(site: Path, out: Path, *, progress=print) -> PdfIndex:
    """Write the PDFs of the site's print pages into out (replacing what was there) and their index."""
    site, out = Path(site), Path(out)
    manifest = BuildManifest.read(site)
    if manifest is None:
        raise PdfError(f"{site} に作成済みのサイトがありません。先にサイトを作ってください（make site）。")
    base = manifest.site_url.rstrip("/") + "/" if manifest.site_url else site.resolve().as_uri() + "/"
    staging = out.with_name(out.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    files = []
    with chromium() as browser:
        context = browser.new_context(locale="ja-JP")
        context.route("**/*", lambda route: _serve(route, site, base))
        page = context.new_page()
        for plan in manifest.plans:
            for part, url in plan.printable.items():
                started = time.monotonic()
                target = staging / pdf_url(url, plan.id, part)
                target.parent.mkdir(parents=True, exist_ok=True)
                title = pdf_title(plan.title, part)
                page.goto(base + url + ("" if base.startswith("http") else "index.html"), wait_until="load")
                page.evaluate("(title) => { document.title = title; }", title)
                page.pdf(path=str(target), print_background=True, tagged=True, outline=True, display_header_footer=True,
                         header_template="<span></span>", footer_template=FOOTER, **PAPER)
                pages = _check(target, title)
                files.append(PdfFile(plan=plan.id, part=part, url=pdf_url(url, plan.id, part), title=title, pages=pages,
                                     bytes=target.stat().st_size))
                progress(f"  {title}: {pages}ページ、{target.stat().st_size / 1048576:.1f} MB（{time.monotonic() - started:.0f}秒）")
        context.close()
    index = PdfIndex(inputs=manifest.inputs, files=files)
    index.write(staging)
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    return index


def _serve(route, site: Path, base: str) -> None:
    """Pages and their files from the built folder; anything else is refused (no network)."""
    url = route.request.url
    if url.startswith("data:") or url.startswith("blob:") or (url.startswith(base) and base.startswith("file:")):
        route.continue_()
        return
    if not url.startswith(base):
        route.abort()
        return
    path = site / unquote(urlsplit(url).path[len(urlsplit(base).path):])
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file() or not path.resolve().is_relative_to(site.resolve()):
        route.fulfill(status=404, body="")
        return
    route.fulfill(path=str(path), content_type=mimetypes.guess_type(path.name)[0] or "application/octet-stream")


def _check(path: Path, title: str) -> int:
    """The page count; refuse a PDF whose text a reader cannot use."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    if "/StructTreeRoot" not in reader.trailer["/Root"] or not reader.outline:
        raise PdfError(f"{path.name}: タグ付きの PDF（しおり付き）を作れませんでした。Chromium の版を確かめてください。")
    for number, page in enumerate(reader.pages, 1):
        for font in (page["/Resources"].get("/Font") or {}).values():
            if font.get_object()["/Subtype"] == "/Type3":
                raise PdfError(
                    f"{title} の {number} ページ目の文字が、文字としてではなく形として入りました（Type 3 フォント）。読み上げや検索ができないため止めました。"
                    "TrueType の日本語フォント（BIZ UDPゴシック: apt-get install fonts-morisawa-bizud-gothic）を入れてください。"
                )
    return len(reader.pages)

