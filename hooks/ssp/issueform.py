"""« Déclarer une action » without git: a GitHub issue form, and its answers turned into an event file.

The form's fields are the spreadsheet's columns (same labels, same French values), so an issue is
read as a one-row spreadsheet by the importer: same checks, same messages, each naming the form's
field. The form is generated from the controlled lists (`ssp formulaire`; a test keeps the
committed file in sync).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .github import code_span
from .importer import import_rows
from .problems import Problem
from .spreadsheet import Sheet
from .text import slugify
from .vocab import ACCESSIBILITY, AUDIENCES, EVENT_TYPES, REGIONS

FORM_PATH = ".github/ISSUE_TEMPLATE/declarer-une-action.yml"
NO_RESPONSE = "_No response_"  # what GitHub writes for an empty field
EDITION = "Édition"
PUBLISH_LABEL = "action-a-publier"  # added by a maintainer: the workflow opens the pull request

# (label — a spreadsheet header —, kind, required, description, placeholder or options)
FIELDS = [
    (EDITION, "input", True, "Année de la Semaine de la sécurité des patients.", "2026"),
    ("Titre", "input", True, "Le titre de l'action, tel qu'il sera affiché.", "La maternité ouvre ses portes"),
    ("Type", "dropdown", True, "", list(EVENT_TYPES.values())),
    ("Date de début", "input", True, "Le jour de l'action (JJ/MM/AAAA).", "24/11/2026"),
    ("Heure de début", "input", False, "Vide pour une action sur la journée.", "14h00"),
    ("Date de fin", "input", False, "Seulement si l'action dure plusieurs jours : le dernier jour.", ""),
    ("Heure de fin", "input", False, "", "16h30"),
    ("Horaire", "input", False, "L'horaire en clair, quand l'heure exacte n'est pas connue.", "Tout l'après-midi"),
    ("Organisateur", "input", True, "L'établissement ou la structure qui organise.", "Centre hospitalier de …"),
    ("Lieu", "input", False, "Le nom du lieu (service, salle, hall…).", ""),
    ("Adresse", "input", False, "Numéro et rue.", ""),
    ("Code postal", "input", False, "", "59187"),
    ("Ville", "input", False, "Obligatoire, sauf pour une action seulement en ligne.", ""),
    ("Région", "dropdown", False, "Obligatoire avec une ville.", list(REGIONS)),
    ("Public", "multiple", False, "Plusieurs choix possibles.", list(AUDIENCES.values())),
    ("Âge", "input", False, "Si l'action vise certains âges : 6-12, « à partir de 60 ans », « jusqu'à 6 ans ».", ""),
    ("Accessibilité", "multiple", False, "Les aménagements prévus pour les personnes en situation de handicap.",
     list(ACCESSIBILITY.values())),
    ("Inscription", "input", False, "« Entrée libre », ou un lien https://…, mailto:…, tel:…", "Entrée libre"),
    ("Lien en ligne", "input", False, "Pour suivre l'action en ligne : https://…", ""),
    ("Description", "textarea", False, "La présentation de l'action (Markdown permis : **gras**, listes, liens).", ""),
]
LABELS = [label for label, *_ in FIELDS]


def form_yaml() -> str:
    """The issue form, `.github/ISSUE_TEMPLATE/declarer-une-action.yml`."""
    body: list[dict] = [{"type": "markdown", "attributes": {"value": (
        "Ce formulaire propose une action pour le site de la Semaine de la sécurité des patients, sans rien "
        "installer. Remplissez-le, puis envoyez-le : un membre de l'équipe le relit et le publie, ou vous répond "
        "ici avec ce qu'il faut corriger.\n\nLes dates s'écrivent JJ/MM/AAAA (24/11/2026), les heures 14h00. "
        "Ne mettez aucune donnée personnelle de patient.")}}]
    for label, kind, required, description, extra in FIELDS:
        attributes: dict = {"label": label}
        if description:
            attributes["description"] = description
        if kind == "input" and extra:
            attributes["placeholder"] = extra
        if kind in ("dropdown", "multiple"):
            attributes["options"] = extra
            attributes["multiple"] = kind == "multiple"
        item = {"type": "dropdown" if kind == "multiple" else kind, "id": _field_id(label), "attributes": attributes}
        if required:
            item["validations"] = {"required": True}
        body.append(item)
    form = {"name": "Déclarer une action", "description": "Proposer une action de la Semaine de la sécurité des "
            "patients (portes ouvertes, atelier, stand…), sans git ni installation.",
            "title": "Action : ", "labels": ["déclaration d'action"], "body": body}
    header = ("# Généré par « ssp formulaire » à partir des listes du site (types, régions, publics, accessibilité) : ne pas "
              "modifier à la main.\n")
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=110)


def _field_id(label: str) -> str:
    return slugify(label)


def parse_body(body: str) -> dict[str, str]:
    """The answers of an issue created from the form: `### Label` then the value; empty fields
    hold GitHub's `_No response_`. GitHub writes the fields in the form's order: a heading starts a
    field only if it is a label coming after the last field found — so a description (the last
    field) may hold `### Lieu`, or any heading, as its own text."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    pattern = re.compile(r"^### (" + "|".join(re.escape(label) for label in LABELS) + r")[ \t]*$", re.MULTILINE)
    matches, last = [], -1
    for match in pattern.finditer(text):
        if LABELS.index(match.group(1)) > last:
            matches.append(match)
            last = LABELS.index(match.group(1))
    answers = {}
    for match, following in zip(matches, matches[1:] + [None]):
        value = text[match.end():following.start() if following else len(text)].strip("\n").strip()
        answers[match.group(1)] = "" if value == NO_RESPONSE else value
    return answers


