"""A site built in parts, each its own MkDocs build in its own process, on one machine or on the
machines of a GitHub Actions matrix.

- `plansite build --shard K/N` makes the pages and downloads of about one N-th of the plans
  (context.shard_plans) and writes them into its folder, with a record (SHARD_RECORD) of the
  files it wrote, their search records and where they use the shared glossary's terms.
- `plansite merge FOLDER…` makes the rest: the hand-written pages, the pages of the whole site,
  the theme's files, the search index and the manifest, and takes each shard's files as written.

Every part reads all the data, because the menu of every page names every plan, but makes only
its own pages: the others are empty files MkDocs neither reads nor writes (its dirty build asks
each file whether it is modified; an attribute of the file answers). The site is the same, byte
for byte, as one build of the same data.
"""

from __future__ import annotations

import os
import shutil
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Literal, Optional

from mkdocs.exceptions import PluginError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from mkdocs.structure.files import File, Files

from ..context import Part, shard_plans
from ..model.plan import Site
from ..search.records import Record

SHARD_RECORD = "plansite-shard.json"  # beside the shard's files; the merge reads it and does not publish it


class ShardRecord(BaseModel):
    """What a shard wrote. The merge trusts a shard's pages as it trusts its own, but the paths it
    copies stay inside the site, whatever the record says."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal[1] = 1
    inputs: str  # BuildRecord's fingerprint of everything the build read
    shard: int = Field(ge=1)
    of: int = Field(ge=1)
    plans: list[str]
    files: list[str]  # site paths of the files it wrote
    kinds: dict[str, str]  # URL -> kind of each page it made (for the manifest)
    records: list[Record]  # search records of its pages
    shared_usage: dict[str, dict[str, list[tuple[str, str, str]]]]  # plan id -> shared term id -> uses

    @field_validator("files")
    @classmethod
    def _inside_the_site(cls, paths: list[str]) -> list[str]:
        for path in paths:
            parts = PurePosixPath(path).parts
            if not parts or PurePosixPath(path).is_absolute() or ".." in parts or "\\" in path or ":" in path:
                raise ValueError(f"サイトの外を指すパスです: {path!r}")
        return paths


class _PartBuild:
    """What this build writes: every file but those of other parts (elsewhere, by src_uri)."""

    def __init__(self) -> None:
        self.writing = False  # False while MkDocs reads the pages
        self._elsewhere: set[str] = set()
        self._in_nav: set[str] = set()
        self._files = Files([])

    def take(self, files: Files, nav, elsewhere: set[str], own_static: set[str]) -> None:
        self._elsewhere, self._files = elsewhere, files
        self._in_nav = {page.file.src_uri for page in nav.pages}
        for file in files:
            file.is_modified = partial(self._wanted, file, file.src_uri in own_static)

    def _wanted(self, file: File, own_static: bool) -> bool:
        return file.src_uri not in self._elsewhere


class ShardBuild(_PartBuild):
    def __init__(self, number: int, count: int) -> None:
        super().__init__()
        self.number, self.count = number, count  # number counts from 1, as people and matrices do

    def part(self, site: Site) -> Part:
        return Part(plans=shard_plans(site.plans, self.number - 1, self.count), site_wide=False)

    def _wanted(self, file: File, own_static: bool) -> bool:
        """Its own pages; the hand-written ones of the menu are read for their titles there, not
        written (the merge writes them); of the other files only its plans' downloads."""
        if not file.is_documentation_page():
            return own_static
        if file.src_uri in self._elsewhere:
            return False
        if file.generated_by is None:
            return not self.writing and file.src_uri in self._in_nav
        return True

    def write_record(self, site_dir: Path, part: Part, *, inputs: str, kinds: dict[str, str],
                     records: list[Record], shared_usage: dict) -> None:
        """Once every file is written (so is_modified answers for writing)."""
        record = ShardRecord(
            inputs=inputs, shard=self.number, of=self.count, plans=sorted(part.plans),
            files=sorted(file.dest_uri for file in self._files if file.is_modified()), kinds=kinds, records=records,
            shared_usage={plan_id: shared_usage[plan_id] for plan_id in sorted(part.plans) if plan_id in shared_usage},
        )
        (site_dir / SHARD_RECORD).write_text(record.model_dump_json(), encoding="utf-8")


class ShardFolderError(Exception):
    """A folder given to the merge is not a shard of this site (the message says why, in Japanese)."""


