"""Loading and validating the other content kinds: each broken example gets its French message, file and line."""

from __future__ import annotations

import pytest

from helpers import EDITION_2017, EVENT, front_matter, real_pdf
from ssp.load import load_all

CONTACT = "name: ARS de test\n"
CALL = """\
---
title: Appel
organizer: ARS
opens: 2017-09-01
closes: 2017-09-30
prizes: 3 × 2000
---
Texte.
"""
SHEET = """\
title: Fiche
establishment: CH
domain: Parcours
objectives: [Objectif]
"""
QUIZ = """\
title: Quiz
questions:
  - question: Vrai ?
    choices:
      - text: Oui
        correct: true
      - text: Non
    explanation: Parce que.
"""
WORKSHOP = """\
---
title: Atelier
date: 2022-06-16
theme: Qualité
situation: Une situation.
---
- **Point** fort
    - sous-point *important*
"""


def load(project):
    return load_all(project.root / "campaigns", project.root)


def only_problem(project):
    [problem] = project.problems()
    return problem


def test_valid_kinds_load_and_link(project):
    project.edition()
    project.write("campaigns/contacts/ars.yml", CONTACT)
    project.event("x", EVENT.replace("organizer: Centre hospitalier", "organizer: Centre hospitalier\norganizer_contact: ars"))
    project.write("campaigns/2017/appels/appel.md", CALL.replace("prizes:", "contact: ars\nprizes:"))
    project.write("campaigns/partenariat/fiches/fiche.yml", SHEET)
    project.write("campaigns/partenariat/quiz/quiz.yml", QUIZ)
    project.write("campaigns/partenariat/ateliers/atelier.md", WORKSHOP)
    campaigns = load(project)
    [edition] = campaigns.editions
    assert edition.calls[0].meta.prizes.count == 3 and edition.calls[0].meta.prizes.amount == 2000
    assert campaigns.contacts["ars"].meta.name == "ARS de test"
    assert campaigns.partnership.sheets[0].meta.objectives[0].text == "Objectif"
    assert campaigns.partnership.quizzes[0].meta.questions[0].choices[0].correct is True
    synthesis = campaigns.partnership.workshops[0].synthesis_html
    assert "<strong>Point</strong>" in synthesis and "<em>important</em>" in synthesis and synthesis.count("<ul>") == 2


def test_material_file_size_and_format_are_computed(project):
    content = real_pdf(subject="x" * 1_257_000)
    project.write("campaigns/2017/supports/affiche.pdf", content)
    project.edition(text=EDITION_2017 + "materials:\n  - title: Affiche\n    kind: affiche\n    publisher: DGOS\n    file: supports/affiche.pdf\n")
    [item] = load(project).editions[0].materials
    assert (item.format, item.size, item.output, item.is_image) == ("PDF", len(content), "2017/supports/affiche.pdf", False)
    assert 1_250_000 < len(content) < 1_300_000
    from ssp.frenchnumbers import file_size
    assert file_size(item.size) == "1,2 Mo"


@pytest.mark.parametrize("material, field, words, line", [
    ("file: supports/absente.pdf", "materials.1.file", "fichier « supports/absente.pdf » introuvable", 10),
    ("file: x.pdf\n    url: https://example.org", "materials.1.file", "soit « file »", 10),
    ("url: https://example.org\n    kind: affich", "materials.1.kind", "vouliez-vous dire « affiche » ?", 10),
    ("file: ../../secret.txt", "materials.1.file", "chemin relatif", 10),
])
def test_material_problems(project, material, field, words, line):
    project.edition(text=EDITION_2017 + f"materials:\n  - title: A\n    kind: affiche\n    publisher: DGOS\n    {material}\n"
                    .replace("kind: affiche\n    publisher: DGOS\n    url: https://example.org\n    kind: affich", "publisher: DGOS\n    url: https://example.org\n    kind: affich"))
    problem = only_problem(project)
    assert (problem.path, problem.field) == ("campaigns/2017/edition.yml", field)
    assert words in problem.message
    assert problem.line == line


@pytest.mark.parametrize("change, field, words", [
    (("closes: 2017-09-30", "closes: 2017-08-30"), "closes", "la clôture (2017-08-30) est avant l'ouverture"),
    (("prizes: 3 × 2000", "prizes: beaucoup"), "prizes", "« 3 × 2000 »"),
    (("prizes: 3 × 2000", "contact: inconnue"), "contact", "fiche contact « inconnue » introuvable dans campaigns/contacts/"),
    (("prizes: 3 × 2000", "laureates:\n  - project: P\n    establishment: E\n    sheet: absente"), "laureates.1.sheet", "fiche projet « absente » introuvable"),
])
def test_call_problems(project, change, field, words):
    project.edition()
    project.write("campaigns/2017/appels/appel.md", CALL.replace(*change))
    problem = only_problem(project)
    assert (problem.path, problem.field) == ("campaigns/2017/appels/appel.md", field)
    assert words in problem.message and problem.line > 1


def test_unknown_organizer_contact(project):
    project.edition()
    project.event("x", front_matter(organizer_contact="ars-inconnue"))
    problem = only_problem(project)
    assert (problem.field, problem.line) == ("organizer_contact", 9)


def test_programme_times_are_checked(project):
    project.edition()
    project.event("x", front_matter(programme="\n  - start: '25:00'\n    title: Ouverture"))
    problem = only_problem(project)
    assert (problem.field, problem.line) == ("programme.1.start", 10)
    assert "25:00" in problem.message


@pytest.mark.parametrize("text, field, words", [
    (QUIZ.replace("        correct: true\n", ""), "questions.1.choices", "aucune réponse n'est marquée"),
    (QUIZ.replace("      - text: Non", "      - text: Non\n        correct: true"), "questions.1.kind", "kind: multiple"),
    (QUIZ.replace("    explanation: Parce que.\n", ""), "questions.1.explanation", "champ obligatoire manquant"),
])
def test_quiz_problems(project, text, field, words):
    project.edition()
    project.write("campaigns/partenariat/quiz/q.yml", text)
    problem = only_problem(project)
    assert (problem.path, problem.field) == ("campaigns/partenariat/quiz/q.yml", field)
    assert words in problem.message


def test_sheet_workshop_ideas_and_contact_problems(project):
    project.edition()
    project.write("campaigns/partenariat/fiches/f.yml", SHEET + "budget:\n  - label: Temps\n    hours: beaucoup\n")
    project.write("campaigns/partenariat/ateliers/a.md", WORKSHOP.replace("situation: Une situation.\n", ""))
    project.write("campaigns/partenariat/idees-recues.yml", "title: Idées\ngroups:\n  soignants:\n    - myth: M\n      reality: R\n")
    project.write("campaigns/contacts/c.yml", CONTACT + "email: pas-un-courriel\n")
    problems = {(p.path.split("/")[-1], p.field): p for p in project.problems()}
    assert set(problems) == {("f.yml", "budget.1.hours"), ("a.md", "situation"), ("idees-recues.yml", "groups.soignants"),
                             ("c.yml", "email")}
    assert problems[("f.yml", "budget.1.hours")].line == 7
    assert problems[("a.md", "situation")].message == "champ obligatoire manquant"


def test_plural_agrees_in_french():
    from ssp.frenchnumbers import plural

    assert [plural(count, "action publiée") for count in (0, 1, 2)] == ["0 action publiée", "1 action publiée",
                                                                         "2 actions publiées"]
    assert plural(3, "lauréat") == "3 lauréats" and plural(2, "journal", "journaux") == "2 journaux"
