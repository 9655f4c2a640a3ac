"""The MkDocs plugin `plansite`: the thin side between the engine and MkDocs + Material.

Generated pages reach MkDocs as empty Markdown files: their HTML and table of contents come
from the page model, so no data ever passes through Python-Markdown or mkdocs-macros (nothing a
plan says can run as a template, whatever its bytes). Hand-written pages in docs/ are MkDocs'
own, with the engine's components available as macros.
"""

from __future__ import annotations

import gzip
from html import unescape
from pathlib import Path
from typing import Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from ..base import collector, urls
from ..base.errors import DataError, DataErrors
from ..build import prepare
from ..context import BuildContext
from ..pages.assemble import site_pages
from ..pages.frame import page_html, table_of_contents
from ..pages.navigation import menu
from ..render.palette import css
from ..schema import published_schemas
from ..search.index import INDEX_PATH, write_index
from ..search.records import Record, model_records, page_record, text_record
from .assets import bundle_listed, minified, ship_bundles, ship_minified
from .build_record import BuildRecord
from .config import PlanSiteConfig
from .nav import mkdocs_nav, safe_title, source_path, toc_tokens
from .parts import MergeBuild, ShardBuild
from .preview import Preview
from .serving import quicker_server
from .shards import Shard
from .templates import COMPILED
from .tables import LabelledTables

NAV_PLACEHOLDER = "@plans"
PALETTE_CSS = "assets/stylesheets/palette.css"  # generated from plansite/render/palette.py


