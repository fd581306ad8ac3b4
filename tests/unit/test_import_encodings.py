"""Nothing garbled, ever: a CSV saved by a French office in UTF-8 (with or without BOM), UTF-16,
Windows-1252, ISO-8859-15 or Mac Roman (Excel for Mac's « CSV ») is read exactly, or refused with a
message saying how to save it as « CSV UTF-8 » — never read in the wrong encoding."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from helpers import EXCEL_HEADER, excel_csv, row, ssp
from ssp.importcolumns import KNOWN_HEADERS
from ssp.problems import ContentError
from ssp.spreadsheet import read_sheet

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "iso8859_15", "mac_roman"]
WORDS = ["Sœurs", "cœur", "hôpital", "l’hôpital", "sécurité", "Vandœuvre-lès-Nancy", "à", "« patients »", "5 €",
         "Saint-Éloi", "ÉVRY", "Noël", "ça", "Œuvre", "ambiguïté", "naïf", "déjà", "où", "île", "Châlons-en-Champagne",
         "façade", "ex æquo", "Saint-Étienne", "L’Haÿ-les-Roses", "Île-de-France", "Ça", "CENTRE HOSPITALIER",
         "maternité", "Rennes", "atelier", "idées reçues", "représentant des usagers", "gériatrie", "Pôle mère-enfant",
         "Hôtel-Dieu", "événement", "qualité", "Bourg-en-Bresse", "Crêt", "Gaëlle", "Zoé", "Benoît", "François", "Noëlle"]
text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


def test_a_capital_c_cedilla_from_windows_is_not_read_as_mac_guillemets(tmp_path):
    """« Ça » saved by Excel for Windows is the byte C7, « « » in Mac Roman: found by the test below."""
    path = tmp_path / "actions.csv"
    path.write_bytes(saved([["Titre", "Organisateur", "Ville"], ["Ça", "Ça", "Ça"]], "cp1252"))
    assert read_sheet(path, KNOWN_HEADERS).rows[1][1] == ["Ça", "Ça", "Ça"]


def saved(rows: list[list[str]], encoding: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.tuples(text, text, text), min_size=1, max_size=4), encoding=st.sampled_from(ENCODINGS))
def test_a_french_csv_in_any_encoding_is_exact_or_refused(tmp_path, cells, encoding):
    rows = [["Titre", "Organisateur", "Ville"]] + [list(cell) for cell in cells]
    try:
        raw = saved(rows, encoding)
    except UnicodeEncodeError:  # ’ has no place in ISO-8859-15, œ none in Latin-1…: Excel could not save it either
        assume(False)
    path = tmp_path / "actions.csv"
    path.write_bytes(raw)
    try:
        sheet = read_sheet(path, KNOWN_HEADERS)
    except ContentError as error:
        assert "« CSV UTF-8 »" in error.problems[0].message
        assert encoding in ("cp1252", "iso8859_15", "mac_roman")  # the Unicode ones are never doubtful
        return
    assert [cells for _, cells in sheet.rows] == rows


@pytest.mark.parametrize("encoding, said", [("iso8859_15", "CSV ISO-8859-15"), ("mac_roman", "CSV Mac Roman (Excel pour Mac)"),
                                            ("cp1252", "CSV Windows-1252 (Excel)")])
def test_the_cases_seen_garbled_are_read_right(project, encoding, said):
    project.edition()
    title = "Les Sœurs de l’hôpital : « Sécurité à l'hôpital »" if encoding != "iso8859_15" else \
        "Les Sœurs de l'hôpital : « Sécurité à l'hôpital »"
    rows = [row(title=title, town="Vandœuvre-lès-Nancy", postal="54500", region="Grand Est", text="Participation : 5 €")]
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([EXCEL_HEADER] + rows)
    path = project.write("actions.csv", out.getvalue().encode(encoding))
    result = ssp(project, "importer", str(path), "--edition", "2017")
    assert result.returncode == 0, result.stderr
    assert said in result.stdout
    [event] = project.load()[0].events
    assert event.meta.title == title and event.meta.venue.city == "Vandœuvre-lès-Nancy"
    assert "5 €" in event.description_html
    assert event.slug == "les-soeurs-de-l-hopital-securite-a-l-hopital-vandoeuvre-les-nancy"  # « œ » spelt out, « ’ » parts words


def test_a_doubtful_file_is_refused_with_how_to_save_it(project):
    project.edition()
    path = excel_csv(project, [row(title="Ça")])  # one accent only, read as « Ça » or « «a »
    path.write_bytes(path.read_bytes().replace("é".encode("cp1252"), b"e").replace("«".encode("cp1252"), b'"')
                     .replace("»".encode("cp1252"), b'"'))
    result = ssp(project, "importer", str(path), "--edition", "2017")
    assert result.returncode == 1 and "« CSV UTF-8 »" in result.stderr and not list(project.root.glob("campaigns/2017/events/*.md"))
