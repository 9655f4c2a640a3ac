"""The MkDocs side of binding results to a build: what the build read (for its id), the PDFs and
the audit record it publishes, and the manifest it leaves in the site."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Mapping, Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import plansite

from ..a11y.record import PUBLISHED, RECORD, UnreadableRecord, read_record
from ..a11y.report import Coverage
from ..model.plan import Site
from ..base import urls
from ..pdf.files import PDF_DIR, fresh_pdfs
from ..publishing.manifest import MANIFEST, BuildManifest, PageEntry, PlanEntry, fingerprint, html_file, page_entries

# Configuration that names places on this machine, not what the pages say.
_LOCAL = {"config_file_path", "docs_dir", "site_dir", "dev_addr", "watch", "remote_branch", "remote_name"}


class BuildRecord:
    def __init__(self) -> None:
        self.inputs = ""
        self.manifest: Optional[BuildManifest] = None
        self.coverage: Optional[Coverage] = None

    def start(self, config: MkDocsConfig, site: Site, data_dir: str) -> Site:
        """Fingerprint what this build reads; give the site the PDFs made from the same."""
        root = Path(config.config_file_path).parent
        folders = [(Path(config.docs_dir), "docs"), (root / data_dir, "data"), (Path(plansite.__file__).parent, "plansite")]
        if config.theme.custom_dir:
            folders.append((Path(config.theme.custom_dir), "theme"))
        self.inputs = fingerprint([
            ("config", json.dumps(_settings(config), ensure_ascii=False, sort_keys=True, default=_described).encode()),
            ("packages", "\n".join(sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())).encode()),
            ("today", str(site.today).encode()),
        ], folders)
        return replace(site, downloads=fresh_pdfs(root / PDF_DIR, self.inputs))

    def add_files(self, files: Files, config: MkDocsConfig, site: Site, kinds: Mapping[str, str]) -> None:
        """Add the PDFs, then name the build (its inputs and PDFs) and compare the audit record with it.
        kinds: URL -> the page model's kind of each generated page (manifest.page_entries gives hand-written pages theirs)."""
        root = Path(config.config_file_path).parent
        pdfs = [item for plan in site.plans for item in site.downloads.get(plan.id, ())]
        for item in pdfs:
            files.append(File.generated(config, item.url, abs_src_path=str(root / PDF_DIR / item.url)))
        build_id = fingerprint([("inputs", self.inputs.encode())]
                               + [(f"pdf/{item.url}", (root / PDF_DIR / item.url).read_bytes()) for item in pdfs])
        plan_ids = [plan.id for plan in site.plans]
        page_urls = ["" if file.url == "./" else file.url for file in files.documentation_pages()]
        pages = page_entries(page_urls, kinds, plan_ids)
        if "404.html" in config.theme.static_templates:
            pages.append(PageEntry(url="404.html", kind="404.html", shape="404.html"))
        self.manifest = BuildManifest(
            id=build_id, inputs=self.inputs, site_url=config.site_url or "", pages=pages,
            plans=[PlanEntry(id=plan.id, title=plan.meta.title,
                             printable={part: urls.printable(plan, part) for part in ("plan", "projects") if part == "plan" or plan.projects})
                   for plan in site.plans],
        )
        self.coverage = Coverage(build_id, pages)
        try:
            self.coverage.record = read_record(root / RECORD)
        except UnreadableRecord as problem:
            self.coverage.problem = str(problem)
        if self.coverage.applies:
            files.append(File.generated(config, PUBLISHED, content=self.coverage.record.model_dump_json(indent=1) + "\n"))

    def finish(self, config: MkDocsConfig) -> None:
        """Leave the manifest in the site; check that every page reported as tested is the page tested."""
        site_dir = Path(config.site_dir)
        self.manifest.reports = sorted(self.coverage.report_urls)
        (site_dir / MANIFEST).write_text(self.manifest.model_dump_json(indent=1) + "\n", encoding="utf-8")
        if not self.coverage.applies:
            return
        changed = [page.path for page in self.coverage.tested if page.url not in self.coverage.report_urls
                   and hashlib.sha256(html_file(site_dir, page.url).read_bytes()).hexdigest() != page.sha256]
        if changed:
            raise PluginError(
                f"試験の記録と同じ版のはずなのに、試験したときと内容が違うページがあります（{len(changed)} ページ：{'、'.join(changed[:5])}）。"
                f"試験結果のページが事実と違ってしまうため、作成を止めました。{RECORD} を消して make audit をやり直してください。"
            )


def _described(value) -> object:
    """A setting that is not plain data: its items, or what it is (never its address in memory)."""
    if isinstance(value, Mapping):
        return dict(value)
    text = repr(value)
    return f"{type(value).__module__}.{type(value).__qualname__}" if " at 0x" in text else text


def _settings(config: MkDocsConfig) -> dict:
    values = {key: value for key, value in config.items() if key not in _LOCAL | {"plugins", "theme"}}
    values["theme"] = {key: value for key, value in config.theme.items()}
    values["plugins"] = {name: dict(plugin.config) for name, plugin in config.plugins.items()}
    return values
