"""Test helpers: the core on sys.path, and campaign folders written in a temporary project."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import forked

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

EDITION_2017 = """\
year: 2017
number: 7
theme: "Usagers, soignants : partenaires pour la sécurité des patients"
start: 2017-11-20
end: 2017-11-24
"""

EVENT = """\
---
title: Portes ouvertes
type: portes-ouvertes
start: 2017-11-24
organizer: Centre hospitalier
venue:
  city: Dechy
region: Hauts-de-France
---
Description.
"""


class Project:
    """A temporary project folder holding a campaigns/ tree."""

    def __init__(self, root: Path):
        self.root = root
        (root / "campaigns").mkdir(parents=True, exist_ok=True)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def edition(self, year: int = 2017, text: str = EDITION_2017) -> Path:
        return self.write(f"campaigns/{year}/edition.yml", text)

    def event(self, slug: str, text: str = EVENT, year: int = 2017) -> Path:
        return self.write(f"campaigns/{year}/events/{slug}.md", text)

    def load(self):
        from ssp.load import load_all

        return load_all(self.root / "campaigns", self.root).editions

    def problems(self) -> list:
        from ssp.problems import ContentError

        with pytest.raises(ContentError) as caught:
            self.load()
        return caught.value.problems


def front_matter(**fields: str) -> str:
    """An event file from the default one with some fields replaced (value None removes a field)."""
    lines = EVENT.split("---\n")[1].splitlines()
    kept = [line for line in lines if not any(line.startswith(f"{name}:") for name in fields)]
    if any(name == "venue" for name in fields):
        kept = [line for line in kept if not line.startswith("  city:")]
    added = [f"{name}: {value}" for name, value in fields.items() if value is not None]
    return "---\n" + "\n".join(kept + added) + "\n---\nDescription.\n"


SSP = Path(sys.executable).with_name("ssp")  # the console script `make` installs beside the venv's Python


def ssp(project, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The editors' command `ssp --projet <project> <args>`, forked from a process where the package is imported and
    the communes table read (forked.py: 0.2 s instead of the 0.5 s of a new interpreter), as the console script runs."""
    return forked.run("ssp", [str(SSP), "--projet", str(project.root), *args], cwd=project.root, timeout=timeout)


EXCEL_HEADER = ["Identifiant", "Titre", "Type", "Début", "Heure de début", "Heure de fin", "Organisateur", "Lieu",
                "Code postal", "Ville", "Région", "Public", "Inscription", "Statut", "Description"]


def excel_csv(project, rows, name="actions.csv", header=EXCEL_HEADER):
    """A CSV as French Excel saves it: Windows-1252, `;`, CRLF, quotes only where needed, `""` inside them."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows([header] + rows)
    return project.write(name, out.getvalue().encode("cp1252"))


def row(title="Atelier « sécurité »", start="24/11/2017", at="", until="", identifier="", type_="Atelier",
        town="Douai", postal="59500", region="Hauts de France", audience="Grand public", status="", text=""):
    """A row of EXCEL_HEADER, filled as an office fills it."""
    return [identifier, title, type_, start, at, until, "CH de Douai", "Salle A", postal, town, region, audience,
            "Entrée libre", status, text]


def real_pdf(subject: str = "", page: dict | None = None, catalog: dict | None = None) -> bytes:
    """A one-page PDF written by pypdf (a real file: the site reads every object of a PDF material);
    `subject` pads it, `page` and `catalog` add entries (for hostile cases)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    if subject:
        writer.add_metadata({"/Subject": subject})
    for target, entries in ((writer.pages[0], page), (writer._root_object, catalog)):
        target.update(entries or {})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_of_objects(count: int, item: bytes = b"<</A 1>>") -> bytes:
    """A valid PDF of one page and `count` more objects `item`, written by hand (pypdf is too slow for
    100,000): the bound on a PDF's objects, and its worst case in bench/hostile.py."""
    body, offsets = io.BytesIO(), []
    body.write(b"%PDF-1.4\n")
    items = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
             b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"] + [item] * count
    for number, value in enumerate(items, 1):
        offsets.append(body.tell())
        body.write(b"%d 0 obj%sendobj\n" % (number, value))
    start = body.tell()
    body.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(items) + 1) + b"".join(b"%010d 00000 n \n" % at for at in offsets))
    body.write(b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(items) + 1, start))
    return body.getvalue()


