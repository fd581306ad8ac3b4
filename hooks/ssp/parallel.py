"""Independent work spread over the machine's cores.

A step names a work function, defined at module level, called as work(context, item) for each
item. Workers are forked: they inherit `context` (read-only inputs, often large: templates,
loaded events) without copying it; each item's result is sent back, and it is all that comes
back — a change a worker makes to the context is lost. A full build uses every core; the live
preview's rebuilds stay in one process (they run beside its server threads, and its cache makes
each rebuild small).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as Late
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
MIN_ITEMS = 200  # below this, starting workers costs more than it saves
CHUNK_MAX = 250
_WAIT = os.environ.get("SSP_WORKER_TIMEOUT", "")
WAIT = int(_WAIT) if _WAIT.isdigit() and int(_WAIT) > 0 else 900  # seconds a step may take: a stuck worker ends the build

_job: tuple[Callable, Any, Sequence] | None = None  # what forked workers find when they start


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class WorkerLost(Exception):
    """A worker process died (killed by the system, out of memory…) or got stuck while doing `step`."""

    def __init__(self, step: str, stuck_after: float | None = None):
        what = (f"n'a pas fini en {stuck_after:.0f} s (un processus de travail semble bloqué)" if stuck_after is not None
                else "s'est arrêtée : un processus de travail a été tué (mémoire insuffisante ?)")
        super().__init__(f"L'étape « {step} » de la construction {what} : rien n'a été publié ; relancez la construction, "
                         "ou faites-la sur un seul cœur avec SSP_WORKERS=1")


def parallel_map(work: Callable[[Any, Item], Result], context: Any, items: Sequence[Item], workers: int,
                 step: str) -> list[Result]:
    """[work(context, item) for item in items], in this order, computed by `workers` processes."""
    return start_map(work, context, items, workers, step)()


def start_map(work: Callable[[Any, Item], Result], context: Any, items: Sequence[Item], workers: int,
              step: str, wait: float | None = None) -> Pending:
    """Start parallel_map in the background; call what it returns to wait for the results.
    Work too small to share is done, in this process, when the results are asked for. A worker
    that dies, or a step longer than `wait` seconds (SSP_WORKER_TIMEOUT, 900 by default), ends
    the wait with WorkerLost naming the step: never a wait forever. What it returns has `cancel()`,
    for work no longer wanted (the build stopped): its workers are ended at once."""
    if "<" in getattr(getattr(work, "func", work), "__qualname__", "<"):  # a lambda or a nested function
        raise TypeError(f"{work!r}: parallel work must be a module-level function (its inputs go in `context`)")
    if workers < 2 or len(items) < MIN_ITEMS or not sys.platform.startswith("linux"):  # fork is safe on Linux
        return Pending(lambda: [work(context, item) for item in items])
    global _job
    # A few chunks per worker even out their load; small ones keep a worker's results small in memory.
    size = min(-(-len(items) // (workers * 4)), CHUNK_MAX)
    _job = (work, context, items)
    gc.freeze()  # the workers' garbage collector leaves inherited objects alone: their memory stays shared
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        pending = [pool.submit(_run, (start, start + size)) for start in range(0, len(items), size)]  # forks here
    finally:
        _job = None
        gc.unfreeze()
    deadline = time.monotonic() + (WAIT if wait is None else wait)

    def results() -> list[Result]:
        try:
            found = [result for part in pending for result in part.result(timeout=max(0.0, deadline - time.monotonic()))]
        except BrokenProcessPool:
            pool.shutdown(cancel_futures=True)
            raise WorkerLost(step) from None
        except Late:
            _stop(pool)
            raise WorkerLost(step, WAIT if wait is None else wait) from None
        pool.shutdown()
        return found
    return Pending(results, lambda: _stop(pool))


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now, whatever they are doing."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):  # Python < 3.14 has no
        process.kill()                                                      # public way to stop them
    pool.shutdown(wait=False, cancel_futures=True)


class Pending:
    """Work started by start_map: call it for the results (once), or cancel() it."""

    def __init__(self, results: Callable[[], list], cancel: Callable[[], None] = lambda: None) -> None:
        self._results, self.cancel = results, cancel

    def __call__(self) -> list:
        return self._results()


def _run(bounds: tuple[int, int]) -> list:
    assert _job is not None  # set before the workers are forked
    work, context, items = _job
    return [work(context, item) for item in items[bounds[0]:bounds[1]]]
