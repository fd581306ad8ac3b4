"""A re-import is a faithful update (issue « Imports without surprises »): an OpenAgenda export
edited over versions (a slot moved, one removed, cancelled then back, a draft then published) and a
sheet whose « Annulé » became « Programmé » update the action's file field by field, the report
naming each change as the sheet or the export writes it."""

from __future__ import annotations

import json

import pytest

from helpers import EDITION_2017, excel_csv, front_matter, row, ssp
from ssp.agendaimport import import_openagenda
from ssp.importreport import report_lines

SLOT_21 = {"begin": "2017-11-21T10:00:00+01:00", "end": "2017-11-21T12:00:00+01:00"}
SLOT_22 = {"begin": "2017-11-22T10:00:00+01:00", "end": "2017-11-22T12:00:00+01:00"}
SLOT_23 = {"begin": "2017-11-23T14:00:00+01:00", "end": "2017-11-23T16:30:00+01:00"}
VERSION_1 = {"uid": 7, "title": {"fr": "Atelier"}, "keywords": {"fr": ["Atelier"]}, "organisateur": "CHU de Lille",
             "timings": [SLOT_21, SLOT_22], "status": 6, "state": 1,
             "location": {"name": "Hall", "city": "Lille", "postalCode": "59000", "region": "Hauts-de-France"}}


@pytest.fixture
def edition(project):
    project.edition(2017, EDITION_2017)
    return project


def exported(project, *records) -> object:
    path = project.root / "export.json"
    path.write_text(json.dumps({"total": len(records), "events": list(records)}, ensure_ascii=False), encoding="utf-8")
    return path


def said(report) -> list[str]:
    return [line for line, _ in report_lines(report)]




def test_an_export_with_a_slot_moved_and_one_removed_updates_the_slots(edition):
    assert import_openagenda(edition.root, 2017, exported(edition, VERSION_1)).ok
    version_2 = {**VERSION_1, "timings": [SLOT_21, SLOT_23]}  # the 22nd's slot moved to the 23rd, afternoon
    trial = import_openagenda(edition.root, 2017, exported(edition, version_2), dry_run=True)
    assert "  créneaux : « 21/11/2017 10:00 → 12:00, 22/11/2017 10:00 → 12:00 » → « 21/11/2017 10:00 → 12:00, " \
           "23/11/2017 14:00 → 16:30 »" in said(trial)
    assert import_openagenda(edition.root, 2017, exported(edition, version_2), replace=True).ok
    version_3 = {**version_2, "timings": [SLOT_23]}  # the morning slot removed
    assert import_openagenda(edition.root, 2017, exported(edition, version_3), replace=True).ok
    [file] = (edition.root / "campaigns/2017/events").glob("*.md")
    text = file.read_text(encoding="utf-8")
    assert "2017-11-21" not in text and "2017-11-22" not in text and "2017-11-23T14:00" in text


def test_a_cancelled_draft_goes_back_to_scheduled_and_published(edition):
    assert import_openagenda(edition.root, 2017, exported(edition, VERSION_1)).ok
    [file] = (edition.root / "campaigns/2017/events").glob("*.md")
    assert "status: cancelled" in file.read_text() and "draft: true" in file.read_text()
    back = {**VERSION_1, "status": 1, "state": 2}
    unchanged = import_openagenda(edition.root, 2017, exported(edition, back))
    assert "  statut : « Annulée » → « Programmée »" in said(unchanged) and "  brouillon : « oui » → « non »" in said(unchanged)
    assert import_openagenda(edition.root, 2017, exported(edition, back), replace=True).ok
    text = file.read_text(encoding="utf-8")
    assert "status:" not in text and "draft:" not in text  # what goes without saying is not written
    assert import_openagenda(edition.root, 2017, exported(edition, back)).rows[0].outcome == "unchanged"


