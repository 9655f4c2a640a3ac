"""The Nu HTML Checker (vnu.jar from npm; needs Java) over the built pages.

Only errors inside the page content (<article>), which our templates and data produce, fail the
audit; errors in the theme's own page frame are reported separately.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def version() -> str:
    return json.loads((ROOT / "node_modules" / "vnu-jar" / "package.json").read_text(encoding="utf-8"))["version"]


@contextmanager
def running(files: list[Path]):
    """Start the checker over the files in the background, so that it works while the browsers do;
    yields the function that waits for it and gives, for each file, {"content": [messages],
    "theme": [messages]}. A checker still running when the block ends is stopped."""
    if not VNU.exists() or not shutil.which("java"):
        raise SystemExit("Nu HTML Checker（vnu.jar）か Java がありません。make test で入れてください。")
    # Its report goes to files, not pipes: a full pipe would stop it until the browsers are done.
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                                   stdout=stdout, stderr=stderr)

        def results() -> dict[Path, dict]:
            process.wait()
            return _sorted(files, *(_read(out) for out in (stdout, stderr)))

        try:
            yield results
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def _read(file) -> str:
    file.seek(0)
    return file.read().decode("utf-8")


def _sorted(files: list[Path], stdout: str, stderr: str) -> dict[Path, dict]:
    """The checker's messages by file, inside the page content or in the theme's frame."""
    messages = json.loads(stderr or stdout or '{"messages": []}')["messages"]
    results = {path: {"content": [], "theme": []} for path in files}
    spans = {path: _article_lines(path) for path in files}
    by_url = {path.resolve().as_uri(): path for path in files}
    for message in messages:
        path = by_url.get(message.get("url", ""))
        if path is None:
            continue
        line = message.get("lastLine", 0)
        first, last = spans[path]
        where = "content" if first <= line <= last else "theme"
        results[path][where].append({"line": line, "message": message.get("message", "")})
    return results


def _article_lines(path: Path) -> tuple[int, int]:
    text = path.read_text(encoding="utf-8")
    start = re.search(r"<article\b", text)
    end = text.rfind("</article>")
    if not start or end < 0:
        return (0, -1)
    return text.count("\n", 0, start.start()) + 1, text.count("\n", 0, end) + 1
