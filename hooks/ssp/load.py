"""Load every campaign folder: read all files, collect all problems, then build models.

Nothing is returned while a problem is pending: the caller gets either the
complete, valid content or a ContentError listing every problem of every file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import markup
from .content import (Call, CallMeta, Contact, ContactMeta, IdeasMeta, MaterialItem, Partnership, Quiz, QuizMeta,
                      Sheet, SheetMeta, Workshop, WorkshopMeta)
from .models import Edition, EditionMeta, Event, EventMeta, Occurrence
from .parallel import parallel_map
from .problems import ContentError, Problem
from .source import Document, parse_yaml, read_bytes, read_text, split_front_matter
from .text import slugify
from .validate import field_label, validate
from .vocab import timezone_of

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SHARED_FOLDERS = {"contacts", "partenariat"}  # campaigns/ folders that are not editions
YEAR_RE = re.compile(r"\d{4}")
FORMATS = {".pdf": "PDF", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WebP",
           ".svg": "SVG", ".mp4": "MP4", ".webm": "WebM", ".zip": "ZIP", ".docx": "Word", ".odt": "ODT",
           ".pptx": "PowerPoint", ".odp": "ODP", ".xlsx": "Excel", ".ods": "ODS"}
IMAGES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
# Files that operating systems and office programs leave beside documents: never content.
CLUTTER_NAMES = {"thumbs.db", "ehthumbs.db", "desktop.ini", ".ds_store"}
CLUTTER_PREFIXES = ("~$", "._", ".~lock.", ".ssp-import-")  # Office and LibreOffice locks, macOS forks, an import underway
WINDOWS_COPY_RE = re.compile(r"(.+?)(?: - (?:Copie|Copy)(?: \(\d+\))?| \(\d+\))$")


@dataclass(frozen=True)
class Campaigns:
    editions: list[Edition]
    contacts: dict[str, Contact] = field(default_factory=dict)
    partnership: Partnership = field(default_factory=Partnership)


def load_all(campaigns_dir: Path, project_dir: Path, workers: int = 1, prepare=None) -> Campaigns:
    """Every content file under campaigns/, or ContentError with every problem of every file.
    Event files are loaded by `workers` processes; `prepare(event)` is called on each newly
    loaded event in its worker (what it keeps in event.memo travels back with the event)."""
    if not campaigns_dir.is_dir():
        raise ContentError([Problem(_rel(campaigns_dir, project_dir), 0, "", "dossier des campagnes introuvable")])
    problems: list[Problem] = []
    contacts = {item.slug: item for item in _load_folder(campaigns_dir / "contacts", ".yml", project_dir, problems,
                                                        lambda path: _load_contact(path, project_dir))}
    partnership = _load_partnership(campaigns_dir / "partenariat", project_dir, problems)
    known = {"contacts": set(contacts), "sheets": {sheet.slug for sheet in partnership.sheets}}
    folders = [folder for folder in sorted(campaigns_dir.iterdir())
               if not folder.name.startswith(".") and folder.is_dir() and folder.name not in SHARED_FOLDERS]
    events = _load_events([folder for folder in folders if YEAR_RE.fullmatch(folder.name)], project_dir, known, workers, prepare)
    editions: list[Edition] = []
    for folder in folders:
        if edition := _load_edition(folder, project_dir, problems, known, events.get(folder, [])):
            editions.append(edition)
    if problems:
        raise ContentError(problems)
    return Campaigns(sorted(editions, key=lambda edition: edition.year, reverse=True), contacts, partnership)


def edition_years(campaigns_dir: Path) -> tuple[int, int] | None:
    """The first and last years of the editions' folders, before anything is loaded."""
    years = [int(folder.name) for folder in campaigns_dir.iterdir() if YEAR_RE.fullmatch(folder.name)] \
        if campaigns_dir.is_dir() else []
    return (min(years), max(years)) if years else None


def is_clutter(name: str) -> bool:
    return name.lower() in CLUTTER_NAMES or name.startswith(CLUTTER_PREFIXES)


def clutter(campaigns_dir: Path, project_dir: Path) -> list[str]:
    """Operating-system and office files found in content folders: ignored, and said so."""
    found = [os.path.join(folder, name) for folder, _, names in os.walk(campaigns_dir) for name in names if is_clutter(name)]
    return sorted(_rel(Path(path), project_dir) for path in found)


