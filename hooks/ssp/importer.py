"""Import a spreadsheet of actions (one row per action, French headers) as event files.

Every row gets exactly one outcome: created, updated, unchanged, blank, or an error naming the
row as the spreadsheet numbers it, the column as written, the value and the fix. Every row is
checked first (collisions with existing files included); then the files are written under
temporary names and renamed at the end, so a refusal or a crash leaves the folder as it was.

Identity: the `identifiant` column when filled, else title + town + start (date and time). An
existing file with the same identity (imported or written by hand) is compared field by field;
it is changed only with `replace`, and then only in the fields the row fills.
"""

from __future__ import annotations

import copy
import difflib
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from . import frenchinput as typed
from . import markup
from .frenchdates import numeric
from .frenchinput import InputError, iso
from .models import EventMeta
from .problems import ContentError, Problem
from .scaffold import BODY_HINT, check_event, front_matter_text
from .source import forbidden_message, parse_yaml, read_text, refused_character, split_front_matter
from .spreadsheet import HEADER_SEARCH, Sheet, read_sheet
from .text import fold, one_line, slugify
from .validate import validate
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
              "programme": "programme", "organizer_contact": "contact de l'organisateur"}  # fields no sheet column fills
LABELS = {"type": EVENT_TYPES, "status": STATUSES, "audience": AUDIENCES, "accessibility": ACCESSIBILITY}
EXAMPLE_MARK = "exemple"  # the template's example row has identifiant « EXEMPLE - à supprimer »
TEMP_PREFIX = ".ssp-import-"  # files being written; never content

OUTCOMES = {  # outcome → (French label, singular, plural)
    "header": ("ligne d'en-tête", "lignes d'en-tête"),
    "blank": ("ligne vide", "lignes vides"),
    "above": ("ligne au-dessus des en-têtes (non lue)", "lignes au-dessus des en-têtes (non lues)"),
    "hidden": ("ligne masquée dans le tableur (non importée)", "lignes masquées dans le tableur (non importées)"),
    "created": ("action créée", "actions créées"),
    "updated": ("action mise à jour", "actions mises à jour"),
    "unchanged": ("action inchangée", "actions inchangées"),
    "held": ("ligne valide non écrite", "lignes valides non écrites"),
    "to-create": ("action à créer (essai)", "actions à créer (essai)"),
    "to-update": ("action à mettre à jour (essai)", "actions à mettre à jour (essai)"),
    "different": ("ligne différente d'un fichier existant (non remplacé)", "lignes différentes d'un fichier existant (non remplacé)"),
    "error": ("ligne en erreur", "lignes en erreur"),
}
EVENT_OUTCOMES = OUTCOMES | {  # the same, for the records of an OpenAgenda export
    "held": ("événement valide non écrit", "événements valides non écrits"),
    "different": ("événement différent d'un fichier existant (non remplacé)",
                  "événements différents d'un fichier existant (non remplacé)"),
    "error": ("événement en erreur", "événements en erreur"),
}


@dataclass
class RowResult:
    row: int
    outcome: str
    path: str = ""  # the event file, relative to the project
    problems: list[Problem] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # « titre : « A » → « B » »
    text: str = ""  # the file's new text, when it is to be written


