"""Checks editors need once content comes from many hands: the same action twice, an action in the
wrong year, files left by Windows or macOS, a copy made by the Explorer; and the verifier's report
for a pull request (GitHub annotations and job summary)."""

from __future__ import annotations

import re

from helpers import front_matter, ssp


def test_two_files_of_the_same_action_are_an_error_naming_both(project):
    project.edition()
    project.event("stand", front_matter(title="Stand « Sécurité »"))
    project.event("stand-copie", front_matter(title="STAND sécurité"))  # case, accents, punctuation aside
    project.event("stand-autre-jour", front_matter(title="Stand « Sécurité »", start="2017-11-23"))
    result = ssp(project, "verifier")
    assert result.returncode == 1
    assert ("campaigns/2017/events/stand-copie.md: même action que campaigns/2017/events/stand.md (même titre, ville, "
            "date et heure de début) : supprimez l'un des deux fichiers") in result.stderr
    assert "campaigns/2017/events/stand.md: même action que campaigns/2017/events/stand-copie.md" in result.stderr
    assert "stand-autre-jour" not in result.stderr


def test_a_copy_made_by_the_windows_explorer_is_named_as_such(project):
    project.edition()
    project.event("stand")
    project.write("campaigns/2017/events/stand - Copie.md", front_matter())
    project.write("campaigns/2017/events/stand - Copie (2).md", front_matter())
    result = ssp(project, "verifier")
    assert ("campaigns/2017/events/stand - Copie.md: copie de « stand.md » (faite par l'Explorateur de fichiers) : "
            "supprimez-la si elle est en trop") in result.stderr
    assert "campaigns/2017/events/stand - Copie (2).md: copie de « stand.md »" in result.stderr
    (project.root / "campaigns/2017/events/stand - Copie.md").rename(project.root / "campaigns/2017/events/stand-2.md")
    (project.root / "campaigns/2017/events/stand - Copie (2).md").unlink()
    assert "stand-2.md: même action que campaigns/2017/events/stand.md" in ssp(project, "verifier").stderr


def test_an_action_outside_its_edition_year_is_an_error_unless_said(project):
    project.edition()
    project.event("x", front_matter(start="2016-11-24"))
    project.event("y", front_matter(title="Créneaux", start=None, slots="\n  - start: 2017-11-21T10:00\n  - start: 2018-01-09T10:00"))
    project.event("z", front_matter(title="Fin", start="2017-11-24T14:00", end="2018-11-24T17:00"))
    result = ssp(project, "verifier")
    assert ("campaigns/2017/events/x.md:8: start : l'action a lieu en 2016, hors de l'édition 2017 : corrigez l'année, "
            "ou déplacez le fichier dans campaigns/2016/events/ ; si c'est voulu, ajoutez « outside_year: true »") in result.stderr
    # the date at fault is named, at its line: the second slot's start, the end (before: « slots », « start »)
    y_line = (project.root / "campaigns/2017/events/y.md").read_text(encoding="utf-8").splitlines().index("  - start: 2018-01-09T10:00") + 1
    assert f"campaigns/2017/events/y.md:{y_line}: slots.2.start : l'action a lieu en 2018" in result.stderr
    z_line = (project.root / "campaigns/2017/events/z.md").read_text(encoding="utf-8").splitlines().index("end: 2018-11-24T17:00") + 1
    assert f"campaigns/2017/events/z.md:{z_line}: end : l'action a lieu en 2018" in result.stderr
    project.event("x", front_matter(start="2016-11-24", outside_year="true"))
    project.event("y", front_matter(title="Créneaux", start=None, outside_year="true",
                                    slots="\n  - start: 2017-11-21T10:00\n  - start: 2018-01-09T10:00"))
    project.event("z", front_matter(title="Fin", start="2017-11-24T14:00", end="2018-11-24T17:00", outside_year="true"))
    assert ssp(project, "verifier").returncode == 0