class PlanSitePlugin(BasePlugin[PlanSiteConfig]):
    context: Optional[BuildContext] = None
    preview: Optional[Preview] = None  # only in `mkdocs serve --dirty`; MkDocs keeps this plugin between rebuilds
    record: Optional[BuildRecord] = None  # this build's id, PDFs and audit record (for the 試験結果 page)
    shard: Optional[Shard] = None  # this process's part of a build over several processes (shards.py)
    split: Optional[ShardBuild | MergeBuild] = None  # this build's part of a site built in parts (parts.py)

    def __init__(self):
        super().__init__()
        self._prepared: Optional[BuildContext] = None
        self._generated: dict[str, object] = {}  # src_uri -> the page it stands for
        self.macro_errors: list[DataError] = []
        self._caller_reports = False  # whether the build command reports macro_errors itself
        self._frozen = False  # whether this build holds the model out of the collector's sight (base/collector)
        self._bundles: dict[str, list[str]] = {}  # bundle uri -> the site's own assets it holds (assets.py)
        self._elsewhere: set[str] = set()  # src_uri of the pages another part of the site makes (parts.py)
        self._plan_files: set[str] = set()  # src_uri of the plans' downloads this build makes

    def use(self, context: BuildContext) -> None:
        """Build from data already read and checked (the build command reads it once, before MkDocs,
        and reports the macro mistakes found while rendering, as it reports data errors)."""
        self._prepared = context
        self._caller_reports = True

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = Preview() if command == "serve" and dirty else None

    def on_shutdown(self) -> None:
        self.preview = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        if self._prepared is not None:
            self.context, self._prepared = self._prepared, None
        else:
            if self.preview:
                theme_dir = config.theme.custom_dir
                self.preview.look_at_files(root / self.config.data_dir, Path(config.config_file_path),
                                           Path(theme_dir) if theme_dir else None)
            try:
                self.context = prepare(root / self.config.data_dir, self.config.plans, root=root, today=self.config.today,
                                       docs_dir=Path(config.docs_dir),
                                       cache=self.preview.read_cache if self.preview else None)
            except DataErrors as errors:
                raise PluginError(errors.report()) from None
        self.macro_errors = []
        # The model lives through the whole build: out of the collector's sight until its end
        # (on_post_build, on_build_error), so that garbage never stays (base/collector.py).
        self._release()
        collector.freeze()
        self._frozen = True
        nav = mkdocs_nav(menu(self.context))
        if self.preview:
            self.preview.start_build(nav)
            self.context.kept = self.preview.kept
        config.nav = _with_plans(config.nav, nav)
        config.markdown_extensions.append(LabelledTables())
        self._bundles = bundle_listed(config, {PALETTE_CSS})
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.record = BuildRecord()
        self.context.site = self.record.start(config, self.context.site, self.config.data_dir)
        ship_minified(files, config)
        files.append(File.generated(config, PALETTE_CSS, content=minified(css(), ".css")))
        ship_bundles(files, config, self._bundles)
        self.context.directory_urls = config.use_directory_urls  # known only now: the offline plugin sets it in on_config
        self._generated, self._elsewhere = {}, set()
        if isinstance(self.split, MergeBuild):  # as late as it can: the shards may still be being built
            self.context.shared_usage = self.split.shared_usage()
        for page in site_pages(self.context, self.preview.memory if self.preview else None):
            if isinstance(page, str):  # made by another part of the site: MkDocs only needs it to exist
                self._elsewhere.add(source_path(page))
                files.append(File.generated(config, source_path(page), content=""))
                continue
            src_path = source_path(page.url)
            self._generated[src_path] = page
            # The Markdown is empty: MkDocs has nothing of the data to parse or to render as a template.
            files.append(self.preview.page(config, src_path, page) if self.preview else
                         File.generated(config, src_path, content=""))
        self._plan_files = set()
        for plan in self.context.editions():  # another part of the site makes the other plans' downloads
            for path, written in self.context.files(plan).items():
                files.append(File.generated(config, path, abs_src_path=str(written)))
                self._plan_files.add(path)
        for name, text in published_schemas().items():
            files.append(File.generated(config, urls.SCHEMA_FOLDER + name, content=text))
        if self.preview:
            self.preview.refresh_hand_written(files)
        kinds = {page.url: page.kind for page in self._generated.values()}
        if isinstance(self.split, MergeBuild):
            self.split.check(self.context.site, self.record.inputs)
            kinds |= self.split.kinds
        self.record.add_files(files, config, self.context.site, kinds)
        return files

    @event_priority(-100)  # after every plugin has added its files
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.shard:
            self.shard.take(files, nav)
        if self.split:
            self.split.take(files, nav, self._elsewhere, self._plan_files)
        return nav

    @event_priority(-100)  # the other processes write with the theme's environment as every plugin left it
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.bytecode_cache = COMPILED
        if self.shard:
            self.shard.split(config, files, env)
        if self.split:
            self.split.writing = True
        if isinstance(self.split, ShardBuild):  # the 404 page and the sitemap are the merge's (its own settings are fingerprinted by now)
            config.theme.static_templates.clear()
        return env

    @event_priority(100)  # first: the plugins after it watch their folders on the server it gives
    def on_serve(self, server, *, config: MkDocsConfig, builder):
        return quicker_server(server, builder)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.search_records: list[Record] = []

    @event_priority(100)  # before mkdocs-macros, which must never see a generated page as a template
    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        generated = self._generated.get(page.file.src_uri)
        if generated is None:
            return markdown
        page.meta = {"title": safe_title(generated.title), "render_macros": False}
        if generated.plan_title:
            page.meta["plan_title"] = safe_title(generated.plan_title)
        return ""

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        generated = self._generated.get(page.file.src_uri)
        if generated is None:  # a hand-written page of docs/ (the part of the whole site has its record)
            if self.context.part.site_wide and not (page.meta.get("search") or {}).get("exclude"):
                # Titles given to the theme are HTML text (escaped once); the index holds plain text.
                path = tuple(unescape(section.title) for section in reversed(page.ancestors))
                self.search_records.append(text_record(page.url, unescape(page.title or ""), path, html))
            return html
        page.toc = get_toc(toc_tokens(table_of_contents(generated)))
        if generated.searchable:
            self.search_records.append(page_record(generated, page.url))
        return ""  # the page's HTML is written when MkDocs writes the page (on_page_context)

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        """A generated page's HTML exists only while MkDocs writes that page: a plan of thousands of
        事業 never holds every page's HTML at once."""
        generated = self._generated.get(page.file.src_uri)
        if generated is not None:
            page.content = self._html(generated)
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self._generated:
            page.content = None
        return output

    def _html(self, page) -> str:
        return page_html(page, directory_urls=self.context.directory_urls)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.shard:
            self.shard.gather()  # the other processes' pages are in the site before anything reads it
        if self.macro_errors and not self._caller_reports:  # mkdocs build / serve run directly
            raise PluginError(DataErrors(self.macro_errors).report())

        def page_url(url: str) -> str:
            return url if config.use_directory_urls else url + "index.html"

        pages = self.preview.all_search_records(self.search_records) if self.preview else self.search_records
        records = pages + model_records(self.context.site, page_url, self.context.part)
        if isinstance(self.split, ShardBuild):  # the merge makes the site's index, sitemap and manifest
            self.split.write_record(Path(config.site_dir), self.context.part, inputs=self.record.inputs,
                                    kinds={page.url: page.kind for page in self._generated.values()},
                                    records=records, shared_usage=self.context.shared_usage)
            self._release()
            return
        if isinstance(self.split, MergeBuild):
            records += self.split.take_in(Path(config.site_dir))
        target = Path(config.site_dir) / INDEX_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        write_index(records, target)
        # MkDocs stamps the build day into the gzip header; the same data must give the same bytes.
        sitemap = Path(config.site_dir) / "sitemap.xml"
        if sitemap.is_file():
            sitemap.with_suffix(".xml.gz").write_bytes(gzip.compress(sitemap.read_bytes(), mtime=0))
        self.record.finish(config)
        self._release()

    def on_build_error(self, *, error: Exception) -> None:
        self._release()

    def _release(self) -> None:
        """End this build's freeze, if it made one (a build can stop before it does, or twice)."""
        if self._frozen:
            collector.release()
            self._frozen = False


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
