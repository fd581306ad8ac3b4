"""Scaffolding, spreadsheet import and export, run as editors run them, on real files."""

from __future__ import annotations

import json

from helpers import ROOT
from test_cli import ssp

HEADER = "titre;type;debut;fin;horaire;organisateur;lieu;adresse;code_postal;ville;region;public;inscription;lien_en_ligne;statut;description\n"
GOOD = [
    "Portes ouvertes de la maternité;portes-ouvertes;2017-11-24;;Tout l'après-midi;CH de Douai;Maternité;;59187;Dechy;Hauts-de-France;grand-public, patients;Entrée libre;;;Venez **visiter** la maternité.\n",
    "Webinaire sécurité;conference;2017-11-22T18:00;19:30;;ARS;;;;;;professionnels;;https://example.org/live;;\n",
    "Stand pharmacie;stand;2017-11-21;;;Pharmacie;Hall;;1000;Bourg-en-Bresse;Auvergne-Rhône-Alpes;;;;;\n",
]
BAD = [
    "Atelier impossible;atelier;2017-11-31;;;CH;;;;Lyon;Auvergne-Rhône-Alpes;;;;;\n",  # row 5: no such date
    "Sans organisateur;atelier;2017-11-21;;;;;;;Lyon;Auvergne-Rhône-Alpes;;;;;\n",    # row 6: organizer missing
    "Mauvaise région;stand;2017-11-21;;;CH;;;59000;Lille;Occitanie;;;;;\n",            # row 7: region vs postal code
]
DUPLICATE = GOOD[0]


def sheet(project, rows, name="actions.csv"):
    return project.write(name, HEADER + "".join(rows))


def events(project):
    return sorted(path.name for path in (project.root / "campaigns/2017/events").glob("*.md"))


def test_good_rows_become_valid_event_files_and_reimport_adds_nothing(project):
    project.edition()
    path = sheet(project, GOOD)
    first = ssp(project, "importer", str(path), "--edition", "2017")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "3 action(s) écrite(s), 0 inchangée(s) (déjà importées)."
    assert events(project) == ["portes-ouvertes-de-la-maternite-dechy.md", "stand-pharmacie-bourg-en-bresse.md", "webinaire-securite.md"]
    assert ssp(project, "verifier").returncode == 0
    [edition] = project.load()
    stand = next(event for event in edition.events if event.slug.startswith("stand"))
    assert stand.meta.venue.postal_code == "01000"  # the spreadsheet's 1000 gets its zero back
    douai = next(event for event in edition.events if event.slug.startswith("portes"))
    assert douai.meta.audience == ["grand-public", "patients"] and "<strong>visiter</strong>" in douai.description_html
    again = ssp(project, "importer", str(path), "--edition", "2017")
    assert again.stdout.strip() == "0 action(s) écrite(s), 3 inchangée(s) (déjà importées)."
    assert len(events(project)) == 3


def test_bad_and_duplicate_rows_are_reported_and_nothing_is_written(project):
    project.edition()
    path = sheet(project, GOOD + BAD + [DUPLICATE])
    result = ssp(project, "importer", str(path), "--edition", "2017")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "actions.csv, ligne 5, colonne « debut » : la date « 2017-11-31 » n'existe pas (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)" in lines
    assert "actions.csv, ligne 6, colonne « organisateur » : valeur obligatoire manquante" in lines
    assert "actions.csv, ligne 7, colonne « region » : le code postal 59000 est en Hauts-de-France, pas en Occitanie" in lines
    assert "actions.csv, ligne 8, colonne « titre » : doublon de la ligne 2 (même titre, ville et début)" in lines
    assert "4 erreur(s) : aucun fichier écrit." in result.stderr
    assert not (project.root / "campaigns/2017/events").exists() or events(project) == []


def test_valid_rows_can_be_written_on_request(project):
    project.edition()
    path = sheet(project, GOOD + BAD)
    result = ssp(project, "importer", str(path), "--edition", "2017", "--ecrire-valides")
    assert result.returncode == 1 and "3 action(s) écrite(s)" in result.stdout
    assert len(events(project)) == 3


def test_a_changed_row_is_not_merged_silently(project):
    project.edition()
    ssp(project, "importer", str(sheet(project, GOOD)), "--edition", "2017")
    changed = sheet(project, [GOOD[0].replace("Tout l'après-midi", "De 14 h à 17 h")] + GOOD[1:], "v2.csv")
    result = ssp(project, "importer", str(changed), "--edition", "2017")
    assert result.returncode == 1
    assert "portes-ouvertes-de-la-maternite-dechy.md existe déjà avec un autre contenu ; relancez avec --remplacer" in result.stderr
    replaced = ssp(project, "importer", str(changed), "--edition", "2017", "--remplacer")
    assert replaced.returncode == 0 and "1 action(s) écrite(s), 2 inchangée(s)" in replaced.stdout
    assert "De 14 h à 17 h" in (project.root / "campaigns/2017/events/portes-ouvertes-de-la-maternite-dechy.md").read_text()


def test_xlsx_with_real_dates_numbers_and_an_unknown_column(project):
    from datetime import datetime

    from openpyxl import Workbook

    project.edition()
    workbook = Workbook()
    rows = workbook.active
    rows.append(["Titre", "Type", "Début", "Organisateur", "Ville", "Code postal", "Région", "Couleur"])
    rows.append(["Atelier", "atelier", datetime(2017, 11, 21, 14, 0), "CH", "Lyon", 69003, "Auvergne-Rhône-Alpes", "bleu"])
    workbook.save(project.root / "actions.xlsx")
    result = ssp(project, "importer", str(project.root / "actions.xlsx"), "--edition", "2017")
    assert "actions.xlsx, ligne 1, colonne « couleur » : colonne inconnue" in result.stderr
    written = ssp(project, "importer", str(project.root / "actions.xlsx"), "--edition", "2017", "--ecrire-valides")
    assert "1 action(s) écrite(s)" in written.stdout
    [event] = project.load()[0].events
    assert event.occurrences[0].start.isoformat() == "2017-11-21T14:00:00+01:00"