def test_system_files_are_ignored_with_a_note(project):
    project.edition()
    project.event("x")
    for name in ("Thumbs.db", "desktop.ini", ".DS_Store", "~$affiche.docx", "._x.md"):
        project.write(f"campaigns/2017/events/{name}", b"\x00\x01binary")
    project.write("campaigns/2017/Thumbs.db", b"\x00")
    result = ssp(project, "verifier")
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stdout.splitlines() if line.startswith("Remarque : ")]
    assert len(notes) == 6
    assert "Remarque : campaigns/2017/events/Thumbs.db: fichier système ignoré (laissé par Windows, macOS ou un traitement de texte)" in notes
    assert result.stdout.splitlines()[-1] == "Contenu valide : 1 édition, 1 action."


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    """A GitHub workflow command, decoded as the runner decodes it."""
    def unescape(text: str) -> str:
        return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")

    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match.group(2).split(","))
    return match.group(1), {key: unescape(value) for key, value in properties.items()}, unescape(match.group(3))


def test_verifier_in_github_format_annotates_each_line_and_summarises_all(project, tmp_path, monkeypatch):
    project.edition()
    project.event("x", front_matter(start="2017-11-31"))
    project.event("y", front_matter(title="Autre", organiser="CH", organizer=None))
    project.write("campaigns/2017/events/100%, vrai: oui.md", front_matter(title="Encore"))
    project.write("campaigns/2017/events/Thumbs.db", b"\x00")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = ssp(project, "verifier", "--format", "github")
    assert result.returncode == 1 and result.stderr == ""
    commands = [parse_annotation(line) for line in result.stdout.splitlines()]
    errors = [(props["file"], props.get("line"), props["title"], message) for level, props, message in commands if level == "error"]
    assert ("campaigns/2017/events/x.md", "8", "Champ « start »",
            "la date « 2017-11-31 » n'existe pas (attendu AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)") in errors
    assert ("campaigns/2017/events/y.md", "8", "Champ « organiser »", "champ inconnu ; vouliez-vous dire « organizer » ?") in errors
    odd = next(error for error in errors if "100%" in error[0])
    assert odd[0] == "campaigns/2017/events/100%, vrai: oui.md" and odd[1] is None  # « % », « , », « : » escaped
    assert [props["file"] for level, props, _ in commands if level == "notice"] == ["campaigns/2017/events/Thumbs.db"]
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("### ❌ 3 erreurs dans le contenu")
    rows = [line for line in table.splitlines() if line.startswith("| ` campaigns/")]  # values in code spans: never markup
    assert len(rows) == 3 and "| ` campaigns/2017/events/x.md ` | 8 | ` start ` | ` la date « 2017-11-31 » n'existe pas" in table


def test_verifier_in_github_format_on_good_content(project, tmp_path, monkeypatch):
    project.edition()
    project.event("x")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    result = ssp(project, "verifier", "--format", "github")
    assert result.returncode == 0 and result.stdout == ""
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == "### ✅ Contenu valide : 1 édition, 1 action.\n"


def test_a_legal_fact_linked_in_a_page_is_a_link_only_when_it_is_an_address():
    from ssp.legal import fill

    def linked(value: str) -> str:
        return fill("Le [formulaire]([[form]]).", {"form": value}, "docs/page.md")

    assert linked("https://github.com/x/y/issues/new?a=1&b=2") == "Le [formulaire](<https://github.com/x/y/issues/new?a=1&amp;b=2>)."
    assert linked("mailto:ssp@sante.gouv.fr") == "Le [formulaire](<mailto:ssp@sante.gouv.fr>)."
    assert linked("tel:+33320445962") == "Le [formulaire](<tel:+33320445962>)."  # as an action's registration (fields.is_link)
    assert linked("javascript:alert(1)") == "Le formulaire (javascript:alert(1))."
    assert linked("[à renseigner : adresse]") == "Le formulaire ([à renseigner : adresse])."
