"""Workbooks as offices and programs really make them (written here by openpyxl, as Excel stores
them): hidden rows (by hand, by a filter) and columns, Excel's « _x000D_ », a program's export whose
stored size is out of date, formulas without a stored result, a title above the headers, an
instructions sheet or a hidden sheet first — and an end given as a time alone."""

from __future__ import annotations

import re
import zipfile

import pytest
from bs4 import BeautifulSoup
from openpyxl import Workbook

from helpers import EXCEL_HEADER, row, ssp


@pytest.fixture
def edition(project):
    project.edition()
    return project


def workbook_file(project, rows, name="actions.xlsx", prepare=None, header=EXCEL_HEADER, above=()) -> object:
    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    for line in [*above, header, *rows]:
        sheet.append(list(line))
    if prepare:
        prepare(book, sheet)
    path = project.root / name
    book.save(path)
    return path


def created(project) -> dict[str, object]:
    [edition] = project.load()
    return {event.meta.title: event for event in edition.events}


def test_hidden_rows_and_columns_are_left_out_and_said(edition):
    def hide(book, sheet):
        sheet.row_dimensions[3].hidden = True  # hidden by hand
        sheet.auto_filter.ref = "A1:O5"
        sheet.row_dimensions[5].hidden = True  # hidden by the filter (Excel stores it so)
        sheet.column_dimensions["O"].hidden = True  # the description column
    rows = [row(title="Visible", text="Texte visible"), row(title="NE PAS PUBLIER — doublon", at="15h"),
            row(title="Autre visible", at="16h"), row(title="Filtrée", at="17h")]
    path = workbook_file(edition, rows, prepare=hide)
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    assert set(created(edition)) == {"Visible", "Autre visible"}
    assert "ligne 3 : ligne masquée dans le tableur (non importée)" in result.stdout
    assert "« NE PAS PUBLIER — doublon" in result.stdout and "ligne 5 : ligne masquée" in result.stdout
    assert "colonne O « Description » masquée dans le tableur : non lue" in result.stdout
    assert "relancez avec --lignes-masquees" in result.stdout
    assert "5 lignes lues : 1 ligne d'en-tête, 2 lignes masquées dans le tableur (non importées), 2 actions créées." in result.stdout
    assert "Texte visible" not in created(edition)["Visible"].description_html
    again = ssp(edition, "importer", str(path), "--edition", "2017", "--lignes-masquees", "--remplacer")
    assert again.returncode == 0, again.stderr
    assert set(created(edition)) == {"Visible", "Autre visible", "NE PAS PUBLIER — doublon", "Filtrée"}
    assert "Texte visible" in created(edition)["Visible"].description_html


def test_a_hidden_required_column_says_so(edition):
    path = workbook_file(edition, [row()], prepare=lambda book, sheet: setattr(sheet.column_dimensions["B"], "hidden", True))
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 1 and "colonne obligatoire masquée dans le tableur : affichez-la" in result.stderr


def test_excel_escaped_carriage_returns_are_line_breaks_and_one_line_fields_stay_on_one_line(edition):
    path = workbook_file(edition, [row(title="Atelier_x000D_\nsécurité", town="Douai_x000D_\n", text="Ligne 1_x000D_\nLigne 2")])
    assert ssp(edition, "importer", str(path), "--edition", "2017").returncode == 0
    [event] = created(edition).values()
    assert event.meta.title == "Atelier sécurité" and event.meta.venue.city == "Douai"  # a heading, a calendar's SUMMARY
    assert "<p>Ligne 1<br>\nLigne 2</p>" in event.description_html  # shown on two lines, as in the cell


def test_a_cell_s_line_breaks_are_shown_and_its_markdown_kept(edition):
    text = ("Programme :\n9 h 30 : accueil\n10 h : visite du service\n\nÀ savoir :\n- entrée libre\n- parking gratuit\n\n"
            "| Horaire | Atelier |\n|---|---|\n| 14 h | Identitovigilance |")
    path = workbook_file(edition, [row(text=text)])
    assert ssp(edition, "importer", str(path), "--edition", "2017").returncode == 0
    [event] = created(edition).values()
    assert "Programme :\\\n9 h 30 : accueil\\\n10 h : visite du service\n\nÀ savoir :\n- entrée libre\n" in event.body
    html = BeautifulSoup(event.description_html, "html.parser")
    assert [line.strip() for line in html.p.get_text("|").split("|")] == ["Programme :", "9 h 30 : accueil", "10 h : visite du service"]
    assert len(html.find_all("br")) == 2 and [item.get_text() for item in html.select("ul li")] == ["entrée libre", "parking gratuit"]
    assert [cell.get_text() for cell in html.select("td")] == ["14 h", "Identitovigilance"]


