"""The base layer: work shared out over forked processes (plansite.base.forked), digests of files
reused only while the files are unchanged (plansite.base.digests)."""

from __future__ import annotations

import hashlib
import os
import signal
from pathlib import Path

import pytest

from plansite.base import digests, forked
from plansite.base.errors import DataError, DataErrors
from plansite.base.forked import ForkedProcessLost, forked_map


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@pytest.mark.parametrize("jobs", [1, 2, 3, 7])
def test_results_come_back_in_the_order_of_the_items_whatever_the_number_of_processes(jobs):
    items = [f"事業{n}" for n in range(10)]
    made = forked_map(lambda item: (item, os.getpid()), items, jobs)
    assert [item for item, _ in made] == items
    assert len({pid for _, pid in made}) == (min(jobs, len(items)) if forked.CAN_FORK else 1)
    assert _no_children_left()


def test_a_mistake_found_in_another_process_is_raised_here_as_the_same_error():
    def make(n):
        if n == 3:  # the second process makes items 1, 3, 5 …
            raise DataErrors([DataError("data/plans/x/projects/3.yaml", 2, 1, "name", "名前を書いてください")])
        return n

    with pytest.raises(DataErrors) as raised:
        forked_map(make, range(6), 2)
    assert "data/plans/x/projects/3.yaml:2:1" in raised.value.report()
    assert _no_children_left()


def test_a_failure_here_stops_the_other_processes():
    def make(n):
        if n == 0:
            raise ValueError("最初の処理で止まりました")
        return n

    with pytest.raises(ValueError, match="最初の処理で止まりました"):
        forked_map(make, range(6), 3)
    assert _no_children_left()


def test_a_process_that_dies_before_sending_is_named_and_the_others_are_stopped():
    def make(n):
        if n == 1:  # in the second process, as the system would kill it for memory
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    with pytest.raises(ForkedProcessLost, match="結果を返さずに止まりました（終了コード -9）"):
        forked_map(make, range(6), 3)
    assert _no_children_left()


def test_without_fork_the_items_are_made_here(monkeypatch):
    monkeypatch.setattr(forked, "CAN_FORK", False)
    assert {pid for pid in forked_map(lambda _: os.getpid(), range(4), 4)} == {os.getpid()}


def _reads(monkeypatch) -> list:
    reads = []
    read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: reads.append(path.name) or read(path))
    return reads


def test_a_settled_file_is_read_once_and_a_rewrite_is_seen_even_with_its_old_time_put_back(tmp_path, monkeypatch):
    monkeypatch.setattr(digests, "_SETTLED_NS", 0)  # as if written long ago
    reads = _reads(monkeypatch)
    data = tmp_path / "p-1.yaml"
    data.write_text("title: 窓口の予約\n", encoding="utf-8")
    first = digests.file_digest(data)
    assert first == hashlib.sha256(data.read_bytes()).digest() and digests.file_digest(data) == first
    assert reads == ["p-1.yaml", "p-1.yaml"]  # the digest's and this test's; the second ask read nothing
    before = data.stat()
    data.write_text("title: 窓口の予算\n", encoding="utf-8")  # the same size
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))  # as a copy keeping the old time does
    assert digests.file_digest(data) == hashlib.sha256("title: 窓口の予算\n".encode()).digest()


def test_a_file_written_within_the_file_systems_tick_is_read_again_at_every_ask(tmp_path, monkeypatch):
    """Two writes within one tick of a coarse clock leave the same times and size: only the bytes
    tell them apart."""
    reads = _reads(monkeypatch)
    data = tmp_path / "p-1.yaml"
    data.write_text("title: 窓口の予約\n", encoding="utf-8")
    digests.file_digest(data)
    digests.file_digest(data)
    assert reads == ["p-1.yaml", "p-1.yaml"]
