"""« Déclarer une action » without git: the issue form, kept in sync with the controlled lists, and
an issue's answers (as GitHub writes them, `_No response_` included) turned into an event file."""

from __future__ import annotations

import yaml

from helpers import ROOT, ssp
from ssp.issueform import FORM_PATH, declare, form_yaml, parse_body
from ssp.vocab import AUDIENCES, EVENT_TYPES, REGIONS

ANSWERS = {"Édition": "2017", "Titre": "La maternité ouvre ses portes", "Type": "Portes ouvertes",
           "Date de début": "24/11/2017", "Heure de début": "14h00", "Date de fin": "_No response_",
           "Heure de fin": "17h", "Horaire": "_No response_", "Organisateur": "Centre hospitalier de Douai",
           "Lieu": "Service de maternité, site de Dechy", "Adresse": "_No response_", "Code postal": "59187",
           "Ville": "Dechy", "Région": "Hauts-de-France", "Public": "Grand public, Patients",
           "Inscription": "Entrée libre", "Lien en ligne": "_No response_",
           "Description": "Le service **ouvre ses portes**.\r\n\r\n### Programme\r\n\r\n- visite\r\n- questions"}


def issue_body(answers: dict[str, str]) -> str:
    """An issue body exactly as GitHub writes it from a form."""
    return "\n\n".join(f"### {label}\n\n{value}" for label, value in answers.items()) + "\n"


def test_the_committed_form_is_generated_from_the_lists():
    assert (ROOT / FORM_PATH).read_text(encoding="utf-8") == form_yaml(), "lancez « ssp formulaire »"
    form = yaml.safe_load(form_yaml())
    fields = {item["attributes"]["label"]: item for item in form["body"] if item["type"] != "markdown"}
    assert fields["Type"]["attributes"]["options"] == list(EVENT_TYPES.values())
    assert fields["Région"]["attributes"]["options"] == list(REGIONS)
    assert fields["Public"]["attributes"]["options"] == list(AUDIENCES.values()) and fields["Public"]["attributes"]["multiple"]
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert len(ids) == len(set(ids)) and all(item.isascii() for item in ids)
    assert all(item["type"] in ("markdown", "input", "dropdown", "textarea") for item in form["body"])


def test_parse_body_keeps_each_answer_and_empties_no_response():
    answers = parse_body(issue_body(ANSWERS))
    assert answers["Date de fin"] == "" and answers["Adresse"] == ""
    assert answers["Public"] == "Grand public, Patients"
    assert answers["Description"].endswith("- visite\n- questions") and "### Programme" in answers["Description"]


def test_every_label_inside_the_description_is_its_text(project):
    """A description that holds `### Lieu`, `### Ville`… (any of the form's labels): the form's fields
    come in its order, the description is the last one: all of it is the description."""
    from ssp.issueform import LABELS

    inside = "\n\n".join(f"### {label}\n\ntexte sous {label}" for label in LABELS)
    answers = parse_body(issue_body({**ANSWERS, "Description": "Début.\n\n" + inside}))
    assert answers["Description"] == "Début.\n\n" + inside
    assert answers["Lieu"] == ANSWERS["Lieu"] and answers["Ville"] == "Dechy" and answers["Édition"] == "2017"
    project.edition()
    result = declare(project.root, issue_body({**ANSWERS, "Description": "Début.\n\n" + inside}))
    assert result.ok, result.comment()
    assert "texte sous Lieu" in result.text and "Service de maternité, site de Dechy" in result.text


def test_an_issue_becomes_a_valid_event_file(project):
    project.edition()
    result = declare(project.root, issue_body(ANSWERS))
    assert result.ok and result.path == "campaigns/2017/events/la-maternite-ouvre-ses-portes-dechy.md"
    project.write(result.path, result.text)
    [event] = project.load()[0].events
    assert event.meta.type == "portes-ouvertes" and event.meta.audience == ["grand-public", "patients"]
    assert event.occurrences[0].start.isoformat() == "2017-11-24T14:00:00+01:00"
    assert event.occurrences[0].end.isoformat() == "2017-11-24T17:00:00+01:00"
    assert "<strong>ouvre ses portes</strong>" in event.description_html and "<h3>Programme</h3>" in event.description_html
    again = declare(project.root, issue_body(ANSWERS))  # already on the site
    assert not again.ok and "cette action existe déjà sur le site (campaigns/2017/events/" in again.comment()


def test_problems_are_named_by_the_form_fields(project):
    project.edition()
    wrong = ANSWERS | {"Date de début": "31/11/2017", "Code postal": "34000", "Inscription": "javascript:alert(1)"}
    result = declare(project.root, issue_body(wrong))
    assert not result.ok
    comment = result.comment()
    assert "- **Date de début** : ` la date « 31/11/2017 » n'existe pas" in comment  # in a code span: never markup
    assert "- **Inscription** : ` adresse « javascript:alert(1) » refusée" in comment
    assert declare(project.root, issue_body(ANSWERS | {"Édition": "2030"})).problems[0].message.startswith(
        "l'édition 2030 n'existe pas")
    assert "ne vient pas du formulaire" in declare(project.root, "Bonjour, voici mon action : …").comment()


def test_the_declaration_command_writes_the_file_or_the_comment(project, tmp_path):
    project.edition()
    answers = tmp_path / "reponses.md"
    answers.write_text(issue_body(ANSWERS), encoding="utf-8")
    result = ssp(project, "declaration", str(answers), "--sortie", str(tmp_path / "ok"))
    assert result.returncode == 0
    assert (tmp_path / "ok/chemin").read_text() == "campaigns/2017/events/la-maternite-ouvre-ses-portes-dechy.md"
    assert (tmp_path / "ok/action.md").read_text(encoding="utf-8").startswith("---\ntitle: La maternité ouvre ses portes\n")
    answers.write_text(issue_body(ANSWERS | {"Type": "Kermesse"}), encoding="utf-8")
    result = ssp(project, "declaration", str(answers), "--sortie", str(tmp_path / "non"))
    assert result.returncode == 1 and not (tmp_path / "non/chemin").exists()
    assert "- **Type** : ` type « Kermesse » inconnu" in (tmp_path / "non/commentaire.md").read_text(encoding="utf-8")
