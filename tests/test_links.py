"""Every internal link and #anchor in the built site of all bundled plans leads somewhere."""

from __future__ import annotations

import posixpath
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        target = attrs.get(LINK_ATTRIBUTES.get(tag, ""))
        if target is not None:
            self.links.append(target)


@lru_cache(maxsize=None)
def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file and fragment a link points at, or None for links that leave the site."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    base = "" if parts.path.startswith("/") else posixpath.dirname(page.relative_to(site).as_posix())  # 404.html links from the root
    path = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
    assert not path.startswith(".."), f"{page}: {link} はサイトの外を指しています"
    file = site / path
    if parts.path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(built_site):
    site = built_site.path
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100  # the five bundled plans
    broken, checked = [], 0
    for page in pages:
        for link in _read(page).links:
            target = _target(site, page, link)
            if target is None:
                continue
            file, fragment = target
            checked += 1
            if not file.is_file():
                broken.append(f"{page.relative_to(site)}: {link}（ファイルがありません）")
            elif fragment and file.suffix == ".html" and fragment not in _read(file).ids:
                broken.append(f"{page.relative_to(site)}: {link}（#{fragment} がありません）")
    assert broken == []
    assert checked > 5_000  # menus, breadcrumbs, term links, tables of contents
