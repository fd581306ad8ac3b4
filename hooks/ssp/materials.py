"""Which files may be published as communication materials: formats that kits use, checked by
their extension and by their content, never a format a browser would run (HTML, SVG, scripts)."""

from __future__ import annotations

from . import activefiles

MAX_MATERIAL_BYTES = 50_000_000  # a poster in print quality or a short video; GitHub Pages refuses files above 100 MB
ZIP = (0, b"PK\x03\x04")
# extension → (format shown to readers, signatures: (offset, bytes) that must all be found)
ALLOWED = {
    ".pdf": ("PDF", [(0, b"%PDF")]),
    ".png": ("PNG", [(0, b"\x89PNG\r\n\x1a\n")]),
    ".jpg": ("JPEG", [(0, b"\xff\xd8\xff")]),
    ".jpeg": ("JPEG", [(0, b"\xff\xd8\xff")]),
    ".webp": ("WebP", [(0, b"RIFF"), (8, b"WEBP")]),
    ".mp4": ("MP4", [(4, b"ftyp")]),
    ".docx": ("Word", [ZIP]),
    ".pptx": ("PowerPoint", [ZIP]),
    ".xlsx": ("Excel", [ZIP]),
    ".odt": ("ODT", [ZIP]),
    ".odp": ("ODP", [ZIP]),
    ".ods": ("ODS", [ZIP]),
}
IMAGES = {".png", ".jpg", ".jpeg", ".webp"}
CONVERT = {  # refused extension → what to send instead
    ".svg": "exportez l'image en PNG", ".html": "enregistrez la page en PDF", ".htm": "enregistrez la page en PDF",
    ".xhtml": "enregistrez la page en PDF", ".gif": "exportez l'image en PNG", ".doc": "enregistrez-le en .docx ou en PDF",
    ".ppt": "enregistrez-le en .pptx ou en PDF", ".xls": "enregistrez-le en .xlsx ou en PDF",
    ".docm": "enregistrez-le sans macros, en .docx ou en PDF", ".pptm": "enregistrez-le sans macros, en .pptx ou en PDF",
    ".xlsm": "enregistrez-le sans macros, en .xlsx ou en PDF", ".zip": "publiez un à un les fichiers qu'elle contient",
}


def check(name: str, content: bytes) -> tuple[str, bool]:
    """(format, is it an image) of a material file, or ValueError with a French message."""
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    if suffix not in ALLOWED:
        advice = CONVERT.get(suffix.lower(), "convertissez-le en PDF (document) ou en PNG (image)")
        raise ValueError(f"format « {suffix or 'sans extension'} » refusé pour un support ; {advice}. Formats permis : "
                         + ", ".join(sorted({label for label, _ in ALLOWED.values()})))
    label, signatures = ALLOWED[suffix]
    if not all(content[offset:offset + len(magic)] == magic for offset, magic in signatures):
        raise ValueError(f"le contenu du fichier n'est pas un {label} : il a sans doute été renommé ; "
                         f"enregistrez-le à nouveau au format {label} depuis le logiciel qui l'a créé")
    if signatures == [ZIP]:
        _check_office(suffix, label, content)
    elif suffix == ".pdf":
        _check_pdf(content)
    return label, suffix in IMAGES


def _check_office(suffix: str, label: str, content: bytes) -> None:
    """An office document: a real one of its kind, without anything that runs or reaches elsewhere
    (activefiles.office_problem)."""
    try:
        problem = activefiles.office_problem(suffix, content)
    except activefiles.Unreadable as error:
        raise ValueError(f"fichier {label} abîmé ou trop gros une fois décompressé ({error}) : enregistrez-le à nouveau "
                         "depuis le logiciel qui l'a créé") from None
    if problem == activefiles.NOT_OF_ITS_KIND:
        raise ValueError(f"le contenu du fichier n'est pas un {label} : enregistrez-le à nouveau au format {label}")
    if problem:
        raise ValueError(f"ce document contient {problem} : enregistrez-le sans (au format {suffix}), ou en PDF")


def _check_pdf(content: bytes) -> None:
    try:
        problem = activefiles.pdf_problem(content)
    except activefiles.TooComplex as error:
        raise ValueError(f"PDF de plus de {error} objets : trop complexe pour un support ; enregistrez-le à nouveau "
                         "en PDF « taille réduite » ou « optimisé », ou découpez-le") from None
    except activefiles.Unreadable:
        raise ValueError("fichier PDF abîmé : enregistrez-le à nouveau en PDF depuis le logiciel qui l'a créé") from None
    if problem:
        raise ValueError(f"ce PDF contient {problem} : exportez-le à nouveau en PDF « standard » ou « PDF/A » "
                         "(sans formulaire actif ni script), ou imprimez-le en PDF")
