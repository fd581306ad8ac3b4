"""The spreadsheet templates of `modeles/`: the importer's columns, one example row marked EXEMPLE,
and (in the .xlsx) drop-down lists of the controlled values, date and time cells.
Written by `ssp formulaire`; a test keeps them in sync with the importer and the lists."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from .importcolumns import COLUMNS
from .vocab import ACCESSIBILITY, EVENT_TYPES, REGIONS, STATUSES

CSV_PATH = "modeles/import-actions.csv"
XLSX_PATH = "modeles/import-actions.xlsx"
# The real 2017 open afternoon of the Douai maternity (see campaigns/2017): an example, refused if imported.
EXAMPLE = {"id": "EXEMPLE - ligne à supprimer", "title": "La maternité du Centre hospitalier de Douai ouvre ses portes",
           "type": "Portes ouvertes", "start": date(2017, 11, 24), "time_note": "Tout l'après-midi",
           "organizer": "Centre hospitalier de Douai", "venue_name": "Service de maternité, site de Dechy",
           "city": "Dechy", "region": "Hauts-de-France", "audience": "Grand public, Patients",
           "description": "Le service de maternité du Centre hospitalier de Douai ouvre ses portes aux futurs parents "
                          "et aux curieux."}
LISTS = {"type": list(EVENT_TYPES.values()), "region": list(REGIONS), "status": list(STATUSES.values())}
HELP = {"start": "Date (24/11/2026), ou date et heure.", "start_time": "14:00, 14h, 14h30…",
        "end_time": "Fin le même jour : 16h30…", "audience": "Un ou plusieurs, séparés par des virgules : "
        "Grand public, Patients, Proches et aidants, Usagers et représentants des usagers, Professionnels de santé, Étudiants.",
        "id": "Facultatif : votre référence de l'action ; la garder permet de corriger un titre en réimportant.",
        "age": "Facultatif : 6-12, à partir de 60 ans, jusqu'à 6 ans.",
        "accessibility": "Aménagements prévus, séparés par des virgules : " + ", ".join(ACCESSIBILITY.values()) + "."}


def csv_template() -> bytes:
    """UTF-8 with BOM, `;` and CRLF: French Excel opens it with its accents."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.header for column in COLUMNS])
    writer.writerow([_text(EXAMPLE.get(column.key, "")) for column in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _text(value) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else value


def write_xlsx_template(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Actions"
    sheet.append([column.header for column in COLUMNS])
    sheet.append([EXAMPLE.get(column.key) for column in COLUMNS])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet[f"{letter}1"].font = Font(bold=True)
        sheet.column_dimensions[letter].width = 40 if column.key in ("title", "description") else 18
        cells = f"{letter}2:{letter}2000"
        if column.key in ("start", "end"):
            sheet.column_dimensions[letter].number_format = "DD/MM/YYYY"
            sheet[f"{letter}2"].number_format = "DD/MM/YYYY"
        if column.key in LISTS:
            check = DataValidation(type="list", formula1='"' + ",".join(LISTS[column.key]) + '"', allow_blank=True,
                                   showErrorMessage=True, errorTitle=column.header,
                                   error="Choisissez une valeur de la liste.")
            check.add(cells)
            sheet.add_data_validation(check)
        elif column.key in HELP:
            note = DataValidation(showInputMessage=True, promptTitle=column.header, prompt=HELP[column.key])
            note.add(cells)
            sheet.add_data_validation(note)
    workbook.save(path)
