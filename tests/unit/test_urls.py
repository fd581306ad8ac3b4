"""One table of addresses (hooks/ssp/urls.py): the core, the exports and the templates use it;
no template writes an address by hand."""

from __future__ import annotations

import re
import sys

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from ssp.urls import PERMALINKS, link, page_source

TEMPLATES = sorted((ROOT / "overrides").rglob("*.html"))
# Inside {{ … }} written in an href, src or content attribute: a « ~ » joins pieces of an address.
ADDRESS = re.compile(r'(?:href|src|content|data-[a-z-]+)="\{\{(?P<expression>[^}]*)\}\}')
ALLOWED = ("region.query", "config.site_url ~ share[0]")  # a query string; the site's address + a table path


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.relative_to(ROOT / "overrides").as_posix())
def test_no_template_writes_an_address_by_hand(template):
    text = template.read_text(encoding="utf-8")
    joined = [match["expression"].strip() for match in ADDRESS.finditer(text)
              if "~" in match["expression"] and not any(allowed in match["expression"] for allowed in ALLOWED)]
    joined += re.findall(r"\([^()]*~[^()]*\)\s*\|\s*url", text)
    assert joined == [], "écrivez ces adresses avec le filtre link (hooks/ssp/urls.py)"


def test_the_gate_sees_an_address_written_by_hand():
    text = '<a href="{{ (\'contacts/\' ~ slug ~ \'/\') | url }}">'
    assert ADDRESS.search(text)["expression"].count("~") == 2


def test_addresses_and_their_pages():
    assert link("event", year=2026, slug="stand") == "2026/evenements/stand/"
    assert link("departement", year=2026, code="2a") == "2026/departements/2a/"
    assert page_source("event", year=2026, slug="stand") == "2026/evenements/stand.md"
    assert page_source("listing", year=2026) == "2026/evenements/index.md"
    assert page_source("edition", year=2026) == "2026/index.md"
    assert page_source("materials", year=2026) == "2026/supports.md"
    assert all(not pattern.startswith("/") for pattern in PERMALINKS.values())  # relative: the site may live in a sub-folder


# Published addresses are a promise: readers bookmark them, calendars subscribe to them, other
# sites and the open-data portal link to them. Changing one is a decision, made here too.
PUBLISHED = {
    "edition": "2026/", "listing": "2026/evenements/", "listing_data": "2026/evenements/liste.json",
    "day": "2026/evenements/jour-2026-11-17/", "departement": "2026/departements/2a/",
    "event": "2026/evenements/stand/", "event_calendar": "2026/evenements/stand.ics", "edition_calendar": "2026/agenda.ics",
    "event_poster": "2026/evenements/stand/affiche/", "edition_poster": "2026/affiche/",
    "open_data_json": "2026/evenements.json", "open_data_csv": "2026/evenements.csv", "openagenda": "2026/openagenda.json", "materials": "2026/supports/", "report": "2026/bilan/", "report_table": "2026/bilan/stand.csv",
    "material": "2026/supports/affiche.pdf", "thumbnail": "2026/supports/vignettes/affiche.pdf.webp",
    "call": "2026/appels-a-projets/stand/", "share_image": "2026/partage.png", "contact": "contacts/stand/", "editions_table": "editions/stand.csv",
    "quiz": "partenariat/quiz/stand/", "workshop": "partenariat/ateliers/stand/", "sheet": "partenariat/fiches/stand/",
    "region_calendar": "agendas/stand.ics", "departement_calendar": "agendas/departements/2a.ics", "communes": "assets/communes.json",
    "search": "recherche/", "search_bundle": "pagefind/", "home": "./", "sitemap_page": "plan-du-site/",
    "event_share_image": "2026/evenements/stand/partage.jpg", "sheet_template": "modeles/import-actions.xlsx",
}


def test_every_published_address():
    parts = {"day": {"slug": "jour-2026-11-17"}, "departement": {"code": "2a"}, "departement_calendar": {"code": "2a"}, "material": {"name": "affiche.pdf"},
             "thumbnail": {"name": "affiche.pdf"}, "sheet_template": {"ext": "xlsx"}}
    assert {kind: link(kind, **{"year": 2026, "slug": "stand", **parts.get(kind, {})}) for kind in PERMALINKS} == PUBLISHED
