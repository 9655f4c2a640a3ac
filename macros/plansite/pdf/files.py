"""Where the PDFs are kept between `make pdf` and the build that publishes them, and how that
build tells whether they were made from pages like its own."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ValidationError

from ..model.download import Download

PDF_DIR = "build/pdf"  # beside mkdocs.yml; git ignores build/
INDEX = "pdfs.json"
PARTS = {"plan": "計画書全体", "projects": "事業集"}


class PdfFile(BaseModel):
    plan: str
    part: str  # a key of PARTS
    url: str  # inside the site and inside PDF_DIR: beside its print page
    title: str  # as in the PDF's metadata
    pages: int
    bytes: int


class PdfIndex(BaseModel):
    inputs: str  # the build's inputs fingerprint (plansite.publishing.manifest) the PDFs were made from
    files: list[PdfFile]

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / INDEX).write_text(self.model_dump_json(indent=1) + "\n", encoding="utf-8")


def pdf_url(printable_url: str, plan_id: str, part: str) -> str:
    """The PDF sits in its print page's folder, named after the plan so saved copies stay apart."""
    return f"{printable_url}{plan_id}-{part}.pdf"


def pdf_title(plan_title: str, part: str) -> str:
    return f"{plan_title}（{PARTS[part]}）"


def read_index(folder: Path) -> Optional[PdfIndex]:
    try:
        return PdfIndex.model_validate_json((Path(folder) / INDEX).read_bytes())
    except (FileNotFoundError, ValidationError):
        return None


def fresh_pdfs(folder: Path, inputs: str) -> dict[str, tuple[Download, ...]]:
    """The PDFs made from a build with these inputs, by plan id. PDFs made from other data,
    documents or code are left out: they may not show what this build's pages say."""
    index = read_index(folder)
    if index is None or index.inputs != inputs:
        return {}
    downloads: dict[str, list[Download]] = {}
    for item in index.files:
        path = Path(folder) / item.url
        if path.is_file() and path.stat().st_size == item.bytes:
            downloads.setdefault(item.plan, []).append(Download(item.part, f"PDF（{PARTS[item.part]}）", item.url, item.bytes, item.pages))
    return {plan: tuple(files) for plan, files in downloads.items()}