def held_back(root, field: str, value: str) -> dict[str, str]:
    """The real campaigns copied under `root`, with the first file of every publishable kind given
    `field: value` (a draft, or a date to come): {kind name: slug}."""
    shutil.copytree(ROOT / "campaigns", root / "campaigns", dirs_exist_ok=True)
    held = {}
    from ssp.kinds import KINDS

    for kind in (kind for kind in KINDS if kind.publishable):
        pattern = f"{'*/' if kind.in_edition else ''}{kind.folder}/*{kind.suffix}"
        path = min((root / "campaigns").glob(pattern), default=None)
        assert path, f"no example of « {kind.label} » in campaigns/ to hold back"
        text = path.read_text(encoding="utf-8")
        text = text.replace("\n---\n", f"\n{field}: {value}\n---\n", 1) if kind.suffix == ".md" else f"{text.rstrip()}\n{field}: {value}\n"
        path.write_text(text, encoding="utf-8")
        held[kind.name] = path.stem
    return held


def every(paths, least: int = 1) -> list:
    """The paths a test loops over, sorted, checked to be there: a loop over nothing would pass."""
    found = sorted(paths)
    assert len(found) >= least, f"{len(found)} fichier(s) trouvé(s), {least} au moins attendu(s)"
    return found


EMBEDS = "integrer"  # <year>/integrer/: lists other sites frame (no header, footer, share tags; not searched)


def readers_pages(site: Path, least: int = 20) -> list:
    """Every page of a built site readers open on it: the lists made to be framed elsewhere left out."""
    return every((path for path in site.rglob("*.html") if EMBEDS not in path.relative_to(site).parts
                  and "pagefind" not in path.relative_to(site).parts), least)


def listing_rows(text: str) -> list[dict]:
    """The listing's data (liste.json, in columns) read back as one dict per record, values by name."""
    import json

    data = json.loads(text)
    columns, values = data["columns"], data["values"]
    rows = []
    for rank in range(len(columns["title"])):
        row = {field: column[rank] for field, column in columns.items()}
        for field, names in values.items():
            code = row[field]
            if field in ("audience", "accessibility"):
                row[field] = [name for bit, name in enumerate(names) if code & (1 << bit)]
            else:
                row[field] = names[code] if code >= 0 else ""
        row["days"] = data["days"][row["first"]:row["last"] + 1]
        rows.append(row)
    return rows


def clocked(text: str) -> str:
    """`text` with its times as the site writes them (frenchdates.clock): « 9 h 30 » with no-break spaces."""
    return re.sub(r"\b(\d{1,2}) h(?: (\d\d)\b)?", lambda found: f"{found[1]}\u00a0h" + (f"\u00a0{found[2]}" if found[2] else ""), text)


def typeset(text: str) -> str:
    """`text` as a page shows it: no-break spaces inside « guillemets », before « : ; ! ? » ending a
    clause, between a number and the word after it and in « n° 3 » (the rule of ssp.text.french_spacing, written
    again here for plain text)."""
    spaced = re.sub(r" (?=[»:;!?](?: |$))", "\u00a0", text.replace("« ", "«\u00a0"))
    spaced = re.sub(r"(?<=[nN]°) (?=[0-9])", "\u00a0", spaced)
    return re.sub(r"(?:(?<=[0-9])|(?<=[0-9]e)|(?<=[0-9]er)|(?<=[0-9]re)|(?<=[0-9]es)) (?=[^\W\d_])", "\u00a0", spaced)
