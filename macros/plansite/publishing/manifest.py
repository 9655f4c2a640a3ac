"""What one build made: an id computed from everything the build read, the pages with their
kinds, and each plan's printable pages. The build writes it into the site (MANIFEST); the
accessibility audit and the PDF step read it from there, so their results name the build they
were made from, and a later build can tell whether they belong to it."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Iterable, Mapping, Optional

from pydantic import BaseModel

from ..base.digests import file_digest

MANIFEST = "plansite-build.json"  # inside the built site
# Folders of a plan whose sub-pages are one kind of page each (a 事業, a node, a chapter …).
ITEM_FOLDERS = ("projects", "nodes", "chapters", "editions")
HANDWRITTEN = "docs:"  # the kind of a hand-written page: this, then its folder under docs/


class PageEntry(BaseModel):
    url: str  # as the audit names pages: "" for the home page, "a/b/", "404.html"
    kind: str  # the page model's kind ("project"); a hand-written page's is its folder's ("docs:authoring/")
    shape: str = ""  # the URL with the plan and item ids replaced: "<plan>/projects/<id>/", "authoring/…"


class PlanEntry(BaseModel):
    id: str
    title: str
    printable: dict[str, str]  # part ("plan", "projects") -> URL of its print page


class BuildManifest(BaseModel):
    id: str  # the build: its inputs and the PDFs it includes
    inputs: str  # what the pages were made from (data, docs, code, theme, configuration, build day)
    site_url: str = ""
    pages: list[PageEntry]
    plans: list[PlanEntry] = []
    reports: list[str] = []  # the pages showing the audit's results (their HTML changes with the record)

    @classmethod
    def read(cls, site: Path) -> Optional["BuildManifest"]:
        path = Path(site) / MANIFEST
        return cls.model_validate_json(path.read_bytes()) if path.is_file() else None


def html_file(site: Path, url: str) -> Path:
    """The HTML file of a page URL as the manifest names it."""
    return Path(site) / url if url.endswith(".html") else Path(site) / url / "index.html"


def fingerprint(parts: Iterable[tuple[str, bytes]], folders: Iterable[tuple[Path, str]] = ()) -> str:
    """A hash over named byte strings and every file under the folders (each named label/relative
    path, caches left out), independent of their order. A file's digest is not taken again while
    the file is unchanged (base.digests): the preview fingerprints its inputs at every rebuild."""
    digests = [(name, hashlib.sha256(data).digest()) for name, data in parts]
    digests += [(name, file_digest(path)) for folder, label in folders for name, path in _folder_files(Path(folder), label)]
    digest = hashlib.sha256()
    for name, part in sorted(digests):
        digest.update(name.encode("utf-8") + b"\0" + part)
    return digest.hexdigest()


def _folder_files(folder: Path, label: str) -> list[tuple[str, Path]]:
    if not folder.is_dir():
        return []
    return [
        (f"{label}/{path.relative_to(folder).as_posix()}", path)
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


def page_entries(urls: Iterable[str], kinds: Mapping[str, str], plan_ids: Iterable[str]) -> list[PageEntry]:
    """The manifest's entry of each page. kinds: URL -> the page model's kind of each generated
    page. A hand-written page's kind is its top-level folder under docs/ ("authoring/checks/" ->
    "docs:authoring/"): the pages of one folder share the theme's page template and the guide's
    components, so the audit's slow checks take one of them, while every page still gets the
    engines that run everywhere."""
    urls = list(urls)
    folder = {url: handwritten_kind(url) for url in urls if url not in kinds}
    sizes = Counter(folder.values())
    entries = []
    for url in urls:
        if url in kinds:
            entries.append(PageEntry(url=url, kind=kinds[url], shape=url_shape(url, plan_ids)))
        else:
            kind = folder[url]
            shape = kind.removeprefix(HANDWRITTEN) + "…" if sizes[kind] > 1 else url or "/"
            entries.append(PageEntry(url=url, kind=kind, shape=shape))
    return entries


def handwritten_kind(url: str) -> str:
    """"docs:<top-level folder>/" of a hand-written page; the home page and 404.html keep their own."""
    segments = [s for s in url.split("/") if s]
    return f"{HANDWRITTEN}{segments[0]}/" if segments and not url.endswith(".html") else url or "/"


def is_handwritten(kind: str) -> bool:
    return kind.startswith(HANDWRITTEN)


def url_shape(url: str, plan_ids: Iterable[str]) -> str:
    """The shape of a generated page's URL, as the accessibility report shows a kind of page: the
    plan's id becomes <plan>, an item's id <id> ("hadano-dx/projects/1-1/" -> "<plan>/projects/<id>/")."""
    segments = [s for s in url.split("/") if s]
    if not segments or segments[0] not in set(plan_ids):
        return url or "/"
    kind = ["<plan>"]
    for before, segment in zip(segments, segments[1:]):
        kind.append("<id>" if before in ITEM_FOLDERS else segment)
    return "/".join(kind) + "/"
