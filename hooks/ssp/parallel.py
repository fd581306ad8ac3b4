"""Independent work spread over the machine's cores.

A step names a work function, defined at module level, called as work(context, item) for each
item. Workers are forked: they inherit `context` (read-only inputs, often large: templates,
loaded events) without copying it; each item's result is sent back, and it is all that comes
back — a change a worker makes to the context is lost. Results come back through a file per chunk,
not the pool's pipe: a worker sending megabytes (pictures) through the pipe waited, its core idle,
whenever this process was busy in Python, as only a thread of it holding the interpreter's lock
reads the pipe. A full build uses every core; the live preview's rebuilds stay in one process (they
run beside its server threads, and its cache makes each rebuild small).
"""

from __future__ import annotations

import gc
import glob
import multiprocessing
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as Late
from concurrent.futures.process import BrokenProcessPool
from functools import cache as once
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
T = TypeVar("T")
MIN_ITEMS = 200  # below this, starting workers costs more than it saves
CHUNK_MAX = 100  # items: the last chunk of a step, made by one worker while the other waits, stays short
_job: tuple[Callable, Any, Sequence, str, int] | None = None  # what forked workers find when they start
_gave_way = False  # whether this worker lowered its priority (_give_way)


def step_limit() -> int:
    """Seconds a step may take (SSP_WORKER_TIMEOUT, 900 by default): a stuck worker ends the build."""
    value = os.environ.get("SSP_WORKER_TIMEOUT", "")
    return int(value) if value.isdigit() and int(value) > 0 else 900


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class WorkerLost(Exception):
    """A worker process died (killed by the system, out of memory…), got stuck while doing `step`, or could not
    write or read a file (`failed`: its results in the temporary folder, a page: a full disk…)."""

    def __init__(self, step: str, stuck_after: float | None = None, failed: OSError | None = None):
        if failed is not None:
            where = f" : {failed.filename}" if failed.filename else ""
            what = (f"n'a pas pu écrire ou lire un fichier ({failed.strerror or failed}{where} ; disque plein ? le dossier "
                    "temporaire se choisit avec TMPDIR)")
        elif stuck_after is not None:
            what = f"n'a pas fini en {stuck_after:.0f} s (un processus de travail semble bloqué)"
        else:
            what = "s'est arrêtée : un processus de travail a été tué (mémoire insuffisante ?)"
        super().__init__(f"L'étape « {step} » de la construction {what} : rien n'a été publié ; relancez la construction, "
                         "ou faites-la sur un seul cœur avec SSP_WORKERS=1")


def parallel_map(work: Callable[[Any, Item], Result], context: Any, items: Sequence[Item], workers: int,
                 step: str) -> list[Result]:
    """[work(context, item) for item in items], in this order, computed by `workers` processes."""
    return start_map(work, context, items, workers, step)()


