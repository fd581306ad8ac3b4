"""The kinds of content file declared once (hooks/ssp/kinds.py): each is read from its folder,
checked against its contract, has its JSON Schema and its address; nothing else in a shared
folder is skipped without a word."""

from __future__ import annotations

import json

import pytest

from helpers import ROOT
from ssp.kinds import KINDS
from ssp.schema import SCHEMAS
from ssp.urls import PERMALINKS


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_each_kind_is_read_from_its_folder_against_its_contract(project, kind):
    project.edition()
    folder = f"campaigns/{'2017/' if kind.in_edition else ''}{kind.folder}"
    text = "champ_inconnu: oui\n"
    project.write(f"{folder}/essai{kind.suffix}", f"---\n{text}---\nTexte.\n" if kind.suffix == ".md" else text)
    problems = project.problems()
    mine = [problem for problem in problems if problem.path == f"{folder}/essai{kind.suffix}"]
    assert any(problem.field == "champ_inconnu" for problem in mine), problems
    assert all(problem.path == f"{folder}/essai{kind.suffix}" for problem in problems)  # nothing else is blamed


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_each_kind_has_its_schema_and_its_address(kind):
    model, title = SCHEMAS[kind.schema]
    assert model is kind.meta and title.endswith(kind.where)
    assert json.loads((ROOT / "schemas" / kind.schema).read_text(encoding="utf-8"))["title"] == title
    assert kind.item.kind in PERMALINKS


def test_what_the_partnership_folder_holds_besides_its_kinds_is_said(project):
    project.edition()
    project.write("campaigns/partenariat/temoignages/premier.yml", "title: Un témoignage\n")
    project.write("campaigns/partenariat/notes.yml", "title: Notes\n")
    project.write("campaigns/partenariat/Thumbs.db", b"\0")  # system clutter: ignored
    problems = {(problem.path, problem.message) for problem in project.problems()}
    said = "campaigns/partenariat/ contient idees-recues.yml et les dossiers ateliers/, fiches/, quiz/ ; déplacez-le ou supprimez-le"
    assert problems == {("campaigns/partenariat/temoignages", f"dossier non lu : {said}"),
                        ("campaigns/partenariat/notes.yml", f"fichier non lu : {said}")}
