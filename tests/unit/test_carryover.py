"""`ssp reconduire`: last year's action written into the new edition, dates moved to its week, run as
editors run it; and the loader's check of the action it names."""

from __future__ import annotations

import yaml

from helpers import ssp

EDITION = """\
year: {year}
theme: "Thème {year}"
start: {start}
end: {end}
"""

ACTION = """\
---
title: Atelier « erreurs médicamenteuses »
type: atelier
slots:
  - start: 2025-09-16T14:00
    end: "17:00"
  - start: 2025-09-18T09:30
    end: "12:00"
organizer: Centre hospitalier de Douai
venue:
  name: Salle Pasteur
  city: Douai
  postal_code: "59500"
region: Hauts-de-France
audience: [professionnels, patients]
registration: https://example.org/inscription-2025
status: full
import_id: CHD-12
---
Un atelier pour **reconnaître** les erreurs.
"""


def setup(project, new_start="2026-11-16", new_end="2026-11-20"):
    project.edition(2025, EDITION.format(year=2025, start="2025-09-15", end="2025-09-19"))  # Monday to Friday
    project.edition(2026, EDITION.format(year=2026, start=new_start, end=new_end))
    return project.event("atelier-erreurs", ACTION, year=2025)


def front_matter(path):
    head, body = path.read_text(encoding="utf-8").removeprefix("---\n").split("---\n", 1)
    return yaml.safe_load(head), body


def test_an_action_is_carried_to_the_next_years_week_on_the_same_days(project):
    setup(project)
    result = ssp(project, "reconduire", "campaigns/2025/events/atelier-erreurs.md", "--edition", "2026")
    assert result.returncode == 0, result.stderr
    assert "le mardi 17 novembre 2026 (elle avait lieu le mardi 16 septembre 2025)" in result.stdout
    assert "le lien ou l'adresse d'inscription de l'an dernier" in result.stdout
    fields, body = front_matter(project.root / "campaigns/2026/events/atelier-erreurs.md")
    # Tuesday and Thursday of the week stay Tuesday and Thursday, at the same hours
    assert fields["slots"] == [{"start": "2026-11-17T14:00", "end": "17:00"}, {"start": "2026-11-19T09:30", "end": "12:00"}]
    assert fields["organizer"] == "Centre hospitalier de Douai" and fields["venue"]["postal_code"] == "59500"
    assert fields["audience"] == ["professionnels", "patients"] and fields["import_id"] == "CHD-12"
    assert "status" not in fields and "registration" not in fields  # « complet » and last year's form do not carry over
    assert fields["carried_over_from"] == "2025/atelier-erreurs"
    assert body == "Un atelier pour **reconnaître** les erreurs.\n"
    carried = next(edition for edition in project.load() if edition.year == 2026).events[0]
    assert carried.meta.carried_over_from == "2025/atelier-erreurs" and carried.meta.status == "scheduled"
    assert ssp(project, "verifier").returncode == 0


def test_a_spreadsheet_identifiant_names_the_action_too(project):
    setup(project)
    assert ssp(project, "reconduire", "CHD-12", "--edition", "2026").returncode == 0
    assert (project.root / "campaigns/2026/events/atelier-erreurs.md").is_file()
    elsewhere = project.write("brouillon/atelier.md", ACTION)
    outside = ssp(project, "reconduire", str(elsewhere), "--edition", "2026")
    assert outside.returncode == 1 and "ce fichier n'est pas une action d'une édition de ce projet" in outside.stderr
    unknown = ssp(project, "reconduire", "CHD-99", "--edition", "2026")
    assert unknown.returncode == 1 and "CHD-99: aucune action d'une édition avant 2026 n'a ce fichier ni cet identifiant : donnez le chemin" in unknown.stderr


def test_a_week_starting_on_another_weekday_asks_which_day(project):
    setup(project, new_start="2026-11-17", new_end="2026-11-21")  # Tuesday to Saturday
    asked = ssp(project, "reconduire", "CHD-12", "--edition", "2026")
    assert asked.returncode == 1 and "Traceback" not in asked.stderr
    assert ("L'action avait lieu le mardi 16 septembre 2025 ; la reconduire le mardi 17 novembre 2026 (même jour de la "
            "semaine) ou le mercredi 18 novembre 2026 (même jour de la semaine nationale) ?") in " ".join(asked.stderr.split())
    assert "--jour semaine ou --jour rang" in asked.stderr
    assert not (project.root / "campaigns/2026/events").exists() or not any((project.root / "campaigns/2026/events").iterdir())
    assert ssp(project, "reconduire", "CHD-12", "--edition", "2026", "--jour", "rang").returncode == 0
    fields, _ = front_matter(project.root / "campaigns/2026/events/atelier-erreurs.md")
    assert [slot["start"] for slot in fields["slots"]] == ["2026-11-18T14:00", "2026-11-20T09:30"]  # 2nd and 4th days


def test_a_date_outside_the_new_edition_is_refused_and_nothing_is_written(project):
    setup(project)
    refused = ssp(project, "reconduire", "CHD-12", "--edition", "2026", "--debut", "2025-11-18")
    assert refused.returncode == 1
    assert "le mardi 18 novembre 2025 n'est pas en 2026 : donnez une date de l'édition 2026" in refused.stderr
    assert "aucun fichier n'a été écrit" in refused.stderr
    assert not list(project.root.glob("campaigns/2026/events/*.md"))
    given = ssp(project, "reconduire", "CHD-12", "--edition", "2026", "--debut", "2026-10-05")  # a date chosen by hand
    assert given.returncode == 0
    fields, _ = front_matter(project.root / "campaigns/2026/events/atelier-erreurs.md")
    assert [slot["start"] for slot in fields["slots"]] == ["2026-10-05T14:00", "2026-10-07T09:30"]
    again = ssp(project, "reconduire", "CHD-12", "--edition", "2026")
    assert again.returncode == 1 and "ce fichier existe déjà" in again.stderr


def test_an_edition_whose_dates_are_to_fill_asks_for_the_first_day(project):
    setup(project)
    project.edition(2026, "year: 2026\ntheme:\nstart:\nend:\n")
    asked = ssp(project, "reconduire", "CHD-12", "--edition", "2026")
    assert asked.returncode == 1 and "donnez le nouveau premier jour de l'action avec --debut AAAA-MM-JJ" in asked.stderr
    backwards = ssp(project, "reconduire", "campaigns/2025/events/atelier-erreurs.md", "--edition", "2025")
    assert backwards.returncode == 1 and "reconduisez-la dans une édition suivante (--edition 2026)" in backwards.stderr


def test_the_action_named_must_exist_in_an_earlier_edition(project):
    setup(project)
    project.event("atelier-erreurs", ACTION.replace("2025-09-", "2026-11-").replace("import_id: CHD-12", "carried_over_from: 2025/atelier"),
                  year=2026)
    problems = [str(problem) for problem in project.problems()]
    assert problems == ["campaigns/2026/events/atelier-erreurs.md:18: carried_over_from : action « 2025/atelier » introuvable "
                        "dans une édition précédente : écrivez l'année et le nom du fichier (sans .md) d'une action "
                        "existante, ou retirez la ligne"]
