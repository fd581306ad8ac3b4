"""Bad content fails the build with every problem in French, and publishes nothing."""

from __future__ import annotations

import pytest

from builds import build, site_project
from helpers import front_matter


def test_broken_content_fails_with_every_problem_and_no_traceback(fixture_project):
    fixture_project.edition()
    fixture_project.event("x", front_matter(start="2017-11-31"))
    fixture_project.event("y", front_matter(organiser="CH", organizer=None))
    previous = fixture_project.write("site/index.html", "previous site")
    built = build(fixture_project.root)
    assert built.result.returncode != 0
    output = built.result.stderr + built.result.stdout
    assert "2 erreurs dans le contenu ; rien n'a été publié." in output
    assert "campaigns/2017/events/x.md:8: start : la date « 2017-11-31 » n'existe pas (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)" in output
    assert "campaigns/2017/events/y.md:8: organiser : champ inconnu ; vouliez-vous dire « organizer » ?" in output
    assert "Traceback" not in output and "Aborted" not in output and "Error" not in output
    assert previous.read_text() == "previous site"  # the published folder is left as it was


def test_an_events_folder_without_edition_fails(fixture_project):
    fixture_project.event("x")
    built = build(fixture_project.root)
    assert built.result.returncode != 0
    assert "campaigns/2017/edition.yml: fichier manquant" in built.result.stderr


# Installed in the build's Python by a sitecustomize module: the disk is full where the build writes (ENOSPC).
FULL_DISK = {
    "dossier temporaire": """import tempfile
_made = tempfile.TemporaryDirectory
class Full(_made):
    def __init__(self, *args, prefix=None, **options):
        if prefix and prefix.startswith("ssp-"):  # the workers' results (ssp.parallel)
            raise OSError(28, "No space left on device", "/tmp/ssp-plein")
        super().__init__(*args, prefix=prefix, **options)
tempfile.TemporaryDirectory = Full
""",
    "copies pour la recherche": """import os
_open = os.open
def full(path, *args, **options):
    if ".recherche" in str(path):  # the search index's copies (ssp.searchcopy.reserve)
        raise OSError(28, "No space left on device", str(path))
    return _open(path, *args, **options)
os.open = full
""",
}


@pytest.mark.parametrize("where", FULL_DISK)
def test_a_full_disk_while_the_pages_are_written_stops_in_french_and_publishes_nothing(tmp_path, where):
    """The framed pages' step (its workers' results folder, the search copies it reserves) on a full disk: the
    build stops with what failed and where, in French, not a Python traceback; the site published stays."""
    project = site_project(tmp_path / "site-reel")  # the real site: enough pages for the step's workers
    previous = project.write("site/index.html", "previous site")
    (tmp_path / "plein").mkdir()
    (tmp_path / "plein" / "sitecustomize.py").write_text(FULL_DISK[where], encoding="utf-8")
    built = build(project.root, PYTHONPATH=str(tmp_path / "plein"))
    output = built.result.stderr + built.result.stdout
    assert built.result.returncode != 0 and "Traceback" not in output, output[-3000:]
    assert "n'a pas pu écrire ou lire un fichier (No space left on device : " in output
    assert "disque plein ?" in output and "rien n'a été publié" in output
    assert previous.read_text() == "previous site"
    assert sorted(path.name for path in project.root.glob("site*")) == ["site"]  # no partial site, no search copies left