@dataclass
class Declaration:
    path: str = ""  # the event file to add, relative to the project
    text: str = ""
    problems: list[Problem] = field(default_factory=list)  # field = the form's label

    @property
    def ok(self) -> bool:
        return bool(self.path) and not self.problems

    def comment(self) -> str:
        """The French answer posted on the issue when the declaration cannot become a file."""
        lines = ["La déclaration n'a pas pu être transformée en action. Modifiez l'issue (menu « … » → « Edit ») "
                 "pour corriger ces points ; un membre de l'équipe relancera ensuite la publication.", ""]
        lines += [f"- **{problem.field or 'Formulaire'}** : {code_span(problem.message)}" for problem in self.problems]
        return "\n".join(lines) + "\n"


def declare(project: Path, body: str) -> Declaration:
    """The event file of an issue's answers, or every problem, each named by the form's field."""
    answers = parse_body(body)
    missing = [label for label, _, required, *_ in FIELDS if required and label not in answers]
    if missing:
        return Declaration(problems=[Problem("formulaire", 0, "", "ce texte ne vient pas du formulaire « Déclarer une "
                                             "action » (champs absents : " + ", ".join(missing) + ")")])
    year_text = answers.pop(EDITION)
    if not re.fullmatch(r"\d{4}", year_text.strip()):
        return Declaration(problems=[Problem("formulaire", 0, EDITION, f"« {year_text} » n'est pas une année, par exemple 2026")])
    labels = [label for label in LABELS if label in answers]
    sheet = Sheet("formulaire", [(1, labels), (2, [answers[label] for label in labels])], "formulaire")
    report = import_rows(project, int(year_text), sheet, dry_run=True)
    problems = [Problem("formulaire", 0, problem.field if problem.field in LABELS else "", problem.message)
                for problem in report.all_problems()]
    filled = [row for row in report.rows if row.outcome not in ("header", "blank")]
    result = filled[0] if filled else None
    if result is None and not problems:
        problems.append(Problem("formulaire", 0, "", "le formulaire est vide"))
    elif result is not None and result.outcome in ("unchanged", "different"):
        problems.append(Problem("formulaire", 0, "Titre", f"cette action existe déjà sur le site ({result.path}) : même "
                                                          "titre, ville, date et heure de début"))
    if problems or result is None:
        return Declaration(problems=problems)
    return Declaration(result.path, result.text)
