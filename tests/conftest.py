"""Fixtures shared by unit and end-to-end tests (helpers live in helpers.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from builds import build, site_project  # noqa: E402
from helpers import Project  # noqa: E402


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty campaigns/ folder, for the core alone."""
    return Project(tmp_path)


@pytest.fixture
def fixture_project(tmp_path: Path) -> Project:
    """A copy of the site with an empty campaigns/ folder, to build."""
    return site_project(tmp_path, campaigns=None)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real site, built once, as published under a sub-path."""
    built = build(site_project(tmp_path_factory.mktemp("real")).root, SITE_URL="https://example.github.io/ssp/")
    assert built.result.returncode == 0, built.result.stderr
    return built
