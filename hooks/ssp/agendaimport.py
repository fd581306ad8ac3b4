"""`ssp importer export.json`: an OpenAgenda JSON export read into event files, with the rules of
the spreadsheet import (importer.py): every event one outcome, all or nothing, the same checks and
messages; identity kept across imports through OpenAgenda's `uid` (import_id « openagenda-<uid> »);
what the site's contract cannot hold is said in the report, never dropped in silence.

Reads the event structure OpenAgenda documents (OpenAgenda/dev-doc, docs/evenements/structure.md:
`timings` begin/end) and its former JSON export (export-json.md: `timings` start/end, accessibility
as a list), and the site's own /<year>/openagenda.json (exports/openagenda.py): a round trip gives
the same actions back.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from . import frenchinput as typed
from . import markup
from .communes import region_of_place
from .exports.openagenda import EXT_ID_KEY, OA_ACCESSIBILITY, OA_STATUS, PAGE_SAID
from .importer import _existing_events, _missing_edition, finish, plan
from .importreport import ImportReport, RowResult
from .problems import ContentError, Problem
from .source import read_bytes
from .text import one_line
from .vocab import ACCESSIBILITY, DEFAULT_TIMEZONE, EVENT_TYPES, timezone_of

MAX_BYTES = 50 * 1024 * 1024
STATUS_OF: dict[int | str, str] = {number: status for status, number in OA_STATUS.items()}
ACCESSIBILITY_OF = {code: name for name, code in OA_ACCESSIBILITY.items()} | {"mei": "intellectuel"}  # the former export's « mental »
OURS = {"Semaine de la sécurité des patients"}  # keywords the site's own export adds
SAID = re.compile(r"(?:^|\n)[^\n]*?(?: organisé par |\. Organisateur : )(?P<organizer>[^\n]+?)\. " + re.escape(PAGE_SAID) + r"<?\S+?>?\s*$")
# What an export holds that is derived from other fields or is OpenAgenda's own bookkeeping: not content.
DERIVED = {"uid", "slug", "extIds", "createdAt", "updatedAt", "timezone", "state", "canonicalUrl", "html", "range",
           "firstDate", "firstTimeStart", "firstTimeEnd", "lastDate", "lastTimeStart", "lastTimeEnd", "origin", "links",
           "locationUid", "total", "featured", "originAgenda", "thumbnail", "originalImage"}
HELD = {"title", "description", "longDescription", "conditions", "keywords", "registration", "accessibility", "timings",
        "age", "attendanceMode", "onlineAccessLink", "status", "location", "organisateur", "organizer"}
LOCATION_HELD = {"name", "address", "postalCode", "city", "region", "uid", "slug", "latitude", "longitude", "countryCode",
                 "timezone", "department", "insee", "country", "updatedAt", "setUid", "extIds"}


def import_openagenda(project: Path, year: int, source: Path, write_valid: bool = False, replace: bool = False,
                      dry_run: bool = False, organizer: str | None = None) -> ImportReport:
    report = ImportReport(source.name, "export OpenAgenda (JSON)", unit="événement")
    if missing := _missing_edition(project, year, source.name):
        report.problems.append(missing)
        return report
    try:
        records = read_export(source)
    except ContentError as error:
        report.problems += error.problems
        return report
    folder = project / "campaigns" / str(year) / "events"
    existing = _existing_events(folder, project)
    planned: list = []
    seen: tuple[dict, dict] = ({}, {})
    for number, record in enumerate(records, start=1):
        result = RowResult(number, "error")
        report.rows.append(result)
        if not isinstance(record, dict):
            result.problems.append(Problem(source.name, number, "", "cet événement n'est pas un objet JSON"))
            continue
        fields, description, import_id, notes = event_fields(record, source.name, result, organizer)
        report.notes += [f"événement {number} ({fields.get('title') or 'sans titre'}) : {note}" for note in notes]
        if item := plan(result, fields, description, import_id, year, existing, seen, source.name, {}, "événement"):
            planned.append(item)
    return finish(report, planned, existing, project, folder, replace, {}, write_valid, dry_run)


MAX_DIGITS = 30  # OpenAgenda's identifiers have 8 to 19 digits; Python refuses integers above 4,300


class _TooLong(Exception):
    pass


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _TooLong
    return int(digits)


def read_export(source: Path) -> list:
    """The events of an export: {"events": [...]} (or a bare list), read as UTF-8 JSON."""
    raw = read_bytes(source, source.name, MAX_BYTES)
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_int=_whole_number)
    except _TooLong:
        long_number = re.search(rb"\d{%d}" % (MAX_DIGITS + 1), raw)
        line = raw[:long_number.start() if long_number else 0].count(b"\n") + 1
        raise ContentError([Problem(source.name, 0, "", f"ligne {line} : nombre de plus de {MAX_DIGITS} chiffres : ce n'est pas "
                                    "une valeur d'OpenAgenda ; téléchargez de nouveau l'export")]) from None
    except UnicodeDecodeError:
        raise ContentError([Problem(source.name, 0, "", "fichier illisible : un export OpenAgenda est en UTF-8")]) from None
    except json.JSONDecodeError as error:
        raise ContentError([Problem(source.name, 0, "", f"JSON invalide (ligne {error.lineno}, colonne {error.colno}) : {error.msg} ; "
                                    "téléchargez de nouveau l'export")]) from None
    except RecursionError:
        raise ContentError([Problem(source.name, 0, "", "JSON trop imbriqué pour être un export OpenAgenda")]) from None
    events = data.get("events") if isinstance(data, dict) else data
    if not isinstance(events, list):
        raise ContentError([Problem(source.name, 0, "", "ce n'est pas un export d'événements OpenAgenda (liste « events » "
                                                        "absente)")])
    return events


def text(value: Any) -> str:
    """A multilingual field ({"fr": …}) or a plain one, as French text."""
    if isinstance(value, dict):
        value = value.get("fr") or next((item for item in value.values() if item), "")
    return str(value).strip() if value is not None else ""


def event_fields(record: dict, name: str, result: RowResult, organizer: str | None) -> tuple[dict, str, str | None, list[str]]:
    """An export's event → event fields as content files write them, the Markdown body, the
    identifiant, and notes on what the site cannot hold. Problems go to `result`."""
    def problem(field: str, message: str) -> None:
        result.problems.append(Problem(name, result.row, field, message))

    notes: list[str] = []
    long_text = text(record.get("longDescription"))
    last = long_text[long_text.rfind("\n") + 1:]  # the site's export ends the text with its line (SAID), a short one
    said = SAID.search(long_text, len(long_text) - len(last) - 1) if len(last) <= 2_000 else None
    body = long_text[:said.start()].strip() if said else long_text or text(record.get("description"))
    body, images = markup.without_images(body)
    notes += [f"image de la description non reprise (le site n'en montre pas dans un texte) : {source}" for source in images]
    fields: dict[str, Any] = {"title": one_line(text(record.get("title")))}
    keywords = record.get("keywords")
    words = keywords.get("fr", []) if isinstance(keywords, dict) else keywords
    words = [str(word) for word in (words if isinstance(words, list) else [words] if words else [])]
    kinds: list[str] = []
    audience: list[str] = []
    others: list[str] = []
    for word in words:
        for parse, found in ((typed.parse_type, kinds), (typed.parse_audiences, audience)):
            try:
                value = parse(word)
            except typed.InputError:
                continue
            found += value if isinstance(value, list) else [value]
            break
        else:
            if word not in OURS and not word.isdigit():
                others.append(word)
    fields["type"] = kinds[0] if kinds else "autre"
    if not kinds:
        notes.append(f"type d'action non donné par les mots-clés : « {EVENT_TYPES['autre']} »")
    if others:
        notes.append("mots-clés non repris : " + ", ".join(others))
    fields["organizer"] = (said.group("organizer") if said else "") or one_line(text(record.get("organisateur"))) or \
        one_line(text(record.get("organizer"))) or (organizer or "")
    if not fields["organizer"]:
        problem("organizer", "organisateur absent : OpenAgenda n'a pas ce champ ; relancez avec --organisateur « … »")
    attendance = record.get("attendanceMode", 1)  # 2: online only
    location = record.get("location") if isinstance(record.get("location"), dict) else None
    region = None
    if location and attendance != 2:
        fields["venue"], region = venue(location, name, result)
        notes += [f"lieu : « {key} » non repris ({location[key]})" for key in sorted(set(location) - LOCATION_HELD)
                  if location[key] not in (None, "", [], {})]
    elif location and location.get("city"):
        notes.append(f"lieu non repris : l'événement est en ligne ({text(location.get('name'))}, {text(location.get('city'))})")
    fields["region"] = region
    zone = ZoneInfo(timezone_of(region) if region else DEFAULT_TIMEZONE)
    fields.update(timings(record.get("timings"), zone, problem))
    if link := text(record.get("onlineAccessLink")):
        fields["online_url"] = link
    status = record.get("status", 1)
    status = status if isinstance(status, int) else str(status)
    fields["status"] = STATUS_OF.get(status)  # 1, « programmé », takes an action back from « annulé » (importer._merged)
    if status not in STATUS_OF:
        problem("status", f"état « {status} » inconnu (OpenAgenda : 1 à 6)")
    fields["draft"] = record.get("state") not in (None, 2, "2")  # published: a draft imported before is published
    if fields["draft"]:
        notes.append(f"non publié dans l'agenda (state {record.get('state')}) : importé comme brouillon")
    fields["registration"], more = registration(record.get("registration"), text(record.get("conditions")))
    notes += more
    fields["accessibility"] = accessibility(record.get("accessibility"))
    age = record["age"] if isinstance(record.get("age"), dict) else {}
    fields["age"] = {key: age[key] for key in ("min", "max") if age.get(key) is not None} or None
    if any(type(value) is not int for value in (fields["age"] or {}).values()):  # written as read: whole numbers only
        problem("age", f"âge « {age} » : min et max sont des nombres entiers d'années")
    fields["audience"] = list(dict.fromkeys(audience))
    unheld = [key for key in record if key not in HELD | DERIVED and record[key] not in (None, "", [], {})]
    if unheld:
        notes.append("champs non repris (le site n'en a pas) : " + ", ".join(sorted(unheld)))
    listed = record["extIds"] if isinstance(record.get("extIds"), list) else []
    ext_ids = {str(item.get("key")): str(item.get("value")) for item in listed if isinstance(item, dict)}
    import_id = f"openagenda-{record['uid']}" if record.get("uid") else ext_ids.get(EXT_ID_KEY)
    fields["import_id"] = import_id
    return {key: value for key, value in fields.items() if value not in (None, "", [], {})}, body, import_id, notes


def venue(location: dict, name: str, result: RowResult) -> tuple[dict, str | None]:
    city = one_line(text(location.get("city")))
    postal = one_line(text(location.get("postalCode")))
    found = {"name": one_line(text(location.get("name"))), "address": one_line(text(location.get("address"))), "postal_code": postal, "city": city}
    if found["name"] == city:
        found["name"] = ""  # the site's own export names a place without a name after its town
    region = None
    if written := text(location.get("region")):
        try:
            region = typed.parse_region(written)
        except typed.InputError as error:
            result.problems.append(Problem(name, result.row, "location.region", str(error)))
    elif postal or city:
        region = region_of_place(city, postal or None)
    return {key: value for key, value in found.items() if value}, region


def timings(items: Any, zone: ZoneInfo, problem) -> dict:
    """OpenAgenda's timings → start/end, or slots; a day from 00:00 to 23:59 is a whole day, and
    whole days in a row are one range."""
    ranges: list[list] = []  # [start, end] as dates (whole days) or local date-times
    for item in items if isinstance(items, list) else []:
        try:
            begin, end = (local(datetime.fromisoformat(str(item.get(key) or item.get(other))), zone)
                          for key, other in (("begin", "start"), ("end", "end")))
        except (ValueError, AttributeError, TypeError):
            problem("timings", f"horaire illisible : {item}")
            continue
        if begin.time() == time(0, 0) and end.time() in (time(23, 59), time(0, 0)) and end > begin:
            last = (end - timedelta(minutes=1)).date() if end.time() == time(0, 0) else end.date()
            if ranges and not isinstance(ranges[-1][0], datetime) and ranges[-1][1] + timedelta(days=1) == begin.date():
                ranges[-1][1] = last
            else:
                ranges.append([begin.date(), last])
        else:
            ranges.append([begin, end])
    if not ranges:
        problem("timings", "aucun horaire : un événement OpenAgenda a au moins une plage horaire")
        return {}
    written = [{key: value for key, value in written_range(start, end).items() if value} for start, end in ranges]
    return written[0] if len(written) == 1 else {"slots": written}


def local(moment: datetime, zone: ZoneInfo) -> datetime:
    """A timing's moment as the venue's clock shows it (one without offset is taken as that clock)."""
    return moment.replace(tzinfo=None) if moment.tzinfo is None else moment.astimezone(zone).replace(tzinfo=None)


def written_range(start, end) -> dict[str, str | None]:
    """As content files write a range: a day (and its last day), or a date-time and its end time."""
    if not isinstance(start, datetime):
        return {"start": start.isoformat(), "end": end.isoformat() if end != start else None}
    if end == start:
        return {"start": start.strftime("%Y-%m-%dT%H:%M"), "end": None}
    return {"start": start.strftime("%Y-%m-%dT%H:%M"),
            "end": end.strftime("%H:%M") if end.date() == start.date() else end.strftime("%Y-%m-%dT%H:%M")}


def registration(items: Any, conditions: str) -> tuple[str | None, list[str]]:
    """OpenAgenda's ways to register (the first one kept) or its conditions, as the site's one field."""
    values = []
    for item in items if isinstance(items, list) else []:
        kind, value = (item.get("type"), str(item.get("value", ""))) if isinstance(item, dict) else (None, str(item))
        if kind == "email" or (kind is None and "@" in value and "://" not in value):
            value = "mailto:" + value
        elif kind == "phone" or (kind is None and re.fullmatch(r"[+\d][\d .]{5,}", value)):
            value = "tel:" + re.sub(r"[ .]", "", value)
        values.append(value)
    notes = [f"inscription : « {value} » non repris (le site garde un seul moyen d'inscription)" for value in values[1:]]
    if values and conditions:
        notes.append(f"conditions non reprises : « {conditions} »")
    return (values[0] if values else conditions or None), notes


def accessibility(value: Any) -> list[str]:
    codes = [code for code, planned in value.items() if planned] if isinstance(value, dict) else value
    names = [ACCESSIBILITY_OF[code] for code in codes if isinstance(code, str) and code in ACCESSIBILITY_OF] \
        if isinstance(codes, list) else []
    return [name for name in ACCESSIBILITY if name in names]  # in the site's order
