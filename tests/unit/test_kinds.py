"""The kinds of content file declared once (hooks/ssp/kinds.py): each is read from its folder,
checked against its contract, has its JSON Schema and its address; nothing else in a shared
folder is skipped without a word."""

from __future__ import annotations

import dataclasses
import json

import pytest

from helpers import ROOT, held_back
from ssp import kinds
from ssp.kinds import KINDS
from ssp.pages import partnership_description
from ssp.schema import SCHEMAS
from ssp.urls import permalinks


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
    assert permalinks()[kind.item.kind] == kind.address


def test_what_the_partnership_folder_holds_besides_its_kinds_is_said(project):
    project.edition()
    project.write("campaigns/partenariat/videos/premiere.yml", "title: Une vidéo\n")
    project.write("campaigns/partenariat/notes.yml", "title: Notes\n")
    project.write("campaigns/partenariat/Thumbs.db", b"\0")  # system clutter: ignored
    problems = {(problem.path, problem.message) for problem in project.problems()}
    folders = ", ".join(sorted(kind.folder.removeprefix("partenariat/") + "/" for kind in KINDS if kind.folder.startswith("partenariat/")))
    assert "ateliers/, fiches/, quiz/" in folders  # and any kind added there
    said = f"campaigns/partenariat/ contient idees-recues.yml et les dossiers {folders} ; déplacez-le ou supprimez-le"
    assert problems == {("campaigns/partenariat/videos", f"dossier non lu : {said}"),
                        ("campaigns/partenariat/notes.yml", f"fichier non lu : {said}")}


def items_of(kind, campaigns) -> set[str]:
    collections = ([getattr(edition, kind.field) for edition in campaigns.editions] if kind.in_edition
                   else [getattr(campaigns.partnership, kind.field)])
    return {item.slug for items in collections for item in items}


@pytest.mark.parametrize("field, value", [("draft", "true"), ("publish_from", "2099-01-01")])
def test_a_held_back_item_of_every_publishable_kind_is_only_in_the_preview(tmp_path, field, value):
    from datetime import date

    from ssp.load import load_all
    from ssp.publication import published

    held = held_back(tmp_path, field, value)
    assert {"quiz", "workshop", "sheet", "call"} <= set(held) == {kind.name for kind in KINDS if kind.publishable}
    preview = load_all(tmp_path / "campaigns", tmp_path)
    site = published(preview, date(2030, 1, 1))
    for kind in KINDS:
        if kind.name in held:
            assert held[kind.name] in items_of(kind, preview) and held[kind.name] not in items_of(kind, site), kind.name


def test_the_partnership_page_names_every_listed_kind(monkeypatch):
    """« Partenariat en santé » says what it holds: a kind listed there (its `section`) is named in its
    description, a new one as soon as it is declared."""
    assert partnership_description() == ("Le partenariat entre patients, usagers et professionnels de santé : idées reçues, "
                                         "quiz, ateliers d'échanges de pratiques et fiches projets.")
    quiz = next(kind for kind in KINDS if kind.name == "quiz")
    testimony = dataclasses.replace(quiz, name="testimony", page=dataclasses.replace(quiz.page, section="Témoignages"))
    monkeypatch.setattr("ssp.pages.SHARED", (*kinds.SHARED, testimony))
    assert "d'échanges de pratiques, témoignages et fiches projets." in partnership_description()


def test_a_quiz_page_says_quiz_once():
    from ssp.kinds import quiz_title

    assert quiz_title("Le partenariat patient, vrai ou faux ?") == "Quiz : Le partenariat patient, vrai ou faux ?"
    assert quiz_title("Quiz sur l'hygiène des mains") == "Quiz sur l'hygiène des mains"  # not « Quiz : Quiz sur… »
