"""Hostile contributions, round 2 (issue #26), through a real build: links committed at the project's
root or in place of the output folders, content that once broke every later build, docs/ pages that
redirected readers. Nothing outside the project is read, written or deleted; nothing partial is published."""

from __future__ import annotations

import os
import shutil

import pytest

from builds import build
from helpers import EVENT, ssp


@pytest.fixture
def victim(tmp_path):
    folder = tmp_path / "victime"
    (folder / "sous-dossier").mkdir(parents=True)
    (folder / "document.txt").write_text("à garder")
    (folder / "sous-dossier/autre.txt").write_text("à garder aussi")
    return folder


def files_of(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("name", ["site.partiel", "site", "site.ancien", "site.partiel.recherche", ".cache"])
def test_a_committed_output_link_deletes_nothing_and_publishes_nothing(fixture_project, victim, name):
    fixture_project.edition()
    fixture_project.event("x")
    before = files_of(victim)
    os.symlink(victim, fixture_project.root / name)
    built = build(fixture_project.root)
    assert built.result.returncode == 1 and "Traceback" not in built.result.stderr
    assert (f"{name}: lien symbolique refusé à la racine du projet : le site lirait ou effacerait des fichiers hors du "
            "projet") in built.result.stderr
    assert files_of(victim) == before
    assert not (fixture_project.root / "site").exists() or (fixture_project.root / "site").is_symlink()
    assert not (fixture_project.root / "site.partiel").exists() or name == "site.partiel"
    assert ssp(fixture_project, "verifier").returncode == 1  # the verifier refuses it too


class Payload:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):  # what unpickling would run
        return os.mkdir, (self.marker,)


def test_a_cache_brought_by_the_repository_is_never_read(fixture_project, tmp_path):
    """A pull request adding .cache/ssp/contenu.pickle (forced past .gitignore): a pickle runs code when read."""
    import pickle
    import subprocess

    fixture_project.edition()
    fixture_project.event("x")
    marker = tmp_path / "execute"
    fixture_project.write(".cache/ssp/contenu.pickle", pickle.dumps(Payload(str(marker))) + pickle.dumps({}))
    for command in (["init", "-q"], ["add", "-f", "."]):
        subprocess.run(["git", "-C", str(fixture_project.root), *command], check=True, capture_output=True)
    built = build(fixture_project.root)
    assert built.result.returncode == 1 and "Traceback" not in built.result.stderr
    assert ".cache/: dossier .cache/ versionné refusé" in built.result.stderr and "git rm -r -f .cache" in built.result.stderr
    assert not marker.exists() and not (fixture_project.root / "site").exists()
    assert ssp(fixture_project, "verifier").returncode == 1
    subprocess.run(["git", "-C", str(fixture_project.root), "rm", "-q", "-r", "-f", ".cache"], check=True, capture_output=True)  # as said
    assert build(fixture_project.root).result.returncode == 0
    assert not marker.exists() and (fixture_project.root / ".cache/ssp/contenu.pickle").is_file()


def test_a_spreadsheet_template_that_is_a_link_publishes_nothing_from_outside(fixture_project, tmp_path):
    """modeles/ is published (« Organiser une action »): a link in it would publish a file from elsewhere."""
    fixture_project.edition()
    secret = tmp_path / "secret.csv"
    secret.write_text("mot de passe")
    template = fixture_project.root / "modeles/import-actions.csv"
    template.unlink()
    os.symlink(secret, template)
    built = build(fixture_project.root)
    assert built.result.returncode == 1 and "Traceback" not in built.result.stderr
    assert "modeles/import-actions.csv" in built.result.stderr and "lien symbolique" in built.result.stderr
    assert not (fixture_project.root / "site").exists()


@pytest.mark.parametrize("name", ["campaigns", "docs", "modeles"])
def test_a_root_folder_that_is_a_link_publishes_nothing_from_outside(fixture_project, tmp_path, name):
    outside = tmp_path / "dehors"
    shutil.copytree(fixture_project.root / name, outside)
    if name == "campaigns":
        (outside / "2017/events").mkdir(parents=True)
        (outside / "2017/edition.yml").write_text("year: 2017\ntheme: Secret\nstart: 2017-11-20\nend: 2017-11-24\n")
    shutil.rmtree(fixture_project.root / name)
    os.symlink(outside, fixture_project.root / name)
    built = build(fixture_project.root)
    assert built.result.returncode == 1 and f"{name}: lien symbolique refusé à la racine du projet" in built.result.stderr
    assert not (fixture_project.root / "site").exists()
    verified = ssp(fixture_project, "verifier")
    assert verified.returncode == 1 and f"{name}: lien symbolique refusé à la racine du projet" in verified.stderr


def test_titles_holding_an_entity_or_the_frame_marker_build_and_show_as_written(fixture_project):
    fixture_project.edition()
    fixture_project.event("a", EVENT.replace("title: Portes ouvertes", 'title: "L&#039;atelier enfants &amp; parents"'))
    fixture_project.event("b", EVENT.replace("title: Portes ouvertes", 'title: "Atelier ssp-slot-body-7e3f1c"')
                          .replace("2017-11-24", "2017-11-23"))
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    assert built.html("2017/evenements/a/index.html").h1.get_text(strip=True).startswith("L&#039;atelier enfants &amp; parents")
    assert built.html("2017/evenements/b/index.html").h1.get_text(strip=True).startswith("Atelier ssp-slot-body-7e3f1c")


def test_docs_pages_are_sanitised_and_their_header_cannot_inject(fixture_project):
    fixture_project.edition()
    fixture_project.event("x")
    page = fixture_project.root / "docs/mentions-legales.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<a href="javascript:alert(1)" onclick="alert(2)">lien</a>\n',
                    encoding="utf-8")
    built = build(fixture_project.root)
    assert built.result.returncode == 0, built.result.stderr
    html = built.text("mentions-legales/index.html")
    assert "javascript:" not in html and "alert(2)" not in html and ">lien</a>" in html
    page.write_text("---\ntitle: Mentions\nauthor: '\"><meta http-equiv=refresh content=0;url=https://evil.example/>'\n---\n",
                    encoding="utf-8")
    built = build(fixture_project.root)
    assert built.result.returncode == 1 and "docs/mentions-legales.md:3: author : champ refusé" in built.result.stderr
