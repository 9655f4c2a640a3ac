"""A build stopped by a signal (Ctrl+C, SIGTERM from CI or a service manager) removes its staging
folder, leaves the previous site as it was and says so in Japanese, without a traceback."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading

import pytest

from conftest import copy_project

WAIT = 300  # seconds: a bound on each wait, never a pause; the steps below wait for events


def _lines(stream, found: queue.Queue) -> None:
    for line in stream:
        found.put(line)
    found.put(None)


@pytest.mark.build
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_build_leaves_no_staging_folder_and_the_old_site(tmp_path, signum):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("前の版", encoding="utf-8")
    build = subprocess.Popen(
        [sys.executable, "-m", "plansite", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site), "--verbose"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    log: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(build.stderr, log), daemon=True).start()
    threading.Thread(target=build.stdout.read, daemon=True).start()
    try:
        # MkDocs logs this once the data is checked and the staging folder is made, as it starts writing.
        for line in iter(lambda: log.get(timeout=WAIT), None):
            if "Cleaning site directory" in line:
                break
        else:
            pytest.fail("the build ended before it began writing")
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")], "the staging folder is made first"
        build.send_signal(signum)
        assert build.wait(timeout=WAIT) == 128 + signum
    finally:
        if build.poll() is None:
            build.kill()
    rest = list(iter(lambda: log.get(timeout=WAIT), None))
    assert rest[-1] == "中断しました。site/ は変更していません。\n" and not [line for line in rest if "Traceback" in line]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
    assert [p.name for p in site.iterdir()] == ["index.html"] and (site / "index.html").read_text(encoding="utf-8") == "前の版"
