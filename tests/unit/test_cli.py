"""The editors' command-line tool, run as editors run it (the `ssp` command installed in .venv), on real files."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

from helpers import EDITION_2017, front_matter, ssp


def test_verifier_accepts_good_content(project):
    project.edition()
    project.event("x")
    result = ssp(project, "verifier")
    assert result.returncode == 0
    assert result.stdout.strip() == "Contenu valide : 1 édition, 1 action."


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
    assert "Erreur : Argument manquant 'TABLEUR'." in missing.stderr and "Aide : « ssp importer --help »" in missing.stderr
    assert "Erreur : Option inconnue : '--foo'." in ssp(project, "verifier", "--foo").stderr
    assert "Vouliez-vous dire 'verifier' ?" in ssp(project, "verifer").stderr
    assert not any(word in ssp(project, "verifier", "en-trop").stderr for word in ("Error", "Try", "unexpected"))


def click_messages() -> set[str]:
    """Every message the installed Click looks up with gettext (`_("…")`, `ngettext("…", "…")`)."""
    import re

    import click

    source = "\n".join(path.read_text(encoding="utf-8") for path in Path(click.__file__).parent.glob("*.py"))
    found = set(re.findall(r'\b_\(\s*"((?:[^"\\]|\\.)*)"\s*\)', source))
    found |= {text for pair in re.findall(r'ngettext\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"', source) for text in pair}
    found |= set(re.findall(r'extra\["\w+"\] = "(\w+)"', source))  # looked up later: _(extra["required"])
    return {text.encode().decode("unicode_escape") for text in found}


def test_every_message_click_can_print_is_in_the_french_catalogue():
    from ssp.clifrench import FRENCH_MESSAGES

    messages = click_messages()
    assert len(messages) > 50 and "required" in messages  # the scan found Click's messages
    assert sorted(messages - set(FRENCH_MESSAGES)) == []


def test_every_help_screen_is_french(project):
    import re

    english = r"Options:|\[required\]|Usage:|\b(INTEGER|TEXT|FILE|PATH|DIRECTORY)\b|Show this message|Error|default:"
    for command in ([], ["verifier"], ["importer"], ["nouvel-evenement"], ["nouvelle-edition"], ["exporter"],
                    ["schemas"], ["liens"]):
        result = ssp(project, *command, "--help")
        assert result.returncode == 0 and "Options :" in result.stdout
        assert re.findall(english, result.stdout) == [], command
    assert "[obligatoire]" in ssp(project, "importer", "--help").stdout


def test_an_unexpected_failure_is_reported_in_french_without_a_traceback(project, tmp_path):
    project.edition()
    sheet = tmp_path / "a.csv"
    sheet.write_text("titre;type;début;organisateur;ville;région\nA;stand;21/11/2017;CH;Douai;Hauts-de-France\n",
                     encoding="utf-8")
    result = ssp(project, "importer", str(sheet), "--edition", "2017", "--rapport", "/dev/full")  # a full disk
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Erreur inattendue (OSError)") and "SSP_DEBUG=1" in result.stderr
