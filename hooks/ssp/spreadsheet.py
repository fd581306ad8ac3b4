"""Read a spreadsheet as offices make them: .xlsx, or .csv from Excel, LibreOffice or Google Sheets.

CSV: UTF-8 (with or without BOM), UTF-16 (Excel's « Texte Unicode »), or the 8-bit encoding whose
reading is French — Windows-1252 (French Excel's « CSV (séparateur : point-virgule) »), ISO-8859-15,
Mac Roman (Excel for Mac's « CSV ») —, a doubtful one refused; separator `;`, `,` or tab chosen from the whole
file; standard quoting (`""` inside a quoted cell, line breaks inside cells). XLSX: the sheet named,
or the first visible one with the expected columns, every row it holds, with real date, time and
date-time cells, its hidden rows and columns noted. Every row keeps the number the spreadsheet
shows, blank rows included.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .problems import ContentError, Problem
from .text import fold

SEPARATORS = {";": "point-virgule", ",": "virgule", "\t": "tabulation"}
ENCODINGS = {"utf-8": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252 (Excel)", "iso8859_15": "ISO-8859-15",
             "mac_roman": "Mac Roman (Excel pour Mac)"}
EIGHT_BITS = ("cp1252", "iso8859_15", "mac_roman")  # what a file not in UTF-8 may be, from French offices
SAVE_AS_UTF8 = "enregistrez le tableur en « CSV UTF-8 » (Excel : « Enregistrer sous » → « CSV UTF-8 (délimité par des virgules) ») ou en .xlsx"
FRENCH_LOWER = set("àâäçéèêëîïôöùûüÿœæ’‘“”€\u00a0°")
FRENCH_UPPER = set("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ")
PUNCTUATION = set("…–—•·§©®×÷±µ¹²³")
MAX_BYTES = 20_000_000  # far above any real sheet of actions; a larger file is refused
MAX_LINES = 100_000  # lines with a value: a national edition has a few thousand actions
BLANK = ";,\t \"\r\n"  # what a row without any value is made of
csv.field_size_limit(MAX_BYTES)  # a long description in one cell is not an error (the default stops at 128 KB)


def _without_trailing_blanks(rows: list[tuple[int, list]]) -> list[tuple[int, list]]:
    """Rows up to the last one holding something: a formatted but empty end of sheet is not data."""
    end = len(rows)
    while end and not any(str(cell).strip() for cell in rows[end - 1][1] if cell is not None):
        end -= 1
    return rows[:end]  # one copy: removing the blank rows one by one was quadratic (100,000 rows of « ; »: 85 s)


@dataclass
class Sheet:
    """Cells by row, as the spreadsheet numbers its rows (1 = first row)."""

    name: str  # the file's name, for messages
    rows: list[tuple[int, list]]  # (row number, cells); cells are text, or date/time/number from an .xlsx
    origin: str  # how it was read, for the report: « CSV Windows-1252 (Excel), séparateur point-virgule »
    notes: list[str] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)  # row numbers hidden in the workbook (by hand or by a filter)
    hidden_columns: set[int] = field(default_factory=set)  # column indexes (0 = A) hidden in the workbook
    problems: list[Problem] = field(default_factory=list)  # cells that cannot be read right (a formula without result)


def read_sheet(path: Path, known_headers: set[str], sheet_name: str | None = None) -> Sheet:
    """The spreadsheet's rows (a workbook's sheet named `sheet_name`, else the first visible one with
    the expected columns), or ContentError with a French message saying how to save it."""
    name = path.name
    suffix = path.suffix.lower()
    try:
        if path.stat().st_size > MAX_BYTES:
            raise _unreadable(name, f"fichier trop gros (plus de {MAX_BYTES // 1_000_000} Mo)")
        if suffix == ".xlsx":
            return _read_xlsx(path, known_headers, sheet_name)
        if suffix in (".csv", ".txt", ".tsv"):
            return _read_csv(path.read_bytes(), name, known_headers)
    except OSError as error:
        raise _unreadable(name, f"fichier illisible ({error.strerror or error})") from None
    hint = " (ancien format Excel : « Enregistrer sous » → « Classeur Excel (.xlsx) »)" if suffix == ".xls" else ""
    raise _unreadable(name, f"format « {suffix or 'sans extension'} » non pris en charge{hint} ; "
                            "enregistrez le tableur en .xlsx ou en .csv")


def _unreadable(name: str, message: str) -> ContentError:
    return ContentError([Problem(name, 0, "", message)])


INFLATED_MAX = 60_000_000  # a workbook's parts once inflated: a national edition's sheet is a few megabytes
HEADER_SEARCH = 10  # the header row is looked for within the first rows holding something (a title may stand above)
ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # Excel's escape of a character XML cannot hold: _x000D_ is a carriage return


def column_letter(number: int) -> str:
    """A column's letters as the spreadsheet shows them (1 → A, 27 → AA)."""
    from openpyxl.utils import get_column_letter  # openpyxl (0.1 s to load) only for a workbook or a problem's column
    return get_column_letter(number)