def test_the_shipped_template_imports(project):
    project.edition(2026, "year: 2026\ntheme: T\nstart: 2026-09-14\nend: 2026-09-18\n")
    result = ssp(project, "importer", str(ROOT / "modeles/import-actions.csv"), "--edition", "2026")
    assert result.returncode == 0, result.stderr


def test_nouvel_evenement_from_options(project):
    project.edition()
    result = ssp(project, "nouvel-evenement", "--edition", "2017", "--titre", "Chambre des erreurs !", "--type",
                 "chambre-des-erreurs", "--debut", "2017-11-23T10:00", "--fin", "12:00", "--organisateur", "CHU",
                 "--ville", "Rennes", "--code-postal", "35000", "--region", "bretagne", "--public", "professionnels")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Action créée : campaigns/2017/events/chambre-des-erreurs.md")
    [event] = project.load()[0].events
    assert (event.meta.region, event.meta.audience, event.occurrences[0].end.hour) == ("Bretagne", ["professionnels"], 12)
    again = ssp(project, "nouvel-evenement", "--edition", "2017", "--titre", "Chambre des erreurs !", "--type", "atelier",
                "--debut", "2017-11-23", "--organisateur", "CHU", "--ville", "", "--en-ligne", "https://example.org")
    assert again.returncode == 1 and "existe déjà" in again.stderr


def test_nouvel_evenement_refuses_invalid_answers(project):
    project.edition()
    common = ["nouvel-evenement", "--edition", "2017", "--titre", "X", "--type", "atelier", "--organisateur", "CH",
              "--ville", "Lyon", "--code-postal", "69003"]
    result = ssp(project, *common, "--debut", "2017-13-01", "--region", "Auvergne-Rhône-Alpes")
    assert result.returncode == 1
    assert "1 erreur dans le contenu ; aucun fichier n'a été écrit." in result.stderr
    assert "start : la date « 2017-13-01 » n'existe pas" in result.stderr
    result = ssp(project, *common, "--debut", "2017-11-21", "--region", "Occitanie")
    assert "region : le code postal 69003 est en Auvergne-Rhône-Alpes, pas en Occitanie" in result.stderr
    assert not (project.root / "campaigns/2017/events").exists() or events(project) == []


def test_nouvel_evenement_asks_questions(project):
    import subprocess
    import sys

    project.edition()
    answers = "2017\nAtelier des patients\natelier\n2017-11-22\nCH de test\nLyon\nAuvergne-Rhône-Alpes\n"
    result = subprocess.run([sys.executable, "-m", "ssp", "--projet", str(project.root), "nouvel-evenement"],
                            input=answers, cwd=ROOT / "hooks", capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Titre de l'action" in result.stdout
    assert events(project) == ["atelier-des-patients.md"]


def test_nouvelle_edition_from_the_previous_one(project):
    project.edition(text="year: 2017\nnumber: 7\ntheme: T\nstart: 2017-11-20\nend: 2017-11-24\nresources:\n"
                         "  - title: Kit\n    url: https://example.org/kit\n    publisher: DGOS\n")
    result = ssp(project, "nouvelle-edition", "2018", "--depuis", "2017")
    assert result.returncode == 0, result.stderr
    text = (project.root / "campaigns/2018/edition.yml").read_text()
    assert "year: 2018\nnumber: 8\n" in text and "https://example.org/kit" in text
    assert (project.root / "campaigns/2018/events").is_dir()
    check = ssp(project, "verifier")
    assert check.returncode == 1  # dates and theme still to fill, and said so
    for line, field in [(5, "theme"), (6, "start"), (7, "end")]:
        assert f"campaigns/2018/edition.yml:{line}: {field} : champ obligatoire manquant" in check.stderr
    assert ssp(project, "nouvelle-edition", "2018").returncode == 1


def test_exporter_writes_pages_as_data_and_the_data_files(project, tmp_path):
    result = ssp(type("P", (), {"root": ROOT})(), "exporter", str(tmp_path / "export"))
    assert result.returncode == 0, result.stderr
    page = json.loads((tmp_path / "export/pages/2017/evenements/portes-ouvertes-maternite-douai.json").read_text())
    assert page["url"] == "2017/evenements/portes-ouvertes-maternite-douai/" and page["template"] == "event.html"
    assert page["context"]["event"]["meta"]["organizer"] == "Centre hospitalier de Douai"
    assert page["context"]["edition"]["events"] == ["2017/evenements/colloque-regional-occitanie/",
                                                    "2017/evenements/portes-ouvertes-maternite-douai/"]
    assert (tmp_path / "export/fichiers/2017/evenements.json").is_file()
    assert (tmp_path / "export/fichiers/agendas/occitanie.ics").is_file()
    assert json.loads((tmp_path / "export/pages/index.json").read_text())["url"] == ""


def test_unreadable_spreadsheets_get_a_french_message(project):
    project.edition()
    latin = project.write("latin.csv", (HEADER + GOOD[0]).encode("latin-1"))
    result = ssp(project, "importer", str(latin), "--edition", "2017")
    assert "latin.csv : le tableur n'est pas en UTF-8 ; enregistrez-le au format « CSV UTF-8 »" in result.stderr
    broken = project.write("abime.xlsx", b"not a zip file")
    result = ssp(project, "importer", str(broken), "--edition", "2017")
    assert "abime.xlsx : fichier illisible" in result.stderr
    assert "Traceback" not in result.stderr and result.returncode == 1
