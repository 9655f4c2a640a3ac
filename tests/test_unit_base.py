"""The base layer: work shared out over forked processes (plansite.base.forked)."""

from __future__ import annotations

import os
import signal

import pytest

from plansite.base import forked
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
