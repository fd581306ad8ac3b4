"""Bad content fails the build with every problem in French, and publishes nothing."""

from __future__ import annotations

from builds import build
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
