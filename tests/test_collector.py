"""base.collector: no collection while the data is read, and the collector as it was afterwards."""

from __future__ import annotations

import gc

import pytest

from plansite.base import collector


def test_reading_pauses_the_collector_and_gives_it_back_after_an_error_too():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector.paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