class MergeBuild(_PartBuild):
    def __init__(self, folders: Iterable[Path], ready: Callable[[], None] = lambda: None) -> None:
        """ready() returns once the shards are written (at once for folders already made): the
        merge reads the data meanwhile, and the shards' records only when it needs them."""
        super().__init__()
        self._folders, self._ready = [Path(folder) for folder in folders], ready
        self._shards: Optional[list[tuple[Path, ShardRecord]]] = None

    @property
    def shards(self) -> list[tuple[Path, ShardRecord]]:
        if self._shards is None:
            self._ready()
            self._shards = [(folder, _read_record(folder)) for folder in self._folders]
            self._check_numbers()
        return self._shards

    @property
    def kinds(self) -> dict[str, str]:
        return {url: kind for _, record in self.shards for url, kind in record.kinds.items()}

    def part(self, site: Site) -> Part:
        return Part(plans=frozenset(), site_wide=True)

    def _check_numbers(self) -> None:
        if not self.shards:
            raise ShardFolderError("まとめるシャードのフォルダを 1 つ以上指定してください。")
        counts = {record.of for _, record in self.shards}
        if len(counts) > 1:
            raise ShardFolderError("シャードの数が違うビルドが混ざっています（" + "、".join(
                f"{folder.name}: {record.shard}/{record.of}" for folder, record in self.shards) + "）。")
        count = counts.pop()
        numbers = sorted(record.shard for _, record in self.shards)
        if numbers != list(range(1, count + 1)):
            missing = sorted(set(range(1, count + 1)) - set(numbers))
            repeated = sorted({n for n in numbers if numbers.count(n) > 1})
            said = ([f"足りないシャード: {'、'.join(f'{n}/{count}' for n in missing)}"] if missing else []) + (
                [f"2 回以上あるシャード: {'、'.join(f'{n}/{count}' for n in repeated)}"] if repeated else [])
            raise ShardFolderError(f"{count} 個のシャードがそろっていません（{'。'.join(said)}）。")

    def shared_usage(self) -> dict:
        """plan id -> {term id -> [(plan title, page title, url)]}, as the shards found it."""
        return {plan_id: usage for _, record in self.shards for plan_id, usage in record.shared_usage.items()}

    def check(self, site: Site, inputs: str) -> None:
        """Each shard was built from what this build reads (data, pages, code, settings, day)
        and holds the plans this build gives that shard."""
        for folder, record in self.shards:
            if record.inputs != inputs:
                raise PluginError(f"{folder} は、このビルドと違うデータ・ページ・設定・日付で作られたシャードです。"
                                  "すべてのシャードを、同じ版のリポジトリから同じ日に作り直してください。")
            # A shard's files, pages and search records are below its plans' folders only: it never
            # writes over the merge's pages, names their kind, or adds search results for them.
            places = [*record.files, *record.kinds, *(found.url for found in record.records)]
            outside = sorted({place for place in places if place.split("/")[0] not in record.plans})
            if outside:
                raise PluginError(f"{folder}（シャード {record.shard}/{record.of}）の記録に、そのシャードの計画のフォルダの外のファイルがあります"
                                  f"（{'、'.join(outside[:5])}）。シャードを作り直してください。")
            expected = sorted(shard_plans(site.plans, record.shard - 1, record.of))
            if record.plans != expected:
                raise PluginError(f"{folder}（シャード {record.shard}/{record.of}）の計画（{'、'.join(record.plans) or 'なし'}）が、"
                                  f"このビルドで分けた計画（{'、'.join(expected) or 'なし'}）と違います。")

    def take_in(self, site_dir: Path) -> list[Record]:
        """Copy each shard's files into the site; their search records."""
        records = []
        for folder, record in self.shards:
            for path in record.files:
                source, target = folder / path, site_dir / path
                if not source.is_file():
                    raise PluginError(f"シャード {record.shard}/{record.of} のフォルダ {folder} に、書いたはずのファイル {path} がありません。")
                target.parent.mkdir(parents=True, exist_ok=True)
                _link_or_copy(source, target)
            records += record.records
        return records


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link where the folders share a disk (the merge then writes nothing twice), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _read_record(folder: Path) -> ShardRecord:
    path = folder / SHARD_RECORD
    if not path.is_file():
        raise ShardFolderError(f"{folder} はシャードのフォルダではありません（{SHARD_RECORD} がありません。"
                               "plansite build --shard 番号/数 で作ったフォルダを指定してください）。")
    try:
        return ShardRecord.model_validate_json(path.read_bytes())
    except OSError as problem:
        raise ShardFolderError(f"{path} を読めません（{problem.strerror}）。") from None
    except ValidationError as problem:
        said = "、".join(f"{'.'.join(map(str, error['loc'])) or '全体'}: {error['msg']}" for error in problem.errors()[:5])
        raise ShardFolderError(f"{path} は、この版の plansite が作ったシャードの記録ではありません（{said}）。"
                               "シャードを作り直してください。") from None
