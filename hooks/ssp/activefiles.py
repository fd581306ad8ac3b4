"""What a document sent as a communication material may not hold: anything a reader's viewer or
office program would run, or that would make it reach another address on its own.

PDF (read with pypdf, every object, names decoded): JavaScript (/JS, /JavaScript), actions that
launch, submit, import or run (/Launch, /SubmitForm, /ImportData, /Rendition…), automatic actions
(/AA, /OpenAction other than « go to a page »), embedded files, XFA forms, rich media.

Office Open XML (.docx, .pptx, .xlsx) and OpenDocument (.odt, .odp, .ods): macros in any form
(VBA project, renamed or not — any OLE compound file inside —, macro-enabled content types, Basic
and script folders, script event listeners), OLE and ActiveX objects, links to other files or
addresses that the program follows by itself (attached template, external workbook, linked
object, frame, sub-document, DDE field or formula, linked section or table). Hyperlinks, which
a reader follows by choice, are allowed.

Every member of an archive is read with a size cap: a « zip bomb » is refused, never inflated.
"""

from __future__ import annotations

import html
import io
import logging
import re
import zipfile
from collections.abc import Iterable

MAX_MEMBERS = 5_000
MAX_MEMBER_BYTES = 100_000_000  # one part once decompressed (a large embedded image is 20 MB)
MAX_TOTAL_BYTES = 300_000_000  # every part together
NOT_OF_ITS_KIND = "not of its kind"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: VBA projects, OLE objects, old Office formats
ODF_MIMETYPES = {".odt": b"application/vnd.oasis.opendocument.text",
                 ".odp": b"application/vnd.oasis.opendocument.presentation",
                 ".ods": b"application/vnd.oasis.opendocument.spreadsheet"}


class Unreadable(Exception):
    """A file its own format cannot read, or one too large once decompressed."""


class TooComplex(Unreadable):
    """A PDF of more objects than a material ever has: not read further."""


# --- PDF -------------------------------------------------------------------------------------------

PDF_KEYS = {"/JS": "du JavaScript", "/JavaScript": "du JavaScript", "/AA": "des actions automatiques",
            "/Launch": "une action qui lance un programme", "/SubmitForm": "un formulaire qui envoie des données",
            "/ImportData": "une action qui importe des données", "/EmbeddedFile": "un fichier joint",
            "/EmbeddedFiles": "un fichier joint", "/XFA": "un formulaire XFA", "/RichMedia": "un contenu multimédia actif"}
PDF_ACTIONS = {"/JavaScript": "du JavaScript", "/Launch": "une action qui lance un programme",
               "/SubmitForm": "un formulaire qui envoie des données", "/ImportData": "une action qui importe des données",
               "/Rendition": "une action multimédia", "/GoToE": "un lien vers un fichier joint",
               "/GoToR": "un lien vers un autre fichier", "/Movie": "une action multimédia", "/Sound": "une action multimédia",
               "/SetOCGState": "une action qui modifie l'affichage", "/Hide": "une action qui masque du contenu",
               "/Trans": "une action de transition", "/ResetForm": "une action de formulaire",
               "/RichMediaExecute": "une action multimédia"}
PDF_MAX_DEPTH = 40
PDF_MAX_OBJECTS = 100_000  # a poster has hundreds, a long report tens of thousands; each costs pypdf about 30 µs


def pdf_problem(content: bytes) -> str:
    """What a PDF holds that runs or acts by itself (in French), or ""; Unreadable when pypdf cannot read it."""
    from pypdf import PdfReader
    from pypdf.generic import IndirectObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not the editor's business
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        numbers = {(number, generation) for generation, table in reader.xref.items() for number in table}
        numbers |= {(number, 0) for number in reader.xref_objStm}
        if len(numbers) > PDF_MAX_OBJECTS:
            raise TooComplex(f"{PDF_MAX_OBJECTS:,}".replace(",", "\u202f"))
        roots = [reader.trailer] + [reader.get_object(IndirectObject(number, generation, reader))
                                    for number, generation in sorted(numbers)]
    except TooComplex:
        raise
    except Exception as error:  # pypdf on a hostile file: any error it raises means « cannot be read »
        raise Unreadable(str(error)) from None
    for root in roots:
        if found := _pdf_walk(root, 0):
            return found
    return ""


