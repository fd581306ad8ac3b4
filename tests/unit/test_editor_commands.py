"""Scaffolding and export, run as editors run them, on real files (spreadsheet import: test_import.py)."""

from __future__ import annotations

import json
import shlex
from datetime import datetime

from helpers import ROOT, SSP, ssp


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
    assert result.returncode == 2  # the answer itself, as Click says it
    assert "Erreur : Valeur invalide pour '--debut' : la date « 2017-13-01 » n'existe pas ; écrivez la date comme" in result.stderr
    result = ssp(project, *common, "--debut", "2017-11-21", "--region", "Occitanie")
    assert "region : le code postal 69003 est en Auvergne-Rhône-Alpes, pas en Occitanie" in result.stderr
    # the answers, as a command to correct rather than all to type again
    said = result.stderr.split("plutôt qu'à tout ressaisir :\n", 1)[1].strip()
    assert said.endswith("nouvel-evenement --edition 2017 --titre X --type atelier --debut 2017-11-21 --organisateur CH --ville Lyon "
                         "--code-postal 69003 --region Occitanie")
    assert ssp(project, *shlex.split(said.replace("Occitanie", '"Auvergne-Rhône-Alpes"'))[1:]).returncode == 0
    assert [path.name for path in (project.root / "campaigns/2017/events").iterdir()] == ["x.md"]  # the corrected one only


def test_nouvel_evenement_asks_questions(project):
    import subprocess

    project.edition()
    answers = "2017\nAtelier des patients\natelier\n2017-11-22\nCH de test\nLyon\n\nAuvergne-Rhône-Alpes\n"
    result = subprocess.run([str(SSP), "--projet", str(project.root), "nouvel-evenement"],
                            input=answers, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Titre de l'action" in result.stdout
    assert sorted(path.name for path in (project.root / "campaigns/2017/events").iterdir()) == ["atelier-des-patients.md"]


def test_nouvel_evenement_takes_answers_as_people_type_them_and_asks_a_wrong_one_again(project):
    """« Portes ouvertes », « 22/11/2017 14h », « PACA »… as in a spreadsheet; a wrong answer is said and asked
    again, the others kept (no starting over); the file holds the contract's forms."""
    import subprocess

    project.edition()
    answers = "Portes ouvertes de la maternité\nPortes ouvertes\n31/11/2017\n22/11/2017 14h\nCH de Douai\nDechy\n59 187\nPicardie\n\n"
    result = subprocess.run([str(SSP), "--projet", str(project.root), "nouvel-evenement", "--edition", "2017"],
                            input=answers, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    said = result.stdout + result.stderr
    assert "Erreur : la date « 31/11/2017 » n'existe pas" in said
    assert "Erreur : région « Picardie » inconnue ; vouliez-vous dire « Hauts-de-France » ?" in said
    assert "Région [Hauts-de-France]:" in said  # the postal code's, taken by Enter
    [event] = project.load()[0].events
    assert (event.meta.type, event.meta.start, event.meta.venue.postal_code, event.meta.region) == (
        "portes-ouvertes", datetime(2017, 11, 22, 14), "59187", "Hauts-de-France")
    text = (project.root / "campaigns/2017/events/portes-ouvertes-de-la-maternite.md").read_text(encoding="utf-8")
    assert "start: 2017-11-22T14:00\n" in text and "type: portes-ouvertes\n" in text


def test_nouvel_evenement_without_a_postal_code_offers_the_region_of_the_one_town_so_named(project):
    import subprocess

    project.edition()
    answers = "Stand\nStand d'information\n22/11/2017\nCH de Douai\nDechy\n\n\n"  # no postal code; Enter takes the region
    result = subprocess.run([str(SSP), "--projet", str(project.root), "nouvel-evenement", "--edition", "2017"],
                            input=answers, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Région [Hauts-de-France]:" in result.stdout + result.stderr  # the one Dechy's
    [event] = project.load()[0].events
    assert (event.meta.venue.postal_code, event.meta.region, event.departement) == (None, "Hauts-de-France", "59")


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
    assert page["url"] == "2017/evenements/portes-ouvertes-maternite-douai/" and page["template"] == "partials/ssp/event-page.html"
    assert page["context"]["event"]["meta"]["organizer"] == "Centre hospitalier de Douai"
    assert page["context"]["edition"]["events"] == ["2017/evenements/colloque-regional-occitanie/",
                                                    "2017/evenements/portes-ouvertes-maternite-douai/"]
    assert (tmp_path / "export/fichiers/2017/evenements.json").is_file()
    assert (tmp_path / "export/fichiers/agendas/occitanie.ics").is_file()
    assert json.loads((tmp_path / "export/pages/index.json").read_text())["url"] == ""
