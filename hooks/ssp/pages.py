"""Which pages the site has: one spec per page, built from the models."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .frenchdates import date_range
from .exports import ics, jsonld
from .models import Edition, Event
from .regionmap import region_map
from .vocab import DEPARTEMENTS, EVENT_TYPES, REGIONS, region_calendar_path


@dataclass(frozen=True)
class PageSpec:
    src_uri: str  # as if it were a Markdown file under docs/
    title: str
    template: str  # in overrides/
    description: str
    context: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = False
    search_text: str = ""  # what the site search indexes: short metadata, not whole bodies


# Columns of evenements.json / evenements.csv, described on the « Données ouvertes » page.
OPEN_DATA_COLUMNS = [
    ("id", "identifiant stable de l'action (suivi de -1, -2… pour chaque créneau)"),
    ("title", "titre"),
    ("type", "type d'action : " + ", ".join(EVENT_TYPES)),
    ("start, end", "début et fin : date et heure ISO 8601 avec décalage horaire (2017-11-24T14:00:00+01:00), "
                   "ou date seule pour une action sur une ou plusieurs journées (end = dernier jour inclus)"),
    ("all_day", "action sur des journées entières (true/false ; oui/non dans le CSV)"),
    ("timezone", "fuseau horaire du lieu (Europe/Paris, Indian/Reunion…)"),
    ("time_note", "précision d'horaire en clair"),
    ("organizer", "organisateur"),
    ("venue", "lieu : name, address, postal_code, city (colonnes venue_… dans le CSV)"),
    ("region, departement", "région et code du département"),
    ("audience", "publics visés"),
    ("status", "scheduled (programmé), cancelled (annulé), postponed (reporté), full (complet)"),
    ("registration, online_url", "inscription ; lien pour suivre en ligne"),
    ("url", "adresse de la page de l'action"),
]


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
        PageSpec("donnees-ouvertes.md", "Données ouvertes", "opendata.html",
                 "Les actions de la semaine de la sécurité des patients en données ouvertes : JSON, CSV, agendas, flux.",
                 {"region_calendars": [(region, subscription(region_calendar_path(region), site_url)) for region in REGIONS],
                  "edition_calendars": {edition.year: subscription(f"{edition.year}/agenda.ics", site_url) for edition in editions},
                  "columns": OPEN_DATA_COLUMNS},
                 in_nav=True),
    ]
    for edition in editions:
        pages += edition_pages(edition, site_url)
    return pages


def edition_pages(edition: Edition, site_url: str = "") -> list[PageSpec]:
    when = date_range(edition.meta.start, edition.meta.end)
    context = {"edition": edition, "calendar": subscription(f"{edition.year}/agenda.ics", site_url)}
    pages = [
        PageSpec(f"{edition.year}/index.md", edition_title(edition), "edition.html",
                 f"{edition.meta.theme} — {when}.", {**context, "region_map": region_map(edition)},
                 search_text=f"{edition.meta.theme}. {when}."),
        PageSpec(f"{edition.year}/evenements/index.md", f"Les actions de l'édition {edition.year}", "listing.html",
                 f"Toutes les actions de la semaine de la sécurité des patients {edition.year}, jour par jour.", context),
    ]
    for event in edition.events:
        place = event.meta.venue.city if event.meta.venue else "en ligne"
        pages.append(PageSpec(f"{edition.year}/evenements/{event.slug}.md", event.meta.title, "event.html",
                              f"{event.meta.title} — {place}, {event.meta.organizer}.",
                              {"edition": edition, "event": event,
                               "calendar_links": [ics.add_links(event, occurrence, site_url) for occurrence in event.occurrences],
                               "jsonld": jsonld.event_jsonld(event, site_url)},
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