def _content_files(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.iterdir())
            if not path.name.startswith(".") and not is_clutter(path.name) and not path.is_dir()] if folder.is_dir() else []


def _load_folder(folder: Path, suffix: str, project_dir: Path, problems: list[Problem], load) -> list:
    """Load every content file of a folder with `load`, collecting problems; hidden files are ignored."""
    items = []
    for path in _content_files(folder):
        try:
            items.append(load(_checked_name(path, suffix, project_dir)))
        except ContentError as error:
            problems += error.problems
    return items


# The live preview loads campaigns/ again after each change: an event file whose bytes, edition
# and known contacts are unchanged is not read again, and keeps what was made from it (Event.memo).
_event_cache: dict[str, tuple[tuple, Event]] = {}


def _load_events(folders: list[Path], project_dir: Path, known: dict[str, set[str]], workers: int, prepare) -> dict[Path, list]:
    """Each edition folder's events, as Event or list of problems, in file order."""
    contacts, results, jobs = frozenset(known["contacts"]), {}, []
    files = {folder: _content_files(folder / "events") for folder in folders}
    for folder, paths in files.items():
        for path in paths:
            try:
                key = (path.read_bytes(), folder.name, contacts, str(project_dir))
            except OSError:
                key = None  # load_event says so, in French
            cached = _event_cache.get(str(path))
            results[path] = cached[1] if key and cached and cached[0] == key else None
            if results[path] is None:
                jobs.append((path, int(folder.name), key))

    def load(job: tuple) -> Event | list[Problem]:
        path, year, key = job
        try:
            event = load_event(_checked_name(path, ".md", project_dir), year, project_dir, known, key and key[0])
        except ContentError as error:
            return error.problems
        if prepare:
            prepare(event)
        return event

    for (path, _, key), result in zip(jobs, parallel_map(load, jobs, workers)):
        results[path] = result
        if key and isinstance(result, Event):
            _event_cache[str(path)] = (key, result)
    for stale in set(_event_cache) - {str(path) for path in results}:
        del _event_cache[stale]
    return {folder: [results[path] for path in paths] for folder, paths in files.items()}


def _checked_name(path: Path, suffix: str, project_dir: Path) -> Path:
    rel = _rel(path, project_dir)
    if path.suffix != suffix:
        raise ContentError([Problem(rel, 0, "", f"seuls les fichiers {suffix} sont permis ici ; renommez-le en {suffix}")])
    if copy := WINDOWS_COPY_RE.fullmatch(path.stem):
        raise ContentError([Problem(rel, 0, "", f"copie de « {copy.group(1)}{suffix} » (faite par l'Explorateur de fichiers) : "
                                                 "supprimez-la si elle est en trop ; sinon donnez-lui un nom à elle, en "
                                                 "minuscules, chiffres et tirets")])
    if not SLUG_RE.fullmatch(path.stem):
        raise ContentError([Problem(rel, 0, "", f"nom de fichier invalide : minuscules, chiffres et tirets seulement, "
                                                 f"par exemple « {slugify(path.stem) or 'mon-contenu'}{suffix} »")])
    return path


def read_model(path: Path, project_dir: Path, model, front_matter: bool = False, raw: bytes | None = None):
    """(validated model, Markdown body, document with lines, relative path) of a YAML or Markdown file
    (`raw`: its bytes when already read)."""
    rel = _rel(path, project_dir)
    text, body, first_line = read_text(path, rel, raw), "", 1
    if front_matter:
        text, body, first_line = split_front_matter(text, rel)
    document = parse_yaml(text, rel, first_line)
    return validate(model, document, rel), body, document, rel


REFERENCES = {  # what a field can point to: (which names, what it is called, where editors create it)
    "contacts": ("fiche contact", "campaigns/contacts/"),
    "sheets": ("fiche projet", "campaigns/partenariat/fiches/"),
}


def check_references(references: list[tuple[str | None, str, tuple]], known: dict[str, set[str]],
                     document: Document, rel: str) -> None:
    """Every (name, kind, key) must name an existing contact card or project sheet; all problems at once."""
    problems = []
    for slug, kind, key in references:
        if slug is not None and slug not in known[kind]:
            what, folder = REFERENCES[kind]
            choices = ", ".join(sorted(known[kind])) or "aucune pour l'instant"
            problems.append(Problem(rel, document.line_of(key), field_label(key),
                                    f"{what} « {slug} » introuvable dans {folder} (existantes : {choices})"))
    if problems:
        raise ContentError(problems)