def _read_xlsx(path: Path, known_headers: set[str], sheet_name: str | None) -> Sheet:
    """Every row the sheet holds, whatever size the file says it has (a program's export may say
    A1:P5 and go to row 8): read whole, not streamed; hidden rows and columns noted; formulas
    without a stored result (a file written by a program) are problems, never an empty cell."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as archive:  # read whole below: a sheet that inflates beyond reason is refused first
            inflated = sum(member.file_size for member in archive.infolist())  # zipfile never inflates beyond it
    except (zipfile.BadZipFile, OSError):
        inflated = 0  # openpyxl says it is unreadable, below
    if inflated > INFLATED_MAX:
        raise _unreadable(path.name, f"classeur trop gros une fois décompressé (plus de {INFLATED_MAX // 1_000_000} Mo) : "
                                     "découpez-le, ou enregistrez-le en « CSV UTF-8 »")
    try:
        workbook = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except Exception:  # openpyxl raises many kinds of error on a damaged or mislabelled file
        raise _unreadable(path.name, "classeur illisible : ouvrez-le dans le tableur et enregistrez-le à nouveau "
                                     "au format .xlsx") from None
    try:
        sheet = _chosen_sheet(workbook, path.name, known_headers, sheet_name)
        written = formulas[sheet.title]
        rows, problems = [], []
        for number, (values, cells) in enumerate(zip(sheet.iter_rows(), written.iter_rows()), start=1):
            rows.append((number, [_cell(value) for value in values]))
            problems += [Problem(path.name, number, cell.coordinate, f"formule sans résultat enregistré (« {cell.value} ») : "
                                 "ouvrez le fichier dans le tableur et enregistrez-le, ou collez les valeurs à la place "
                                 "des formules") for value, cell in zip(values, cells)
                         if value.value is None and cell.data_type == "f"]
        hidden_rows = {number for number, size in sheet.row_dimensions.items() if size.hidden}
        hidden_columns = {index - 1 for size in sheet.column_dimensions.values() if size.hidden and size.min
                          for index in range(size.min, (size.max or size.min) + 1)}
    except ContentError:
        raise
    except Exception:  # a damaged sheet inside a readable workbook
        raise _unreadable(path.name, "feuille illisible : ouvrez le classeur dans le tableur et enregistrez-le à "
                                     "nouveau au format .xlsx") from None
    others = [("« " + other.title + " »" + ("" if other.sheet_state == "visible" else " (masquée)"))
              for other in workbook.worksheets if other is not sheet]
    notes = [f"feuille « {sheet.title} » lue ; les autres ({', '.join(others)}) ne le sont pas "
             "(--feuille NOM pour en lire une autre)"] if others else []
    return Sheet(path.name, _without_trailing_blanks(rows), f"classeur .xlsx, feuille « {sheet.title} »", notes,
                 hidden_rows, hidden_columns, problems)


def _chosen_sheet(workbook, name: str, known_headers: set[str], sheet_name: str | None):
    """The sheet named so, else the first visible one whose first rows hold the expected column
    names (an instructions sheet, or a hidden one, comes before), else the first visible one."""
    if sheet_name is not None:
        if sheet_name in workbook.sheetnames:
            return workbook[sheet_name]
        raise _unreadable(name, f"pas de feuille « {sheet_name} » ; feuilles du classeur : "
                                + ", ".join(f"« {title} »" for title in workbook.sheetnames))
    visible = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"] or workbook.worksheets
    for sheet in visible:
        top = [[_text_of(value) for value in row] for row in sheet.iter_rows(max_row=HEADER_SEARCH + 5, values_only=True)]
        if any(sum(1 for cell in row if fold(cell) in known_headers) >= 2 for row in top):
            return sheet
    return visible[0]


def _text_of(value) -> str:
    return "" if value is None else str(value)


def _cell(cell):
    """A cell's value: text (Excel's escapes read: « _x000D_ » is a line break), number, date, time
    or date-time (a date cell is a date, not midnight)."""
    value = cell.value
    if isinstance(value, datetime) and value.time() == datetime.min.time() and "h" not in (cell.number_format or "").lower():
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return ESCAPED.sub(lambda escape: chr(int(escape.group(1), 16)), value).replace("\r\n", "\n").replace("\r", "\n")
    return value


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name) of a CSV file."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    if raw[:200].count(b"\x00") > 20:  # UTF-16 without its mark: every other byte of Latin text is zero
        return raw.decode("utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _eight_bits(raw, name)


def _eight_bits(raw: bytes, name: str) -> tuple[str, str]:
    """The one 8-bit encoding whose reading is French text (Windows-1252, ISO-8859-15 or Mac Roman:
    the same bytes are « Sœurs » in one, « S½urs » in another); none, or two readings too close to
    choose, and the file is refused: a wrong guess would garble names and addresses in silence."""
    readings = []
    for encoding in EIGHT_BITS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append((_french_score(text), encoding, text))
    readings.sort(key=lambda reading: -reading[0])
    if readings:
        (best, encoding, text), others = readings[0], readings[1:]
        close = [other for score, other, other_text in others if other_text != text and score > best - 3]
        if best >= 0 and not close:
            return text, encoding
    raise ContentError([Problem(name, 0, "", "encodage des caractères incertain (ni UTF-8, ni Windows-1252, "
                                             f"ISO-8859-15 ou Mac Roman sans ambiguïté) : {SAVE_AS_UTF8}")])


def _french_score(text: str) -> int:
    """How much a reading looks like French: its accented letters and signs count for it; a capital
    inside a lower-case word (« SÈcuritÈ »), a foreign letter or a control character against it."""
    score = 0
    for index, character in enumerate(text):
        if character.isascii():
            continue
        before, after = text[index - 1:index] or " ", text[index + 1:index + 2] or " "
        if character in "«»":  # French puts a space inside them: « «a » is « Ça » (Windows) read as Mac Roman
            score += 2 if (after if character == "«" else before) in " \u00a0\u202f" else 0
        elif character in FRENCH_LOWER:
            score += 2
        elif character in FRENCH_UPPER:  # « SÈcuritÈ », « HÙpital »: not French; « ÉCOLE », « Élise »: French
            score += -3 if before.isalpha() and (before.islower() or after.islower()) else 1
        elif character in PUNCTUATION:
            score -= 3 if after.isalpha() else 0  # « …cole »
        else:
            score -= 5
    return score


def _read_csv(raw: bytes, name: str, known_headers: set[str]) -> Sheet:
    try:
        text, encoding = decode(raw, name)
    except UnicodeDecodeError:
        raise _unreadable(name, "fichier abîmé (UTF-8 ou UTF-16 invalide) : enregistrez le tableur en « CSV UTF-8 » "
                                "ou en .xlsx") from None
    if "\x00" in text:
        raise _unreadable(name, "ce n'est pas un fichier texte : enregistrez le tableur en .xlsx ou en « CSV UTF-8 »")
    text = _without_blank_end(text)
    if (lines := text.count("\n")) > MAX_LINES:
        raise _unreadable(name, f"{lines:,} lignes remplies : plus que les {MAX_LINES:,} qu'un tableur d'actions peut "
                                "avoir ; découpez-le".replace(",", "\u202f"))
    best = max(((_score(rows, known_headers), separator, rows) for separator in SEPARATORS
                for rows in [_split(text, separator)]), key=lambda item: item[0])
    (_, _, width), separator, rows = best
    if width < 2:
        raise ContentError([Problem(name, 1, "", "séparateur de colonnes introuvable : le fichier doit avoir des colonnes "
                                                 "séparées par « ; », « , » ou des tabulations")])
    numbered = [(number, [cell.replace("\r\n", "\n").replace("\r", "\n") for cell in cells])
                for number, cells in enumerate(rows, start=1)]
    return Sheet(name, _without_trailing_blanks(numbered), f"CSV {ENCODINGS[encoding]}, séparateur {SEPARATORS[separator]}")


def _without_blank_end(text: str) -> str:
    """The text up to its last line holding a value: separators, quotes and spaces alone are not data
    (a sheet whose formatting went down thousands of rows). One pass from the end."""
    lines = text.splitlines(keepends=True)
    end = len(lines)
    while end and not lines[end - 1].strip(BLANK):
        end -= 1
    return "".join(lines[:end])


def _split(text: str, separator: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator, quotechar='"', doublequote=True))


def _score(rows: list[list[str]], known_headers: set[str]) -> tuple[int, int, int]:
    """How well a separator fits the whole file: known headers, rows as wide as the header, header width."""
    filled = [row for row in rows if any(cell.strip() for cell in row)]
    if not filled:
        return (0, 0, 0)
    header = filled[0]
    known = sum(1 for cell in header if fold(cell) in known_headers)
    return (known, sum(1 for row in filled if len(row) == len(header)), len(header))
