"""The core must run without MkDocs, so that the site can change generator."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def test_core_does_not_import_mkdocs():
    code = ("import pkgutil, importlib, sys, ssp, ssp.exports\n"
            "for m in pkgutil.walk_packages(ssp.__path__, 'ssp.'): importlib.import_module(m.name)\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] in ('mkdocs', 'material')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "hooks", capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_import_command_loads_openpyxl_only_for_a_workbook():
    """`ssp importer` of a CSV starts without openpyxl (0.1 s to load, and the suite runs the command 200 times)."""
    code = ("import sys, ssp.__main__, ssp.importer, ssp.spreadsheet\n"
            "print('openpyxl' in sys.modules, ssp.spreadsheet.column_letter(28), 'openpyxl' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "hooks", capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "AB", "True"]


def test_the_build_api_runs_alone(tmp_path):
    from datetime import date

    from ssp.build import build_site

    site = build_site(ROOT, today=date(2017, 11, 22), site_url="https://example.org/ssp")
    assert {"index.md", "editions.md", "donnees-ouvertes.md", "ressources.md", "2017/index.md", "2017/evenements/index.md",
            "2017/evenements/portes-ouvertes-maternite-douai.md", "partenariat/index.md"} <= {page.src_uri for page in site.pages}
    assert {"2017/evenements.json", "2017/agenda.ics", "agendas/occitanie.ics"} <= set(site.files)
    home = next(page for page in site.pages if page.src_uri == "index.md").view  # what home.html shows that day
    assert (home.edition.year, home.phase) == (2017, "en-cours")
    assert [event.slug for event, _ in home.upcoming] == ["portes-ouvertes-maternite-douai"]


def test_no_module_is_over_400_lines():
    """Short modules (issue « One door per extension point »): a module past 400 lines is split where its parts part."""
    modules = [path for folder in ("hooks", "tools", "bench", ".ci") for path in (ROOT / folder).rglob("*.py")
               if "node_modules" not in path.parts]
    assert len(modules) > 60
    assert {path.relative_to(ROOT).as_posix(): count for path in modules
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400} == {}
