"""Fixtures of all tests: temporary projects, real builds, the site served at /ssp/, the browser."""

from __future__ import annotations

import inspect
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "gates"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))  # generate.py: synthetic national editions

from builds import ENGINE, NATIONAL_ACTIONS, build, site_project
from checks import SiteServer, launch
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


def build_served(root: Path, prepare=None, **env: str):
    """Build a copy of the site (real campaigns + the test edition) for serving at /ssp/."""
    project = site_project(root)
    shutil.copytree(FIXTURES / "campaigns", root / "campaigns", dirs_exist_ok=True)
    if prepare:
        prepare(project)
    server = SiteServer()
    built = build(root, SITE_URL=server.base, **env)
    assert built.result.returncode == 0, built.result.stderr
    server.serve(built.site)
    return built, server


@pytest.fixture(scope="session")
def later_site(tmp_path_factory):
    """The real content as published on 3 December 2026, after the 2025 edition, served at /ssp/."""
    project = site_project(tmp_path_factory.mktemp("later"))
    server = SiteServer()
    built = build(project.root, SITE_URL=server.base, SOURCE_DATE_EPOCH="1796256000")
    assert built.result.returncode == 0, built.result.stderr
    server.serve(built.site)
    yield built, server
    server.close()


@pytest.fixture(scope="session")
def national_site(tmp_path_factory):
    """A national edition of 2,000 actions (bench/generate.py) held 16–20 November 2026, built as of a
    day (`national_site(epoch)`) and served; each day's site built once per test process."""
    from generate import generate

    sites = {}

    def site(epoch: str):
        if epoch not in sites:
            project = site_project(tmp_path_factory.mktemp("national"), campaigns=None)
            generate(project.root, NATIONAL_ACTIONS, editions=1)
            server = SiteServer()
            built = build(project.root, SITE_URL=server.base, SOURCE_DATE_EPOCH=epoch)
            assert built.result.returncode == 0, built.result.stderr
            server.serve(built.site)
            sites[epoch] = built, server
        return sites[epoch]
    yield site
    for _, server in sites.values():
        server.close()


@pytest.fixture(scope="session")
def gates_site(tmp_path_factory):
    built, server = build_served(tmp_path_factory.mktemp("gates"))
    yield built, server
    server.close()


@pytest.fixture(scope="session")
def neutre_site(tmp_path_factory):
    """The same site in the « neutre » presentation (Material), for publishers outside the State."""
    built, server = build_served(tmp_path_factory.mktemp("neutre"), SSP_PRESENTATION="neutre")
    yield built, server
    server.close()


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
    built, server = build_served(tmp_path_factory.mktemp("broken"), break_templates)
    yield built, server
    server.close()


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
