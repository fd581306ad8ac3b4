"""Fixtures of the end-to-end tests (helpers in e2e_helpers.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e2e_helpers import build, site_project  # noqa: E402
from helpers import Project  # noqa: E402


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    site_project(root)
    built = build(root, SITE_URL="https://example.github.io/ssp/")
    assert built.result.returncode == 0, built.result.stderr
    return built


@pytest.fixture
def fixture_project(tmp_path) -> Project:
    return site_project(tmp_path, campaigns=None)
