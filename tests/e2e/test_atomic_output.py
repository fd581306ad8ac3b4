"""A build writes beside site/ and takes its place only when complete: a build killed at any
moment, or one that fails, leaves the previous site whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from builds import ENGINE, build, mkdocs_env, site_project
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from generate import generate


def files_of(folder) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_size for path in folder.rglob("*") if path.is_file()}


def html_count(folder) -> int:
    """Pages written so far (os.walk tolerates a folder changing under it)."""
    return sum(name.endswith(".html") for _, _, names in os.walk(folder) for name in names)


# The engine's build, stopped for good once `limit` pages are written (every process of it counts
# in one file): the test kills it there, whatever the machine's speed.
STOPPING_BUILD = """
import importlib, os, runpy, sys, time
engine, counter_path, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
utils = importlib.import_module(engine + ".utils")
counter = os.open(counter_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
written = utils.write_file

def write_file(content, output_path):
    written(content, output_path)
    if output_path.endswith(".html"):
        os.write(counter, b".")
        while os.fstat(counter).st_size >= limit:
            time.sleep(60)  # as a machine stopping here: the test kills the build

utils.write_file = write_file
sys.argv = [engine, "build", "--strict", "-d", "site"]
runpy.run_module(engine, run_name="__main__", alter_sys=True)
"""


def test_a_build_killed_midway_leaves_the_previous_site_whole(tmp_path):
    project = site_project(tmp_path / "p", campaigns=None)
    generate(project.root, 300, editions=2)
    assert build(project.root).result.returncode == 0
    site = project.root / "site"
    before = files_of(site)
    assert "index.html" in before and len(before) > 800
    partial = project.root / "site.partiel"
    for limit in (200, 700):  # while the partial folder fills up: among the first pages, then most of them
        counter = tmp_path / f"pages-{limit}"
        process = subprocess.Popen([sys.executable, "-c", STOPPING_BUILD, ENGINE, str(counter), str(limit)], cwd=project.root,
                                   env=mkdocs_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and (not counter.exists() or counter.stat().st_size < limit):
            time.sleep(0.05)
        assert process.poll() is None, "the build ended before it was stopped"
        assert html_count(partial) >= limit and (site / "index.html").exists()
        os.killpg(process.pid, signal.SIGKILL)  # the build and its workers, as a machine stopping would
        process.wait(timeout=30)
        assert files_of(site) == before
    again = build(project.root)  # the next build removes what the killed one left
    assert again.result.returncode == 0 and not partial.exists() and files_of(site).keys() == before.keys()


def test_a_failing_build_publishes_nothing_not_even_with_mkdocs_warnings(fixture_project):
    fixture_project.edition()
    fixture_project.event("x")
    assert build(fixture_project.root).result.returncode == 0
    before = files_of(fixture_project.root / "site")
    fixture_project.write("docs/page-orpheline.md", "[lien cassé](absente.md)\n")  # a warning: fails --strict
    failed = build(fixture_project.root)
    assert failed.result.returncode == 1 and "absente.md" in failed.result.stderr + failed.result.stdout
    assert files_of(fixture_project.root / "site") == before
    assert not (fixture_project.root / "site.partiel").exists()
