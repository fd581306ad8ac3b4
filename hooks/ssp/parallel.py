"""Independent work spread over the machine's cores.

Workers are forked: they inherit the function and its inputs, so only results travel back.
A full build uses every core; the live preview's rebuilds stay in one process (they run beside
its server threads, and its caches make each rebuild small).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
MIN_ITEMS = 200  # below this, starting workers costs more than it saves
CHUNK_MAX = 250

_job: tuple[Callable, Sequence] | None = None  # what forked workers find when they start


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class WorkerLost(Exception):
    """A worker process died (killed by the system, out of memory…) while doing `step`."""

    def __init__(self, step: str):
        super().__init__(f"un processus de travail s'est arrêté brutalement pendant « {step} » (mémoire insuffisante ?) : "
                         "rien n'a été publié ; relancez la construction, ou faites-la sur un seul cœur avec SSP_WORKERS=1")


def parallel_map(function: Callable[[Item], Result], items: Sequence[Item], workers: int, step: str = "") -> list[Result]:
    """[function(item) for item in items], in this order, computed by `workers` processes."""
    return start_map(function, items, workers, step)()


def start_map(function: Callable[[Item], Result], items: Sequence[Item], workers: int,
              step: str = "") -> Callable[[], list[Result]]:
    """Start parallel_map in the background; call what it returns to wait for the results.
    Work too small to share is done, in this process, when the results are asked for. A worker
    that dies makes the wait end with WorkerLost (never wait forever)."""
    if workers < 2 or len(items) < MIN_ITEMS or not sys.platform.startswith("linux"):  # fork is safe on Linux
        return lambda: [function(item) for item in items]
    global _job
    # A few chunks per worker even out their load; small ones keep a worker's results small in memory.
    size = min(-(-len(items) // (workers * 4)), CHUNK_MAX)
    _job = (function, items)
    gc.freeze()  # the workers' garbage collector leaves inherited objects alone: their memory stays shared
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        pending = [pool.submit(_run, (start, start + size)) for start in range(0, len(items), size)]  # forks here
    finally:
        _job = None
        gc.unfreeze()

    def results() -> list[Result]:
        try:
            return [result for part in pending for result in part.result()]
        except BrokenProcessPool:
            raise WorkerLost(step or "travail en parallèle") from None
        finally:
            pool.shutdown(cancel_futures=True)
    return results


def _run(bounds: tuple[int, int]) -> list:
    function, items = _job
    return [function(item) for item in items[bounds[0]:bounds[1]]]
