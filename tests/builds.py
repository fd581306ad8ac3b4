"""Real builds of the site in temporary folders, for tests that parse the output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

import forked
from helpers import ROOT, Project

SITE_PARTS = ("mkdocs.yml", "hooks", "overrides", "docs", "modeles")


@dataclass
class Build:
    result: subprocess.CompletedProcess
    site: Path

    def html(self, rel: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / rel).read_text(encoding="utf-8"), "html.parser")

    def text(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")


def site_project(root: Path, campaigns: Path | None = ROOT / "campaigns") -> Project:
    """A copy of the site's code, with the real campaigns or an empty campaigns/ to fill."""
    root.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / part)
    # the DSFR package (installed by `make test`), where the « etat » presentation reads it; not copied: 88 MB
    (root / "tools").mkdir(exist_ok=True)
    (root / "tools" / "dsfr").symlink_to(ROOT / "tools" / "dsfr", target_is_directory=True)
    if campaigns:
        shutil.copytree(campaigns, root / "campaigns")
    return Project(root)


# The engine the suite runs: ProperDocs (default) or MkDocs 1.6.1 (`make test-mkdocs`).
ENGINE = os.environ.get("SSP_ENGINE", "properdocs")
assert ENGINE in ("properdocs", "mkdocs"), f"SSP_ENGINE={ENGINE} : properdocs ou mkdocs"


def engine(*arguments: str) -> list[str]:
    """The command line running the engine: `engine("build", "--strict")`."""
    return [sys.executable, "-m", ENGINE, *arguments]


NATIONAL_ACTIONS = 2000  # conftest.national_site: a national edition held 16–20 November 2026 (bench/generate.py)
NATIONAL_BEFORE = "1793577600"  # its build two weeks before (2 November 2026): every action to come


def mkdocs_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", **extra}
    env.pop("SITE_URL", None)
    env.pop("SSP_PRESENTATION", None)  # the default presentation unless a test names one
    env.update(extra)
    return env


def build(root: Path, *, new_interpreter: bool = False, **env: str) -> Build:
    """`python -m properdocs build --strict -d site` in `root`, forked from a process where it is imported (forked.py),
    or in a new interpreter: asked for (`new_interpreter`), under MkDocs, or given a variable Python reads as it starts."""
    command, settings = engine("build", "--strict", "-d", "site"), mkdocs_env(**env)
    if new_interpreter or ENGINE != "properdocs" or any(name.startswith("PYTHON") for name in env):
        result = subprocess.run(command, cwd=root, env=settings, capture_output=True, text=True, timeout=300)
    else:
        result = forked.run("build", command, cwd=root, env=settings, timeout=300)
    return Build(result, root / "site")
