"""Files a build publishes for a plan beside its pages, made outside the build (the PDFs of its
print pages, by `make pdf`): where each is in the site and what a reader needs before
downloading it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Download:
    part: str  # which print page it was made from: "plan" (計画書全体) or "projects" (事業集)
    label: str
    url: str  # inside the site
    size: int  # bytes
    pages: int  # printed pages

    @property
    def size_label(self) -> str:
        if self.size >= 1024 * 1024:
            return f"{self.size / (1024 * 1024):.1f} MB"
        return f"{max(1, round(self.size / 1024))} KB"