def _load_contact(path: Path, project_dir: Path) -> Contact:
    meta, _, _, rel = read_model(path, project_dir, ContactMeta)
    return Contact(path.stem, rel, meta)


def _load_partnership(folder: Path, project_dir: Path, problems: list[Problem]) -> Partnership:
    ideas, ideas_intro = None, ""
    if (folder / "idees-recues.yml").is_file():
        try:
            ideas = read_model(folder / "idees-recues.yml", project_dir, IdeasMeta)[0]
            ideas_intro = markup.render(ideas.intro)
        except ContentError as error:
            problems += error.problems

    def quiz(path):
        meta, _, _, rel = read_model(path, project_dir, QuizMeta)
        return Quiz(path.stem, rel, meta, intro_html=markup.render(meta.intro))

    def workshop(path):
        meta, body, _, rel = read_model(path, project_dir, WorkshopMeta, front_matter=True)
        return Workshop(path.stem, rel, meta, synthesis_html=markup.render(body))

    def sheet(path):
        meta, _, _, rel = read_model(path, project_dir, SheetMeta)
        return Sheet(path.stem, rel, meta)

    return Partnership(
        ideas, ideas_intro,
        tuple(_load_folder(folder / "quiz", ".yml", project_dir, problems, quiz)),
        tuple(sorted(_load_folder(folder / "ateliers", ".md", project_dir, problems, workshop),
                     key=lambda item: item.meta.date, reverse=True)),
        tuple(_load_folder(folder / "fiches", ".yml", project_dir, problems, sheet)),
    )


def _load_edition(folder: Path, project_dir: Path, problems: list[Problem], known: dict[str, set[str]],
                  loaded: list[Event | list[Problem]]) -> Edition | None:
    """An edition and its (already loaded) events; problems are added to `problems`, events checked
    even when edition.yml fails."""
    rel = _rel(folder, project_dir)
    if not YEAR_RE.fullmatch(folder.name):
        problems.append(Problem(rel, 0, "", "le nom d'un dossier d'édition est une année, par exemple 2017"))
        return None
    meta, materials = None, ()
    try:
        meta, document = _load_edition_meta(folder, project_dir)
        materials = _materials(meta, document, folder, project_dir)
    except ContentError as error:
        problems += error.problems
    year = int(folder.name)
    events = [result for result in loaded if isinstance(result, Event)]
    problems += [problem for result in loaded if not isinstance(result, Event) for problem in result]
    problems += _same_actions(events)
    calls = _load_folder(folder / "appels", ".md", project_dir, problems,
                         lambda path: _load_call(path, year, project_dir, known))
    if meta is None:
        return None
    return Edition(meta, _rel(folder / "edition.yml", project_dir), markup.render(meta.summary),
                   tuple(sorted(events, key=lambda event: event.sort_key)), materials,
                   tuple(sorted(calls, key=lambda call: call.meta.opens)))


def _same_actions(events: list[Event]) -> list[Problem]:
    """Two files of one edition with the same title, town and start describe the same action."""
    first: dict[tuple, Event] = {}
    problems = []
    for event in sorted(events, key=lambda event: event.source):
        if (other := first.setdefault(event.meta.identity(), event)) is not event:
            message = "même action que {} (même titre, ville, date et heure de début) : supprimez l'un des deux fichiers"
            problems += [Problem(event.source, 0, "", message.format(other.source)),
                         Problem(other.source, 0, "", message.format(event.source))]
    return problems


def _materials(meta: EditionMeta, document: Document, folder: Path, project_dir: Path) -> tuple[MaterialItem, ...]:
    """Shipped files get their format and size computed; a missing file is an error."""
    items, problems, outputs = [], [], set()
    rel = _rel(folder / "edition.yml", project_dir)
    for index, material in enumerate(meta.materials):
        if not material.file:
            items.append(MaterialItem(material))
            continue
        path = folder / material.file
        output = f"{meta.year}/supports/{path.name}"
        key, line = f"materials.{index + 1}.file", document.line_of(("materials", index, "file"))
        if not path.is_file():
            problems.append(Problem(rel, line, key, f"fichier « {material.file} » introuvable dans {_rel(folder, project_dir)}"))
        elif output in outputs:
            problems.append(Problem(rel, line, key, f"deux supports s'appellent « {path.name} » ; renommez l'un d'eux"))
        else:
            outputs.add(output)
            content = read_bytes(path, rel)
            items.append(MaterialItem(material, output, len(content), FORMATS.get(path.suffix.lower(), path.suffix[1:].upper()),
                                      path.suffix.lower() in IMAGES, content))
    if problems:
        raise ContentError(problems)
    return tuple(items)


