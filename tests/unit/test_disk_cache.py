"""What a build keeps on disk for the next (ssp.diskcache): read back only by the same code, never
from the repository, never a crash."""

from __future__ import annotations

import os
import pickle
import subprocess

import pytest

from ssp import diskcache
from ssp.cache import Cache
from ssp.folders import project_problems, root_links


def made() -> Cache:
    cache = Cache()
    cache.entries.update({("event", "d1"): {"title": "Portes ouvertes"}, ("share picture", "d1"): b"JPEG",
                          ("file", "2017/x.md", "site"): "not kept: it names the output folder"})
    return cache


def test_what_a_build_kept_is_read_back_by_the_next(tmp_path):
    diskcache.write(tmp_path, made(), frozenset())
    assert (tmp_path / ".cache/ssp/contenu.pickle").is_file()
    into = Cache()
    keys = diskcache.read(tmp_path, into)
    assert keys == {("event", "d1"), ("share picture", "d1")}
    assert into.entries == {("event", "d1"): {"title": "Portes ouvertes"}, ("share picture", "d1"): b"JPEG"}
    assert not into.used  # read, not yet used: a build that does not use them forgets them (Cache.sweep)


def test_nothing_is_written_when_the_build_kept_what_it_read(tmp_path):
    diskcache.write(tmp_path, made(), frozenset())
    path = tmp_path / ".cache/ssp/contenu.pickle"
    os.utime(path, (1, 1))
    diskcache.write(tmp_path, made(), frozenset({("event", "d1"), ("share picture", "d1")}))
    assert path.stat().st_mtime == 1
    diskcache.write(tmp_path, made(), frozenset({("event", "d0")}))
    assert path.stat().st_mtime > 1


def test_another_codes_cache_or_a_broken_one_is_ignored(tmp_path):
    path = tmp_path / ".cache/ssp/contenu.pickle"
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps("une autre version du code") + pickle.dumps({("event", "d1"): "old"}))
    into = Cache()
    assert diskcache.read(tmp_path, into) == frozenset() and into.entries == {}
    diskcache.write(tmp_path, made(), frozenset())
    path.write_bytes(path.read_bytes()[:-5])  # cut short
    assert diskcache.read(tmp_path, into) == frozenset() and into.entries == {}


def test_no_cache_when_told(tmp_path, monkeypatch):
    monkeypatch.setenv("SSP_CACHE", "non")
    diskcache.write(tmp_path, made(), frozenset())
    assert not (tmp_path / ".cache").exists()
    monkeypatch.delenv("SSP_CACHE")
    monkeypatch.setenv("SSP_CACHE_DIR", str(tmp_path / "ailleurs"))
    diskcache.write(tmp_path, made(), frozenset())
    assert (tmp_path / "ailleurs/contenu.pickle").is_file() and not (tmp_path / ".cache").exists()


def git(project, *args: str) -> None:
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True)


def test_a_cache_the_repository_brings_stops_the_build(tmp_path):
    git(tmp_path, "init", "-q")
    diskcache.write(tmp_path, made(), frozenset())
    assert diskcache.problems(tmp_path) == []  # made here, not versioned
    git(tmp_path, "add", "-f", ".cache")
    [problem] = project_problems(tmp_path)
    assert problem.path == ".cache/" and "git rm -r -f .cache" in problem.message


@pytest.mark.parametrize("name", [".cache", "site.partiel.recherche"])
def test_a_link_where_the_build_writes_its_cache_or_search_copies_is_refused(tmp_path, name):
    (tmp_path / "ailleurs").mkdir()
    (tmp_path / name).symlink_to(tmp_path / "ailleurs")
    assert [problem.path for problem in root_links(tmp_path)] == [name]
