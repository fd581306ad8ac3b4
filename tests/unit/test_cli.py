"""The editors' command-line tool, run as editors run it (python -m ssp), on real files."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading

import pytest

from helpers import EDITION_2017, ROOT, front_matter


def ssp(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ssp", "--projet", str(project.root), *args],
                          cwd=ROOT / "hooks", capture_output=True, text=True, timeout=120)


def test_verifier_accepts_good_content(project):
    project.edition()
    project.event("x")
    result = ssp(project, "verifier")
    assert result.returncode == 0
    assert result.stdout.strip() == "Contenu valide : 1 éditions, 1 actions."


def test_verifier_lists_every_problem_in_french(project):
    project.edition()
    project.event("x", front_matter(start="2017-11-31"))
    project.event("y", front_matter(organiser="CH", organizer=None))
    result = ssp(project, "verifier")
    assert result.returncode == 1
    assert "campaigns/2017/events/x.md:8: start : la date « 2017-11-31 » n'existe pas" in result.stderr
    assert "campaigns/2017/events/y.md:8: organiser : champ inconnu ; vouliez-vous dire « organizer » ?" in result.stderr
    assert "Traceback" not in result.stderr


def test_verifier_help_is_french(project):
    result = ssp(project, "--help")
    assert "Vérifie tout le contenu" in result.stdout


class Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def local_web():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_liens_reports_links_that_do_not_answer(project, local_web):
    project.edition(text=EDITION_2017 + f"""resources:
  - title: Bon lien
    url: {local_web}/ok
    publisher: DGOS
  - title: Lien cassé
    url: {local_web}/absent
    publisher: DGOS
""")
    project.write("campaigns/contacts/ars.yml", "name: ARS\nwebsite: http://127.0.0.1:9/\n")
    result = ssp(project, "liens")
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert f"campaigns/2017/edition.yml : ressource « Lien cassé » {local_web}/absent répond « 404 Not Found »" in lines
    assert any(line.startswith("campaigns/contacts/ars.yml : site internet http://127.0.0.1:9/ injoignable") for line in lines)
    assert lines[-1] == "3 liens vérifiés, 2 en erreur."


def test_mistakes_on_the_command_line_are_answered_in_french(project):
    missing = ssp(project, "importer")
    assert missing.returncode == 2
    assert "Erreur : Argument manquant 'TABLEUR'." in missing.stderr and "Aide : « python -m ssp importer --help »" in missing.stderr
    assert "Erreur : Option inconnue : '--foo'." in ssp(project, "verifier", "--foo").stderr
    assert "Vouliez-vous dire 'verifier' ?" in ssp(project, "verifer").stderr
    assert not any(word in ssp(project, "verifier", "en-trop").stderr for word in ("Error", "Try", "unexpected"))
