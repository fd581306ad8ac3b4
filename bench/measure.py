"""Build a site in this process and print wall time, or peak memory, as JSON (one build per process).

Usage: measure.py CONFIG SITE [--memory]. Peak memory is the largest total, sampled every 0.5 s, of
the proportional set size (PSS) of this process and of its forked workers: pages they share are
counted once, not once per process. Sampling costs a build of 1 GB about 1.5 s of processor (the
kernel walks each process's memory map): a timed build does not sample, and its memory is measured
by a build of its own.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
if os.environ.get("SSP_ENGINE", "properdocs") == "properdocs":  # as `properdocs build` runs: mkdocs.* → properdocs.*
    import properdocs.replacement  # noqa: F401

from mkdocs.commands.build import build
from mkdocs.config import load_config


def pss_kb(pid: int | str) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children_of(task: Path) -> list[str]:
    try:
        return (task / "children").read_text().split()
    except OSError:  # a thread that just ended
        return []


def family_pss_kb() -> int:
    children = [pid for task in Path("/proc/self/task").iterdir() for pid in children_of(task)]
    return pss_kb("self") + sum(pss_kb(pid) for pid in children)


peak, done = [0], threading.Event()


def sample() -> None:
    while not done.wait(0.5):  # reading a process's memory map costs: not too often
        peak[0] = max(peak[0], family_pss_kb())


config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
memory = sys.argv[3:] == ["--memory"]
if memory:
    threading.Thread(target=sample, daemon=True).start()
start = time.perf_counter()
config.plugins.on_startup(command="build", dirty=False)  # as the engine's `build` command does
build(config)
seconds = time.perf_counter() - start
done.set()
print(json.dumps({"rss_mb": max(peak[0], family_pss_kb()) / 1024} if memory else {"seconds": seconds}))
