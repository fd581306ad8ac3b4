"""One table of addresses (hooks/ssp/urls.py): the core, the exports and the templates use it;
no template writes an address by hand."""

from __future__ import annotations

import re
import sys

import jinja2
import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "hooks"))

from ssp.kinds import KINDS
from ssp.urls import edition_year, is_source_of, link, page_source, permalinks

TEMPLATES = sorted(path for path in (ROOT / "overrides").rglob("*") if path.suffix in (".html", ".xml"))
STATIC = ("assets/", "dsfr/")  # files the presentation ships (stylesheets, scripts, fonts, icons): `| url`
ATTRIBUTE = re.compile(r'\b(?:href|src|action|content|srcset|data-[a-z-]+)="[^"]*$')  # a block written in an address
LITERAL_ADDRESS = re.compile(r'\b(?:href|src|action)="(?!https?:|mailto:|tel:|#|\./"|\{)')
SITE_PATH = re.compile(r"^(?:[a-z0-9-]+/)+$|\.(?:html|xml|json|ics|csv)$")
ENV = jinja2.Environment()


def hand_written_addresses(source: str) -> list[str]:
    """What a template writes as an address by hand: a path in quotes given to `url` (other than the
    presentation's static files), a « ~ » joining pieces of an address (around `url` or `link`, or
    in a block written in an href, src… attribute), a site path in quotes, or a relative href in the HTML."""
    found = [match.group() for match in LITERAL_ADDRESS.finditer(source)]
    tokens = [token for token in ENV.lex(source) if token[1] not in ("whitespace", "comment", "comment_begin", "comment_end")]
    before, block = "", []  # the HTML just before the block, the block's tokens
    for _, kind, value in tokens:
        if kind == "data":
            before = value
        elif kind in ("variable_begin", "block_begin"):
            block = []
        elif kind in ("variable_end", "block_end"):
            found += _in_block(block, ATTRIBUTE.search(before) is not None and kind == "variable_end")
        else:
            block.append((kind, value[1:-1] if kind == "string" else value))
    return found


def _in_block(block: list, in_attribute: bool) -> list[str]:
    written = " ".join(str(value) for _, value in block)
    if _at(block, 0) in (("name", "extends"), ("name", "include"), ("name", "import"), ("name", "from")):
        return []  # a template's name
    for index, token in enumerate(block):
        if token == ("operator", "|") and index + 1 < len(block) and block[index + 1][1] in ("url", "link"):
            operand, after = _operand(block, index), _after_call(block, index + 2)
            while _at(block, after) == ("operator", ")"):  # (… | link(…)) ~ …
                after += 1
            if ("operator", "~") in operand or ("operator", "~") in (_at(block, index - len(operand) - 1), _at(block, after)):
                return [written]
            if block[index + 1][1] == "url" and any(kind == "string" and not value.startswith(STATIC) for kind, value in operand):
                return [written]
    if in_attribute and ("operator", "~") in block:
        return [written]
    if any(kind == "string" and SITE_PATH.search(value) and not value.startswith(STATIC) for kind, value in block):
        return [written]
    return []


def _operand(block: list, bar: int) -> list:
    """The tokens of the expression a filter applies to (back from its « | »)."""
    depth, index = 0, bar - 1
    while index >= 0:
        kind, value = block[index]
        if kind == "operator" and value in ")]}":
            depth += 1
        elif kind == "operator" and value in "([{":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ((kind == "operator" and value in (",", "=", ":", "~")) or
                             (kind == "name" and value in ("if", "else", "and", "or", "in", "not", "with", "set"))):
            break
        index -= 1
    return block[index + 1:bar]


def _after_call(block: list, index: int) -> int:
    """The index after a filter's arguments (its parenthesis), if any."""
    if _at(block, index) != ("operator", "("):
        return index
    depth = 0
    while index < len(block):
        if block[index] == ("operator", "("):
            depth += 1
        elif block[index] == ("operator", ")"):
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return index


def _at(block: list, index: int) -> tuple:
    return block[index] if 0 <= index < len(block) else ("", "")


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: path.relative_to(ROOT / "overrides").as_posix())
def test_no_template_writes_an_address_by_hand(template):
    assert hand_written_addresses(template.read_text(encoding="utf-8")) == [], \
        "écrivez ces adresses avec le filtre link (hooks/ssp/urls.py) ou passez-les par la vue de la page"


@pytest.mark.parametrize("text", [
    '<a href="{{ (\'contacts/\' ~ slug ~ \'/\') | url }}">',
    '<a href="{{ \'editions/\' | url }}">',
    '<a href="{{ listing ~ region.query }}">',
    '{% set feed = \'flux.xml\' %}',
    '<a href="editions/">',
    '<meta content="{{ config.site_url ~ picture }}">',
    '{{ (\'listing\' | link(year=2026)) ~ \'?region=\' ~ name }}',
])
def test_the_gate_sees_an_address_written_by_hand(text):
    assert hand_written_addresses(text)


