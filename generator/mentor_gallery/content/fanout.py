"""Reading many files on several cores, with the same results in the same order as on one.

`check` reads a large roster in two passes: each file on its own (read, validate, render), then
each file again against something drawn from all of them (every private contact). The files are
cut into contiguous runs, one per core; this process reads the first run and a forked copy of it
each of the others, and what comes back is put together in the files' order, so the results and
their order are those of reading the files one after another. Whatever keeps a file between the
passes (its parsed document) stays in the process that read it; only results cross.

Forking copies this process as it is (modules loaded, settings read), so a worker starts at once;
it is used only where fork is the platform's own way (Linux), and only by commands that run no
threads. A worker that fails or dies costs nothing but time: its run is read here instead.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Any, Callable, Generic, Sequence, TypeVar

Item = TypeVar("Item")
Sent = TypeVar("Sent")  # what the first pass returns (crosses between processes)
Kept = TypeVar("Kept")  # what a file keeps for the second pass (stays where it was read)
Shared = TypeVar("Shared")  # drawn from every file's first result, given to every second pass
Found = TypeVar("Found")  # what the second pass returns

MIN_ITEMS_PER_WORKER = 1000  # below this a worker's start and results cost more than they save


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class TwoPasses(Generic[Item, Sent, Kept, Shared, Found]):
    """first(item) -> (sent, kept); share(every sent, in order) -> shared; second(kept, shared) -> found."""

    def __init__(self, first: Callable[[Item], tuple[Sent, Kept]], share: Callable[[list[Sent]], Shared],
                 second: Callable[[Kept, Shared], Found]):
        self.first, self.share, self.second = first, share, second

    def run(self, items: Sequence[Item], workers: int = 1) -> tuple[list[Sent], Shared, list[Found]]:
        """Every item's first result, the shared value, every item's second result: in the items' order."""
        workers = max(1, min(workers, len(items) // MIN_ITEMS_PER_WORKER))
        if workers == 1 or not can_fork():
            return self._here(items)
        size = -(-len(items) // workers)
        runs = [items[start:start + size] for start in range(0, len(items), size)]
        context = multiprocessing.get_context("fork")
        started = [self._start(context, run) for run in runs[1:]]
        own = [self.first(item) for item in runs[0]]
        sent = [result for result, _ in own]
        kept: list[list[Kept] | None] = [[k for _, k in own]]
        for index, (run, (process, connection)) in enumerate(zip(runs[1:], started)):
            received = _receive(connection)
            if received is None:  # the worker failed: its run is read here
                _end(process, connection)
                started[index] = (None, None)
                results = [self.first(item) for item in run]
                received = [result for result, _ in results]
                kept.append([k for _, k in results])
            else:
                kept.append(None)
            sent += received
        shared = self.share(sent)
        for _, connection in started:
            _send(connection, shared)
        found = [self.second(k, shared) for k in kept[0] or []]
        for index, (run, (process, connection)) in enumerate(zip(runs[1:], started), start=1):
            local = kept[index]
            received = None if local is not None else _receive(connection)
            if received is None:
                if local is None:  # the worker failed after its first pass: read its run again here
                    local = [self.first(item)[1] for item in run]
                received = [self.second(k, shared) for k in local]
            found += received
            _end(process, connection)
        return sent, shared, found

    def _here(self, items: Sequence[Item]) -> tuple[list[Sent], Shared, list[Found]]:
        results = [self.first(item) for item in items]
        shared = self.share([sent for sent, _ in results])
        return [sent for sent, _ in results], shared, [self.second(kept, shared) for _, kept in results]

    def _start(self, context: Any, run: Sequence[Item]) -> tuple[Any, Any]:
        here, there = context.Pipe()
        process = context.Process(target=self._work, args=(there, run), daemon=True)
        process.start()
        there.close()  # so a worker's death reads as the end of the pipe here
        return process, here

    def _work(self, connection: Any, run: Sequence[Item]) -> None:
        results = [self.first(item) for item in run]
        connection.send([sent for sent, _ in results])
        shared = connection.recv()
        connection.send([self.second(kept, shared) for _, kept in results])
        connection.close()


def _receive(connection: Any) -> Any:
    if connection is None:
        return None
    try:
        return connection.recv()
    except (EOFError, OSError):
        return None


def _send(connection: Any, value: Any) -> None:
    if connection is None:
        return
    try:
        connection.send(value)
    except OSError:
        pass  # the worker is gone: its second pass is run here


def _end(process: Any, connection: Any) -> None:
    if connection is not None:
        connection.close()
    if process is not None:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()
