"""Import a spreadsheet of actions (CSV or XLSX, one row per action, French headers) as event files.

Every row is checked with the same rules as the site; every invalid row is reported with its
row number and column. Nothing is written while a row is invalid, unless asked to write the
valid ones. A row is never dropped or merged silently: duplicate rows are errors, and an
existing file is left alone when identical (so re-importing a sheet adds nothing) and reported
when different.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from .text import slugify
from .problems import ContentError, Problem
from .scaffold import BODY_HINT, check_event, event_fields, front_matter_text

# Column header → event field. The template modeles/import-actions.csv has exactly these headers.
COLUMNS = {
    "titre": "title", "type": "type", "debut": "start", "fin": "end", "horaire": "time_note",
    "organisateur": "organizer", "lieu": "venue.name", "adresse": "venue.address",
    "code_postal": "venue.postal_code", "ville": "venue.city", "region": "region", "public": "audience",
    "inscription": "registration", "lien_en_ligne": "online_url", "statut": "status", "description": "description",
}
FIELD_COLUMN = {value: key for key, value in COLUMNS.items()}
REQUIRED = ["titre", "type", "debut", "organisateur"]


@dataclass
class ImportReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows as {header: text}; numbers and dates from a spreadsheet become the text an editor would type."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        rows = [[_cell_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    else:
        text = path.read_bytes().decode("utf-8-sig")
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=";,\t")
        rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        return []
    headers = [_header(cell) for cell in rows[0]]
    return [dict(zip(headers, (cell.strip() for cell in row))) for row in rows[1:] if any(cell.strip() for cell in row)]


def _header(text: str) -> str:
    return slugify(text or "").replace("-", "_")


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def row_fields(row: dict[str, str]) -> dict:
    postal = row.get("code_postal", "")
    if postal.isdigit() and len(postal) < 5:
        postal = postal.zfill(5)  # a spreadsheet drops the leading zero of 01000
    return event_fields(
        title=row.get("titre", ""), type_=row.get("type", ""), start=row.get("debut", ""), end=row.get("fin") or None,
        organizer=row.get("organisateur", ""), city=row.get("ville") or None, postal_code=postal or None,
        venue_name=row.get("lieu") or None, address=row.get("adresse") or None, region=row.get("region") or None,
        online_url=row.get("lien_en_ligne") or None, time_note=row.get("horaire") or None,
        registration=row.get("inscription") or None, status=row.get("statut") or None,
        audience=[part.strip() for part in row.get("public", "").split(",") if part.strip()])


def import_rows(project: Path, year: int, source: Path, write_valid: bool = False, replace: bool = False) -> ImportReport:
    name = source.name
    report = ImportReport()
    if not (project / "campaigns" / str(year) / "edition.yml").is_file():
        report.problems.append(Problem(name, 0, "", f"l'édition {year} n'existe pas : créez-la d'abord"))
        return report
    try:
        rows = read_rows(source)
    except UnicodeDecodeError:
        report.problems.append(Problem(name, 0, "", "le tableur n'est pas en UTF-8 ; enregistrez-le au format « CSV UTF-8 »"))
        return report
    except csv.Error:
        report.problems.append(Problem(name, 1, "", "séparateur de colonnes introuvable : utilisez « ; » ou « , »"))
        return report
    except Exception:  # openpyxl raises several kinds of error on a damaged or mislabelled file
        report.problems.append(Problem(name, 0, "", "fichier illisible : enregistrez-le au format .xlsx ou « CSV UTF-8 »"))
        return report
    unknown = sorted(set(rows[0]) - set(COLUMNS)) if rows else []
    report.problems += [Problem(name, 1, column, "colonne inconnue ; colonnes permises : " + ", ".join(COLUMNS))
                        for column in unknown]
    planned: dict[str, tuple[int, str]] = {}  # slug → (row, text)
    seen: dict[tuple, int] = {}
    for number, row in enumerate(rows, start=2):  # row 1 holds the headers
        missing = [column for column in REQUIRED if not row.get(column)]
        if missing:
            report.problems += [Problem(name, number, column, "valeur obligatoire manquante") for column in missing]
            continue
        identity = (slugify(row["titre"]), slugify(row.get("ville", "")), row["debut"])
        if identity in seen:
            report.problems.append(Problem(name, number, "titre", f"doublon de la ligne {seen[identity]} (même titre, ville et début)"))
            continue
        seen[identity] = number
        fields = row_fields(row)
        try:
            check_event(fields, name)
        except ContentError as error:
            report.problems += [Problem(name, number, _column(problem.field), problem.message) for problem in error.problems]
            continue
        slug = "-".join(part for part in identity[:2] if part)[:70].rstrip("-")
        if slug in planned:
            slug = f"{slug}-{row['debut'][:10]}"
        text = "---\n" + front_matter_text(fields) + "---\n" + (row.get("description", "").strip() + "\n" if row.get("description") else BODY_HINT)
        planned[slug] = (number, text)
    if report.problems and not write_valid:
        return report
    folder = project / "campaigns" / str(year) / "events"
    for slug, (number, text) in planned.items():
        path = folder / f"{slug}.md"
        if path.exists() and path.read_text(encoding="utf-8") == text:
            report.unchanged.append(path)
        elif path.exists() and not replace:
            report.problems.append(Problem(name, number, "titre", f"{path.relative_to(project).as_posix()} existe déjà avec un autre "
                                                                  "contenu ; relancez avec --remplacer pour le mettre à jour"))
        else:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            report.written.append(path)
    return report


def _column(field_name: str) -> str:
    """The spreadsheet column of a field ("venue.city" → "ville")."""
    parts = field_name.split(".")
    for length in range(len(parts), 0, -1):
        if ".".join(parts[:length]) in FIELD_COLUMN:
            return FIELD_COLUMN[".".join(parts[:length])]
    return FIELD_COLUMN.get(parts[0], field_name)
