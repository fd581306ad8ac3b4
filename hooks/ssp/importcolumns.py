"""The columns of the organisers' spreadsheet: their French headers and the names they go by, how
a sheet's header row is read, and how a row's cells become an action's fields (importer.py)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from . import frenchinput as typed
from . import markup
from .communes import region_of_place
from .frenchdates import numeric
from .frenchinput import InputError, iso
from .importreport import ImportReport, RowResult
from .models import EventMeta
from .problems import Problem
from .spreadsheet import HEADER_SEARCH, Sheet, column_letter
from .text import fold, one_line
from .vocab import ACCESSIBILITY, AUDIENCES, EVENT_TYPES, STATUSES


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as in the template
    aliases: tuple[str, ...] = ()
    field: str = ""  # the event field it fills, for messages about that field


COLUMNS = (
    Column("id", "identifiant", ("id", "référence", "ref"), "import_id"),
    Column("title", "titre", ("intitulé", "titre de l'action", "nom de l'action"), "title"),
    Column("type", "type", ("type d'action",), "type"),
    Column("start", "début", ("date", "date de début", "date début", "date et heure de début", "jour"), "start"),
    Column("start_time", "heure de début", ("heure", "heure début", "horaire de début")),
    Column("end", "fin", ("date de fin", "date fin", "date et heure de fin"), "end"),
    Column("end_time", "heure de fin", ("heure fin", "horaire de fin")),
    Column("time_note", "horaire", ("horaires", "précision horaire", "horaire en clair"), "time_note"),
    Column("organizer", "organisateur", ("établissement", "structure", "organisé par"), "organizer"),
    Column("venue_name", "lieu", ("nom du lieu", "salle"), "venue.name"),
    Column("address", "adresse", ("rue",), "venue.address"),
    Column("postal_code", "code postal", ("cp",), "venue.postal_code"),
    Column("city", "ville", ("commune",), "venue.city"),
    Column("region", "région", (), "region"),
    Column("audience", "public", ("publics", "public visé", "publics visés"), "audience"),
    Column("age", "âge", ("âges", "tranche d'âge", "âge du public"), "age"),
    Column("accessibility", "accessibilité", ("handicap", "aménagements", "accessibilité handicap"), "accessibility"),
    Column("registration", "inscription", ("modalités d'inscription",), "registration"),
    Column("online_url", "lien en ligne", ("en ligne", "lien", "url", "lien de connexion"), "online_url"),
    Column("status", "statut", ("état",), "status"),
    Column("description", "description", ("présentation", "texte"), "description"),
)
BY_NAME = {fold(name): column for column in COLUMNS for name in (column.header, column.key, *column.aliases)}
KNOWN_HEADERS = set(BY_NAME)
REQUIRED = ("title", "type", "start", "organizer")
UNCOLUMNED = {"slots": "créneaux", "draft": "brouillon", "age.min": "âge minimum", "age.max": "âge maximum",
              "programme": "programme", "organizer_contact": "contact de l'organisateur",
              "carried_over_from": "action reconduite"}  # fields no sheet column fills
LABELS = {"type": EVENT_TYPES, "status": STATUSES, "audience": AUDIENCES, "accessibility": ACCESSIBILITY}
EXAMPLE_MARK = "exemple"  # the template's example row has identifiant « EXEMPLE - à supprimer »


def sheet_columns(sheet: Sheet, report: ImportReport) -> dict[int, tuple[Column, str]]:
    """Column index → (column, header as written); problems for unknown, repeated or missing columns.
    The header row is the first of the first rows to name two known columns (else the first row
    holding something): the rows above it (a title) are reported, not read."""
    filled = [(number, cells) for number, cells in sheet.rows if any(cell_text(cell) for cell in cells)]
    if not filled:
        report.problems.append(Problem(sheet.name, 0, "", "le tableur est vide"))
        return {}
    named = [(sum(1 for cell in cells if fold(cell_text(cell)) in BY_NAME), -position)
             for position, (_, cells) in enumerate(filled[:HEADER_SEARCH])]
    best = max(range(len(named)), key=lambda position: named[position])
    number, cells = filled[best] if named[best][0] >= 2 else filled[0]
    for above, above_cells in filled[:filled.index((number, cells))]:
        report.rows.append(RowResult(above, "above", changes=["« " + " ; ".join(cell_text(cell) for cell in above_cells
                                                                                if cell_text(cell))[:200] + " »"]))
    columns: dict[int, Any] = {}
    seen: dict[str, str] = {}
    hidden: dict[str, str] = {}
    width = width_of_header(cells)  # a value beyond the last header is the row's problem (a stray « ; »), _plan_rows
    for index in range(width):
        written = cell_text(cells[index]) if index < len(cells) else ""
        if index in sheet.hidden_columns:
            if written or any(cell_text(row[index]) for _, row in sheet.rows if index < len(row)):
                hidden[BY_NAME[fold(written)].key if fold(written) in BY_NAME else written] = written
                report.notes.append(f"colonne {column_letter(index + 1)} « {written} » masquée dans le tableur : "
                                    "non lue (--lignes-masquees pour la lire)")
            continue
        if not written:
            if any(cell_text(row[index]) for row_number, row in sheet.rows if row_number != number and index < len(row)):
                report.problems.append(Problem(sheet.name, number, column_letter(index + 1),
                                               "colonne sans en-tête mais remplie : donnez-lui un nom (par exemple "
                                               "« description »), sinon son contenu serait perdu"))
            continue
        column = BY_NAME.get(fold(written))
        if column is None:
            close = difflib.get_close_matches(fold(written), list(BY_NAME), n=1, cutoff=0.75)
            hint = f"vouliez-vous dire « {BY_NAME[close[0]].header} » ?" if close else \
                "colonnes permises : " + ", ".join(column.header for column in COLUMNS)
            report.problems.append(Problem(sheet.name, number, written, f"colonne inconnue ; {hint}"))
        elif column.key in seen:
            report.problems.append(Problem(sheet.name, number, written, f"colonne présente deux fois (aussi « {seen[column.key]} ») ; "
                                                                        "gardez-en une seule"))
        else:
            seen[column.key] = written
            columns[index] = (column, written)
    for key in REQUIRED:
        if key not in seen:
            header = hidden.get(key) or next(column.header for column in COLUMNS if column.key == key)
            report.problems.append(Problem(sheet.name, number, header,
                                           "colonne obligatoire masquée dans le tableur : affichez-la, ou relancez avec "
                                           "--lignes-masquees" if key in hidden else "colonne obligatoire absente ; ajoutez-la"))
    report.rows.append(RowResult(number, "header"))
    return columns


def width_of_header(cells: list) -> int:
    """The header row's width: up to its last named column."""
    return max((index + 1 for index, cell in enumerate(cells) if cell_text(cell)), default=0)