@dataclass
class ImportReport:
    source: str
    origin: str = ""
    rows: list[RowResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # about the whole file (columns…)
    notes: list[str] = field(default_factory=list)
    unit: str = "ligne"  # what a record is: a spreadsheet's line, or an OpenAgenda export's « événement »

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def ok(self) -> bool:
        return not self.problems and not any(row.outcome in ("error", "different") for row in self.rows)

    def all_problems(self) -> list[Problem]:
        return self.problems + [problem for row in self.rows for problem in row.problems]


@dataclass
class Existing:
    """An event file already in the edition's folder."""

    path: Path
    rel: str
    data: dict | None  # its front matter as written, None when unreadable
    body: str = ""
    meta: EventMeta | None = None


@dataclass
class Planned:
    result: RowResult
    fields: dict[str, Any]  # front matter of the row
    description: str
    existing: Existing | None = None


def import_sheet(project: Path, year: int, source: Path, write_valid: bool = False, replace: bool = False,
                 dry_run: bool = False, sheet_name: str | None = None, hidden: bool = False) -> ImportReport:
    """Import a spreadsheet file (see the module's doc); `hidden`: its hidden rows and columns too."""
    if missing := _missing_edition(project, year, source.name):
        return ImportReport(source.name, problems=[missing])
    try:
        sheet = read_sheet(source, KNOWN_HEADERS, sheet_name)
    except ContentError as error:
        return ImportReport(source.name, problems=error.problems)
    if hidden:
        sheet.hidden_rows, sheet.hidden_columns = set(), set()
    return import_rows(project, year, sheet, write_valid, replace, dry_run)


def import_rows(project: Path, year: int, sheet: Sheet, write_valid: bool = False, replace: bool = False,
                dry_run: bool = False) -> ImportReport:
    report = ImportReport(sheet.name, sheet.origin, problems=list(sheet.problems), notes=list(sheet.notes))
    folder = project / "campaigns" / str(year) / "events"
    if missing := _missing_edition(project, year, sheet.name):
        report.problems.append(missing)
        return report
    columns = _columns(sheet, report)
    headers = {column.field: written for column, written in columns.values() if column.field}  # field → header as written
    for column, written in columns.values():  # without « Début » / « Fin », their hour's column names them
        if column.key in ("start_time", "end_time"):
            headers.setdefault(column.key.removesuffix("_time"), written)
    existing = _existing_events(folder, project)
    planned = _plan_rows(sheet, columns, headers, year, report, existing)
    return finish(report, planned, existing, project, folder, replace, headers, write_valid, dry_run)


def finish(report: ImportReport, planned: list[Planned], existing: list[Existing], project: Path, folder: Path,
           replace: bool, headers: dict[str, str], write_valid: bool, dry_run: bool) -> ImportReport:
    """Each valid record's file planned, then all written at once — or none, while one is refused."""
    _plan_files(planned, existing, project, folder, replace, headers, report.source)
    refused = any(row.outcome in ("error", "different") for row in report.rows)
    blocked = bool(report.problems) or (refused and not write_valid)
    writes = [item for item in planned if item.result.outcome in ("created", "updated")]
    if blocked or dry_run:
        for item in writes:
            item.result.outcome = f"to-{item.result.outcome[:-1]}" if dry_run else "held"  # a trial says what it would do
        return report
    write_atomically(folder, [(project / item.result.path, item.result.text) for item in writes])
    return report


def _missing_edition(project: Path, year: int, name: str) -> Problem | None:
    if (project / "campaigns" / str(year) / "edition.yml").is_file():
        return None
    return Problem(name, 0, "", f"l'édition {year} n'existe pas : créez-la d'abord (ssp nouvelle-edition {year})")


def _columns(sheet: Sheet, report: ImportReport) -> dict[int, tuple[Column, str]]:
    """Column index → (column, header as written); problems for unknown, repeated or missing columns.
    The header row is the first of the first rows to name two known columns (else the first row
    holding something): the rows above it (a title) are reported, not read."""
    filled = [(number, cells) for number, cells in sheet.rows if any(_text(cell) for cell in cells)]
    if not filled:
        report.problems.append(Problem(sheet.name, 0, "", "le tableur est vide"))
        return {}
    named = [(sum(1 for cell in cells if fold(_text(cell)) in BY_NAME), -position)
             for position, (_, cells) in enumerate(filled[:HEADER_SEARCH])]
    best = max(range(len(named)), key=lambda position: named[position])
    number, cells = filled[best] if named[best][0] >= 2 else filled[0]
    for above, above_cells in filled[:filled.index((number, cells))]:
        report.rows.append(RowResult(above, "above", changes=["« " + " ; ".join(_text(cell) for cell in above_cells
                                                                                if _text(cell))[:200] + " »"]))
    columns: dict[int, Any] = {}
    seen: dict[str, str] = {}
    hidden: dict[str, str] = {}
    width = _header_width(cells)  # a value beyond the last header is the row's problem (a stray « ; »), _plan_rows
    for index in range(width):
        written = _text(cells[index]) if index < len(cells) else ""
        if index in sheet.hidden_columns:
            if written or any(_text(row[index]) for _, row in sheet.rows if index < len(row)):
                hidden[BY_NAME[fold(written)].key if fold(written) in BY_NAME else written] = written
                report.notes.append(f"colonne {get_column_letter(index + 1)} « {written} » masquée dans le tableur : "
                                    "non lue (--lignes-masquees pour la lire)")
            continue
        if not written:
            if any(_text(row[index]) for row_number, row in sheet.rows if row_number != number and index < len(row)):
                report.problems.append(Problem(sheet.name, number, get_column_letter(index + 1),
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


def _header_width(cells: list) -> int:
    """The header row's width: up to its last named column."""
    return max((index + 1 for index, cell in enumerate(cells) if _text(cell)), default=0)


def _plan_rows(sheet: Sheet, columns: dict, headers: dict[str, str], year: int, report: ImportReport,
               existing: list[Existing]) -> list[Planned]:
    planned: list[Planned] = []
    seen: tuple[dict, dict] = ({}, {})  # identity → row, identifiant → row
    header_number = next((row.row for row in report.rows if row.outcome == "header"), 0)
    header_width = _header_width(next((cells for number, cells in sheet.rows if number == header_number), []))
    told = {row.row for row in report.rows}  # the header, the rows above it
    found = {column.key for column, _ in columns.values()}
    missing_columns = any(key not in found for key in REQUIRED)
    for number, cells in sheet.rows:
        if number in told:
            continue
        if number in sheet.hidden_rows and any(_text(cell) for cell in cells):
            report.rows.append(RowResult(number, "hidden", changes=["« " + " ; ".join(
                _text(cells[index]) for index in sorted(columns)[:3] if index < len(cells) and _text(cells[index]))[:200] + " »"]))
            continue
        if not any(_text(cell) for cell in cells):  # the rows above the header are blank too
            report.rows.append(RowResult(number, "blank"))
            continue
        result = RowResult(number, "error")
        report.rows.append(result)
        values = {column.key: (cells[index] if index < len(cells) else None, written)
                  for index, (column, written) in columns.items()}
        if missing_columns:
            result.problems.append(Problem(sheet.name, number, "", "ligne non lue : des colonnes obligatoires manquent "
                                                                   "(voir la ligne d'en-tête)"))
            continue
        if stray := [(index, _text(cell)) for index, cell in enumerate(cells) if index >= header_width and _text(cell)]:
            index, value = stray[0]
            result.problems.append(Problem(sheet.name, number, get_column_letter(index + 1),
                                           f"valeur hors des colonnes du tableur (« {value[:60]} », après la dernière colonne "
                                           "nommée) : un séparateur en trop dans la ligne ? Supprimez-le, ou nommez la colonne"))
            continue
        fields, description, import_id = _row_fields(values, sheet.name, result)
        if item := plan(result, fields, description, import_id, year, existing, seen, sheet.name, headers):
            planned.append(item)
    report.rows.sort(key=lambda row: row.row)
    return planned


def plan(result: RowResult, fields: dict, description: str, import_id: str | None, year: int, existing: list[Existing],
         seen: tuple[dict, dict], name: str, headers: dict[str, str], unit: str = "ligne") -> Planned | None:
    """A record's fields checked as the site will check the file, against the records before it
    (`seen`: identity → record, identifiant → record) and the edition's files; None when refused."""
    by_identity, by_id = seen
    number = result.row
    for where, value in strings({**fields, "description": description}):  # what the site would refuse in the file
        if (index := refused_character(value)) is not None:
            result.problems.append(Problem(name, number, _header_of(where, headers), forbidden_message(value[index])))
    if refused := markup.problem(description):
        result.problems.append(Problem(name, number, headers.get("description", "description"), str(refused)))
    try:
        meta = check_event(fields, name)
    except ContentError as error:  # every problem of the record, one per column, in the sheet's words
        named = {problem.field for problem in result.problems}
        result.problems += [Problem(name, number, header, _sheet_words(problem.message, headers)) for problem in error.problems
                            if (header := _header_of(problem.field, headers)) not in named]
        return None
    if result.problems:
        return None
    if wrong := meta.day_outside(year):
        result.problems.append(Problem(name, number, headers.get("start", "début"),
                                       f"l'action a lieu en {wrong.year}, hors de l'édition {year} : corrigez l'année, "
                                       f"ou importez-la dans l'édition {wrong.year}"))
        return None
    identity = meta.identity()
    id_header = headers.get("import_id", "identifiant")
    if import_id and import_id in by_id:
        result.problems.append(Problem(name, number, id_header, f"identifiant « {import_id} » déjà donné à la {unit} "
                                                                f"{by_id[import_id]} ; chaque action a son propre identifiant"))
        return None
    if identity in by_identity:
        result.problems.append(Problem(name, number, headers.get("title", "titre"),
                                       f"même action que la {unit} {by_identity[identity]} (même titre, ville, date et heure "
                                       "de début) : supprimez l'une des deux, ou corrigez l'heure si ce sont deux créneaux"))
        return None
    match = _match(import_id, identity, existing)
    if match and import_id and match.meta and match.meta.import_id not in (None, import_id):
        result.problems.append(Problem(name, number, id_header,
                                       f"{match.rel} décrit déjà cette action (même titre, ville et début) avec "
                                       f"l'identifiant « {match.meta.import_id} » : reprenez cet identifiant"))
        return None
    by_identity[identity] = number
    if import_id:
        by_id[import_id] = number
    return Planned(result, fields, description, match)


def _sheet_words(message: str, headers: dict[str, str]) -> str:
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


def _row_fields(values: dict[str, tuple[Any, str]], name: str, result: RowResult) -> tuple[dict, str, str | None]:
    """A row's cells → event fields (as content files write them), with a problem per bad cell."""
    def problem(key: str, message: str) -> None:
        result.problems.append(Problem(name, result.row, values[key][1], message))

    def text(key: str) -> str:
        written = _text(values[key][0]) if key in values else ""
        return written if key in ("description", "time_note") else one_line(written)

    def parsed(key: str, parse):
        raw = values.get(key, (None, ""))[0]
        if raw in (None, "") or (isinstance(raw, str) and not raw.strip()):
            return None
        try:
            return parse(raw if parse in (_moment, _clock, _end) else _text(raw))
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
        "region": parsed("region", typed.parse_region), "audience": parsed("audience", typed.parse_audiences) or [],
        "age": parsed("age", typed.parse_age), "accessibility": parsed("accessibility", typed.parse_accessibility) or [],
        "registration": text("registration"), "online_url": text("online_url"),
        "status": parsed("status", typed.parse_status), "import_id": import_id,
    }
    if not text("city") and (text("venue_name") or text("address") or text("postal_code")):
        problem("city" if "city" in values else next(key for key in ("venue_name", "address", "postal_code") if text(key)),
                "la ville du lieu est obligatoire quand un lieu, une adresse ou un code postal est donné")
    fields = {key: value for key, value in fields.items() if value not in (None, "", [], {})}
    return fields, text("description"), import_id


def _moment(value) -> date | datetime:
    if isinstance(value, (date, datetime)):
        return value
    return typed.parse_moment(_text(value))


def _end(value) -> date | datetime | time:
    """An end: a date, a date and time, or a time alone (on the start's day), as sheets write it."""
    try:
        return _moment(value)
    except InputError as error:
        try:
            return _clock(value)
        except InputError:
            raise error from None


def _clock(value) -> time:
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    return typed.parse_clock(_text(value))


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _text(value) -> str:
    """A cell as text: numbers without « .0 », dates as content files write them, line breaks kept."""
    if value is None:
        return ""
    if isinstance(value, (date, time)):
        return iso(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").strip()


def _header_of(field_name: str, headers: dict[str, str]) -> str:
    """The header, as written, of the column that fills a field (« venue.city » → « Ville »)."""
    parts = field_name.split(".")
    for length in range(len(parts), 0, -1):
        if ".".join(parts[:length]) in headers:
            return headers[".".join(parts[:length])]
    if parts[0] == "venue":
        return headers.get("venue.city", "ville")
    return field_name


def _existing_events(folder: Path, project: Path) -> list[Existing]:
    found = []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        rel = path.relative_to(project).as_posix()
        try:
            yaml_text, body, first_line = split_front_matter(read_text(path, rel), rel)
            document = parse_yaml(yaml_text, rel, first_line)
        except ContentError:
            found.append(Existing(path, rel, None))
            continue
        data = document.data if isinstance(document.data, dict) else None
        try:
            meta = validate(EventMeta, document, rel)
        except ContentError:
            meta = None
        found.append(Existing(path, rel, data, body, meta))
    return found


def _match(import_id: str | None, identity: tuple, existing: list[Existing]) -> Existing | None:
    """The existing file of the same action: same identifiant, else same title, town and start."""
    if import_id:
        for item in existing:
            if item.data and str(item.data.get("import_id") or "") == import_id:
                return item
    return next((item for item in existing if item.meta and item.meta.identity() == identity), None)


def _plan_files(planned: list[Planned], existing: list[Existing], project: Path, folder: Path, replace: bool,
                headers: dict[str, str], source: str) -> None:
    """Each valid row's file and text: a new file under a free name, or the existing file updated."""
    taken = {item.path.stem for item in existing}
    matched: dict[str, int] = {}
    claimed = {item.existing.rel for item in planned if item.existing}
    for item in planned:
        result = item.result
        if item.existing is None and (probable := _probably_updates(item, existing, claimed)):
            result.outcome = "error"
            named = ", ".join(other.rel for other in probable)
            kept = [other.meta.import_id for other in probable if other.meta and other.meta.import_id]
            how = (f"reprenez son identifiant « {kept[0]} » dans la colonne « identifiant »" if len(kept) == 1 and len(probable) == 1
                   else "écrivez le même identifiant dans ce fichier (import_id: …) et dans la colonne « identifiant » de la ligne")
            result.problems.append(Problem(source, result.row, headers.get("title", "titre"),
                                           f"même titre et même ville que {named}, à une autre date ou heure : s'il s'agit de "
                                           f"la même action corrigée, {how} ; s'il s'agit d'une autre action (une autre "
                                           "séance), donnez à la ligne un identifiant à elle"))
            continue
        if item.existing is None:
            slug = _free_slug(item, taken)
            taken.add(slug)
            result.path = (folder / f"{slug}.md").relative_to(project).as_posix()
            result.outcome = "created"
            result.text = _file_text(item.fields, item.description.strip() + "\n" if item.description.strip() else BODY_HINT)
            continue
        old = item.existing
        result.path = old.rel
        if old.rel in matched:
            result.problems.append(Problem(result.path, 0, "", f"les lignes {matched[old.rel]} et {result.row} désignent "
                                                               "la même action ; supprimez l'une des deux"))
            result.outcome = "error"
            continue
        matched[old.rel] = result.row
        if old.meta is None or old.data is None:
            result.problems.append(Problem(old.rel, 0, "", "ce fichier existant a des erreurs : corrigez-le (ssp verifier) "
                                                           "avant de le mettre à jour par import"))
            result.outcome = "error"
            continue
        data = _merged(old.data, item.fields)
        body = item.description.strip() + "\n" if item.description.strip() else old.body
        try:
            new_meta = check_event(data, old.rel)
        except ContentError as error:
            result.problems += [Problem(result.path, 0, problem.field, f"après mise à jour par la ligne {result.row} : "
                                        + problem.message) for problem in error.problems]
            result.outcome = "error"
            continue
        result.changes = _changes(old.meta, new_meta, old.body, body, headers)
        if not result.changes:
            result.outcome = "unchanged"
        elif replace:
            result.outcome = "updated"
            result.text = _file_text(data, body)
        else:
            result.outcome = "different"


def _probably_updates(item: Planned, existing: list[Existing], claimed: set[str]) -> list[Existing]:
    """For a record without identifiant that matches no file: the files of the same title and town
    that no other record updates — a corrected day or hour, not a second action."""
    if item.fields.get("import_id"):
        return []
    title, town = fold(item.fields["title"]), fold(item.fields.get("venue", {}).get("city", ""))
    return [other for other in existing if other.meta and other.rel not in claimed
            and other.meta.identity()[:2] == (title, town)]


def _free_slug(item: Planned, taken: set[str]) -> str:
    """title-town, or with the start date and time when that name is taken, never an existing file."""
    title, town = slugify(item.fields["title"])[:60].rstrip("-"), slugify(item.fields.get("venue", {}).get("city", ""))
    base = "-".join(part for part in (title, town) if part)[:70].rstrip("-") or "action"
    if base == "index":
        base = "action-index"
    start = item.fields["start"] if "start" in item.fields else item.fields["slots"][0]["start"]
    candidates = [base, f"{base}-{slugify(start.replace('T', '-').replace(':', 'h'))}"]
    candidates += [f"{candidates[-1]}-{number}" for number in range(2, 1000)]
    return next(slug for slug in candidates if slug not in taken)


def _merged(old: dict, fields: dict) -> dict:
    """The existing front matter with the fields the record fills; a start replaces slots, slots a
    start; « Programmée » and « publié » (draft: false) take back « Annulée » or a draft."""
    data = copy.deepcopy(old)
    for key, value in fields.items():
        if key == "venue" and isinstance(data.get("venue"), dict):
            data["venue"].update(value)
        else:
            data[key] = value
    if "start" in fields:
        data.pop("slots", None)
    if "slots" in fields:
        data.pop("start", None), data.pop("end", None)
    return data


def _written(data: dict) -> dict:
    """The front matter as a file writes it: what goes without saying (an action « Programmée », not
    a draft) left out."""
    return {key: value for key, value in data.items()
            if not (key == "status" and value == "scheduled") and not (key == "draft" and value is False)}


def _changes(old: EventMeta, new: EventMeta, old_body: str, new_body: str, headers: dict[str, str]) -> list[str]:
    """Field by field, named by the sheet's header as written: « Titre : « A » → « B » »."""
    before, after = _flat(old.model_dump(exclude={"import_id"})), _flat(new.model_dump(exclude={"import_id"}))
    name = {column.field: column.header for column in COLUMNS if column.field} | UNCOLUMNED | headers
    changes = [f"{name.get(key, key)} : « {_shown(key, before.get(key))} » → « {_shown(key, after.get(key))} »"
               for key in list(dict.fromkeys([*before, *after])) if before.get(key) != after.get(key)]
    if old_body.strip() != new_body.strip():
        changes.append(f"{headers.get('description', 'description')} : texte remplacé par celui du tableur")
    return changes


def _flat(data: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _shown(key: str, value) -> str:
    """A value as the sheet would show it: labels rather than codes (« Complet », not « full »),
    dates and hours as French sheets write them (« 25/11/2026 10:00 »), a slot as « début → fin »."""
    if value in (None, [], "", {}):
        return "(vide)"
    if isinstance(value, list):
        return ", ".join(_shown(key, item) for item in value)
    if isinstance(value, dict):  # a slot
        start, end = value.get("start"), value.get("end")
        if isinstance(start, datetime) and isinstance(end, datetime) and end.date() == start.date():
            end = end.time()  # « 21/11/2017 10:00 → 12:00 »
        return _shown(key, start) + (f" → {_shown(key, end)}" if end else "")
    if isinstance(value, (date, time)):
        return numeric(value)
    if isinstance(value, bool):
        return "oui" if value else "non"
    return LABELS.get(key, {}).get(value, str(value))


def _file_text(data: dict, body: str) -> str:
    return "---\n" + front_matter_text(_written(data)) + "---\n" + body


def write_atomically(folder: Path, files: list[tuple[Path, str]]) -> None:
    """Write every file under a temporary name in its folder, then rename them all; on any failure
    (or interruption) the folder is put back as it was."""
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(TEMP_PREFIX + "*"):  # from an import killed while writing
        leftover.unlink()
    staged, renamed = [], []
    try:
        for path, text in files:
            temporary = path.with_name(f"{TEMP_PREFIX}{os.getpid()}-{path.name}")
            with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append((temporary, path, path.read_bytes() if path.exists() else None))
        for temporary, path, previous in staged:
            os.replace(temporary, path)
            renamed.append((path, previous))
    except BaseException:
        for path, previous in renamed:
            if previous is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(previous)
        for temporary, _, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
