"""Open data of an edition: /<year>/evenements.json, one record per occurrence."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from ..models import Edition, Event, Occurrence


def _iso(moment: date | datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def occurrence_record(event: Event, occurrence: Occurrence, site_url: str) -> dict[str, Any]:
    meta, venue = event.meta, event.meta.venue
    return {
        "id": f"{event.id}-{occurrence.index}" if occurrence.index else event.id,
        "title": meta.title,
        "type": meta.type,
        "start": _iso(occurrence.start),
        "end": _iso(occurrence.end),
        "all_day": occurrence.all_day,
        "timezone": event.timezone,
        "time_note": meta.time_note,
        "organizer": meta.organizer,
        "venue": venue.model_dump() if venue else None,
        "region": meta.region,
        "departement": event.departement,
        "audience": list(meta.audience),
        "status": meta.status,
        "registration": meta.registration,
        "online_url": meta.online_url,
        "url": site_url + event.url,
    }


def records(edition: Edition, site_url: str) -> list[dict[str, Any]]:
    return [occurrence_record(event, occurrence, site_url) for event in edition.events for occurrence in event.occurrences]


def edition_json(edition: Edition, site_url: str) -> tuple[str, bytes]:
    document = {
        "edition": edition.year,
        "theme": edition.meta.theme,
        "start": _iso(edition.meta.start),
        "end": _iso(edition.meta.end),
        "events": records(edition, site_url),
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False)
    return f"{edition.year}/evenements.json", (text + "\n").encode("utf-8")
