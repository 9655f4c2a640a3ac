"""base.collector: no collection while the data is read, the collector as it was afterwards, and
freezes that end with the last of them."""

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


def test_a_fork_inside_a_build_does_not_give_the_model_back_to_the_collector_early():
    model = [object() for _ in range(3)]  # noqa: F841 - alive through the test
    collector.freeze()  # the build, from on_config
    try:
        held = gc.get_freeze_count()
        with collector.frozen():  # forked_map or the shards, inside the build
            assert gc.get_freeze_count() >= held
        assert gc.get_freeze_count() >= held > 0
    finally:
        collector.release()
    assert gc.get_freeze_count() == 0
