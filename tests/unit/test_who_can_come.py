"""The fields that say who can come (accessibility, age, OpenAgenda's statuses, attendance mode):
the contract and its French messages, and how offices write them in a spreadsheet or the issue form."""

from __future__ import annotations

import pytest
from test_issue_form import ANSWERS, issue_body

from helpers import EXCEL_HEADER, excel_csv, front_matter, row, ssp
from ssp.frenchinput import InputError, parse_accessibility, parse_age
from ssp.frenchnumbers import age_range
from ssp.issueform import LABELS, declare
from ssp.models import AgeRange


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"accessibility": "[moteur, rampe]"}, "accessibility.2", "« rampe »"),
    ({"age": "\n  min: 12\n  max: 6"}, "age.max", "l'âge maximum (6) est inférieur à l'âge minimum (12)"),
    ({"age": "\n  min: 130"}, "age.min", "120"),
    ({"age": "{}"}, "age.min", "indiquez « min », « max » ou les deux"),
    ({"status": "moved-online"}, "online_url", "une action « déplacée en ligne » donne son lien : ajoutez « online_url »"),
])
def test_the_contract_refuses_what_cannot_be_and_says_why(project, fields, field, message):
    project.edition()
    project.event("action", front_matter(**fields))
    problems = project.problems()
    assert [(problem.field, message in problem.message) for problem in problems] == [(field, True)], problems


def test_every_accessibility_code_and_status_is_allowed(project):
    project.edition()
    project.event("action", front_matter(accessibility="[moteur, auditif, visuel, psychique, intellectuel]",
                                         status="rescheduled", age="\n  max: 6"))
    [event] = project.load()[0].events
    assert event.meta.accessibility == ["moteur", "auditif", "visuel", "psychique", "intellectuel"]
    assert (event.meta.age.min, event.meta.age.max, event.attendance) == (None, 6, "sur-place")


@pytest.mark.parametrize(("text", "age"), [
    ("6-12", {"min": 6, "max": 12}), ("de 6 à 12 ans", {"min": 6, "max": 12}), ("0 - 6 ans", {"min": 0, "max": 6}),
    ("à partir de 60 ans", {"min": 60}), ("60 ans et plus", {"min": 60}), ("60+", {"min": 60}), ("Dès 3 ans", {"min": 3}),
    ("jusqu'à 6 ans", {"max": 6}), ("moins de 6 ans", {"max": 6})])
def test_ages_as_offices_write_them(text, age):
    assert parse_age(text) == age


@pytest.mark.parametrize(("low", "high", "said"), [
    (6, 12, "de 6 à 12 ans"), (60, None, "à partir de 60 ans"), (None, 6, "jusqu'à 6 ans"), (1, 1, "1 an"),
    (0, None, "tous âges"), (0, 1, "de 0 à 1 an")])
def test_ages_in_words(low, high, said):
    assert age_range(AgeRange(min=low, max=high)) == said


def test_accessibility_as_offices_write_it():
    assert parse_accessibility("Accessible en fauteuil roulant, Adapté au handicap auditif") == ["moteur", "auditif"]
    assert parse_accessibility("PMR ; LSF / malvoyants, fauteuil roulant") == ["moteur", "auditif", "visuel"]
    with pytest.raises(InputError, match="aménagement « rampe » inconnu"):
        parse_accessibility("rampe")
    with pytest.raises(InputError, match="âge « adultes » non compris"):
        parse_age("adultes")


def test_a_french_excel_sheet_brings_age_and_accessibility(project):
    project.edition()
    header = EXCEL_HEADER + ["Âge", "Accessibilité"]
    sheet = excel_csv(project, [row(title="Atelier", at="14h00") + ["à partir de 60 ans", "Fauteuil roulant, malentendants"],
                                row(title="Stand", at="10h") + ["adultes", "rampe"]], header=header)
    result = ssp(project, "importer", str(sheet), "--edition", "2017", "--ecrire-valides")
    assert "colonne « Âge » : âge « adultes » non compris" in result.stderr
    assert "colonne « Accessibilité » : aménagement « rampe » inconnu" in result.stderr
    [event] = project.load()[0].events
    assert (event.meta.title, event.meta.age.min, event.meta.accessibility) == ("Atelier", 60, ["moteur", "auditif"])


def test_the_issue_form_asks_for_age_and_accessibility(project):
    project.edition()
    answers = ANSWERS | {"Âge": "6-12", "Accessibilité": "Accessible en fauteuil roulant, Adapté au handicap visuel"}
    answers = {label: answers[label] for label in LABELS if label in answers}  # as GitHub writes them: the form's order
    result = declare(project.root, issue_body(answers))
    assert result.ok, result.comment()
    assert "age:\n  min: 6\n  max: 12\naccessibility:\n- moteur\n- visuel\n" in result.text
