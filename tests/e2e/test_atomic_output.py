"""A build writes beside site/ and takes its place only when complete: a build killed at any
moment, or one that fails, leaves the previous site whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from builds import build, engine, mkdocs_env, site_project
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from generate import generate


def files_of(folder) -> dict[str, int]:
    return {path.relative_to(folder).as_posix(): path.stat().st_size for path in folder.rglob("*") if path.is_file()}


def html_count(folder) -> int:
    """Pages written so far (os.walk tolerates a folder changing under it)."""
    return sum(name.endswith(".html") for _, _, names in os.walk(folder) for name in names)


def test_a_build_killed_midway_leaves_the_previous_site_whole(tmp_path):
    project = site_project(tmp_path / "p", campaigns=None)
    generate(project.root, 400, editions=2)
    assert build(project.root).result.returncode == 0
    site = project.root / "site"
    before = files_of(site)
    assert "index.html" in before and len(before) > 800
    partial = project.root / "site.partiel"
    for moment in (0.5, 0.9):  # while the partial folder fills up
        process = subprocess.Popen(engine("build", "--strict", "-d", "site"), cwd=project.root,
                                   env=mkdocs_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and html_count(partial) < moment * 400:
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)  # the build and its workers, as a machine stopping would
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL, "the build finished before it could be killed"
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
