"""Which files may be published as communication materials: formats that kits use, checked by
their extension and by their content, never a format a browser would run (HTML, SVG, scripts)."""

from __future__ import annotations

import io
import zipfile

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
OFFICE_MIMETYPES = {".odt": b"application/vnd.oasis.opendocument.text",
                    ".odp": b"application/vnd.oasis.opendocument.presentation",
                    ".ods": b"application/vnd.oasis.opendocument.spreadsheet"}
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
                         + ", ".join(sorted(set(label for label, _ in ALLOWED.values()))))
    label, signatures = ALLOWED[suffix]
    if not all(content[offset:offset + len(magic)] == magic for offset, magic in signatures):
        raise ValueError(f"le contenu du fichier n'est pas un {label} : il a sans doute été renommé ; "
                         f"enregistrez-le à nouveau au format {label} depuis le logiciel qui l'a créé")
    if signatures == [ZIP]:
        _check_office(suffix, label, content)
    return label, suffix in IMAGES


def _check_office(suffix: str, label: str, content: bytes) -> None:
    """An office document: a real one of its kind, and without macros."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, KeyError, OSError):
        raise ValueError(f"fichier {label} abîmé : enregistrez-le à nouveau depuis le logiciel qui l'a créé") from None
    if any(name.lower().endswith("vbaproject.bin") or name.lower().startswith("basic/") for name in names):
        raise ValueError(f"ce document contient des macros : enregistrez-le sans macros (au format {suffix}) ou en PDF")
    real = mimetype.strip() == OFFICE_MIMETYPES[suffix] if suffix in OFFICE_MIMETYPES else "[Content_Types].xml" in names
    if not real:
        raise ValueError(f"le contenu du fichier n'est pas un {label} : enregistrez-le à nouveau au format {label}")
