from __future__ import annotations

import gzip
from html import unescape as unescape_html
from dataclasses import replace
from pathlib import Path
from typing import Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..editions.pages import with_editions
from ..loading.errors import DataErrors
from ..loading.load import load_site
from ..model.plan import Site
from ..pages.generate import navigation, site_pages
from ..pages.urls import SCHEMA_FOLDER
from ..publishing.comment_period import build_day
from ..publishing.open_data import plan_files
from ..schema import published_schemas
from ..render.palette import css
from ..search.extract import page_text
from ..search.index import INDEX_PATH, index_script
from ..search.records import Record, model_records, page_keywords
from ..text.tables import label_tables
from .config import PlanSiteConfig
from .preview import Preview

NAV_PLACEHOLDER = "@plans"
PALETTE_CSS = "assets/stylesheets/palette.css"  # generated from macros/render/palette.py


class PlanSitePlugin(BasePlugin[PlanSiteConfig]):
    site: Optional[Site] = None
    search_records: list[Record]
    search_keywords: dict[str, tuple[str, ...]]
    preview: Optional[Preview] = None  # only in `mkdocs serve --dirty`; MkDocs keeps this plugin between rebuilds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = Preview() if command == "serve" and dirty else None

    def on_shutdown(self) -> None:
        self.preview = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        try:
            site = load_site(root / self.config.data_dir, self.config.plans or None, root=root)
            self.site = replace(site, today=build_day(self.config.today))
        except DataErrors as errors:
            raise PluginError(errors.report()) from None
        except ValueError as error:
            raise PluginError(str(error)) from None
        plans = navigation(self.site)
        if self.preview:
            self.preview.start_build(plans)
        config.nav = _with_plans(config.nav, plans)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files.append(File.generated(config, PALETTE_CSS, content=css()))
        pages = site_pages(self.site, directory_urls=config.use_directory_urls, memo=self.preview and self.preview.linked)
        for page in with_editions(self.site, pages, directory_urls=config.use_directory_urls):
            markdown = page.markdown()
            files.append(self.preview.page(config, page.src_path, markdown) if self.preview else
                         File.generated(config, page.src_path, content=markdown))
        for plan in (edition for plan in self.site.plans for edition in (plan, *plan.earlier)):
            for path, content in plan_files(plan).items():
                files.append(File.generated(config, path, content=content))
        for name, text in published_schemas().items():
            files.append(File.generated(config, SCHEMA_FOLDER + name, content=text))
        if self.preview:
            self.preview.refresh_hand_written(files)
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.search_records = []
        self.search_keywords = page_keywords(self.site)

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        html = label_tables(html)
        if not (page.meta.get("search") or {}).get("exclude"):  # the same front matter as Material's search
            self.search_records.append(_search_record(page, html, self.search_keywords))
        return html

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        def page_url(url: str) -> str:
            return url if config.use_directory_urls else url + "index.html"

        pages = self.preview.all_search_records(self.search_records) if self.preview else self.search_records
        records = pages + model_records(self.site, page_url)
        target = Path(config.site_dir) / INDEX_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(index_script(records), encoding="utf-8")
        # MkDocs stamps the build day into the gzip header; the same data must give the same bytes.
        sitemap = Path(config.site_dir) / "sitemap.xml"
        if sitemap.is_file():
            sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(sitemap.read_bytes(), mtime=0))


def _search_record(page, html: str, keywords: dict[str, tuple[str, ...]]) -> Record:
    """Generated pages carry their hierarchy in breadcrumbs; hand-written ones in the navigation."""
    text, crumbs = page_text(html)
    # Titles given to the theme are HTML text (escaped once); the search index holds plain text.
    path = crumbs or tuple(unescape_html(section.title) for section in reversed(page.ancestors))
    directory_url = page.file.src_uri.removesuffix("index.md")
    return Record(page.url, unescape_html(page.title or ""), unescape_html(page.meta.get("plan_title", "")), path,
                  keywords.get(directory_url, ()), text)


def _with_plans(nav: Optional[list], plans: list) -> list:
    """Put the plans where mkdocs.yml's nav says "@plans" (at the end if it does not)."""
    if not nav:
        return plans
    expanded, placed = [], False
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
        if value == NAV_PLACEHOLDER:
            expanded.extend(plans)
            placed = True
        else:
            expanded.append(entry)
    return expanded if placed else expanded + plans
