"""Open data of an edition: /<year>/evenements.json and .csv, one record per occurrence."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any

from ..cache import Cache
from ..models import Edition, Event, Occurrence
from ..text import summary
from ..urls import link
from . import openagenda


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
        "age_min": meta.age.min if meta.age else None,
        "age_max": meta.age.max if meta.age else None,
        "accessibility": list(meta.accessibility),
        "attendance_mode": event.attendance,
        "status": meta.status,
        "registration": meta.registration,
        "online_url": meta.online_url,
        "description": summary(event.description_text) or None,
        "url": site_url + event.url,
    }


def records(edition: Edition, site_url: str, cache: Cache | None = None) -> list[dict[str, Any]]:
    cache = Cache() if cache is None else cache
    return [record for event in edition.events for record in cache.get(
        ("records", event.digest, site_url), lambda: [occurrence_record(event, occurrence, site_url) for occurrence in event.occurrences])]  # noqa: B023 (called at once)


def edition_files(edition: Edition, site_url: str, cache: Cache | None = None) -> dict[str, bytes]:
    """evenements.json and evenements.csv of an edition, the listing's own data, from the same records; and
    the edition in OpenAgenda's structure."""
    cache = Cache() if cache is None else cache
    rows = records(edition, site_url, cache)  # each event's rows, used at every build: the preview's cache keeps them

    def make() -> dict[str, bytes]:
        return dict([edition_json(edition, rows), edition_csv(edition, rows), listing_json(edition, rows, site_url),
                     openagenda.edition_openagenda(edition, site_url)])
    # made again only when the edition or one of its events changed (the live preview's rebuilds)
    key = ("edition files", edition.meta.model_dump_json(), site_url, tuple(event.digest for event in edition.events))
    return cache.get(key, make)


# The listing's data (assets/javascripts/filters.js): what its cards, filters and search use, one
# array per record in this order — half the open data's size, so a phone reads it twice as fast.
# A card's place and the attendance mode come as Python says them (models.Event.place, .attendance).
LISTING_FIELDS = ["title", "slug", "type", "start", "end", "all_day", "timezone", "time_note", "organizer",
                  "place", "mode", "region", "departement", "audience", "status", "description", "accessibility"]


def listing_json(edition: Edition, rows: list[dict[str, Any]], site_url: str) -> tuple[str, bytes]:
    prefix = site_url + link("listing", year=edition.year)
    places = [event.place for event in edition.events for _ in event.occurrences]  # records' order: a row per occurrence
    values = [[row["title"], row["url"].removeprefix(prefix).removesuffix("/"), row["type"], row["start"], row["end"],
               row["all_day"], "" if row["timezone"] == "Europe/Paris" else row["timezone"], row["time_note"] or "",
               row["organizer"], place, row["attendance_mode"], row["region"] or "", row["departement"] or "",
               row["audience"], row["status"], row["description"] or "", row["accessibility"]]
              for row, place in zip(rows, places, strict=True)]
    text = json.dumps({"fields": LISTING_FIELDS, "events": values}, ensure_ascii=False, separators=(",", ":"))
    return link("listing_data", year=edition.year), (text + "\n").encode("utf-8")


def edition_json(edition: Edition, rows: list[dict[str, Any]]) -> tuple[str, bytes]:
    document = {
        "edition": edition.year,
        "theme": edition.meta.theme,
        "start": _iso(edition.meta.start),
        "end": _iso(edition.meta.end),
        "events": rows,
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))  # compact: a tenth of the time
    return link("open_data_json", year=edition.year), (text + "\n").encode("utf-8")


CSV_COLUMNS = ["id", "title", "type", "start", "end", "all_day", "timezone", "time_note", "organizer",
               "venue_name", "venue_address", "venue_postal_code", "venue_city", "region", "departement",
               "audience", "age_min", "age_max", "accessibility", "attendance_mode", "status", "registration", "online_url",
               "description", "url"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A cell as text; one that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        value = ", ".join(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_row(record: dict[str, Any]) -> list[str]:
    venue = record["venue"] or {}
    flat = {**record, **{f"venue_{key}": venue.get(key) for key in ("name", "address", "postal_code", "city")}}
    return [csv_cell(flat[column]) for column in CSV_COLUMNS]


def edition_csv(edition: Edition, rows: list[dict[str, Any]]) -> tuple[str, bytes]:
    """UTF-8 with BOM and « ; » separators, so that a French spreadsheet opens it as it is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(record) for record in rows)
    return link("open_data_csv", year=edition.year), buffer.getvalue().encode("utf-8-sig")
