"""An edition's actions in OpenAgenda's event structure (/<year>/openagenda.json), for an agenda
administrator to load: OpenAgenda's public documentation, repository OpenAgenda/dev-doc,
docs/evenements/structure.md. The mapping, field by field, is MAPPING (shown on the open data page)."""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from ..fields import is_link
from ..frenchnumbers import plural
from ..models import Edition, Event, Occurrence
from ..text import summary
from ..urls import link
from ..vocab import AUDIENCES, DEPARTEMENTS, EVENT_TYPES

EXT_ID_KEY = "semaine-securite-patients"  # extIds key of our stable identifier
OA_STATUS = {"scheduled": 1, "rescheduled": 2, "moved-online": 3, "postponed": 4, "full": 5, "cancelled": 6}
OA_ATTENDANCE = {"sur-place": 1, "en-ligne": 2, "mixte": 3}
OA_ACCESSIBILITY = {"auditif": "hi", "visuel": "vi", "psychique": "pi", "moteur": "mi", "intellectuel": "ii"}
TITLE_MAX, DESCRIPTION_MAX, CONDITIONS_MAX = 140, 200, 255  # OpenAgenda's limits, in characters
PAGE_SAID = "Page de l'action : "  # the long description's last line: organiser, then the page (import: its end)

MAPPING = [  # (OpenAgenda field, what it holds)
    ("extIds", f"notre identifiant stable de l'action (clé « {EXT_ID_KEY} ») et l'adresse de sa page (clé « page »)"),
    ("title.fr", f"titre ({TITLE_MAX} caractères au plus : coupé au-delà, avec « … »)"),
    ("description.fr", f"type, organisateur, puis le début de la présentation ({DESCRIPTION_MAX} caractères au plus)"),
    ("longDescription.fr", "la présentation, en Markdown comme le fichier de l'action, puis une ligne : l'organisateur "
                           "et l'adresse de la page de l'action"),
    ("keywords.fr", "type d'action, publics visés, « Semaine de la sécurité des patients » et l'année"),
    ("timings", "un horaire par séance (begin, end en ISO 8601 avec décalage horaire) ; une action sur des journées "
                "entières : un horaire de 00:00 à 23:59 par jour ; sans heure de fin, end = begin"),
    ("timezone", "fuseau horaire du lieu (Europe/Paris, Indian/Reunion…)"),
    ("attendanceMode", "1 sur place, 2 en ligne, 3 sur place et en ligne"),
    ("onlineAccessLink", "lien pour suivre l'action en ligne"),
    ("status", "1 programmé, 2 reprogrammé, 3 déplacé en ligne, 4 reporté, 5 complet, 6 annulé"),
    ("registration", "l'inscription quand c'est un lien, un courriel ou un téléphone"),
    ("conditions.fr", f"l'inscription quand c'est un texte (« Entrée libre »), {CONDITIONS_MAX} caractères au plus"),
    ("accessibility", "hi (auditif), vi (visuel), pi (psychique), mi (moteur), ii (intellectuel) : true quand prévu"),
    ("age", "min et max, quand l'action les précise"),
    ("location", "name, address, postalCode, city, department (son nom), region, countryCode, timezone : le lieu, tel "
                 "qu'OpenAgenda le décrit en lecture (en écriture, l'agenda associe un lieu à son identifiant)"),
]


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def timings(event: Event, occurrence: Occurrence) -> list[dict[str, str]]:
    if not occurrence.all_day:
        return [{"begin": occurrence.start.isoformat(), "end": (occurrence.end or occurrence.start).isoformat()}]
    zone = ZoneInfo(event.timezone)
    return [{"begin": datetime.combine(day, time(0, 0), zone).isoformat(),
             "end": datetime.combine(day, time(23, 59), zone).isoformat()} for day in occurrence.days()]


def registration(value: str | None) -> tuple[list[str], str]:
    """(OpenAgenda's registration list, conditions text): a link, an address or a number is a way to
    register; a text (« Entrée libre ») is a condition."""
    if not value:
        return [], ""
    if value.startswith(("mailto:", "tel:")):
        return [value.split(":", 1)[1]], ""
    return ([value], "") if is_link(value) else ([], clip(value, CONDITIONS_MAX))


def oa_event(event: Event, site_url: str) -> dict[str, Any]:
    meta, venue = event.meta, event.meta.venue
    page = site_url + event.url
    ways, conditions = registration(meta.registration)
    said = f"{EVENT_TYPES[meta.type]}. Organisateur : {meta.organizer}."  # no « organisé » to agree with « Exposition »
    data: dict[str, Any] = {
        "extIds": [{"key": EXT_ID_KEY, "value": event.id}, {"key": "page", "value": page}],
        "title": {"fr": clip(meta.title, TITLE_MAX)},
        "description": {"fr": clip(f"{said} {summary(event.description_text)}".strip(), DESCRIPTION_MAX)},
        "longDescription": {"fr": (f"{event.body}\n\n" if event.body else "") + f"{said} {PAGE_SAID}<{page}>"},
        "keywords": {"fr": [EVENT_TYPES[meta.type], *(AUDIENCES[code] for code in meta.audience),
                            "Semaine de la sécurité des patients", str(event.year)]},
        "timings": [timing for occurrence in event.occurrences for timing in timings(event, occurrence)],
        "timezone": event.timezone,
        "attendanceMode": OA_ATTENDANCE[event.attendance],
        "status": OA_STATUS[meta.status],
        "accessibility": {code: name in meta.accessibility for name, code in OA_ACCESSIBILITY.items()},
    }
    if meta.online_url:
        data["onlineAccessLink"] = meta.online_url
    if ways:
        data["registration"] = ways
    if conditions:
        data["conditions"] = {"fr": conditions}
    if meta.age:
        data["age"] = {key: value for key, value in (("min", meta.age.min), ("max", meta.age.max)) if value is not None}
    if venue and event.attendance != "en-ligne":
        location = {"name": venue.name or venue.city, "address": venue.address, "postalCode": venue.postal_code,
                    "city": venue.city, "department": DEPARTEMENTS.get(event.departement or ""),  # « Nord », as OpenAgenda says it
                    "region": meta.region, "countryCode": "FR",
                    "timezone": event.timezone}
        data["location"] = {key: value for key, value in location.items() if value}
    return data


def edition_openagenda(edition: Edition, site_url: str) -> tuple[str, bytes]:
    events = [oa_event(event, site_url) for event in edition.events]
    document = {"total": len(events), "note": f"Semaine de la sécurité des patients {edition.year} : "
                f"{plural(len(events), 'action')}, structure des événements d'OpenAgenda", "events": events}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return link("openagenda", year=edition.year), (text + "\n").encode("utf-8")