def start_map(work: Callable[[Any, Item], Result], context: Any, items: Sequence[Item], workers: int,
              step: str, wait: float | None = None, idle_from: int | None = None) -> Pending[list[Result]]:
    """Start parallel_map in the background; call what it returns to wait for the results.
    Work too small to share is done, in this process, when the results are asked for. A worker
    that dies, or a step longer than `wait` seconds (SSP_WORKER_TIMEOUT, 900 by default), ends
    the wait with WorkerLost naming the step: never a wait forever. What it returns can also be
    cancelled (the build stopped: its workers are ended at once) or waited for in part (`wait_for`).
    Items from rank `idle_from` on are wanted only at the end of the build: their workers run at a
    low priority (nice 10), taking the time the cores would otherwise leave idle, never time from the
    rest of the build (the search index, the pages MkDocs renders)."""
    if "<" in getattr(getattr(work, "func", work), "__qualname__", "<"):  # a lambda or a nested function
        raise TypeError(f"{work!r}: parallel work must be a module-level function (its inputs go in `context`)")
    if workers < 2 or len(items) < MIN_ITEMS or not sys.platform.startswith("linux"):  # fork is safe on Linux
        here = once(lambda: [work(context, item) for item in items])
        return Pending(here, wait_for=lambda count: here())
    global _job
    # A few chunks per worker even out their load; small ones keep a worker's results small in memory.
    size = min(-(-len(items) // (workers * 4)), CHUNK_MAX)
    try:
        folder = _results_folder()
    except OSError as error:
        raise WorkerLost(step, failed=error) from None
    _job = (work, context, items, folder.name, len(items) if idle_from is None else idle_from)
    gc.freeze()  # the workers' garbage collector leaves inherited objects alone: their memory stays shared
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        pending = [pool.submit(_run, (start, start + size)) for start in range(0, len(items), size)]  # forks here
    finally:
        _job = None
        gc.unfreeze()
    limit = step_limit() if wait is None else wait
    deadline = time.monotonic() + limit

    def done(parts: list) -> list[str]:
        """The files of `parts`' results, once written."""
        try:
            return [part.result(timeout=max(0.0, deadline - time.monotonic())) for part in parts]
        except BrokenProcessPool:
            pool.shutdown(cancel_futures=True)
            folder.cleanup()
            raise WorkerLost(step) from None
        except Late:
            stop()
            raise WorkerLost(step, limit) from None
        except OSError as error:  # a worker's, sent back: it could not write its results, or a page
            stop()
            raise WorkerLost(step, failed=error) from None

    def results() -> list[Result]:
        found: list[Result] = []
        for part in pending:  # each chunk read as soon as it is done, while the workers make the next ones
            for path in done([part]):
                try:
                    with open(path, "rb") as file:
                        found += pickle.load(file)
                except OSError as error:
                    stop()
                    raise WorkerLost(step, failed=error) from None
        pool.shutdown()
        folder.cleanup()
        return found

    def stop() -> None:
        _stop(pool)
        folder.cleanup()
    return Pending(results, stop, lambda count: done(pending[:-(-count // size)]))


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now, whatever they are doing."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):  # Python < 3.14 has no
        process.kill()                                                      # public way to stop them
    pool.shutdown(wait=False, cancel_futures=True)


class Pending(Generic[T]):
    """Work started by start_map: call it for the results (once), or cancel() it; wait_for(n) waits
    until the first n items are done (work done in this process is all done then)."""

    def __init__(self, results: Callable[[], T], cancel: Callable[[], None] = lambda: None,
                 wait_for: Callable[[int], object] = lambda count: None) -> None:
        self._results, self.cancel, self._wait_for = results, cancel, wait_for

    def wait_for(self, count: int) -> None:
        self._wait_for(count)

    def __call__(self) -> T:
        return self._results()


def _results_folder() -> tempfile.TemporaryDirectory:
    """A folder for the chunks' results, named after this process, removed once they are read, when the
    work is cancelled, or at the latest when this process exits; those a killed build left are removed."""
    for stale in glob.glob(os.path.join(glob.escape(tempfile.gettempdir()), "ssp-*-*")):
        pid = os.path.basename(stale).split("-")[1]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)
    return tempfile.TemporaryDirectory(prefix=f"ssp-{os.getpid()}-", ignore_cleanup_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        pass
    return True


def _run(bounds: tuple[int, int]) -> str:
    assert _job is not None  # set before the workers are forked
    work, context, items, folder, idle_from = _job
    if bounds[0] >= idle_from:
        _give_way()
    path = os.path.join(folder, f"{bounds[0]}.pickle")
    with open(path, "wb") as file:
        pickle.dump([work(context, item) for item in items[bounds[0]:bounds[1]]], file, pickle.HIGHEST_PROTOCOL)
    return path


def _give_way() -> None:
    """This worker at a low priority, for good: the rest of its work is wanted only at the end."""
    global _gave_way
    if not _gave_way:
        os.nice(10)
        _gave_way = True
