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
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import markup
from .importcolumns import (
    BY_NAME,
    KNOWN_HEADERS,
    REQUIRED,
    cell_text,
    changes,
    header_of,
    row_fields,
    sheet_columns,
    sheet_words,
    strings,
    width_of_header,
)
from .importreport import ImportReport, RowResult
from .models import EventMeta
from .problems import ContentError, Problem
from .scaffold import BODY_HINT, check_event, front_matter_text
from .source import forbidden_message, parse_yaml, read_text, refused_character, split_front_matter
from .spreadsheet import Sheet, column_letter, read_sheet
from .text import fold, slugify
from .validate import validate

TEMP_PREFIX = ".ssp-import-"  # files being written; never content


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
    columns = sheet_columns(sheet, report)
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


def _plan_rows(sheet: Sheet, columns: dict, headers: dict[str, str], year: int, report: ImportReport,
               existing: list[Existing]) -> list[Planned]:
    planned: list[Planned] = []
    seen: tuple[dict, dict] = ({}, {})  # identity → row, identifiant → row
    header_number = next((row.row for row in report.rows if row.outcome == "header"), 0)
    header_width = width_of_header(next((cells for number, cells in sheet.rows if number == header_number), []))
    told = {row.row for row in report.rows}  # the header, the rows above it
    found = {column.key for column, _ in columns.values()}
    missing_columns = any(key not in found for key in REQUIRED)
    for number, cells in sheet.rows:
        if number in told:
            continue
        if number in sheet.hidden_rows and any(cell_text(cell) for cell in cells):
            report.rows.append(RowResult(number, "hidden", changes=["« " + " ; ".join(
                cell_text(cells[index]) for index in sorted(columns)[:3] if index < len(cells) and cell_text(cells[index]))[:200] + " »"]))
            continue
        if not any(cell_text(cell) for cell in cells):  # the rows above the header are blank too
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
        if stray := [(index, cell_text(cell)) for index, cell in enumerate(cells) if index >= header_width and cell_text(cell)]:
            index, value = stray[0]
            result.problems.append(Problem(sheet.name, number, column_letter(index + 1),
                                           f"valeur hors des colonnes du tableur (« {value[:60]} », après la dernière colonne "
                                           "nommée) : un séparateur en trop dans la ligne ? Supprimez-le, ou nommez la colonne"))
            continue
        fields, description, import_id = row_fields(values, sheet.name, result)
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
            result.problems.append(Problem(name, number, header_of(where, headers), forbidden_message(value[index])))
    result.problems += [Problem(name, number, headers.get("description", "description"), error.in_text())
                        for error in markup.problems(description)]
    try:
        meta = check_event(fields, name)
    except ContentError as error:  # every problem of the record, one per column, in the sheet's words
        named = {problem.field for problem in result.problems}
        result.problems += [Problem(name, number, header, sheet_words(problem.message, headers)) for problem in error.problems
                            if (header := header_of(problem.field, headers)) not in named]
        return None
    if result.problems:
        return None
    if outside := meta.day_outside(year):
        key, wrong = outside
        result.problems.append(Problem(name, number, headers.get(key[-1], BY_NAME[key[-1]].header),
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
        result.changes = changes(old.meta, new_meta, old.body, body, headers)
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
