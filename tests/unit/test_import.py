"""`ssp importer`, fed the files offices really produce: French Excel CSV (Windows-1252, `;`, CRLF,
24/11/2017, 14h00, labels as people read them), LibreOffice / Google Sheets CSV (UTF-8, `,`),
Excel's « Texte Unicode » (UTF-16, tabs), and .xlsx workbooks with real date and time cells."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time

import pytest

from helpers import ROOT, excel_csv, front_matter, row, ssp


def events(project) -> dict[str, str]:
    folder = project.root / "campaigns/2017/events"
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())} if folder.is_dir() else {}


def summary_counts(output: str) -> tuple[int, int]:
    """(rows announced, sum of the outcome figures) of the summary line."""
    line = next(line for line in output.splitlines() if " lues : " in line or " lue : " in line)
    total, rest = line.split(" : ", 1)
    return int(total.split()[0]), sum(int(number) for number in re.findall(r"(\d+) [a-z]", rest))


@pytest.fixture
def edition(project):
    project.edition()
    return project


def test_a_french_excel_csv_imports_with_nothing_lost(edition):
    rows = [row(at="10h00", until="11h30", audience="Grand public, Patients", text="Texte; suite"),
            row(at="14h00", until="16h30"),
            row(at="16h", until="17 h 30", status="Annulé"),
            ["", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],  # Excel keeps a row left empty
            row(title='Journée "sécurité"', type_="Portes ouvertes", start="23/11/17", identifier="CHD-1",
                audience="Professionnels de santé / Proches", status="Complet", text="Ligne 1\nLigne 2")]
    path = excel_csv(edition, rows)
    assert path.read_bytes().count(b"\r\n") == 6 and "é".encode("cp1252") in path.read_bytes()
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    assert "CSV Windows-1252 (Excel), séparateur point-virgule" in result.stdout
    assert summary_counts(result.stdout) == (6, 6)
    assert "6 lignes lues : 1 ligne d'en-tête, 1 ligne vide, 4 actions créées." in result.stdout
    [loaded] = edition.load()
    by_start = {event.occurrences[0].start.isoformat(): event for event in loaded.events}
    ten = by_start["2017-11-24T10:00:00+01:00"]
    assert ten.meta.title == "Atelier « sécurité »" and ten.meta.type == "atelier"
    assert ten.occurrences[0].end.isoformat() == "2017-11-24T11:30:00+01:00"
    assert ten.meta.region == "Hauts-de-France" and ten.meta.audience == ["grand-public", "patients"]
    assert ten.description_html == "<p>Texte; suite</p>"  # the quoted « ; » does not cut the cell
    assert by_start["2017-11-24T16:00:00+01:00"].meta.status == "cancelled"
    assert by_start["2017-11-24T16:00:00+01:00"].occurrences[0].end.isoformat() == "2017-11-24T17:30:00+01:00"
    journee = by_start["2017-11-23"]
    assert journee.meta.title == 'Journée "sécurité"' and journee.meta.type == "portes-ouvertes"
    assert journee.meta.audience == ["professionnels", "proches"] and journee.meta.status == "full"
    assert journee.meta.import_id == "CHD-1" and "<p>Ligne 1<br>\nLigne 2</p>" in journee.description_html  # two lines, as in the cell
    assert len(events(edition)) == 4  # three rows on one day at three times: three actions


def test_an_empty_region_is_that_of_the_postal_code_or_of_the_one_town_so_named(edition):
    """As the OpenAgenda import does; a town of several regions (« Saint-Denis », no postal code) is asked for."""
    text = ("titre,type,début,organisateur,ville,code postal,région\n"
            "Stand A,stand,21/11/2017,ARS,Dechy,,\n"
            "Stand B,stand,21/11/2017,ARS,Saint-Denis,97400,\n"
            "Stand C,stand,21/11/2017,ARS,Saint-Denis,,\n")
    path = edition.write("regions.csv", text.encode("utf-8"))
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode != 0 and events(edition) == {}  # nothing written while a row is wrong
    assert "la région du lieu (par exemple Occitanie)" in result.stdout + result.stderr
    path.write_text(text.rsplit("Stand C", 1)[0], encoding="utf-8")
    assert ssp(edition, "importer", str(path), "--edition", "2017").returncode == 0
    [loaded] = edition.load()
    assert sorted((event.meta.title, event.meta.region, event.departement) for event in loaded.events) == [
        ("Stand A", "Hauts-de-France", "59"), ("Stand B", "La Réunion", "974")]


def test_a_libreoffice_or_google_sheets_csv(edition):
    text = ("titre,type,début,fin,organisateur,ville,code postal,région,public,description\n"
            "Stand « Parlons-en »,stand,2017-11-21 09:30,2017-11-21 12:00,ARS,Lyon,69003,Auvergne-Rhône-Alpes,"
            "usagers,\"Au hall, entrée A.\"\n"
            "Conférence,Conférence,21 novembre 2017 à 18h,,ARS,Lyon,69003,auvergne rhone alpes,RU,\n")
    path = edition.write("google.csv", text.encode("utf-8"))
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    assert "CSV UTF-8, séparateur virgule" in result.stdout
    [loaded] = edition.load()
    stand, talk = sorted(loaded.events, key=lambda event: event.meta.title, reverse=True)
    assert stand.occurrences[0].start.isoformat() == "2017-11-21T09:30:00+01:00"
    assert stand.description_html == "<p>Au hall, entrée A.</p>" and stand.meta.audience == ["usagers"]
    assert talk.meta.type == "conference" and talk.occurrences[0].start.isoformat() == "2017-11-21T18:00:00+01:00"


def test_excel_unicode_text_is_utf16_with_tabs(edition):
    text = "titre\ttype\tdébut\torganisateur\tville\trégion\r\nQuiz\tquiz\t22/11/2017\tCHU\tMontpellier\tOccitanie\r\n"
    path = edition.write("unicode.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    assert "CSV UTF-16, séparateur tabulation" in result.stdout
    assert [event.meta.title for event in edition.load()[0].events] == ["Quiz"]


def test_an_xlsx_with_date_time_and_number_cells(edition):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Actions"
    sheet.append(["Titre", "Type", "Date de début", "Heure de début", "Fin", "Organisateur", "Ville", "Code postal",
                  "Région", "Public"])
    sheet.append(["Quiz des patients", "quiz", date(2017, 11, 21), time(9, 30), datetime(2017, 11, 21, 12, 0),
                  "CHU de Montpellier", "Montpellier", 34000, "occitanie", "patients; proches"])
    sheet.append(["Stand RU", "Stand d'information", datetime(2017, 11, 22, 14, 0), None, None, "Clinique",
                  "Bourg-en-Bresse", 1000, "Auvergne Rhône Alpes", "Usagers"])
    sheet.append(["Journée", "Autre", "20 novembre 2017", None, "2017-11-21", "CH", "Paris", "75013", "île de france", ""])
    workbook.save(edition.root / "actions.xlsx")
    result = ssp(edition, "importer", str(edition.root / "actions.xlsx"), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    assert "classeur .xlsx, feuille « Actions »" in result.stdout
    by_title = {event.meta.title: event for event in edition.load()[0].events}
    quiz = by_title["Quiz des patients"].occurrences[0]
    assert (quiz.start.isoformat(), quiz.end.isoformat()) == ("2017-11-21T09:30:00+01:00", "2017-11-21T12:00:00+01:00")
    assert by_title["Stand RU"].meta.venue.postal_code == "01000"  # the number 1000 gets its zero back
    assert by_title["Stand RU"].occurrences[0].start.isoformat() == "2017-11-22T14:00:00+01:00"
    journee = by_title["Journée"].occurrences[0]
    assert (journee.start, journee.end) == (date(2017, 11, 20), date(2017, 11, 21))


def test_an_end_outside_the_edition_names_the_end_column(edition):
    header = ["Titre", "Type", "Date de début", "Date de fin", "Organisateur", "Ville", "Code postal", "Région"]
    rows = [["Exposition", "Exposition", "24/11/2017", "24/11/2018", "CH de Douai", "Douai", "59500", "Hauts-de-France"]]
    result = ssp(edition, "importer", str(excel_csv(edition, rows, header=header)), "--edition", "2017")
    assert result.returncode == 1
    assert any(line.startswith("  actions.csv, ligne 2, colonne « Date de fin » : l'action a lieu en 2018, hors de l'édition 2017")
               for line in result.stderr.splitlines()), result.stderr


def test_errors_name_the_spreadsheet_row_the_column_as_written_and_the_fix(edition):
    rows = [row(), ["", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
            ["", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
            row(title="Mauvais jour", start="31/11/2017", audience="Tout le monde"),
            row(title="Mauvaise région", postal="34000"),
            row(title="Mauvaise heure", at="25h"),
            row(title="Trop tôt", start="24/11/2016"), row(title="Cloche\x07", text="Texte\x1b[31m rouge"),
            row(title="Film", text='Notre film :\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n\nEt le [programme](programme.pdf)')]
    result = ssp(edition, "importer", str(excel_csv(edition, rows)), "--edition", "2017")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert ("  actions.csv, ligne 5, colonne « Début » : la date « 31/11/2017 » n'existe pas ; écrivez la date comme "
            "24/11/2026, 2026-11-24 ou 24 novembre 2026") in lines
    assert any(line.startswith("  actions.csv, ligne 5, colonne « Public » : public « Tout le monde » inconnu")
               for line in lines)
    assert ("  actions.csv, ligne 6, colonne « Région » : le code postal 34000 est en Occitanie, pas en "
            "Hauts-de-France") in lines
    assert "  actions.csv, ligne 7, colonne « Heure de début » : l'heure « 25h » n'existe pas (de 00:00 à 23:59)" in lines
    assert any(line.startswith("  actions.csv, ligne 8, colonne « Début » : l'action a lieu en 2016, hors de l'édition 2017")
               for line in lines)
    assert "  actions.csv, ligne 9, colonne « Titre » : caractère invisible interdit (U+0007)" in " ".join(lines)
    assert "  actions.csv, ligne 9, colonne « Description » : caractère invisible interdit (U+001B)" in " ".join(lines)
    assert any(line.startswith("  actions.csv, ligne 10, colonne « Description » : contenu intégré <iframe> refusé")
               and line.endswith("(ligne 2 du texte)") for line in lines)  # a pasted video: said, not dropped from the page
    assert any(line.startswith("  actions.csv, ligne 10, colonne « Description » : lien « programme.pdf »")
               for line in lines)  # and the cell's other problem, in the same run
    assert "Aucun fichier écrit." in result.stderr and events(edition) == {}
    assert "10 lignes lues : 1 ligne d'en-tête, 2 lignes vides, 1 ligne valide non écrite, 6 lignes en erreur." in result.stdout


def test_unknown_and_missing_columns(edition):
    path = excel_csv(edition, [["A", "stand", "21/11/2017", "CH", "Lille", "x"]],
                     header=["Titre", "Type", "Début", "Organisateur", "Vile", "Couleur"])
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 1
    assert "actions.csv, ligne 1, colonne « Vile » : colonne inconnue ; vouliez-vous dire « ville » ?" in result.stderr
    assert "actions.csv, ligne 1, colonne « Couleur » : colonne inconnue ; colonnes permises : identifiant, titre" in result.stderr
    assert events(edition) == {} and summary_counts(result.stdout) == (2, 2)
    wider = excel_csv(edition, [row() + ["", "une note en plus"]], "large.csv")  # a cell right of the last header
    result = ssp(edition, "importer", str(wider), "--edition", "2017")
    assert result.returncode == 1 and events(edition) == {}
    assert "large.csv, ligne 2, colonne « Q » : valeur hors des colonnes du tableur (« une note en plus »" in result.stderr
    missing = excel_csv(edition, [["A", "21/11/2017"]], "b.csv", header=["Titre", "Début"])
    result = ssp(edition, "importer", str(missing), "--edition", "2017")
    assert "b.csv, ligne 1, colonne « type » : colonne obligatoire absente ; ajoutez-la" in result.stderr
    assert "ligne 2 : ligne en erreur" in result.stderr


def test_duplicate_rows_are_refused_and_a_second_slot_is_a_second_action(edition):
    rows = [row(at="10h"), row(at="14h"), row(at="10:00"), row(identifier="A"), row(identifier="A", title="Autre")]
    result = ssp(edition, "importer", str(excel_csv(edition, rows)), "--edition", "2017")
    assert "colonne « Titre » : même action que la ligne 2 (même titre, ville, date et heure de début)" in result.stderr
    assert "colonne « Identifiant » : identifiant « A » déjà donné à la ligne 5" in result.stderr
    assert "ligne 4 : ligne en erreur" in result.stderr and "ligne 6 : ligne en erreur" in result.stderr
    assert "ligne 3 : ligne valide non écrite" in result.stdout


def test_a_corrected_title_updates_the_same_file(edition):
    first = ssp(edition, "importer", str(excel_csv(edition, [row(identifier="CHD-7", title="Portes ouvertes")])),
                "--edition", "2017")
    assert first.returncode == 0
    [name] = events(edition)
    corrected = excel_csv(edition, [row(identifier="CHD-7", title="Portes ouvertes de la maternité")], "v2.csv")
    pending = ssp(edition, "importer", str(corrected), "--edition", "2017")
    assert pending.returncode == 1 and list(events(edition)) == [name]
    assert f"ligne 2 : ligne différente d'un fichier existant (non remplacé) → campaigns/2017/events/{name}" in pending.stderr
    assert "  Titre : « Portes ouvertes » → « Portes ouvertes de la maternité »" in pending.stderr
    assert "relancez avec --remplacer" in pending.stderr
    replaced = ssp(edition, "importer", str(corrected), "--edition", "2017", "--remplacer")
    assert replaced.returncode == 0 and f"action mise à jour → campaigns/2017/events/{name}" in replaced.stdout
    assert list(events(edition)) == [name]
    assert edition.load()[0].events[0].meta.title == "Portes ouvertes de la maternité"
    again = ssp(edition, "importer", str(corrected), "--edition", "2017")
    assert again.returncode == 0 and "1 action inchangée" in again.stdout


def test_a_hand_written_action_is_never_duplicated_nor_overwritten(edition):
    hand = edition.event("douai", front_matter(title="Atelier « sécurité »", type="atelier", start="2017-11-24T10:00", end='"11:30"',
                                               organizer="CH de Douai", venue="\n  name: Salle A\n  city: Douai\n"
                                               "  postal_code: '59500'", audience="[grand-public]",
                                               registration="Entrée libre", time_note="Accueil dès 9 h 45")
                         .replace("Description.", "Présentation écrite à la main."))
    before = hand.read_bytes()
    same = excel_csv(edition, [row(at="10h", until="11h30")])
    result = ssp(edition, "importer", str(same), "--edition", "2017")
    assert result.returncode == 0 and "ligne 2 : action inchangée → campaigns/2017/events/douai.md" in result.stdout
    assert list(events(edition)) == ["douai.md"] and hand.read_bytes() == before
    changed = excel_csv(edition, [row(at="10h", until="12h", status="Complet")], "v2.csv")
    result = ssp(edition, "importer", str(changed), "--edition", "2017")
    assert result.returncode == 1 and hand.read_bytes() == before
    assert "  Heure de fin : « 24/11/2017 11:30 » → « 24/11/2017 12:00 »" in result.stderr  # no « Fin » column: the hour's
    assert "  Statut : « Programmée » → « Complet »" in result.stderr
    replaced = ssp(edition, "importer", str(changed), "--edition", "2017", "--remplacer")
    assert replaced.returncode == 0
    [event] = edition.load()[0].events
    assert event.meta.status == "full" and event.occurrences[0].end.isoformat() == "2017-11-24T12:00:00+01:00"
    assert event.meta.time_note == "Accueil dès 9 h 45"  # a field the sheet has no column for stays
    assert "Présentation écrite à la main." in event.description_html  # the sheet's description cell is empty


def test_a_refusal_or_a_crash_leaves_the_folder_exactly_as_it_was(edition, monkeypatch):
    import os

    from ssp import importer

    edition.event("existant", front_matter(title="Atelier « sécurité »", type="atelier", start="2017-11-24T10:00", organizer="CH de Douai",
                                           venue="\n  name: Salle A\n  city: Douai\n  postal_code: '59500'"))
    snapshot = events(edition)
    rows = [row(title=f"Action {number}", at="9h") for number in range(7)] + [row(at="10h", status="Complet")]
    path = excel_csv(edition, rows + [row(title="Cassée", start="32/11/2017")])
    assert ssp(edition, "importer", str(path), "--edition", "2017", "--remplacer").returncode == 1
    assert events(edition) == snapshot  # the bad last row stops everything, before any file is written

    good = excel_csv(edition, rows, "bon.csv")
    replace = os.replace
    calls = []

    def crash_on_fifth(source, target):
        calls.append(target)
        if len(calls) == 5:
            raise KeyboardInterrupt  # the editor presses Ctrl+C, or the machine stops
        replace(source, target)

    monkeypatch.setattr(importer.os, "replace", crash_on_fifth)
    with pytest.raises(KeyboardInterrupt):
        importer.import_sheet(edition.root, 2017, good, replace=True)
    assert events(edition) == snapshot and len(calls) == 5
    assert not list((edition.root / "campaigns/2017/events").glob(".*"))  # no temporary file left


def test_a_killed_import_leaves_no_content_and_its_leftovers_are_swept(edition):
    leftover = edition.write("campaigns/2017/events/.ssp-import-4242-atelier.md", "---\ntitle: moitié")
    verified = ssp(edition, "verifier")
    assert verified.returncode == 0 and "Remarque : campaigns/2017/events/.ssp-import-4242-atelier.md" in verified.stdout
    result = ssp(edition, "importer", str(excel_csv(edition, [row()])), "--edition", "2017")
    assert result.returncode == 0 and not leftover.exists()


def test_the_templates_are_in_sync_and_their_example_row_is_refused(edition):
    from openpyxl import load_workbook

    from ssp.importcolumns import BY_NAME, COLUMNS
    from ssp.sheettemplate import CSV_PATH, LISTS, XLSX_PATH, csv_template
    from ssp.text import fold

    raw = (ROOT / CSV_PATH).read_bytes()
    assert raw == csv_template(), "lancez « ssp formulaire »"
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # opens in French Excel with its accents
    header = raw.decode("utf-8-sig").splitlines()[0].split(";")
    assert [BY_NAME[fold(name)] for name in header] == list(COLUMNS)
    workbook = load_workbook(ROOT / XLSX_PATH)
    sheet = workbook.active
    assert [cell.value for cell in sheet[1]] == [column.header for column in COLUMNS], "lancez « ssp formulaire »"
    lists = {str(validation.sqref).split(":")[0][:-1]: validation.formula1
             for validation in sheet.data_validations.dataValidation if validation.type == "list"}
    letters = {column.key: cell.column_letter for column, cell in zip(COLUMNS, sheet[1])}
    assert {key: lists[letters[key]] for key in LISTS} == {key: '"' + ",".join(values) + '"' for key, values in LISTS.items()}
    assert all(len(formula) <= 255 for formula in lists.values())  # Excel's limit for a list written in place
    for template in (ROOT / CSV_PATH, ROOT / XLSX_PATH):
        result = ssp(edition, "importer", str(template), "--edition", "2017")
        assert result.returncode == 1 and events(edition) == {}
        assert "colonne « identifiant » : ligne d'exemple du modèle : supprimez-la" in result.stderr
        assert "2 lignes lues : 1 ligne d'en-tête, 1 ligne en erreur." in result.stdout
    sheet.delete_rows(2)  # as an office fills it: the example removed, values picked from the lists
    sheet.append(["", "Stand des usagers", LISTS["type"][3], date(2017, 11, 22), time(10, 0), None, time(12, 0), "",
                  "CHU", "Hall", "", "", "Lille", LISTS["region"][6], "Usagers et représentants des usagers", "", "", "", "",
                  LISTS["status"][0], ""])
    workbook.save(edition.root / "rempli.xlsx")
    assert ssp(edition, "importer", str(edition.root / "rempli.xlsx"), "--edition", "2017").returncode == 0
    [event] = edition.load()[0].events
    assert (event.meta.type, event.meta.region, event.meta.audience) == ("stand", "Hauts-de-France", ["usagers"])


def test_write_valid_rows_and_the_report_file(edition, tmp_path):
    rows = [row(), ["", "", "", "", "", "", "", "", "", "", "", "", "", "", ""], row(title="Cassée", start="32/11/2017"),
            ["", "", "", "", "", "", "", "", "", "", "", "", "", "", ""]]  # the last one, at the end, is not a row of data
    report = tmp_path / "rapport.csv"
    result = ssp(edition, "importer", str(excel_csv(edition, rows)), "--edition", "2017", "--ecrire-valides",
                 "--rapport", str(report))
    assert result.returncode == 1 and len(events(edition)) == 1
    lines = list(csv.reader(io.StringIO(report.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [line[:2] for line in lines] == [["ligne", "résultat"], ["1", "ligne d'en-tête"], ["2", "action créée"],
                                            ["3", "ligne vide"], ["4", "ligne en erreur"]]
    assert "la date « 32/11/2017 » n'existe pas" in lines[4][3]


def test_a_trial_run_writes_nothing(edition):
    result = ssp(edition, "importer", str(excel_csv(edition, [row()])), "--edition", "2017", "--essai")
    assert result.returncode == 0 and "ligne 2 : action à créer (essai)" in result.stdout
    assert "Essai : aucun fichier n'a été écrit." in result.stdout and events(edition) == {}


def test_unreadable_files_get_a_french_message(edition):
    broken = edition.write("abime.xlsx", b"not a zip file")
    result = ssp(edition, "importer", str(broken), "--edition", "2017")
    assert "abime.xlsx : classeur illisible" in result.stderr and "Traceback" not in result.stderr
    old = edition.write("ancien.xls", b"\xd0\xcf\x11\xe0")
    assert "« Classeur Excel (.xlsx) »" in ssp(edition, "importer", str(old), "--edition", "2017").stderr
    one_column = edition.write("une.csv", "titre\nA\n")
    assert "séparateur de colonnes introuvable" in ssp(edition, "importer", str(one_column), "--edition", "2017").stderr
    assert "l'édition 2030 n'existe pas" in ssp(edition, "importer", str(one_column), "--edition", "2030").stderr


def test_a_description_as_long_as_the_site_takes_is_kept_whole_and_a_longer_one_refused(edition):
    long_text = "Présentation détaillée ; " * 4_000  # 100 000 characters in one cell, the most a Markdown text may hold
    result = ssp(edition, "importer", str(excel_csv(edition, [row(text=long_text)])), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    [event] = edition.load()[0].events
    assert event.description_html.count("Présentation détaillée ;") == 4_000
    longer = row(title="Autre action", text="Présentation détaillée ; " * 8_000)  # 200 000: above csv's default too
    result = ssp(edition, "importer", str(excel_csv(edition, [longer])), "--edition", "2017")
    assert result.returncode == 1 and "ligne 2, colonne « Description » : texte trop long : 100\u202f000 caractères" in result.stderr


def test_a_csv_cell_s_line_breaks_stay_line_breaks_on_the_page(edition):
    """Alt+Entrée in Excel: a line break inside the cell (LF, between quotes, rows ending in CRLF)."""
    path = excel_csv(edition, [row(text="Programme :\n9 h 30 : accueil\n10 h : visite")])
    assert ssp(edition, "importer", str(path), "--edition", "2017").returncode == 0
    [written] = events(edition).values()
    assert written.endswith("---\nProgramme :\\\n9 h 30 : accueil\\\n10 h : visite\n")
    [loaded] = edition.load()[0].events
    assert loaded.description_html == "<p>Programme :<br>\n9 h 30 : accueil<br>\n10 h : visite</p>"
    again = ssp(edition, "importer", str(path), "--edition", "2017")  # the same sheet again: the file is what it says
    assert again.returncode == 0 and "1 action inchangée" in again.stdout, again.stdout + again.stderr


def test_a_list_typed_in_a_cell_with_word_s_bullets_is_a_list_on_the_page(edition):
    path = excel_csv(edition, [row(text="Au programme :\n• accueil des familles\n• visite du bloc\n\nSur inscription.")])
    assert ssp(edition, "importer", str(path), "--edition", "2017").returncode == 0
    [loaded] = edition.load()[0].events
    assert loaded.description_html == ("<p>Au programme :</p>\n<ul>\n<li>accueil des familles</li>\n<li>visite du bloc</li>\n</ul>\n"
                                       "<p>Sur inscription.</p>")