def test_a_sheet_row_back_to_programme_takes_the_cancellation_off(edition):
    first = excel_csv(edition, [row(identifier="CHD-9", status="Annulé")])
    assert ssp(edition, "importer", str(first), "--edition", "2017").returncode == 0
    assert edition.load()[0].events[0].meta.status == "cancelled"
    programmed = excel_csv(edition, [row(identifier="CHD-9", status="Programmé")], "v2.csv")
    pending = ssp(edition, "importer", str(programmed), "--edition", "2017")
    assert pending.returncode == 1 and "  Statut : « Annulée » → « Programmée »" in pending.stderr
    assert ssp(edition, "importer", str(programmed), "--edition", "2017", "--remplacer").returncode == 0
    assert edition.load()[0].events[0].meta.status == "scheduled"
    [file] = (edition.root / "campaigns/2017/events").glob("*.md")
    assert "status" not in file.read_text(encoding="utf-8")


def test_a_changed_hour_is_said_as_the_sheet_writes_it(edition):
    first = excel_csv(edition, [row(identifier="CHD-3", at="10h00", until="11h30")])
    assert ssp(edition, "importer", str(first), "--edition", "2017").returncode == 0
    later = excel_csv(edition, [row(identifier="CHD-3", at="14h00", until="16h30")], "v2.csv")
    pending = ssp(edition, "importer", str(later), "--edition", "2017")
    assert "  Début : « 24/11/2017 10:00 » → « 24/11/2017 14:00 »" in pending.stderr
    assert "  Heure de fin : « 24/11/2017 11:30 » → « 24/11/2017 16:30 »" in pending.stderr  # the column that says it
    assert "T10:00" not in pending.stderr


def test_line_breaks_typed_in_an_export_s_title_or_place_become_spaces(edition):
    record = {**VERSION_1, "title": {"fr": "Atelier\nsécurité"}, "status": 1, "state": 2,
              "location": {**VERSION_1["location"], "name": "Hall\r\nd'accueil"}}
    assert import_openagenda(edition.root, 2017, exported(edition, record)).ok
    [event] = edition.load()[0].events
    assert (event.meta.title, event.meta.venue.name) == ("Atelier sécurité", "Hall d'accueil")


def test_a_corrected_hour_without_identifiant_is_never_a_second_action(edition):
    first = excel_csv(edition, [row(at="10h00", until="11h30"), row(title="Stand", at="9h")])
    assert ssp(edition, "importer", str(first), "--edition", "2017").returncode == 0
    files = sorted(path.name for path in (edition.root / "campaigns/2017/events").glob("*.md"))
    corrected = excel_csv(edition, [row(at="14h00", until="15h30"), row(title="Stand", at="9h")], "v2.csv")
    result = ssp(edition, "importer", str(corrected), "--edition", "2017", "--remplacer")
    assert result.returncode == 1
    assert sorted(path.name for path in (edition.root / "campaigns/2017/events").glob("*.md")) == files  # nothing written
    assert ("v2.csv, ligne 2, colonne « Titre » : même titre et même ville que campaigns/2017/events/atelier-securite-douai.md, "
            "à une autre date ou heure") in result.stderr
    assert "écrivez le même identifiant dans ce fichier (import_id: …)" in result.stderr
    second_slot = excel_csv(edition, [row(at="14h00", until="15h30", identifier="CHD-2"), row(title="Stand", at="9h")], "v3.csv")
    assert ssp(edition, "importer", str(second_slot), "--edition", "2017").returncode == 0  # an identifiant: another action
    assert len(list((edition.root / "campaigns/2017/events").glob("*.md"))) == 3


def test_a_stray_separator_is_the_row_s_problem_and_the_other_rows_can_be_written(edition):
    path = excel_csv(edition, [row(title="Bonne ligne"), row(title="Ligne ; en trop", at="14h") + ["reste de la description"]])
    result = ssp(edition, "importer", str(path), "--edition", "2017")
    assert result.returncode == 1
    assert ("actions.csv, ligne 3, colonne « P » : valeur hors des colonnes du tableur (« reste de la description », "
            "après la dernière colonne nommée) : un séparateur en trop dans la ligne ?") in result.stderr
    written = ssp(edition, "importer", str(path), "--edition", "2017", "--ecrire-valides")
    assert "ligne 2 : action créée" in written.stdout
    assert [event.meta.title for event in edition.load()[0].events] == ["Bonne ligne"]


