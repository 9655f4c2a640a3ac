"""Work shared out over forked processes, with the same results as one process would make.

`forked_map(make, items, jobs)` makes every item's result in `jobs` processes: process k makes
every jobs-th item starting from the k-th, from the state this process had when it forked (the
model is shared copy-on-write, never pickled), and sends its results back pickled. The results
come back in the order of the items, so what is built from them does not depend on the number
of processes. Where the system cannot fork (Windows), or with one job, the items are made here,
one after another. A failure in another process is raised here, as the same exception.
`forked(make, shares)` starts such processes and lets this one do other work before it waits.
"""

from __future__ import annotations

import os
import pickle
import signal
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TypeVar

from . import collector

CAN_FORK = hasattr(os, "fork")

Item = TypeVar("Item")
Result = TypeVar("Result")


class ForkedProcessLost(Exception):
    """Another process ended without sending its results (it was killed, or ran out of memory)."""


def forked_map(make: Callable[[Item], Result], items: Iterable[Item], jobs: int) -> list[Result]:
    items = list(items)
    jobs = min(jobs, len(items))
    if jobs <= 1 or not CAN_FORK:
        return [make(item) for item in items]
    with forked(make, [items[index::jobs] for index in range(1, jobs)]) as others:
        shares = [[make(item) for item in items[0::jobs]], *others()]
    results: list = [None] * len(items)
    for index, share in enumerate(shares):
        results[index::jobs] = share
    return results


@contextmanager
def forked(make: Callable[[Item], Result], shares: list[list[Item]]) -> Iterator[Callable[[], list[list[Result]]]]:
    """Each share made in a forked process of its own while this one goes on; gives a function
    that returns their results, share by share, once all are made (raising the first failure).
    Processes not waited for by the end (this one failed first) are stopped: their work is not needed."""
    others: list[tuple[int, int]] = []  # (process id, the read end of its pipe)
    with collector.frozen():  # the collector would otherwise touch, and so copy, every object in each process
        for share in shares:
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read)
                _make_and_send(make, share, write)  # never returns
            os.close(write)
            others.append((pid, read))

    def results() -> list[list[Result]]:
        received = []
        while others:
            received.append(_receive(*others.pop(0)))
        return received

    try:
        yield results
    finally:
        for pid, read in others:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(read)


def _make_and_send(make, share: list, pipe: int) -> None:
    """In a forked process: make this share, send it (or the exception that stopped it) and exit,
    never returning into the code that forked it."""
    code = 0
    try:
        try:
            payload = pickle.dumps((True, [make(item) for item in share]), pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # noqa: BLE001 - whatever stopped it is raised in the first process
            code = 1
            try:
                payload = pickle.dumps((False, error), pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 - an exception that cannot be pickled is sent as its text
                payload = pickle.dumps((False, RuntimeError(str(error) or type(error).__name__)))
        with os.fdopen(pipe, "wb") as out:
            out.write(payload)
    finally:
        os._exit(code)


def _receive(pid: int, read: int) -> list:
    with os.fdopen(read, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    try:
        made, value = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - nothing, or part of a result: the process was stopped while sending
        raise ForkedProcessLost(f"分けた処理の一つが、結果を返さずに止まりました（終了コード {os.waitstatus_to_exitcode(status)}）。"
                                "メモリが足りない場合は、--jobs の数を減らしてください。") from None
    if not made:
        raise value
    return value
