"""Which pages the site has: one spec per page, built from the models."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .frenchdates import date_range
from .exports import ics
from .models import Edition, Event
from .vocab import DEPARTEMENTS, EVENT_TYPES


@dataclass(frozen=True)
class PageSpec:
    src_uri: str  # as if it were a Markdown file under docs/
    title: str
    template: str  # in overrides/
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = False
    search_text: str = ""  # what the site search indexes: short metadata, not whole bodies


def subscription(path: str, site_url: str) -> dict[str, str]:
    """Links to a calendar: to download (https) and to subscribe (webcal, needs an absolute site URL)."""
    links = {"path": path}
    if site_url.startswith(("http://", "https://")):
        links["webcal"] = "webcal://" + site_url.split("://", 1)[1] + path
    return links


def ordinal(number: int) -> str:
    """« 1re », « 7e »"""
    return "1re" if number == 1 else f"{number}e"


def edition_title(edition: Edition) -> str:
    return f"Semaine de la sécurité des patients {edition.year}"


def site_pages(editions: list[Edition], site_url: str = "") -> list[PageSpec]:
    pages = [
        PageSpec("index.md", "Accueil", "home.html",
                 "La semaine de la sécurité des patients : éditions, actions près de chez vous et ressources officielles."),
        PageSpec("editions.md", "Toutes les éditions", "archive.html",
                 "Les éditions de la semaine de la sécurité des patients depuis 2011.", in_nav=True),
    ]
    for edition in editions:
        pages += edition_pages(edition, site_url)
    return pages


def edition_pages(edition: Edition, site_url: str = "") -> list[PageSpec]:
    when = date_range(edition.meta.start, edition.meta.end)
    context = {"edition": edition, "calendar": subscription(f"{edition.year}/agenda.ics", site_url)}
    pages = [
        PageSpec(f"{edition.year}/index.md", edition_title(edition), "edition.html",
                 f"{edition.meta.theme} — {when}.", context, search_text=f"{edition.meta.theme}. {when}."),
        PageSpec(f"{edition.year}/evenements/index.md", f"Les actions de l'édition {edition.year}", "listing.html",
                 f"Toutes les actions de la semaine de la sécurité des patients {edition.year}, jour par jour.", context),
    ]
    for event in edition.events:
        place = event.meta.venue.city if event.meta.venue else "en ligne"
        pages.append(PageSpec(f"{edition.year}/evenements/{event.slug}.md", event.meta.title, "event.html",
                              f"{event.meta.title} — {place}, {event.meta.organizer}.",
                              {"edition": edition, "event": event,
                               "calendar_links": [ics.add_links(event, occurrence, site_url) for occurrence in event.occurrences]},
                              search_text=event_search_text(event)))
    return pages


def event_search_text(event: Event) -> str:
    """Type, place, région and organiser: enough to find an event, small enough for a big index."""
    venue = event.meta.venue
    parts = [EVENT_TYPES[event.meta.type], str(event.year)]
    if venue:
        parts += [venue.name or "", venue.city, DEPARTEMENTS.get(event.departement or "", "")]
    parts += [event.meta.region or "", "en ligne" if event.meta.online_url else "", event.meta.organizer]
    return " · ".join(part for part in parts if part)


def problems_page() -> PageSpec:
    """Shown by the live preview instead of the site while content has problems."""
    return PageSpec("index.md", "Erreurs dans le contenu", "problems.html",
                    "Le contenu a des erreurs : la prévisualisation les liste.")