def test_every_row_is_read_whatever_size_the_file_says(edition):
    rows = [row(title=f"Action {number}", at=f"{8 + number}h") for number in range(7)]
    path = workbook_file(edition, rows)
    with zipfile.ZipFile(path) as archive:  # a program's export: the sheet says A1:O3, its data go to row 8
        files = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    files[sheet] = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:O3"', files[sheet])
    assert b'<dimension ref="A1:O3"' in files[sheet]
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    assert "8 lignes lues : 1 ligne d'en-tête, 7 actions créées." in result.stdout and len(created(edition)) == 7


def test_a_formula_without_a_stored_result_is_refused_by_its_cell(edition):
    def formula(book, sheet):
        sheet["B2"] = '="Atelier "&J2'  # written by a program: no cached value
    path = workbook_file(edition, [row()], prepare=formula)
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 1 and not list(edition.root.glob("campaigns/2017/events/*.md"))
    assert "ligne 2, colonne « B2 » : formule sans résultat enregistré (« =\"Atelier \"&J2 »)" in result.stderr


def test_a_title_above_the_headers_and_an_instructions_sheet_first(edition):
    def instructions_first(book, sheet):
        notes = book.create_sheet("Mode d'emploi", 0)
        notes.append(["Remplissez une ligne par action."])
        hidden = book.create_sheet("Listes", 0)
        hidden.append(["Atelier", "Stand"])
        hidden.sheet_state = "hidden"
    path = workbook_file(edition, [row()], prepare=instructions_first, above=[["Actions du CH de Douai — novembre 2017"], []])
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    assert "classeur .xlsx, feuille « Actions »" in result.stdout
    assert "les autres (« Listes » (masquée), « Mode d'emploi ») ne le sont pas (--feuille NOM" in result.stdout
    assert "ligne 1 : ligne au-dessus des en-têtes (non lue)" in result.stdout
    assert "« Actions du CH de Douai — novembre 2017 »" in result.stdout
    assert "4 lignes lues : 1 ligne d'en-tête, 1 ligne vide, 1 ligne au-dessus des en-têtes (non lue), 1 action créée." in result.stdout
    named = ssp(edition, "importer", str(path), "--edition", "2017", "--feuille", "Mode d'emploi")
    assert named.returncode == 1 and "feuille « Mode d'emploi »" in named.stdout
    missing = ssp(edition, "importer", str(path), "--edition", "2017", "--feuille", "Feuil1")
    assert missing.returncode == 1 and "pas de feuille « Feuil1 » ; feuilles du classeur : « Listes », « Mode d'emploi », « Actions »" in missing.stderr


@pytest.mark.parametrize("end", ["16h30", "16:30", "16 h 30"])
def test_an_end_given_as_a_time_alone_is_on_the_start_s_day(edition, end):
    header = [name if name != "Heure de fin" else "Fin" for name in EXCEL_HEADER]
    path = workbook_file(edition, [row(start="24/11/2017 14h00", until=end)], header=header)
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    [event] = created(edition).values()
    assert (event.occurrences[0].start.isoformat(), event.occurrences[0].end.isoformat()) == (
        "2017-11-24T14:00:00+01:00", "2017-11-24T16:30:00+01:00")


def test_a_workbook_that_inflates_beyond_reason_is_refused_before_it_is_read(edition):
    path = workbook_file(edition, [row()])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:  # 80 MB of XML, 80 KB in the file
        archive.writestr("xl/padding.xml", b"<a/>" * 20_000_000)
    assert path.stat().st_size < 1_000_000
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 1 and "classeur trop gros une fois décompressé (plus de 60 Mo)" in result.stderr
