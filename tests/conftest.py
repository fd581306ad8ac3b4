"""Fixtures of all tests: temporary projects, real builds, the site served at /ssp/, the browser."""

from __future__ import annotations

import contextlib
import fcntl
import inspect
import json
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "gates"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # generate.py: synthetic national editions

from builds import ENGINE, NATIONAL_ACTIONS, Build, build, site_project
from checks import launch
from helpers import ROOT, Project

if ENGINE == "properdocs":  # builds made in this process run ProperDocs too (mkdocs.* → properdocs.*)
    import properdocs.replacement  # noqa: F401

FOLDERS = {"unit": "unit", "e2e": "build", "browser": "browser", "gates": "gates"}  # tests/<folder>/ → marker


def pytest_collection_modifyitems(config, items):
    """Each test marked by its folder (unit, build, browser, gates), and `command` when it runs the
    editors' command `ssp` or a build in a process of its own (a second each): `make test-rapide` leaves those out."""
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        if folder in FOLDERS:
            item.add_marker(FOLDERS[folder])
        function = getattr(item, "function", None)
        if function and runs_a_process(function, item.module):
            item.add_marker("command")


def runs_a_process(function, module, depth: int = 0) -> bool:
    """Whether `function`, or a helper of the tests it calls (of its module, or imported from another test
    module: test_hostile_round2 calls test_hostile.verify), calls helpers.ssp or builds.build."""
    names = set(function.__code__.co_names) | {name for const in function.__code__.co_consts
                                               if inspect.iscode(const) for name in const.co_names}
    if names & {"ssp", "build"}:
        return True
    helpers = (getattr(module, name, None) for name in names)
    return depth < 3 and any(inspect.isfunction(helper) and _a_test_module(helper.__module__)
                             and runs_a_process(helper, sys.modules[helper.__module__], depth + 1) for helper in helpers)


def _a_test_module(name: str) -> bool:
    return name.rpartition(".")[2].startswith("test_")  # « test_hostile », or « unit.test_hostile » as pytest may name it


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


FIXTURES = ROOT / "tests" / "fixtures" / "gates"


@dataclass
class Served:
    """A shared site's server, as tests read it (checks.SiteServer in another process)."""
    base: str
    root: Path

    @property
    def port(self) -> int:
        return int(self.base.split(":")[2].split("/")[0])


def shared_folder(tmp_path_factory) -> Path:
    """The test run's temporary folder, shared by its processes (pytest-xdist gives each a folder inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if base.name.startswith("popen-gw") else base


SERVE_APART = """
import os, pathlib, sys, time
sys.path[:0] = sys.argv[3:]
from checks import SiteServer
print(SiteServer(pathlib.Path(sys.argv[1])).base, flush=True)
while True:  # until pytest_sessionfinish stops it, or the test run is gone
    time.sleep(1)
    try:
        os.kill(int(sys.argv[2]), 0)
    except OSError:
        break
"""


def serve_apart(site_dir: Path) -> tuple[subprocess.Popen, str]:
    """`site_dir` served at /ssp/ by a process of its own; the process and the address it serves."""
    run = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()  # the run's first process
    tests = Path(__file__).resolve().parent
    server = subprocess.Popen([sys.executable, "-c", SERVE_APART, str(site_dir), str(run), str(tests), str(tests / "gates")],
                              stdout=subprocess.PIPE, text=True)
    return server, server.stdout.readline().strip()


def pytest_sessionfinish(session):
    """The run's first process (not a pytest-xdist worker) stops the servers of the shared sites."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    for record in shared_folder(session.config._tmp_path_factory).glob("*.served.json"):
        with contextlib.suppress(OSError):
            os.kill(json.loads(record.read_text(encoding="utf-8"))["pid"], signal.SIGTERM)