def _pdf_walk(value, depth: int) -> str:
    """Every direct dictionary and array inside an object (indirect ones are visited on their own)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    if depth > PDF_MAX_DEPTH:
        return "des objets imbriqués trop profondément"
    if isinstance(value, DictionaryObject):
        for key in value:
            if key in PDF_KEYS:
                return PDF_KEYS[key]
        action = _resolved(value.get("/S"))  # a name, or a reference to one
        if isinstance(action, str) and action in PDF_ACTIONS:
            return PDF_ACTIONS[action]
        if value.get("/Type") in ("/EmbeddedFile", "/Filespec") and "/EF" in value:
            return "un fichier joint"
        opening = _resolved(value.get("/OpenAction"))
        if isinstance(opening, DictionaryObject) and _resolved(opening.get("/S")) not in (None, "/GoTo"):
            return PDF_ACTIONS.get(_resolved(opening.get("/S")), "une action à l'ouverture")
        children: Iterable = value.values()
    elif isinstance(value, ArrayObject):
        children = value
    else:
        return ""
    for child in children:
        if found := _pdf_walk(child, depth + 1):
            return found
    return ""


def _resolved(value):
    """The object a reference points to (indirect objects are read on their own too, but a name is
    only recognised where it is used)."""
    try:
        return value.get_object() if hasattr(value, "get_object") else value
    except Exception:  # a dangling reference in a hostile file
        return None


# --- Office documents -------------------------------------------------------------------------------

# Relationship types a program follows by itself when they point outside the document
EXTERNAL_TARGET = re.compile(rb'TargetMode\s*=\s*["\']External["\']', re.IGNORECASE)
RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*>", re.IGNORECASE)
RELATIONSHIP_TYPE = re.compile(rb'Type\s*=\s*["\']([^"\']*)["\']', re.IGNORECASE)
OOXML_CONTENT_TYPES = {b"vbaproject": "des macros", b"macroenabled": "des macros", b"activex": "un contrôle ActiveX",
                       b"oleobject": "un objet OLE", b"vbadata": "des macros", b"keymapcustomizations": "des macros"}
OOXML_PARTS = {"vbaproject": "des macros", "vbadata": "des macros", "activex/": "un contrôle ActiveX",
               "oleobject": "un objet OLE", "externallinks/": "une liaison vers un autre classeur",
               "embeddings/": "un objet incorporé", "attachedtoolbars": "des macros"}
# Field codes, and =cmd|'…'!A0 formulas: a name is tried from its first character only (tried from each one,
# a formula of 1 MB of letters took minutes)
DDE = re.compile(rb"\b(DDE|DDEAUTO)\b|(?<![A-Za-z0-9_])[A-Za-z0-9_]+\|'[^']*'!", re.IGNORECASE)
ODF_FOLDERS = ("basic/", "scripts/", "object ", "objectreplacements/")
ODF_ACTIVE = re.compile(rb"<script:event-listener\b|<office:script\b(?![^>]*/>)|(?:macro|vnd\.sun\.star\.script|"
                        rb"vnd\.sun\.star\.basic):|<text:section-source\b|<table:table-source\b|<table:cell-range-source\b|"
                        rb"<draw:applet\b|<draw:plugin\b|<draw:object-ole\b|<text:dde-connection|<table:dde-link|"
                        rb"<office:dde-source", re.IGNORECASE)
ODF_OBJECT_ELSEWHERE = re.compile(rb"<draw:object\b[^>]*xlink:href\s*=\s*[\"'](?!\./|#)", re.IGNORECASE)


def office_problem(suffix: str, content: bytes) -> str:
    """What an office document holds that runs or reaches elsewhere (in French), NOT_OF_ITS_KIND, or ""."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except Exception as error:  # zipfile on a hostile file: any error means « cannot be read »
        raise Unreadable(str(error)) from None
    if len(members) > MAX_MEMBERS:
        raise Unreadable(f"plus de {MAX_MEMBERS} parties")
    names = {member.filename.lower(): member for member in members}
    if suffix in ODF_MIMETYPES:
        if "mimetype" not in names or _read(archive, names["mimetype"], 200).strip() != ODF_MIMETYPES[suffix]:
            return NOT_OF_ITS_KIND
    elif "[content_types].xml" not in names:
        return NOT_OF_ITS_KIND
    total = 0
    for name, member in names.items():
        if found := _part_name_problem(suffix, name):
            return found
        data = _read(archive, member, MAX_MEMBER_BYTES)
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            raise Unreadable(f"plus de {MAX_TOTAL_BYTES // 1_000_000} Mo une fois décompressé")
        if data.startswith(OLE):
            return "des macros ou un objet OLE"
        if found := _part_problem(suffix, name, data):
            return found
    return ""


