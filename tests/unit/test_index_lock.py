"""The index lock's long work and the changes queued behind it (``bot.core.index_lock``):
what a moderator relies on when teaching during a reload, without a database."""

from __future__ import annotations

import asyncio

import pytest

from bot.core.errors import InvalidInput
from bot.core.index_lock import IndexLock


async def test_changes_queued_during_long_work_run_in_order_as_it_ends() -> None:
    lock = IndexLock()
    done: list[str] = []
    inside = asyncio.Event()
    finish = asyncio.Event()

    async def reload() -> None:
        async with lock.long_work("a reload"):
            inside.set()
            await finish.wait()
            done.append("reloaded")

    running = asyncio.create_task(reload())
    await inside.wait()
    assert lock.busy_with == "a reload"
    for name in ("first", "second"):

        async def change(name: str = name) -> None:
            done.append(name)

        lock.after_long_work(change)
    assert done == []
    finish.set()
    await running
    assert done == ["reloaded", "first", "second"]
    assert lock.busy_with is None and not lock.locked()


async def test_a_failed_long_work_still_runs_the_queue_and_keeps_its_own_error() -> None:
    """A refused change is logged and the next still runs; the reload's own error is the one
    its caller sees."""
    lock = IndexLock()
    done: list[str] = []

    async def refused() -> None:
        raise InvalidInput("'x' already has that question.")

    async def kept() -> None:
        done.append("kept")

    with pytest.raises(OSError, match="folder gone"):
        async with lock.long_work("a reload"):
            lock.after_long_work(refused)
            lock.after_long_work(kept)
            raise OSError("folder gone")
    assert done == ["kept"]


async def test_long_work_is_named_while_it_waits_for_the_lock() -> None:
    """A teaching that arrives while a reload waits behind a short holder (a catch-up) is
    queued too, not left to wait for the whole reload; if that reload is cancelled while it
    waits, what was queued behind it still runs."""
    lock = IndexLock()
    done: list[str] = []

    async def reload() -> None:
        async with lock.long_work("a reload"):
            done.append("reloaded")

    async def change() -> None:
        done.append("taught")

    async with lock:  # a catch-up holds the lock
        waiting = asyncio.create_task(reload())
        await asyncio.sleep(0)
        assert lock.busy_with == "a reload"
        lock.after_long_work(change)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        assert lock.busy_with is None
    await lock.settle()
    assert done == ["taught"]


async def test_two_reloads_in_a_row_make_what_was_queued_between_them() -> None:
    """A teaching queued during the first of two reloads is made as the first ends, before the
    second reads the store; one that arrives while those are made waits for nothing more."""
    lock = IndexLock()
    done: list[str] = []
    finish_first = asyncio.Event()

    async def reload(name: str, until: asyncio.Event | None = None) -> None:
        async with lock.long_work("a reload"):
            if until is not None:
                await until.wait()
            done.append(name)

    async def late() -> None:
        done.append("taught late")

    async def change() -> None:
        done.append("taught")
        # The second reload is still waiting: this teaching is queued too, and made now.
        assert lock.busy_with == "a reload"
        lock.after_long_work(late)

    first = asyncio.create_task(reload("first reload", finish_first))
    await asyncio.sleep(0)
    second = asyncio.create_task(reload("second reload"))
    await asyncio.sleep(0)
    lock.after_long_work(change)
    finish_first.set()
    await asyncio.gather(first, second)
    assert done == ["first reload", "taught", "taught late", "second reload"]
    assert lock.busy_with is None and not lock.locked()


async def test_settling_waits_for_the_long_work_under_way_and_its_queue() -> None:
    """A close settles the lock before the store closes: it waits for a reload still running
    and for what was queued behind it, which is made before the close goes on."""
    lock = IndexLock()
    done: list[str] = []
    finish = asyncio.Event()

    async def reload() -> None:
        async with lock.long_work("a reload"):
            await finish.wait()
            done.append("reloaded")

    async def change() -> None:
        done.append("taught")

    running = asyncio.create_task(reload())
    await asyncio.sleep(0)
    lock.after_long_work(change)
    settling = asyncio.create_task(lock.settle())
    await asyncio.sleep(0.01)
    assert not settling.done() and done == []
    finish.set()
    await settling
    done.append("store closed")
    await running
    assert done == ["reloaded", "taught", "store closed"]