def _load_call(path: Path, year: int, project_dir: Path, known: dict[str, set[str]]) -> Call:
    meta, body, document, rel = read_model(path, project_dir, CallMeta, front_matter=True)
    check_references([(meta.contact, "contacts", ("contact",))] +
                     [(laureate.sheet, "sheets", ("laureates", index, "sheet")) for index, laureate in enumerate(meta.laureates)],
                     known, document, rel)
    return Call(path.stem, rel, meta, year=year, description_html=markup.render(body))


def _load_edition_meta(folder: Path, project_dir: Path) -> tuple[EditionMeta, Document]:
    path = folder / "edition.yml"
    rel = _rel(path, project_dir)
    if not path.is_file():
        raise ContentError([Problem(rel, 0, "", "fichier manquant : chaque dossier d'édition a un edition.yml "
                                                "(year, theme, start, end)")])
    meta, _, document, rel = read_model(path, project_dir, EditionMeta)
    if str(meta.year) != folder.name:
        raise ContentError([Problem(rel, document.line_of(("year",)), "year",
                                    f"l'année {meta.year} ne correspond pas au dossier {folder.name}")])
    return meta, document


def load_event(path: Path, year: int, project_dir: Path, known: dict[str, set[str]] | None = None,
               raw: bytes | None = None) -> Event:
    """One event file (campaigns/<year>/events/<slug>.md); `raw`: its bytes when already read."""
    meta, body, document, rel = read_model(path, project_dir, EventMeta, front_matter=True, raw=raw)
    problems = []
    if known is not None:
        try:
            check_references([(meta.organizer_contact, "contacts", ("organizer_contact",))], known, document, rel)
        except ContentError as error:
            problems += error.problems
    if not meta.outside_year and (wrong := next((day for day in meta.moments() if day.year != year), None)):
        key = ("start",) if meta.slots is None else ("slots",)
        problems.append(Problem(rel, document.line_of(key), key[0],
                                f"l'action a lieu en {wrong.year}, hors de l'édition {year} : corrigez l'année, ou déplacez "
                                f"le fichier dans campaigns/{wrong.year}/events/ ; si c'est voulu, ajoutez « outside_year: true »"))
    if problems:
        raise ContentError(problems)
    timezone = timezone_of(meta.region)
    occurrences = _occurrences(meta, ZoneInfo(timezone), document, rel)
    return Event(path.stem, year, rel, meta, timezone, markup.render(body), occurrences)


def _occurrences(meta: EventMeta, zone: ZoneInfo, document: Document, rel: str) -> tuple[Occurrence, ...]:
    if meta.slots is None:
        ranges = [((), meta.start, meta.end, 0)]
    else:
        ranges = [(("slots", index), slot.start, slot.end, index + 1) for index, slot in enumerate(meta.slots)]
    problems, result = [], []
    for key, start, end, index in ranges:
        try:
            result.append(Occurrence(_local(start, zone, rel, document, key + ("start",)),
                                     _local(end, zone, rel, document, key + ("end",)), index))
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems)
    return tuple(result)


def _local(moment: date | datetime | None, zone: ZoneInfo, rel: str, document: Document, key: tuple) -> date | datetime | None:
    """Attach the venue's zone; refuse a time skipped by the change to summer time."""
    if not isinstance(moment, datetime):
        return moment
    aware = moment.replace(tzinfo=zone)
    if aware.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None) != moment:
        raise ContentError([Problem(rel, document.line_of(key), field_label(key),
                                    f"l'heure {moment:%H:%M} du {moment:%Y-%m-%d} n'existe pas (passage à l'heure d'été) ; choisissez une autre heure")])
    return aware


def _rel(path: Path, project_dir: Path) -> str:
    """The path as the editor sees it in the project (symbolic links are not followed)."""
    absolute, base = os.path.abspath(path), os.path.join(os.path.abspath(project_dir), "")
    return absolute[len(base):].replace(os.sep, "/") if absolute.startswith(base) else path.as_posix()
