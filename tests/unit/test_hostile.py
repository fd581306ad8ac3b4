"""Content sent by a stranger, treated as hostile: each attack goes through a real campaign folder
and the real `ssp verifier`, and is refused with a French message naming the file — never run,
followed, published, crashed on or skipped in silence."""

from __future__ import annotations

import io
import zipfile

import pytest

from helpers import EDITION_2017, front_matter, real_pdf, ssp

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478"
                    "9c63f8cfc000000301010018dd8db00000000049454e44ae426082")  # a real 1 × 1 PNG
PDF = real_pdf()


def with_material(project, file: str, content: bytes | None = PDF, path: str | None = None):
    project.edition(text=EDITION_2017 + f"materials:\n  - title: Affiche\n    kind: affiche\n    publisher: DGOS\n"
                                        f"    file: \"{file}\"\n")
    if content is not None:
        project.write(f"campaigns/2017/{path or file}", content)


def verify(project) -> tuple[int, str]:
    result = ssp(project, "verifier")
    assert "Traceback" not in result.stderr + result.stdout
    return result.returncode, result.stderr


def docx(extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("file, content, advice", [
    ("supports/x.html", b"<script>alert(document.domain)</script>", "format « .html » refusé pour un support ; enregistrez la page en PDF"),
    ("supports/x.svg", b"<svg onload='alert(1)'/>", "format « .svg » refusé pour un support ; exportez l'image en PNG"),
    ("supports/x.js", b"alert(1)", "format « .js » refusé pour un support ; convertissez-le en PDF (document) ou en PNG (image)"),
    ("supports/x.pdf", b"<html><script>alert(1)</script>", "le contenu du fichier n'est pas un PDF"),
    ("supports/x.png", b"GIF89a", "le contenu du fichier n'est pas un PNG"),
    ("supports/x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "l'image ne peut pas être lue (fichier abîmé ou incomplet)"),
    ("supports/x.docx", docx({"word/vbaProject.bin": b"macro"}), "ce document contient des macros"),
    ("supports/x.docx", b"PK\x03\x04 not really a zip", "fichier Word abîmé"),
])
def test_materials_that_could_run_script_or_lie_about_their_format_are_refused(project, file, content, advice):
    with_material(project, file, content)
    code, errors = verify(project)
    assert code == 1 and f"campaigns/2017/edition.yml:10: materials.1.file : {advice}" in errors


def test_allowed_materials_pass(project):
    project.write("campaigns/2017/supports/affiche.png", PNG)
    project.write("campaigns/2017/supports/kit.docx", docx())
    project.edition(text=EDITION_2017 + "materials:\n" + "".join(
        f"  - title: {name}\n    kind: affiche\n    publisher: DGOS\n    file: supports/{name}\n" for name in ("affiche.png", "kit.docx")))
    assert verify(project)[0] == 0
    [edition] = project.load()
    assert [(item.format, item.is_image) for item in edition.materials] == [("PNG", True), ("Word", False)]


@pytest.mark.parametrize("name", ["javascript:alert(document.domain).pdf", "Affiche.pdf", "affiche\u0301.pdf",
                                  "affiche 2026.pdf", "x?y.pdf"])
def test_material_names_follow_the_slug_rule(project, name):
    with_material(project, f"supports/{name}")
    code, errors = verify(project)
    assert code == 1 and f"materials.1.file : nom de fichier « supports/{name} » invalide" in errors


@pytest.mark.parametrize("target", [".git/config", "/proc/self/environ", "/etc/passwd"])
def test_a_material_linked_to_a_secret_is_refused(project, target):
    project.write(".git/config", "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n")
    with_material(project, "supports/affiche.pdf", content=None)
    link = project.root / "campaigns/2017/supports/affiche.pdf"
    link.parent.mkdir(parents=True)
    link.symlink_to(target if target.startswith("/") else project.root / target)
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/supports/affiche.pdf: lien symbolique refusé" in errors
    assert "secret" not in errors and "c2VjcmV0" not in errors


def test_links_to_events_and_folders_outside_are_refused(project, tmp_path):
    project.edition()
    outside = tmp_path / "ailleurs"
    (outside / "events").mkdir(parents=True)
    (outside / "x.md").write_text(front_matter(), encoding="utf-8")
    (project.root / "campaigns/2017/events").mkdir(parents=True)
    (project.root / "campaigns/2017/events/x.md").symlink_to(outside / "x.md")
    (project.root / "campaigns/2018").symlink_to(outside, target_is_directory=True)
    code, errors = verify(project)
    assert code == 1
    assert "campaigns/2017/events/x.md: lien symbolique refusé" in errors and "campaigns/2018: lien symbolique refusé" in errors


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_yaml_gets_a_french_message_not_a_crash(project, depth):
    project.edition()
    project.write("campaigns/2017/events/x.md", front_matter(programme="[" * depth + "]" * depth))
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/events/x.md:" in errors and "imbrication trop profonde (plus de 30 niveaux)" in errors


@pytest.mark.parametrize("value, code_point", [(r'"Portes\x07ouvertes"', "U+0007"), (r'"\e[31mrouge"', "U+001B"),
                                              (r'"nul\0"', "U+0000"), ('"abc\u202edcba"', "U+202E")])
def test_control_and_direction_characters_are_refused(project, value, code_point):
    project.edition()
    project.event("x", front_matter(title=value))
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/events/x.md:" in errors and f"caractère invisible interdit ({code_point})" in errors


def test_a_control_character_in_the_body_is_refused_with_its_line(project):
    project.edition()
    project.event("x", front_matter() + "Ligne\n\x1b[2J effacée\n")
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/events/x.md:12: caractère invisible interdit (U+001B)" in errors


def test_a_title_without_a_visible_character_is_refused(project):
    project.edition()
    project.event("x", front_matter(title='"\u200d\u200d"'))  # joiners only (other zero-width characters are refused)
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/events/x.md:8: title : ce texte ne contient aucun caractère visible" in errors


def test_a_huge_file_is_refused_before_it_is_read_whole(project):
    project.edition()
    project.event("x", front_matter() + "Texte très long. " * 120_000)
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/events/x.md: fichier trop gros : 1 Mo au plus" in errors


@pytest.mark.parametrize("rel, message", [
    ("campaigns/2017/events/sous-dossier/x.md", "campaigns/2017/events/sous-dossier: sous-dossier non lu"),
    ("campaigns/2017/events/..md", "campaigns/2017/events/..md: fichier caché"),
    ("campaigns/2017/events/.x.md", "campaigns/2017/events/.x.md: fichier caché"),
    ("campaigns/2017/events/index.md", "campaigns/2017/events/index.md: « index » est le nom d'une page du site"),
    ("campaigns/2017/events/jour-2017-11-24.md", "« jour-2017-11-24 » est le nom d'une page du site"),
    ("campaigns/2017/notes.txt", "campaigns/2017/notes.txt: fichier non utilisé"),
    ("campaigns/lisez-moi.md", "campaigns/lisez-moi.md: fichier non lu à cet endroit"),
    ("campaigns/contacts/vieux/ars.yml", "campaigns/contacts/vieux: sous-dossier non lu"),
])
def test_nothing_in_a_content_folder_is_skipped_in_silence(project, rel, message):
    project.edition()
    project.event("a", front_matter(title="A"))
    project.write(rel, front_matter(title="B"))
    code, errors = verify(project)
    assert code == 1 and message in errors


def test_an_unused_material_file_is_said(project):
    with_material(project, "supports/affiche.pdf")
    project.write("campaigns/2017/supports/oubli.pdf", PDF)
    project.write("campaigns/2017/brouillons/vieux.md", "x")
    code, errors = verify(project)
    assert code == 1 and "campaigns/2017/supports/oubli.pdf: fichier non utilisé : ajoutez-le aux « materials »" in errors
    assert "campaigns/2017/brouillons: dossier non lu" in errors
    assert "affiche.pdf" not in errors


def test_a_material_beside_edition_yml_is_used(project):
    with_material(project, "affiche.pdf")
    assert verify(project)[0] == 0


def test_a_raw_page_or_image_in_docs_stops_the_build(fixture_project):
    from builds import build

    fixture_project.edition()
    fixture_project.event("x")
    fixture_project.write("docs/piege.html", "<script>alert(document.domain)</script>")
    fixture_project.write("docs/assets/logo.svg", "<svg onload='alert(1)'/>")
    (fixture_project.root / "docs/lien.md").symlink_to("/etc/passwd")
    built = build(fixture_project.root)
    assert built.result.returncode == 1 and not (fixture_project.root / "site/piege.html").exists()
    for message in ("docs/piege.html: fichier refusé dans docs/", "docs/assets/logo.svg: fichier refusé dans docs/",
                    "docs/lien.md: lien symbolique refusé"):
        assert message in built.result.stderr


def test_the_verifier_and_the_build_agree(fixture_project):
    from builds import build

    fixture_project.edition()
    fixture_project.event("index")
    fixture_project.event("profond", front_matter(title="Profond", programme="[" * 100_000 + "]" * 100_000))
    code, errors = verify(fixture_project)
    built = build(fixture_project.root)
    assert code == built.result.returncode == 1 and "Traceback" not in built.result.stderr
    for message in ("campaigns/2017/events/index.md: « index » est le nom d'une page du site",
                    "campaigns/2017/events/profond.md:9: imbrication trop profonde"):
        assert message in errors and message in built.result.stderr


def test_a_material_above_50_mb_is_refused(project):
    from ssp.materials import MAX_MATERIAL_BYTES

    with_material(project, "supports/affiche.pdf")
    with open(project.root / "campaigns/2017/supports/affiche.pdf", "r+b") as handle:
        handle.truncate(MAX_MATERIAL_BYTES + 1)  # sparse: quick to make
    code, errors = verify(project)
    assert code == 1 and "materials.1.file : « supports/affiche.pdf » : fichier trop gros : 50 Mo au plus ; allégez-le" in errors
