from __future__ import annotations

import gzip
from pathlib import Path
from typing import Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..loading.errors import DataErrors
from ..loading.load import load_site
from ..model.plan import Site
from ..pages.generate import navigation, site_pages
from ..render.palette import css
from ..text.tables import label_tables
from .config import PlanSiteConfig
from .preview import Preview

NAV_PLACEHOLDER = "@plans"
PALETTE_CSS = "assets/stylesheets/palette.css"  # generated from macros/render/palette.py


class PlanSitePlugin(BasePlugin[PlanSiteConfig]):
    site: Optional[Site] = None
    preview: Optional[Preview] = None  # only in `mkdocs serve --dirty`; MkDocs keeps this plugin between rebuilds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = Preview() if command == "serve" and dirty else None

    def on_shutdown(self) -> None:
        self.preview = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        try:
            self.site = load_site(root / self.config.data_dir, self.config.plans or None, root=root)
        except DataErrors as errors:
            raise PluginError(errors.report()) from None
        plans = navigation(self.site)
        if self.preview:
            self.preview.start_build(plans)
        config.nav = _with_plans(config.nav, plans)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files.append(File.generated(config, PALETTE_CSS, content=css()))
        pages = site_pages(self.site, directory_urls=config.use_directory_urls, memo=self.preview and self.preview.linked)
        pages.reverse()
        while pages:  # each page's body is let go once its Markdown is made (thousands of pages)
            page = pages.pop()
            markdown = page.markdown()
            files.append(self.preview.page(config, page.src_path, markdown) if self.preview else
                         File.generated(config, page.src_path, content=markdown))
        if self.preview:
            self.preview.refresh_hand_written(files)
        return files

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        return label_tables(html)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # MkDocs stamps the build day into the gzip header; the same data must give the same bytes.
        sitemap = Path(config.site_dir) / "sitemap.xml"
        if sitemap.is_file():
            sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(sitemap.read_bytes(), mtime=0))


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
