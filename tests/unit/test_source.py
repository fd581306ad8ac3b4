"""Reading files: YAML keeps what the editor wrote, encodings, front matter, syntax errors."""

from __future__ import annotations

import pytest

from ssp.problems import ContentError
from ssp.source import parse_yaml, read_text, split_front_matter


def test_scalars_keep_the_text_written():
    document = parse_yaml("a: 14:00\nb: 0612\nc: yes\nd: no\ne: on\nf: y\ng: 2017-11-31\nh: 1e3\ni: ~\nj: ''\n", "x.yml")
    assert document.data == {"a": "14:00", "b": "0612", "c": "yes", "d": "no", "e": "on", "f": "y",
                             "g": "2017-11-31", "h": "1e3", "i": None, "j": ""}


def test_lines_of_nested_values():
    document = parse_yaml("title: T\nvenue:\n  name: N\n  city: C\nslots:\n  - start: a\n  - start: b\n", "x.yml", 2)
    assert document.line_of(("title",)) == 2
    assert document.line_of(("venue", "city")) == 5
    assert document.line_of(("slots", 1, "start")) == 8
    assert document.line_of(("slots", 1, "unknown")) == 8


def test_a_hash_joined_to_a_word_after_an_unquoted_value_is_refused_not_cut():
    """« #2 », « #SSP2025 » after a space end a plain value: what follows would be lost in silence. Quoted, inside
    a word, on its own line or followed by a space (a comment, as the new edition's file writes them), it is no cut."""
    document = parse_yaml('a: "Salle #2" #au fond\nb: SSP#2025\n# une note\nc: [x, y] # z\nd: # à remplir\n'
                          "start: 2026-09-14     # À REMPLIR : premier jour\ne: f ## g\n", "x.yml")
    assert document.data == {"a": "Salle #2", "b": "SSP#2025", "c": ["x", "y"], "d": None, "start": "2026-09-14", "e": "f"}
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: Atelier #2\nvenue:\n  name: Hall\n  city: Lens #Pas-de-Calais\naudience:\n  - patients #RU\n", "x.yml", 2)
    assert [(problem.line, problem.field, problem.message.split(" n'est")[0]) for problem in caught.value.problems] == [
        (2, "title", "« #2 »"), (5, "venue.city", "« #Pas-de-Calais »"), (7, "audience.0", "« #RU »")]


def test_a_mark_yaml_takes_from_a_value_s_start_is_refused_not_dropped():
    """« !important », « &co »: a tag or an anchor to YAML, removed from the value without a word."""
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: !Nouveau atelier\norganizer: &co CHU\ntime_note: \"!\"\n", "x.yml")
    assert [(problem.line, problem.field, problem.message) for problem in caught.value.problems] == [
        (1, "title", "« !Nouveau » en début de valeur : YAML le lit comme une marque et le retire (la valeur lue serait « atelier ») ; "
                     "mettez la valeur entre guillemets"),
        (2, "organizer", "« &co » en début de valeur : YAML le lit comme une marque et le retire (la valeur lue serait « CHU ») ; "
                         "mettez la valeur entre guillemets")]


def test_duplicate_key_is_reported_with_its_line():
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: A\ntype: atelier\ntitle: B\n", "x.yml")
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (3, "title")
    assert "deux fois" in problem.message


@pytest.mark.parametrize("text, line, words", [
    ("title: Bonjour: le monde\n", 1, "« : »"),
    ("title: a\n\tvenue: b\n", 2, "tabulation"),
    ("title: a\nvenue:\n\tname: Salle\n  city: Lens\n", 3, "tabulation"),  # a tab opening a nested field (libyaml names no character)
    ("title: a\norganizer: @CHLens\n", 2, "« @ » en début de valeur"),
    ('title: "pas fermé\ntype: x\n', 3, "guillemet"),
    # what YAML reads as syntax at a value's start, not as text
    ("title: *Atelier* des mains\n", 1, "« * » en début de valeur ; mettez la valeur entre guillemets"),
    ("title: %20 de réduction\n", 1, "« % » en début de valeur"),
    ("time_note: > 14 h\n", 1, "« > » en début de valeur"),
    ("speakers:\n  - *Dr* Martin\n", 2, "« * » en début de valeur"),
    # the same quote inside the value closes it: said, with the line to write
    ("type: stand\ntitle: 'L'hygiène des mains'\n", 2,
     "une apostrophe dans une valeur entre apostrophes (' … ') la ferme trop tôt ; entourez-la de guillemets doubles : "
     "title: \"L'hygiène des mains\""),
    ('venue:\n  name: "Salle "Pasteur""\n', 2, "ou entourez la valeur d'apostrophes : name: 'Salle \"Pasteur\"'"),
    ("speakers:\n  - 'Dr L'Hôte\n", 2, "la ferme trop tôt ; entourez-la de guillemets doubles"),
])
def test_syntax_errors_are_french_with_a_line(text, line, words):
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "campaigns/2017/events/x.md", 1)
    [problem] = caught.value.problems
    assert problem.path == "campaigns/2017/events/x.md"
    assert problem.line == line
    assert problem.message.startswith("syntaxe YAML invalide")
    assert words in problem.message


def test_alias_bomb_is_refused_not_expanded():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    with pytest.raises(ContentError) as caught:
        parse_yaml(bomb, "x.yml")
    assert "références YAML" in caught.value.problems[0].message


def test_bom_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("\ufeff---\r\ntitle: Été\r\n---\r\nCorps\r\n".encode("utf-8"))
    front, body, first_line = split_front_matter(read_text(path, "x.md"), "x.md")
    assert parse_yaml(front, "x.md", first_line).data == {"title": "Été"}
    assert body == "Corps\n"


def test_non_utf8_file_names_the_line(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes("---\ntitle: ok\norganizer: Hôpital\n".encode() + "city: Sète\n".encode("latin-1"))
    with pytest.raises(ContentError) as caught:
        read_text(path, "campaigns/2017/events/x.md")
    [problem] = caught.value.problems
    assert problem.line == 4
    assert "UTF-8" in problem.message


@pytest.mark.parametrize("text, words", [("title: x\n", "commencer par une ligne « --- »"), ("---\ntitle: x\n", "non fermé")])
def test_front_matter_must_be_present_and_closed(text, words):
    with pytest.raises(ContentError) as caught:
        split_front_matter(text, "x.md")
    assert words in caught.value.problems[0].message


def test_a_broken_link_is_a_french_problem_not_a_traceback(project):
    from helpers import EDITION_2017

    project.edition(text=EDITION_2017)
    (project.root / "campaigns/2017/events").mkdir(parents=True)
    (project.root / "campaigns/2017/events/lien.md").symlink_to(project.root / "absent.md")
    [problem] = project.problems()
    assert problem.path == "campaigns/2017/events/lien.md"
    assert problem.message.startswith("lien symbolique refusé")


def test_a_bullet_of_word_s_symbol_font_is_named_with_the_way_to_write_a_list(tmp_path):
    """A list copied from Word may bring its bullets as characters of the Symbol font (U+F0B7), which no font of the
    site draws: the message says it is a bullet and how to write the list, not « caractère invisible »."""
    path = tmp_path / "action.md"
    path.write_text("---\ntitle: T\n---\nAu programme :\n\uf0b7\taccueil\n\uf0b7\tvisite\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        read_text(path, "campaigns/2026/events/action.md")
    [problem] = raised.value.problems
    assert problem.line == 5 and "U+F0B7" in problem.message and "puce" in problem.message
    assert "commencez plutôt chaque ligne de la liste par « - »" in problem.message
