"""Every French message an editor can get from the contract, pinned word for word with its field
and line (hooks/ssp/fields.py, validate.py): a change to one shows here."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from helpers import EDITION_2017, front_matter
from ssp import fields
from ssp.models import EventMeta
from ssp.vocab import REGIONS

TYPES = ("portes-ouvertes, colloque, atelier, stand, conference, quiz, chambre-des-erreurs, exposition, "
         "formation, autre")
EVENT_FIELDS = ", ".join(EventMeta.model_fields)


def only_problem(project) -> tuple[str, int, str]:
    [problem] = project.problems()
    return problem.field, problem.line, problem.message


@pytest.mark.parametrize(("changes", "expected"), [
    ({"title": None}, ("title", None, "champ obligatoire manquant")),
    ({"title": "[un, deux]"}, ("title", "title", "un texte est attendu ici (une seule valeur, pas une liste ni des sous-champs)")),
    ({"title": '"   "'}, ("title", "title", "ne doit pas être vide")),
    ({"title": '"\u200d\u00a0"'}, ("title", "title", "ce texte ne contient aucun caractère visible")),
    ({"draft": "peut-être"}, ("draft", "draft", "oui ou non attendu : écrivez true ou false")),
    ({"draft": "[true]"}, ("draft", "draft", "oui ou non attendu : écrivez true ou false")),
    ({"audience": "{patients: 1}"}, ("audience", "audience", "une liste est attendue : un élément par ligne, commençant par « - »")),
    ({"venue": "Dechy"}, ("venue", "venue", "des champs sont attendus ici (nom: valeur, indentés en dessous)")),
    ({"type": "portes-ouverte"}, ("type", "type", "valeur « portes-ouverte » inconnue ; vouliez-vous dire « portes-ouvertes » ? "
                                            f"(valeurs permises : {TYPES})")),
    ({"type": "zzz"}, ("type", "type", f"valeur « zzz » inconnue (valeurs permises : {TYPES})")),
    ({"type": "[stand, quiz]"}, ("type", "type", "une seule valeur est attendue ici, pas une liste ni des sous-champs")),
    ({"titel": "Portes"}, ("titel", "titel", "champ inconnu ; vouliez-vous dire « title » ?")),  # and no « title » missing
    ({"zzz": "1"}, ("zzz", "zzz", f"champ inconnu ; champs permis : {EVENT_FIELDS}")),
    ({"venue": "\n  city: Dechy\n  citty: Douai"}, ("venue.citty", "citty", "champ inconnu ; vouliez-vous dire « city » ?")),
    ({"venue": "\n  city: Dechy\n  zzz: 1"}, ("venue.zzz", "zzz", "champ inconnu ; champs permis : name, address, postal_code, city")),
    ({"venue": "\n  city: Dechy\n  postal_code: 00000"},
     ("venue.postal_code", "postal_code", "le code postal « 00000 » ne correspond à aucun département")),
    ({"start": "24/11/2017 14h"}, ("start", "start", "« 24/11/2017 14h » n'est ni une date ni une date et heure "
                                               "(attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM, par exemple 2017-11-24T14:00) ; écrivez « 2017-11-24T14:00 »")),
    ({"start": "24/11/2017"}, ("start", "start", "« 24/11/2017 » n'est ni une date ni une date et heure "
                                           "(attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM, par exemple 2017-11-24T14:00) ; écrivez « 2017-11-24 »")),
    ({"start": "vendredi 24 novembre 2017 à 9h30"},
     ("start", "start", "« vendredi 24 novembre 2017 à 9h30 » n'est ni une date ni une date et heure "
                        "(attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM, par exemple 2017-11-24T14:00) ; écrivez « 2017-11-24T09:30 »")),
    ({"start": "2017-11-24T09:00", "end": "12h"}, ("end", "end", "« 12h » n'est ni une date ni une date et heure "
                                                          "(attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM, par exemple 2017-11-24T14:00) ; écrivez « 12:00 »")),
    ({"start": "31/11/2017"}, ("start", "start", "« 31/11/2017 » n'est ni une date ni une date et heure "
                                           "(attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM, par exemple 2017-11-24T14:00)")),  # no such day: no fix said
    ({"start": "2017-11-31"}, ("start", "start", "la date « 2017-11-31 » n'existe pas (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)")),
    ({"start": "2017-11-24T25:00"}, ("start", "start", "l'heure de « 2017-11-24T25:00 » n'existe pas (attendu HH:MM, de 00:00 à 23:59)")),
    ({"status": "annulé"}, ("status", "status", "valeur « annulé » inconnue ; vouliez-vous dire « cancelled » ? (valeurs permises : "
                                                "scheduled, rescheduled, moved-online, postponed, full, cancelled)")),  # its French name
    ({"audience": "patients, proche"}, ("audience.2", "audience", "valeur « proche » inconnue ; vouliez-vous dire « proches » ? "
                                                               "(valeurs permises : grand-public, patients, proches, usagers, professionnels, etudiants)")),
    ({"region": "Gaule"}, ("region", "region", f"région « Gaule » inconnue (régions permises : {', '.join(REGIONS)})")),
    ({"region": "Haut de France"}, ("region", "region", "région « Haut de France » inconnue ; vouliez-vous dire « Hauts-de-France » ? "
                                                         f"(régions permises : {', '.join(REGIONS)})")),
    ({"region": "Picardie"}, ("region", "region", "région « Picardie » inconnue ; vouliez-vous dire « Hauts-de-France » ? "
                                                   f"(régions permises : {', '.join(REGIONS)})")),  # a region merged in 2016
    ({"venue": "\n  city: Dechy\n  postal_code: 5900"}, ("venue.postal_code", "postal_code", "« 5900 » n'est pas un code postal (5 chiffres, par exemple 34000)")),
    ({"online_url": "https://exemple.fr/a b"}, ("online_url", "online_url", "adresse « https://exemple.fr/a b » refusée : seules les adresses "
                                                                   "commençant par http:// ou https:// sont acceptées")),
    ({"online_url": "www.exemple.fr/visio"}, ("online_url", "online_url", "adresse « www.exemple.fr/visio » refusée : seules les adresses "
                                                                 "commençant par http:// ou https:// sont acceptées ; écrivez « https://www.exemple.fr/visio »")),
    ({"registration": "https://exemple.fr/inscription ici"},
     ("registration", "registration", "« https://exemple.fr/inscription ici » commence par une adresse mais contient une espace : écrivez "
                         "seulement l'adresse (une espace dans une adresse s'écrit %20), ou un texte sans adresse")),
    ({"registration": "ftp://exemple.fr"}, ("registration", "registration", "adresse « ftp://exemple.fr » refusée : seules les adresses "
                                                                "commençant par http:// ou https:// ou mailto: ou tel: sont acceptées")),
    ({"title": "Atelier #2 sur l'hygiène des mains"},  # YAML would read « Atelier »: nothing is lost in silence
     ("title", "title", "« #2 sur l'hygiène des mains » n'est pas lu : après une espace, « # » commence un commentaire, que YAML "
                        "ignore (la valeur lue serait « Atelier ») ; mettez toute la valeur entre guillemets, ou le commentaire sur sa propre ligne")),
    ({"start": None, "slots": "[]"}, ("slots", "slots", "la liste ne doit pas être vide")),
    ({"programme": "\n  - start: 9h\n    title: Accueil"},
     ("programme.1.start", "- start: 9h", "« 9h » n'est pas une heure (attendu HH:MM, par exemple 09:30)")),
])
def test_event_messages(project, changes, expected):
    """`expected`: field, the start of the line named (None: the file's first field), message."""
    project.edition()
    text = front_matter(**changes)
    project.event("x", text)
    field, marker, message = expected
    lines = text.splitlines()
    line = 2 if marker is None else next(number for number, line in enumerate(lines, 1) if line.strip().startswith(marker))
    assert only_problem(project) == (field, line, message)


@pytest.mark.parametrize(("line", "expected"), [
    ("year: sept", ("year", 1, "un nombre entier est attendu, par exemple 7")),
    ("year: 2017.5", ("year", 1, "un nombre entier est attendu, par exemple 7")),
    ("year: [2017]", ("year", 1, "un nombre entier est attendu, par exemple 7")),
    ("year: 2010", ("year", 1, "« 2010 » : la valeur doit être au moins 2011")),
    ("year: 2101", ("year", 1, "« 2101 » : la valeur doit être au plus 2100")),
    ("year: " + "9" * 5000, ("year", 1, "valeur invalide")),  # too many digits: a kind of error with no message of ours
])
def test_edition_messages(project, line, expected):
    project.edition(text=EDITION_2017.replace("year: 2017", line))
    problems = project.problems()
    assert (problems[0].field, problems[0].line, problems[0].message) == expected


def test_a_file_that_is_not_fields(project):
    project.edition(text="- une\n- liste\n")
    assert only_problem(project) == ("", 1, "des champs « nom: valeur » sont attendus")


def test_a_model_check_names_its_field(project):
    project.edition(text=EDITION_2017.replace("end: 2017-11-24", "end: 2017-11-19"))
    assert only_problem(project) == ("end", 5, "la fin (2017-11-19) est avant le début (2017-11-20)")


def test_a_mapping_where_a_list_of_cards_is_expected(project):
    project.edition()
    project.write("campaigns/partenariat/idees-recues.yml", "title: Idées reçues\ngroups: [patients]\n")
    assert only_problem(project) == ("groups", 2, "des champs sont attendus ici (nom: valeur, indentés en dessous)")


# The parsers themselves, at their boundaries.

def test_fail_carries_its_message_and_field():
    error = fields.fail("message", "venue.city")
    assert (error.message(), error.context) == ("message", {"message": "message", "field": "venue.city"})


def test_single_values():
    assert fields.single(None) == "" and fields.single(" a ") == "a" and fields.single(7) == "7"
    with pytest.raises(Exception, match="une seule valeur est attendue ici, pas une liste ni des sous-champs"):
        fields.single(["a"])


@pytest.mark.parametrize(("text", "accepted"), [("1999-12-31", False), ("2000-01-01", True), ("2100-12-31", True),
                                                ("2101-01-01", False)])
def test_years_from_2000_to_2100(text, accepted):
    if accepted:
        assert fields.parse_date(text) == date.fromisoformat(text)
    else:
        with pytest.raises(Exception, match=f"« {text} » : l'année doit être entre 2000 et 2100"):
            fields.parse_date(text)


def test_dates():
    assert fields.parse_date(date(2017, 11, 24)) == date(2017, 11, 24)
    with pytest.raises(Exception, match=r"« 2017-11-24 14:00:00 » n'est pas une date \(attendu AAAA-MM-JJ, par exemple 2017-11-24\)"):
        fields.parse_date(datetime(2017, 11, 24, 14))  # a date and time is not a day
    assert fields.parse_when("2017-11-24") == date(2017, 11, 24)
    assert fields.parse_when("2017-11-24 9:05") == datetime(2017, 11, 24, 9, 5)
    assert fields.parse_clock("9:30") == "09:30"


def test_links_and_texts_in_registration():
    assert fields.parse_registration("Sur place: accueil du hall") == "Sur place: accueil du hall"  # a text with a colon
    assert fields.parse_registration("Inscription: au secrétariat") == "Inscription: au secrétariat"  # « word: » then words
    assert fields.parse_registration("HTTPS://exemple.fr/inscription") == "HTTPS://exemple.fr/inscription"
    assert fields.parse_registration("mailto:accueil@chu.fr") == "mailto:accueil@chu.fr"
    assert fields.parse_registration("Entrée libre") == "Entrée libre"
    assert fields.parse_registration("www.chu-douai.fr/inscription") == "https://www.chu-douai.fr/inscription"  # as people write it
    assert fields.parse_registration("Sur www.chu-douai.fr") == "Sur www.chu-douai.fr"  # a text


def test_contract_objects_never_change():
    from pydantic import ValidationError

    from ssp.models import Venue
    venue = Venue(city="Dechy")
    with pytest.raises(ValidationError):
        venue.city = "Douai"


@pytest.mark.parametrize(("draft", "publish_from", "published"), [
    (False, None, True), (True, None, False), (False, date(2017, 11, 20), True), (False, date(2017, 11, 21), False),
    (True, date(2017, 11, 1), False)])
def test_publication(draft, publish_from, published):
    from ssp.fields import Publishable

    assert Publishable(draft=draft, publish_from=publish_from).published(date(2017, 11, 20)) is published


def test_a_misspelt_key_in_a_nested_block_is_not_also_missing(project):
    project.edition()
    text = front_matter(venue="\n  citty: Dechy")
    project.event("x", text)
    line = text.splitlines().index("  citty: Dechy") + 1
    assert only_problem(project) == ("venue.citty", line, "champ inconnu ; vouliez-vous dire « city » ?")
