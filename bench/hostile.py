"""The worst case per file, measured (README, « Sécurité »): for each kind of file a contributor can
send, the costliest input within the site's bounds, and how long the check that reads it takes on
this machine. Run: .venv/bin/python bench/hostile.py"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from helpers import pdf_of_objects  # noqa: E402  (the test's bound, at its worst)
from ssp import activefiles, markup, source  # noqa: E402
from ssp.exports.shareimage import share_image  # noqa: E402


def docx_of(megabytes: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for part in range(megabytes // 90):  # parts just under the cap of one part, up to the cap of all
            archive.writestr(f"word/document{part}.xml", "<w:p><w:r><w:t>a</w:t></w:r></w:p>" * (90_000_000 // 35))
    return out.getvalue()


def timed(label: str, size: str, work) -> None:
    start = time.perf_counter()
    try:
        work()
        outcome = "accepté"
    except Exception as error:  # the bound's own refusal is an outcome too
        outcome = f"refusé ({type(error).__name__})"
    print(f"| {label} | {size} | {time.perf_counter() - start:.1f} s | {outcome} |", flush=True)


def main() -> None:
    print("| fichier, pire cas | taille | durée | issue |\n|---|---|---:|---|")
    for name, text in (("« [ » répété", "[" * 99_999), ("« _a_ » répété", "_a_" * 33_333), ("« *a » répété", "*a" * 49_999),
                       ("balises imbriquées (refusées)", "<ul><li>" * 12_499),
                       ("bloc HTML, « <a » répété (l'attaque : 48 s avant)", "<div>\n" + "<a" * 49_996),
                       ("bloc HTML, « <![ » répété (l'attaque : une AssertionError de HTMLParser)", "<div>\n" + "<![" * 33_330),
                       ("14 000 adresses électroniques (linkify-it sur le texte entier : 20 s)", "a@b.fr " * 14_000),
                       ("adresses électroniques collées par des virgules", "a@b.fr," * 14_000),
                       ("« www.a.fr » répété", "www.a.fr " * 11_000), ("« http:// » répété", "http://" * 14_000)):
        timed(f"texte Markdown : {name}", "100 000 caractères", lambda text=text: markup.render(text))
    yaml_text = "items:\n" + "".join(f"  - {index}\n" for index in range(99_000))
    timed("YAML : 99 000 valeurs", f"{len(yaml_text) // 1000} Ko", lambda: source.parse_yaml(yaml_text, "x.yml"))
    one_line = "items: [" + ", ".join(f"&a{index} {'x' * 40}" for index in range(19_000)) + "]"  # each value checked on its line
    timed("YAML : 19 000 valeurs sur une ligne, chacune marquée (refusées)", f"{len(one_line) // 1000} Ko",
          lambda: source.parse_yaml(one_line, "x.yml"))
    pdf = pdf_of_objects(99_990, b"<</A[1 2 3]/B<</C 4>>>>")
    timed("PDF : 100 000 objets", f"{len(pdf) / 1e6:.0f} Mo", lambda: activefiles.pdf_problem(pdf))
    docx = docx_of(270)
    timed("Word : 3 parties de 90 Mo décompressés", f"{len(docx) / 1e6:.1f} Mo", lambda: activefiles.office_problem(".docx", docx))
    with tempfile.TemporaryDirectory() as folder:  # the importer as editors run it, on a trial run
        edition = Path(folder) / "campaigns/2017/edition.yml"
        edition.parent.mkdir(parents=True)
        edition.write_text("year: 2017\ntheme: Thème\nstart: 2017-11-20\nend: 2017-11-24\n", encoding="utf-8")
        csv = Path(folder) / "actions.csv"
        csv.write_bytes(("Titre;Type;Début;Organisateur;Ville;Région\r\nPortes ouvertes;portes-ouvertes;24/11/2017;CH;"
                         "Dechy;Hauts-de-France\r\n" + ";;;;;\r\n" * 2_500_000).encode())  # blank rows: not counted
        command = [str(Path(sys.executable).with_name("ssp")), "--projet", folder, "importer", str(csv), "--edition", "2017",
                   "--essai"]
        timed("CSV : une action puis 2,5 millions de lignes vides", f"{csv.stat().st_size // 1_000_000} Mo",
              lambda: subprocess.run(command, check=True, capture_output=True))
    timed("image de partage : thème sans espace", "100 000 caractères",
          lambda: share_image(2026, "x" * 100_000, date(2026, 11, 23), date(2026, 11, 27)))


if __name__ == "__main__":
    main()
