"""Values typed as people type them, in a spreadsheet or a form."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from helpers import ROOT  # noqa: F401 — puts the core on sys.path
from ssp.frenchinput import (
    InputError,
    parse_audiences,
    parse_clock,
    parse_day,
    parse_end,
    parse_moment,
    parse_postal_code,
    parse_region,
    parse_status,
    parse_type,
)


@pytest.mark.parametrize("text", ["24/11/2026", "24/11/26", "2026-11-24", "24 novembre 2026", "24-11-2026",
                                  "24.11.2026", "mardi 24 novembre 2026", "Mardi 24 Novembre 2026", " 24/11/2026 "])
def test_days(text):
    assert parse_day(text) == date(2026, 11, 24)


def test_first_of_the_month_and_accented_months():
    assert parse_day("1er décembre 2026") == date(2026, 12, 1)
    assert parse_day("3 février 2027") == date(2027, 2, 3)
    assert parse_day("15 août 2026") == date(2026, 8, 15)


@pytest.mark.parametrize("text, message", [("31/11/2026", "la date « 31/11/2026 » n'existe pas"),
                                           ("11/24/2026", "la date « 11/24/2026 » n'existe pas"),
                                           ("24 brumaire 2026", "mois inconnu"),
                                           ("demain", "« demain » n'est pas une date"), ("2026", "n'est pas une date")])
def test_impossible_days(text, message):
    with pytest.raises(InputError, match=message):
        parse_day(text)


@pytest.mark.parametrize("text, expected", [("14:00", time(14)), ("14h", time(14)), ("14h00", time(14)),
                                            ("14 h 30", time(14, 30)), ("9H30", time(9, 30)), ("14:00:00", time(14)),
                                            ("0h", time(0)), ("23h59", time(23, 59))])
def test_clocks(text, expected):
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["14", "25h", "14h75", "midi", "14h3"])
def test_impossible_clocks(text):
    with pytest.raises(InputError):
        parse_clock(text)


@pytest.mark.parametrize("text, expected", [
    ("24/11/2026 14:00", datetime(2026, 11, 24, 14)), ("24/11/2026 14h00", datetime(2026, 11, 24, 14)),
    ("2026-11-24T14:00", datetime(2026, 11, 24, 14)), ("2026-11-24 9h30", datetime(2026, 11, 24, 9, 30)),
    ("24 novembre 2026 à 14h", datetime(2026, 11, 24, 14)), ("24/11/2026 - 14 h 30", datetime(2026, 11, 24, 14, 30)),
    ("24/11/2026", date(2026, 11, 24))])
def test_date_and_time_in_one_cell(text, expected):
    assert parse_moment(text) == expected


def test_a_bad_time_beside_a_good_date_is_named():
    with pytest.raises(InputError, match="l'heure « 25h » n'existe pas"):
        parse_moment("24/11/2026 25h")


@pytest.mark.parametrize("text, code", [("Portes ouvertes", "portes-ouvertes"), ("portes-ouvertes", "portes-ouvertes"),
                                        ("PORTES OUVERTES", "portes-ouvertes"), ("Stand d'information", "stand"),
                                        ("stand", "stand"), ("Conférence", "conference"), ("conference", "conference"),
                                        ("Chambre des erreurs", "chambre-des-erreurs"), ("Autre", "autre"),
                                        ("Ateliers", "atelier")])
def test_types_by_label_or_code(text, code):
    assert parse_type(text) == code


@pytest.mark.parametrize("text, code", [("Annulé", "cancelled"), ("annulée", "cancelled"), ("ANNULE", "cancelled"),
                                        ("Complet", "full"), ("Reporté", "postponed"), ("cancelled", "cancelled"),
                                        ("Programmé", "scheduled"), ("Maintenu", "scheduled"),
                                        ("Reportée", "postponed"), ("Déplacé en ligne", "moved-online")])
def test_statuses(text, code):
    assert parse_status(text) == code


def test_unknown_labels_suggest_the_closest():
    with pytest.raises(InputError, match="type « Porte ouvertte » inconnu ; vouliez-vous dire « Portes ouvertes » ?"):
        parse_type("Porte ouvertte")
    with pytest.raises(InputError, match=r"statut « Supprimé » inconnu \(valeurs permises : Programmée, Reprogrammée, Déplacée en ligne, Reportée, Complet, Annulée\)"):
        parse_status("Supprimé")


@pytest.mark.parametrize("text, codes", [("Grand public, Patients", ["grand-public", "patients"]),
                                         ("Patients / Proches ; Étudiants", ["patients", "proches", "etudiants"]),
                                         ("grand-public", ["grand-public"]),
                                         ("Professionnels de santé", ["professionnels"]),
                                         ("Usagers et représentants des usagers", ["usagers"]), ("RU", ["usagers"]),
                                         ("Proches et aidants", ["proches"])])
def test_audiences(text, codes):
    assert parse_audiences(text) == codes


@pytest.mark.parametrize("text, region", [("Hauts de France", "Hauts-de-France"), ("ILE DE FRANCE", "Île-de-France"),
                                          ("Provence Alpes Cote d'Azur", "Provence-Alpes-Côte d'Azur"),
                                          ("Réunion", "La Réunion"), ("auvergne rhone alpes", "Auvergne-Rhône-Alpes"),
                                          ("PACA", "Provence-Alpes-Côte d'Azur"), ("Région Sud", "Provence-Alpes-Côte d'Azur"),
                                          ("IDF", "Île-de-France"), ("AURA", "Auvergne-Rhône-Alpes"), ("BFC", "Bourgogne-Franche-Comté"),
                                          ("HDF", "Hauts-de-France"), ("Centre", "Centre-Val de Loire"), ("PDL", "Pays de la Loire")])
def test_regions(text, region):
    assert parse_region(text) == region


@pytest.mark.parametrize("text, region", [("Bretgne", "Bretagne"), ("Picardie", "Hauts-de-France"),
                                          ("Nord-Pas-de-Calais", "Hauts-de-France"), ("Midi-Pyrénées", "Occitanie"),
                                          ("Limousin", "Nouvelle-Aquitaine"), ("Alsace", "Grand Est"), ("Rhône-Alpes", "Auvergne-Rhône-Alpes")])
def test_close_region_is_suggested(text, region):
    """A typing slip, or a region merged in 2016 (past editions' documents name them): suggested, not taken."""
    with pytest.raises(InputError, match=f"vouliez-vous dire « {region} » ?"):
        parse_region(text)


@pytest.mark.parametrize("text, code", [("59187", "59187"), ("59 187", "59187"), ("1000", "01000")])
def test_postal_codes(text, code):
    assert parse_postal_code(text) == code


def test_bad_postal_code():
    with pytest.raises(InputError, match="n'est pas un code postal"):
        parse_postal_code("591")


def test_an_end_is_a_day_a_moment_or_a_time_alone():
    """One reading for the sheet's « fin » column, `ssp nouvel-evenement --fin` and the contract's hint."""
    assert parse_end("25/11/2026") == date(2026, 11, 25)
    assert parse_end("24/11/2026 16h30") == datetime(2026, 11, 24, 16, 30)
    assert parse_end("16h30") == time(16, 30)
    with pytest.raises(InputError, match="n'est pas une date"):  # the date's message, not the clock's
        parse_end("bientôt")
