"""Build a site in this process and print wall time and peak memory as JSON (one build per process)."""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
start = time.perf_counter()
config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
build(config)
seconds = time.perf_counter() - start
# Forked workers: at most one per core at a time, each no larger than the largest seen (an upper bound).
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (os.cpu_count() or 1)
print(json.dumps({"seconds": seconds, "rss_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + workers) / 1024}))
