"""Every address of the site, declared once (as Pelican's `*_URL` settings or Hugo's permalinks).

The folders of campaigns/ are not the site's addresses (`events/` → `evenements/`, `appels/` →
`appels-a-projets/`): the core, the exports and the templates (filter `link`, hooks/site.py)
build every address from this table; tests/unit/test_urls.py forbids writing one by hand in a
template. Addresses are relative to the site's root; a page's ends with « / ». The kinds of content
file (kinds.py) declare their own, which join this table (permalinks()).
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any
from urllib.parse import quote, urlencode

PERMALINKS = {
    # an edition
    "edition": "{year}/",
    "listing": "{year}/evenements/",
    "listing_data": "{year}/evenements/liste.json",
    "listing_words": "{year}/evenements/liste-mots-{part}.json",  # what the listing's search reads, in parts: fetched once the filters are ready
    "day": "{year}/evenements/{slug}/",  # jour-2026-11-17, jour-2026-11-17-2…
    "departement": "{year}/departements/{code}/",
    "event": "{year}/evenements/{slug}/",
    "event_calendar": "{year}/evenements/{slug}.ics",
    "event_poster": "{year}/evenements/{slug}/affiche/",
    "event_share_image": "{year}/evenements/{slug}/partage.jpg",
    "sheet_template": "modeles/import-actions.{ext}",  # the organisers' spreadsheet (modeles/, ssp formulaire)
    "edition_poster": "{year}/affiche/",
    "edition_calendar": "{year}/agenda.ics",
    "edition_feed": "{year}/flux.xml",
    "selection_calendar": "{year}/agendas/{folder}/{slug}.ics",  # follow.Selection: regions/, departements/, types/
    "selection_feed": "{year}/flux/{folder}/{slug}.xml",
    "embed": "{year}/integrer/{slug}/",  # a list other sites frame (follow.embeds): france, region-…, departement-59, organisateur-…
    "open_data_json": "{year}/evenements.json",
    "open_data_csv": "{year}/evenements.csv",
    "openagenda": "{year}/openagenda.json",
    "report": "{year}/bilan/",
    "report_table": "{year}/bilan/{slug}.csv",
    "materials": "{year}/supports/",
    "material": "{year}/supports/{name}",
    "thumbnail": "{year}/supports/vignettes/{name}.webp",
    "share_image": "{year}/partage.png",
    # the whole site
    "home": "./",
    "editions_table": "editions/{slug}.csv",
    "region_calendar": "agendas/{slug}.ics",
    "departement_calendar": "agendas/departements/{code}.ics",
    "communes": "assets/communes.json",
    "search": "recherche/",
    "sitemap_page": "plan-du-site/",
    "search_bundle": "pagefind/",  # Pagefind's index, written by hooks/search_index.py after the build
    "feed": "flux.xml",
    # the site's fixed pages (made by pages.py, or written in docs/)
    "editions": "editions/",
    "calls": "appels-a-projets/",
    "resources": "ressources/",
    "open_data": "donnees-ouvertes/",
    "partnership": "partenariat/",
    "ideas": "partenariat/idees-recues/",
    "sheets": "partenariat/fiches/",
    "organise": "organiser-une-action/",
    "accessibility": "accessibilite/",
    "legal_notice": "mentions-legales/",
    "privacy": "donnees-personnelles/",
}


_ALL: dict[str, str] = {}


def permalinks() -> dict[str, str]:
    """Every address of the table: PERMALINKS and those of the kinds of content file (contact cards, quizzes,
    workshops, sheets, calls), declared with each kind in kinds.py — read at the first address asked for, as
    the kinds' objects take their own addresses from here."""
    if not _ALL:
        from .kinds import KINDS

        _ALL.update(PERMALINKS, **{kind.item.kind: kind.address for kind in KINDS})
    return _ALL


def link(kind: str, query: dict[str, str] | None = None, **parts: object) -> str:
    """The address of a `kind` of page or file: link("event", year=2026, slug="stand") → « 2026/evenements/stand/ »;
    with a `query`, a filtered view: link("listing", year=2026, query={"region": "Corse"}) → « 2026/evenements/?region=Corse »."""
    address = permalinks()[kind].format(**parts)
    return address + "?" + urlencode(query, quote_via=quote) if query else address


INDEX_PAGES = {"edition", "listing", "partnership", "sheets"}  # pages with pages beneath them: <address>index.md


def page_source(kind: str, **parts: Any) -> str:
    """The generated Markdown file whose page has that address (MkDocs' directory URLs):
    « 2026/evenements/stand/ » ← « 2026/evenements/stand.md », « 2026/evenements/ » ← « 2026/evenements/index.md »."""
    address = link(kind, **parts)
    return address + "index.md" if kind in INDEX_PAGES else address.removesuffix("/") + ".md"


def is_source_of(kind: str, src_uri: str) -> bool:
    """Whether `src_uri` is the source of a page of that kind, whatever its parts: « 2017/evenements/stand/affiche.md »
    is an event_poster's (and so is its shared frame's, « …/cadre-commun/affiche.md »), « 2025/affiche.md » is not."""
    return fnmatchcase(src_uri, page_source(kind, year="[0-9]" * 4, slug="*", code="*", name="*"))


def edition_year(src_uri: str) -> int | None:
    """The edition a page or file belongs to (« 2025/affiche.md », « 2025/affiche/ » → 2025: every
    address of an edition starts with its year, PERMALINKS), None for one of the whole site."""
    first, slash, _ = src_uri.partition("/")
    return int(first) if slash and len(first) == 4 and first.isdigit() else None