def _read(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, never more than `limit` inflated (its declared size may lie)."""
    try:
        with archive.open(member) as handle:
            data = handle.read(limit + 1)
    except Exception as error:  # a damaged member (bad CRC, unknown compression, encrypted…)
        raise Unreadable(str(error)) from None
    if len(data) > limit:
        raise Unreadable(f"la partie « {member.filename} » est bien plus grosse qu'elle ne devrait")
    return data


def _part_name_problem(suffix: str, name: str) -> str:
    if suffix in ODF_MIMETYPES:
        if name.startswith(ODF_FOLDERS):
            return "des macros ou un objet incorporé"
        return ""
    return next((what for part, what in OOXML_PARTS.items() if part in name), "")


def _part_problem(suffix: str, name: str, data: bytes) -> str:
    if not name.endswith((".xml", ".rels")):
        return ""
    if suffix in ODF_MIMETYPES:
        if name == "meta-inf/manifest.xml":
            return "des macros" if re.search(rb"media-type=\"[^\"]*(script|basic)", data, re.IGNORECASE) else ""
        if ODF_ACTIVE.search(data) or ODF_OBJECT_ELSEWHERE.search(data):
            return "des macros, un objet ou une liaison vers un autre fichier"
        return ""
    if name == "[content_types].xml":
        lowered = data.lower()
        return next((what for marker, what in OOXML_CONTENT_TYPES.items() if marker in lowered), "")
    if name.endswith(".rels"):
        for relationship in RELATIONSHIP.findall(data):
            found = RELATIONSHIP_TYPE.search(relationship)
            kind = found.group(1).rsplit(b"/", 1)[-1].lower() if found else b""
            if kind in (b"vbaproject", b"activexcontrol", b"oleobject", b"control"):
                return "des macros, un objet OLE ou un contrôle ActiveX"
            if EXTERNAL_TARGET.search(relationship) and kind != b"hyperlink":
                return "une liaison vers un autre fichier ou une adresse (modèle attaché, classeur lié, objet lié)"
        return ""
    if DDE.search(b"\n".join(_texts(data))):
        return "un champ ou une formule DDE (qui lance un programme)"
    return ""


def _texts(data: bytes) -> list[bytes]:
    """Field codes (Word) and formulas (Excel) of a part."""
    return [html.unescape(next(group for group in groups if group).decode("utf-8", "replace")).encode() for groups in
            re.findall(rb"<w:instrText[^>]*>([^<]*)<|w:instr=\"([^\"]*)\"|<f(?:\s[^>]*)?>([^<]*)</f>", data)
            if any(groups)]