def sheet_words(message: str, headers: dict[str, str]) -> str:
    """A content file's message told in the sheet's words: « (venue) », « « online_url » » become its
    columns as written (« Ville », « Lien en ligne »)."""
    name = {column.field: column.header for column in COLUMNS if column.field} | UNCOLUMNED | headers
    message = message.replace("le lieu (venue)", f"le lieu (« {name['venue.city']} »)")
    return re.sub(r"« (online_url|start|end|slots|region|organizer|title|type) »",
                  lambda field: f"« {name.get(field.group(1), field.group(1))} »", message)


def strings(value: Any, path: str = "") -> list[tuple[str, str]]:
    """Every text in fields, with where it is (« venue.city », « slots.2.start »)."""
    if isinstance(value, dict):
        return [item for key, inner in value.items() for item in strings(inner, f"{path}.{key}" if path else key)]
    if isinstance(value, list):
        return [item for index, inner in enumerate(value, start=1) for item in strings(inner, f"{path}.{index}")]
    return [(path, value)] if isinstance(value, str) else []


def row_fields(values: dict[str, tuple[Any, str]], name: str, result: RowResult) -> tuple[dict, str, str | None]:
    """A row's cells → event fields (as content files write them), with a problem per bad cell."""
    def problem(key: str, message: str) -> None:
        result.problems.append(Problem(name, result.row, values[key][1], message))

    def text(key: str) -> str:
        written = cell_text(values[key][0]) if key in values else ""
        return written if key in ("description", "time_note") else one_line(written)

    def parsed(key: str, parse):
        raw = values.get(key, (None, ""))[0]
        if raw in (None, "") or (isinstance(raw, str) and not raw.strip()):
            return None
        try:
            return parse(raw if parse in (_moment, _clock, _end) else cell_text(raw))
        except InputError as error:
            problem(key, str(error))
            return None

    import_id = text("id") or None
    if import_id and fold(import_id).startswith(EXAMPLE_MARK):
        problem("id", "ligne d'exemple du modèle : supprimez-la, ou remplacez-la par une vraie action et videz "
                      "la colonne identifiant")
    for key in REQUIRED:
        if key in values and not text(key):
            problem(key, "valeur obligatoire manquante")
    start = parsed("start", _moment)
    start_time = parsed("start_time", _clock)
    end = parsed("end", _end)
    end_time = parsed("end_time", _clock)
    if isinstance(end, time):  # « Fin : 16h30 » beside « Début : 24/11/2026 14h00 »: that day
        end, end_time = None, end_time or end
    if start is not None and start_time is not None:
        if isinstance(start, datetime) and start.time() != start_time:
            problem("start_time", f"deux heures de début différentes ({start:%H:%M} et {start_time:%H:%M}) ; gardez-en une")
        start = datetime.combine(_day(start), start_time)
    if end is not None and end_time is not None:
        end = datetime.combine(_day(end), end_time)
    elif end is None and end_time is not None:
        end = end_time  # the same day
    elif isinstance(end, date) and not isinstance(end, datetime) and isinstance(start, datetime) and end == start.date():
        end = None  # « fin : 24/11/2026 » beside a start at 14:00 on that day says nothing more
    venue = {"name": text("venue_name"), "address": text("address"), "postal_code": parsed("postal_code", typed.parse_postal_code),
             "city": text("city")}
    fields = {
        "title": text("title"), "type": parsed("type", typed.parse_type), "start": iso(start) if start else None,
        "end": iso(end) if end else None, "time_note": text("time_note"), "organizer": text("organizer"),
        "venue": {key: value for key, value in venue.items() if value} if text("city") else None,
        "region": parsed("region", typed.parse_region) or (text("city") and region_of_place(text("city"), venue["postal_code"])),
        "audience": parsed("audience", typed.parse_audiences) or [],
        "age": parsed("age", typed.parse_age), "accessibility": parsed("accessibility", typed.parse_accessibility) or [],
        "registration": text("registration"), "online_url": text("online_url"),
        "status": parsed("status", typed.parse_status), "import_id": import_id,
    }
    if not text("city") and (text("venue_name") or text("address") or text("postal_code")):
        problem("city" if "city" in values else next(key for key in ("venue_name", "address", "postal_code") if text(key)),
                "la ville du lieu est obligatoire quand un lieu, une adresse ou un code postal est donné")
    fields = {key: value for key, value in fields.items() if value not in (None, "", [], {})}
    return fields, markup.kept_line_breaks(text("description")), import_id