@pytest.mark.parametrize("text", [
    '<a href="{{ \'listing\' | link(year=edition.year, query={"region": region.name}) }}">',
    '<link href="{{ \'assets/stylesheets/ssp.css\' | url }}">',
    '<a href="#contenu">', '<a href="https://www.legifrance.gouv.fr">', '<a href="./" aria-current="page">',
    '<a href="{{ event.url | url }}">{{ event.meta.title ~ " (annulée)" }}</a>',
])
def test_the_gate_lets_the_table_s_addresses_through(text):
    assert hand_written_addresses(text) == []


def test_addresses_and_their_pages():
    assert link("event", year=2026, slug="stand") == "2026/evenements/stand/"
    assert link("departement", year=2026, code="2a") == "2026/departements/2a/"
    assert page_source("event", year=2026, slug="stand") == "2026/evenements/stand.md"
    assert page_source("listing", year=2026) == "2026/evenements/index.md"
    assert page_source("edition", year=2026) == "2026/index.md"
    assert page_source("materials", year=2026) == "2026/supports.md"
    assert all(not pattern.startswith("/") for pattern in permalinks().values())  # relative: the site may live in a sub-folder


def test_a_page_s_kind_and_edition_are_read_from_its_source():
    assert is_source_of("event_poster", "2017/evenements/stand/affiche.md")
    assert is_source_of("event_poster", "2017/evenements/cadre-commun/affiche.md")  # the posters' shared frame
    assert not is_source_of("event_poster", "2025/affiche.md") and is_source_of("edition_poster", "2025/affiche.md")
    assert not is_source_of("edition_poster", "partenariat/affiche.md")  # no year: no edition's
    assert [edition_year(src) for src in ("2025/affiche.md", "2017/evenements/stand/", "index.md", "partenariat/quiz/a.md", "2030")] == \
        [2025, 2017, None, None, None]


# Published addresses are a promise: readers bookmark them, calendars subscribe to them, other
# sites and the open-data portal link to them. Changing one is a decision, made here too.
PUBLISHED = {
    "edition": "2026/", "listing": "2026/evenements/", "listing_data": "2026/evenements/liste.json", "listing_words": "2026/evenements/liste-mots-0.json",
    "day": "2026/evenements/jour-2026-11-17/", "departement": "2026/departements/2a/",
    "event": "2026/evenements/stand/", "event_calendar": "2026/evenements/stand.ics", "edition_calendar": "2026/agenda.ics",
    "edition_feed": "2026/flux.xml", "selection_calendar": "2026/agendas/regions/stand.ics", "selection_feed": "2026/flux/regions/stand.xml",
    "embed": "2026/integrer/stand/",
    "event_poster": "2026/evenements/stand/affiche/", "edition_poster": "2026/affiche/",
    "open_data_json": "2026/evenements.json", "open_data_csv": "2026/evenements.csv", "openagenda": "2026/openagenda.json", "materials": "2026/supports/", "report": "2026/bilan/", "report_table": "2026/bilan/stand.csv",
    "material": "2026/supports/affiche.pdf", "thumbnail": "2026/supports/vignettes/affiche.pdf.webp",
    "call": "2026/appels-a-projets/stand/", "share_image": "2026/partage.png", "contact": "contacts/stand/", "editions_table": "editions/stand.csv",
    "quiz": "partenariat/quiz/stand/", "workshop": "partenariat/ateliers/stand/", "sheet": "partenariat/fiches/stand/",
    "region_calendar": "agendas/stand.ics", "departement_calendar": "agendas/departements/2a.ics", "communes": "assets/communes.json",
    "search": "recherche/", "search_bundle": "pagefind/", "home": "./", "sitemap_page": "plan-du-site/",
    "event_share_image": "2026/evenements/stand/partage.jpg", "sheet_template": "modeles/import-actions.xlsx",
    "feed": "flux.xml", "editions": "editions/", "calls": "appels-a-projets/", "resources": "ressources/",
    "open_data": "donnees-ouvertes/", "partnership": "partenariat/", "ideas": "partenariat/idees-recues/",
    "sheets": "partenariat/fiches/", "organise": "organiser-une-action/", "accessibility": "accessibilite/",
    "legal_notice": "mentions-legales/", "privacy": "donnees-personnelles/",
}



def test_every_published_address():
    parts = {"day": {"slug": "jour-2026-11-17"}, "departement": {"code": "2a"}, "departement_calendar": {"code": "2a"}, "material": {"name": "affiche.pdf"}, "listing_words": {"part": 0},
             "thumbnail": {"name": "affiche.pdf"}, "sheet_template": {"ext": "xlsx"},
             "selection_calendar": {"folder": "regions"}, "selection_feed": {"folder": "regions"}}
    published = {kind: link(kind, **{"year": 2026, "slug": "stand", **parts.get(kind, {})}) for kind in permalinks()}
    assert {kind: published.get(kind) for kind in PUBLISHED} == PUBLISHED  # a published address never changes
    added = set(published) - set(PUBLISHED)  # a kind of content file added since (kinds.py): its pages' own address
    assert added <= {kind.item.kind for kind in KINDS} and all(published[kind].endswith("/stand/") for kind in added)
