"""One page of each kind, for the checks too slow to run on every page (the IBM engine and the
pixel-measured Tab walk): every plan home, and the first 事業, 施策, chapter and print page of
the site rather than all of them. The cheaper engines and checks still run on every page."""

from __future__ import annotations

# Pages under these folders of a plan are many of one kind.
_MANY = {"projects", "nodes", "chapters", "print", "editions"}


def kind(url: str) -> str:
    parts = url.strip("/").split("/")
    if len(parts) >= 3 and parts[1] in _MANY:
        return f"*/{parts[1]}/*"
    if len(parts) == 2:
        return f"*/{parts[1]}"
    return url


def pick(pages: list[str]) -> set[str]:
    chosen: dict[str, str] = {}
    for url in pages:
        chosen.setdefault(kind(url), url)
    return set(chosen.values())