def _moment(value) -> date | datetime:
    if isinstance(value, (date, datetime)):
        return value
    return typed.parse_moment(cell_text(value))


def _end(value) -> date | datetime | time:
    """An end: a date, a date and time, or a time alone (on the start's day), as sheets write it."""
    if isinstance(value, (date, time)):  # a cell the sheet typed (a datetime is a date)
        return _clock(value) if isinstance(value, time) else value
    return typed.parse_end(cell_text(value))


def _clock(value) -> time:
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    return typed.parse_clock(cell_text(value))


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def cell_text(value) -> str:
    """A cell as text: numbers without « .0 », dates as content files write them, line breaks kept."""
    if value is None:
        return ""
    if isinstance(value, (date, time)):
        return iso(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").strip()


def header_of(field_name: str, headers: dict[str, str]) -> str:
    """The header, as written, of the column that fills a field (« venue.city » → « Ville »)."""
    parts = field_name.split(".")
    for length in range(len(parts), 0, -1):
        if ".".join(parts[:length]) in headers:
            return headers[".".join(parts[:length])]
    if parts[0] == "venue":
        return headers.get("venue.city", "ville")
    return field_name


def changes(old: EventMeta, new: EventMeta, old_body: str, new_body: str, headers: dict[str, str]) -> list[str]:
    """Field by field, named by the sheet's header as written: « Titre : « A » → « B » »."""
    before, after = flat(old.model_dump(exclude={"import_id"})), flat(new.model_dump(exclude={"import_id"}))
    name = {column.field: column.header for column in COLUMNS if column.field} | UNCOLUMNED | headers
    said = [f"{name.get(key, key)} : « {shown(key, before.get(key))} » → « {shown(key, after.get(key))} »"
            for key in list(dict.fromkeys([*before, *after])) if before.get(key) != after.get(key)]
    if old_body.strip() != new_body.strip():
        said.append(f"{headers.get('description', 'description')} : texte remplacé par celui du tableur")
    return said


def flat(data: dict, prefix: str = "") -> dict:
    """{"venue": {"city": …}} → {"venue.city": …}"""
    found = {}
    for key, value in data.items():
        if isinstance(value, dict):
            found.update(flat(value, f"{prefix}{key}."))
        else:
            found[f"{prefix}{key}"] = value
    return found


def shown(key: str, value) -> str:
    """A value as the sheet would show it: labels rather than codes (« Complet », not « full »),
    dates and hours as French sheets write them (« 25/11/2026 10:00 »), a slot as « début → fin »."""
    if value in (None, [], "", {}):
        return "(vide)"
    if isinstance(value, list):
        return ", ".join(shown(key, item) for item in value)
    if isinstance(value, dict):  # a slot
        start, end = value.get("start"), value.get("end")
        if isinstance(start, datetime) and isinstance(end, datetime) and end.date() == start.date():
            end = end.time()  # « 21/11/2017 10:00 → 12:00 »
        return shown(key, start) + (f" → {shown(key, end)}" if end else "")
    if isinstance(value, (date, time)):
        return numeric(value)
    if isinstance(value, bool):
        return "oui" if value else "non"
    return LABELS.get(key, {}).get(value, str(value))
