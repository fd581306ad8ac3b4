"""Open data of an edition: /<year>/evenements.json and .csv, one record per occurrence."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any

from ..cache import Cache
from ..models import Edition, Event, Occurrence, occurrence_order
from ..text import search_words, summary
from ..urls import link
from ..vocab import ACCESSIBILITY, AUDIENCES, DEPARTEMENTS, EVENT_TYPES
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
        return dict([edition_json(edition, rows), edition_csv(edition, rows), *listing_json(edition, rows, site_url),
                     openagenda.edition_openagenda(edition, site_url)])
    # made again only when the edition or one of its events changed (the live preview's rebuilds)
    key = ("edition files", edition.meta.model_dump_json(), site_url, tuple(event.digest for event in edition.events))
    return cache.get(key, make)


# The listing's data (assets/javascripts/filters.js), in columns: one list per field, a record's values at
# the same rank in each, records in the order of a day's list (all-day first, then by start time, then by
# title, as its pages: models.occurrence_order). A field whose values repeat gives each record the rank of its value in `values` (-1: none); the
# audience and the accessibility are bits of those ranks; `first` and `last` rank the record's first and
# last days in `days`; `action` numbers the actions (an action of several slots is counted once). A phone
# reads it in a fraction of the time rows of named values took. A card's place and the attendance mode come
# as Python says them (models.Event.place, .attendance). What the search reads (each record's words,
# folded) is in files of their own (`words` names them, beside this one), fetched once the filters are ready.
LISTING_TEXTS = ("title", "slug", "start", "end")  # as they are
LISTING_CODES = ("type", "timezone", "time_note", "organizer", "place", "mode", "region", "departement", "status")
LISTING_BITS = {"audience": AUDIENCES, "accessibility": ACCESSIBILITY}  # fewer than 31 values each


WORDS_PART = 500  # records per file of words: each read in a short task (25 ms on a slow phone), never a long one


def listing_json(edition: Edition, rows: list[dict[str, Any]], site_url: str) -> list[tuple[str, bytes]]:
    prefix = site_url + link("listing", year=edition.year)
    held = [(event, occurrence, action) for action, event in enumerate(edition.events) for occurrence in event.occurrences]
    slots = sorted(zip(rows, held, strict=True), key=lambda slot: occurrence_order(slot[1][:2]))  # records(): a row per occurrence
    records = [{"title": row["title"], "slug": row["url"].removeprefix(prefix).removesuffix("/"), "start": row["start"],
                "end": row["end"], "type": row["type"], "timezone": "" if row["timezone"] == "Europe/Paris" else row["timezone"],
                "time_note": row["time_note"] or "", "organizer": row["organizer"], "place": event.place, "mode": row["attendance_mode"],
                "region": row["region"], "departement": row["departement"], "status": row["status"],
                "audience": row["audience"], "accessibility": row["accessibility"]} for row, (event, _, _) in slots]
    days = sorted({day for _, (_, occurrence, _) in slots for day in occurrence.days()})
    rank = {day: index for index, day in enumerate(days)}
    values = {field: sorted({record[field] for record in records if record[field] is not None}) for field in LISTING_CODES}
    values |= {field: [value for value in vocabulary if any(value in record[field] for record in records)]  # in the site's order
               for field, vocabulary in LISTING_BITS.items()}
    ranks = {field: {value: index for index, value in enumerate(values[field])} for field in values}
    columns: dict[str, list] = {field: [record[field] for record in records] for field in LISTING_TEXTS}
    columns |= {field: [ranks[field].get(record[field], -1) for record in records] for field in LISTING_CODES}
    columns |= {field: [sum(1 << ranks[field][value] for value in record[field]) for record in records] for field in LISTING_BITS}
    columns["all_day"] = [int(row["all_day"]) for row, _ in slots]
    columns["action"] = [action for _, (_, _, action) in slots]
    columns["first"] = [rank[occurrence.first_day] for _, (_, occurrence, _) in slots]
    columns["last"] = [rank[occurrence.last_day] for _, (_, occurrence, _) in slots]
    words = [search_words(" ".join([row["title"], row["organizer"], event.place, row["region"] or "",
                                    DEPARTEMENTS.get(row["departement"] or "", ""), EVENT_TYPES[row["type"]],
                                    row["description"] or ""]))
             for row, (event, _, _) in slots]
    parts = [words[start:start + WORDS_PART] for start in range(0, len(words), WORDS_PART)] or [[]]
    names = [link("listing_words", year=edition.year, part=index) for index in range(len(parts))]
    listing = {"days": [day.isoformat() for day in days], "values": values, "columns": columns,
               "words": [name.rsplit("/", 1)[1] for name in names]}
    return [(link("listing_data", year=edition.year), compact_json(listing)),
            *((name, compact_json({"words": part})) for name, part in zip(names, parts, strict=True))]


def compact_json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


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
