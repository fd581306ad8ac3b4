"""The editors' command-line tool, run as editors run it (the `ssp` command installed in .venv), on real files."""

from __future__ import annotations

import http.server
import subprocess
import threading
from pathlib import Path

import pytest

from helpers import EDITION_2017, SSP, front_matter, ssp


@pytest.mark.parametrize("arguments", [["verifier"], ["verifier", "--format", "github"], ["--help"], ["verifer"],
                                       ["importer", "absent.csv", "--edition", "2017"]])
def test_the_suite_s_forked_commands_give_what_the_console_script_gives(project, arguments):
    """helpers.ssp forks its commands from a server where the package is imported (forked.py), instead of starting
    the installed `ssp`: the same exit code and output."""
    project.edition()
    project.event("x")
    project.event("y", front_matter(start="2017-11-31", organiser="CH, « Hôpital » ’", organizer=None))
    installed = subprocess.run([str(SSP), "--projet", str(project.root), *arguments], cwd=project.root,
                               capture_output=True, text=True, timeout=120)
    forked = ssp(project, *arguments)
    assert (forked.returncode, forked.stdout, forked.stderr) == (installed.returncode, installed.stdout, installed.stderr)
    assert installed.stdout or installed.stderr


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


def test_verifier_says_a_wrong_postal_code_with_the_other_problems_at_once(project):
    project.edition()
    project.event("z", front_matter(start="2017-11-31", venue="\n  city: Douai\n  postal_code: '13001'", region="Hauts-de-France"))
    result = ssp(project, "verifier")
    assert result.returncode == 1
    assert "start : la date « 2017-11-31 » n'existe pas" in result.stderr
    assert "region : le code postal 13001 est en Provence-Alpes-Côte d'Azur, pas en Hauts-de-France" in result.stderr


def test_verifier_help_is_french(project):
    result = ssp(project, "--help")
    assert "Vérifie tout le contenu" in result.stdout


class Handler(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_HEAD(self):
        Handler.seen.append(self.path)
        self.send_response({"/ok": 200, "/ailleurs": 302}.get(self.path, 404))
        if self.path == "/ailleurs":  # a public page that redirects to an internal one
            self.send_header("Location", "/admin/supprimer")
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args):
        pass


@pytest.fixture
def local_web():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Handler.seen.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_liens_never_contacts_an_internal_address_and_says_so(project, local_web):
    project.edition(text=EDITION_2017 + f"""resources:
  - title: Console
    url: {local_web}/admin/
    publisher: DGOS
""")
    project.event("brouillon", front_matter(draft="true", online_url=f"{local_web}/admin/brouillon"))
    project.write("campaigns/contacts/ars.yml", "name: ARS\nwebsite: http://imprimante.local/\n")
    result = ssp(project, "liens")
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0 and Handler.seen == []
    assert (f"Remarque : campaigns/2017/edition.yml : ressource « Console » {local_web}/admin/ non vérifié : adresse "
            "interne (cette machine, un réseau privé ou local), jamais contactée") in lines
    assert any(line.startswith("Remarque : campaigns/contacts/ars.yml : site internet http://imprimante.local/ non vérifié")
               for line in lines)
    assert any(line.startswith("Remarque : campaigns/2017/events/brouillon.md : lien de l'action") for line in lines)
    assert lines[-1] == "0 liens vérifiés, 0 en erreur, 3 non vérifiés (adresses internes)."


@pytest.mark.parametrize("address, internal", [
    ("http://127.0.0.1:8000/", True), ("http://localhost/", True), ("http://[::1]/", True), ("http://10.1.2.3/", True),
    ("http://192.168.1.1/", True), ("http://169.254.169.254/latest/meta-data/", True), ("http://0.0.0.0/", True),
    ("http://serveur.local/", True), ("http://172.16.0.1/", True), ("http://[fd00::1]/", True),
    ("https://8.8.8.8/", False), ("https://[2001:4860:4860::8888]/", False)])
def test_internal_addresses_are_recognised_after_resolving(address, internal):
    from ssp.linkcheck import internal as is_internal
    assert is_internal(address) is internal


def test_liens_reports_links_that_do_not_answer(project, local_web, monkeypatch):
    from ssp import linkcheck
    from ssp.load import load_all

    monkeypatch.setattr(linkcheck, "internal", lambda url: "/admin/" in url)  # this machine stands for the Internet
    project.edition(text=EDITION_2017 + f"""resources:
  - title: Bon lien
    url: {local_web}/ok
    publisher: DGOS
  - title: Lien cassé
    url: {local_web}/absent
    publisher: DGOS
  - title: Redirigé
    url: {local_web}/ailleurs
    publisher: DGOS
""")
    project.write("campaigns/contacts/ars.yml", "name: ARS\nwebsite: http://127.0.0.1:9/\n")
    found = {link.url: problem for link, problem in linkcheck.check(linkcheck.external_links(load_all(
        project.root / "campaigns", project.root)))}
    assert found[f"{local_web}/absent"] == "répond « 404 Not Found »"
    assert found["http://127.0.0.1:9/"].startswith("injoignable")
    assert found[f"{local_web}/ailleurs"] == f"injoignable (redirigé vers une adresse interne ({local_web}/admin/supprimer), non suivie)"
    assert f"{local_web}/ok" not in found and "/admin/supprimer" not in Handler.seen


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