@pytest.mark.parametrize("written, stored, shown", [
    ("inscription@chu-douai.fr", "mailto:inscription@chu-douai.fr", "inscription@chu-douai.fr"),
    ("03 27 94 70 00", "tel:+33327947000", "03 27 94 70 00"),
    ("03.27.94.70.00", "tel:+33327947000", "03 27 94 70 00"),
    ("+33 3 27 94 70 00", "tel:+33327947000", "03 27 94 70 00"),
    ("Entrée libre", "Entrée libre", "Entrée libre"),
])
def test_a_plain_address_or_phone_number_to_register_becomes_a_link(edition, written, stored, shown):
    from ssp.fields import link_text

    path = excel_csv(edition, [row()])
    path.write_bytes(path.read_bytes().replace("Entrée libre".encode("cp1252"), written.encode("cp1252")))
    assert ssp(edition, "importer", str(path), "--edition", "2017").returncode == 0
    [event] = edition.load()[0].events
    assert event.meta.registration == stored and link_text(stored) == shown


@pytest.mark.parametrize("said", ["Exposition. Organisateur : CHU de Lille.", "Exposition organisé par CHU de Lille."])
def test_the_organiser_is_read_back_from_an_export_of_this_site_old_or_new(edition, said):
    """The site's openagenda.json says « Exposition. Organisateur : … » (no « organisé » to agree);
    the exports made before said « … organisé par … »: both are read back."""
    record = {**VERSION_1, "organisateur": None, "status": 1, "state": 2,
              "longDescription": {"fr": f"Texte.\n\n{said} Page de l'action : <https://ssp.example/2017/evenements/x/>"}}
    assert import_openagenda(edition.root, 2017, exported(edition, record)).ok
    [event] = edition.load()[0].events
    assert event.meta.organizer == "CHU de Lille" and "Organisateur" not in event.description_html


def test_a_trial_with_a_bad_row_still_says_what_each_good_row_would_do(edition):
    path = excel_csv(edition, [row(title="Bonne"), row(title="Mauvaise", start="31/11/2017")])
    result = ssp(edition, "importer", str(path), "--edition", "2017", "--essai")
    assert result.returncode == 1 and "ligne 2 : action à créer (essai) → campaigns/2017/events/bonne-douai.md" in result.stdout
    assert "ligne valide non écrite" not in result.stdout + result.stderr
    assert not list(edition.root.glob("campaigns/2017/events/*.md"))


def test_messages_use_the_sheet_s_words_and_dates(edition):
    end_first = row(start="25/11/2017", at="10h", until="9h")
    nowhere = row(title="Sans lieu", town="", postal="", region="")
    nowhere[7] = ""  # no place either
    result = ssp(edition, "importer", str(excel_csv(edition, [end_first, nowhere])), "--edition", "2017")
    assert ("ligne 2, colonne « Heure de fin » : la fin (25/11/2017 09:00) doit être après le début "
            "(25/11/2017 10:00)") in result.stderr
    assert "colonne « Ville » : indiquez le lieu (« Ville ») ou, pour une action en ligne, « lien en ligne »" in result.stderr
    assert "online_url" not in result.stderr and "venue" not in result.stderr and "T10:00" not in result.stderr


def test_a_sheet_row_matching_an_action_of_several_slots_is_compared_not_a_crash(edition):
    edition.event("atelier", front_matter(start=None, import_id="CHD-5", venue="\n  city: Douai\n  postal_code: '59500'",
                                          slots="\n  - start: 2017-11-21T09:00\n    end: '12:00'\n  - start: 2017-11-22T14:00"))
    sheet = excel_csv(edition, [row(identifier="CHD-5", at="10h", until="12h")])
    result = ssp(edition, "importer", str(sheet), "--edition", "2017", "--essai")
    assert "Traceback" not in result.stderr and "Erreur inattendue" not in result.stderr
    assert "  créneaux : « 21/11/2017 09:00 → 12:00, 22/11/2017 14:00 » → « (vide) »" in result.stderr
