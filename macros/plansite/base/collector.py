"""The garbage collector held off while the data is read.

Reading a plan makes millions of objects that all live on, and next to no reference cycles. Each
full pass of the collector walks all of them again: at 1,000 事業 three passes took an eighth of
a check (0.38 s of 3.1 s). Objects freed by their reference count still go at once; the few
cycles wait for the first pass after reading.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside; the collector is as it was afterwards, after an error too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