def shared_site(tmp_path_factory, name: str, make) -> tuple[Build, Served]:
    """A site built once for the whole test run: the first test process to ask builds it (`make(folder, base)`:
    the site built in `folder`/site for serving at `base`), the others wait for it, then read it. It is served
    at /ssp/ by a process of its own, which lasts as long as the run (pytest_sessionfinish). Tests only read it."""
    folder = shared_folder(tmp_path_factory) / name
    record = folder.with_suffix(".served.json")
    with open(folder.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            server, base = serve_apart(folder / "site")
            built = make(folder, base)
            if built.result.returncode != 0:
                server.kill()
                raise AssertionError(built.result.stderr)
            record.write_text(json.dumps({"base": base, "pid": server.pid, "stdout": built.result.stdout,
                                          "stderr": built.result.stderr}), encoding="utf-8")
    said = json.loads(record.read_text(encoding="utf-8"))
    return Build(subprocess.CompletedProcess([], 0, said["stdout"], said["stderr"]), folder / "site"), Served(said["base"], folder / "site")


def served_with_fixtures(tmp_path_factory, name: str, prepare=None, **env: str) -> tuple[Build, Served]:
    """A copy of the site (real campaigns + the test edition), built once for the run and served at /ssp/."""
    def make(folder: Path, base: str) -> Build:
        project = site_project(folder)
        shutil.copytree(FIXTURES / "campaigns", folder / "campaigns", dirs_exist_ok=True)
        if prepare:
            prepare(project)
        return build(folder, SITE_URL=base, **env)
    return shared_site(tmp_path_factory, name, make)


@pytest.fixture(scope="session")
def later_site(tmp_path_factory):
    """The real content as published on 3 December 2026, after the 2025 edition, served at /ssp/."""
    return shared_site(tmp_path_factory, "later", lambda folder, base: build(
        site_project(folder).root, SITE_URL=base, SOURCE_DATE_EPOCH="1796256000"))


@pytest.fixture(scope="session")
def national_site(tmp_path_factory):
    """A national edition of 2,000 actions (bench/generate.py) held 16–20 November 2026, built as of a
    day (`national_site(epoch)`) and served, once for the run (shared_site). Its builds follow each other
    with one disk cache (ssp.diskcache), as the nightly builds of an editor's machine: the second makes
    again only what depends on the day (the gates check a build from the cache is the one made without)."""
    from generate import generate

    cache = shared_folder(tmp_path_factory) / "national-cache"

    def make(epoch: str):
        def made(folder: Path, base: str) -> Build:
            generate(site_project(folder, campaigns=None).root, NATIONAL_ACTIONS, editions=1)
            with open(cache.with_suffix(".lock"), "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                return build(folder, SITE_URL=base, SOURCE_DATE_EPOCH=epoch, SSP_CACHE_DIR=str(cache))
        return made
    return lambda epoch: shared_site(tmp_path_factory, f"national-{epoch}", make(epoch))


@pytest.fixture(scope="session")
def gates_site(tmp_path_factory):
    return served_with_fixtures(tmp_path_factory, "gates")


@pytest.fixture(scope="session")
def neutre_site(tmp_path_factory):
    """The same site in the « neutre » presentation (Material), for publishers outside the State."""
    return served_with_fixtures(tmp_path_factory, "neutre", SSP_PRESENTATION="neutre")


@pytest.fixture(scope="session", params=["etat", "neutre"])
def presented_site(request):
    """The gates' site in each presentation: the gates hold for both."""
    return request.getfixturevalue("gates_site" if request.param == "etat" else "neutre_site")


def break_templates(project) -> None:
    """A deliberately broken event template: every gate must catch something in it."""
    template = project.root / "overrides" / "partials" / "ssp" / "event-page.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% include \"partials/ssp/event-details.html\" %}",
        "{% include \"partials/ssp/event-details.html\" %}\n"
        "<img src=\"{{ 'introuvable.png' | url }}\">\n"
        "<a href=\"#ancre-absente\">ancre</a> <a href=\"{{ 'page-absente/' | url }}\">page</a>\n"
        "<link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css?family=Roboto\">\n"
        "<p style=\"color:#dddddd\">Texte trop pâle</p>\n"
        "<div><li>élément de liste hors liste</li></div>\n"), encoding="utf-8")


@pytest.fixture(scope="session")
def broken_site(tmp_path_factory):
    return served_with_fixtures(tmp_path_factory, "broken", break_templates)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    tab = context.new_page()
    yield tab
    context.close()
