"""Load every campaign folder: read all files, collect all problems, then build models.

Nothing is returned while a problem is pending: the caller gets either the
complete, valid content or a ContentError listing every problem of every file.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from . import carryover, communes, markup
from . import materials as material_files
from .cache import Cache
from .content import Contact, IdeasMeta, MaterialItem, Partnership
from .folders import SLUG_RE, content_files, is_clutter, links
from .folders import rel as _rel
from .kinds import IN_EDITION, SHARED, Kind
from .models import Edition, EditionMeta, Event, EventMeta, Occurrence
from .parallel import parallel_map
from .problems import ContentError, Problem
from .source import Document, body_line, parse_yaml, read_bytes, read_text, split_front_matter
from .text import slugify
from .thumbnails import thumbnail
from .urls import link
from .validate import field_label, validate
from .vocab import timezone_of

IDEAS = "partenariat/idees-recues.yml"
SHARED_FOLDERS = {kind.folder.split("/")[0] for kind in SHARED}  # campaigns/ folders that are not editions
PARTNERSHIP = {item.name for item in fields(Partnership)}  # the kinds kept there (contact cards: Campaigns.contacts)
YEAR_RE = re.compile(r"\d{4}")
EDITION_PARTS = {"edition.yml", "events"} | {kind.folder for kind in IN_EDITION}  # with the folders of its materials


@dataclass(frozen=True)
class Campaigns:
    editions: list[Edition]
    contacts: dict[str, Contact] = field(default_factory=dict)
    partnership: Partnership = field(default_factory=Partnership)


def load_all(campaigns_dir: Path, project_dir: Path, workers: int = 1, prepare=None, cache: Cache | None = None) -> Campaigns:
    """Every content file under campaigns/, or ContentError with every problem of every file.
    Event files are loaded by `workers` processes; `prepare(event)`, a module-level function
    (or a partial of one), is called on each newly loaded event in its worker: the cache entries
    it returns are added to `cache`. An event file unchanged since a build that used `cache` is
    not read again."""
    if not campaigns_dir.is_dir():
        raise ContentError([Problem(_rel(campaigns_dir, project_dir), 0, "", "dossier des campagnes introuvable")])
    problems: list[Problem] = links(campaigns_dir, project_dir)  # never followed: refused, each named
    problems += [Problem(_rel(path, project_dir), 0, "", "fichier non lu à cet endroit : le contenu se range dans "
                                                         "campaigns/<année>/, contacts/ ou partenariat/")
                 for path in sorted(campaigns_dir.iterdir())
                 if path.is_file() and not path.is_symlink() and not is_clutter(path.name)]
    problems += _shared_strays(campaigns_dir, project_dir)
    # contact cards, quizzes, workshops, project sheets (kinds.py): they name nothing
    shared = {kind.name: _load_items(kind, campaigns_dir / kind.folder, project_dir, problems, {}) for kind in SHARED}
    contacts: dict[str, Contact] = {item.slug: item for item in shared["contact"]}
    kept: dict[str, Any] = {kind.field: tuple(shared[kind.name]) for kind in SHARED if kind.field in PARTNERSHIP}
    partnership = Partnership(*_load_ideas(campaigns_dir / IDEAS, project_dir, problems), **kept)
    known = {"contacts": set(contacts), "sheets": {sheet.slug for sheet in partnership.sheets}}
    folders = [folder for folder in sorted(campaigns_dir.iterdir())
               if not folder.name.startswith(".") and folder.is_dir() and folder.name not in SHARED_FOLDERS]
    events = _load_events([folder for folder in folders if YEAR_RE.fullmatch(folder.name)], project_dir, known, workers,
                          prepare, Cache() if cache is None else cache)
    problems += carryover.problems(events, project_dir)
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


def _load_folder(folder: Path, suffix: str, project_dir: Path, problems: list[Problem], load) -> list:
    """Every content file of a folder loaded by `load`, problems collected (and what else it holds: content_files)."""
    items = []
    paths, found = content_files(folder, suffix, project_dir)
    problems += found
    for path in paths:
        try:
            items.append(load(path))
        except ContentError as error:
            problems += error.problems
    return items


def _load_events(folders: list[Path], project_dir: Path, known: dict[str, set[str]], workers: int, prepare,
                 cache: Cache) -> dict[Path, list]:
    """Each edition folder's events, as Event or list of problems, in file order."""
    files, refused = {}, {}
    for folder in folders:
        files[folder], refused[folder] = content_files(folder / "events", ".md", project_dir)
    results, jobs, kept = {}, [], any(key[0] == "event" for key in cache.entries)  # else the worker loading a file reads it
    for folder, paths in files.items():
        for path in paths:
            try:
                raw = read_bytes(path, _rel(path, project_dir)) if kept else None
            except ContentError:
                raw = None  # load_event says so, in French
            digest = raw is not None and event_digest(raw, _rel(path, project_dir), int(folder.name), known, project_dir)
            results[path] = cache.entries[("event", digest)] if digest and cache.has(("event", digest)) else None
            if results[path] is None:
                jobs.append((path, int(folder.name), raw, digest or None))
    if jobs:  # the communes table (town ↔ postal code checks), read once here: the workers inherit it, and
        communes.communes()  # the live preview's rebuilds, made in this process, find it ready
    for (path, *_), (result, made) in zip(jobs, parallel_map(_load_event_job, (project_dir, known, prepare), jobs,
                                                                 workers, "lecture des actions")):
        results[path] = result
        cache.add(made)
        if isinstance(result, Event):
            cache.add({("event", result.digest): result})
    return {folder: [results[path] for path in paths] + [refused[folder]] for folder, paths in files.items()}


def _load_event_job(context: tuple, job: tuple) -> tuple[Event | list[Problem], dict]:
    """In a worker: an event file loaded (or its problems), and the cache entries `prepare` made from it."""
    project_dir, known, prepare = context
    path, year, raw, digest = job
    try:
        event = load_event(path, year, project_dir, known, raw, digest)
    except ContentError as error:
        return error.problems, {}
    return event, prepare(event) if prepare else {}


def event_digest(raw: bytes, rel: str, year: int, known: dict[str, set[str]] | None, project_dir: Path) -> str:
    """What an event is made from: its file's bytes and place, its edition, the contacts it may name."""
    digest = hashlib.sha256()
    for part in (str(project_dir), rel, str(year), "\n".join(sorted(known["contacts"])) if known else "-"):
        digest.update(part.encode() + b"\0")
    digest.update(raw)
    return digest.hexdigest()


def read_model(path: Path, project_dir: Path, model, front_matter: bool = False, raw: bytes | None = None):
    """(validated model, Markdown body, document with lines, relative path) of a YAML or Markdown file
    (`raw`: its bytes when already read)."""
    rel = _rel(path, project_dir)
    whole = text = read_text(path, rel, raw)
    body, first_line = "", 1
    in_body: list[Problem] = []  # the text's problems, said with the header's
    if front_matter:
        text, body, first_line = split_front_matter(whole, rel)
        if refused := markup.problems(body):
            shift = body_line(whole, body) - 1  # from the text's lines to the file's
            in_body = [Problem(rel, error.line + shift, "", error.in_file(shift)) for error in refused]
    try:
        document = parse_yaml(text, rel, first_line)
        validated = validate(model, document, rel)
    except ContentError as error:  # the header's problems and the text's, in one run
        raise ContentError(error.problems + in_body) from None
    if in_body:
        raise ContentError(in_body)
    return validated, body, document, rel


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


def _load_items(kind: Kind, folder: Path, project_dir: Path, problems: list[Problem], known: dict[str, set[str]],
                year: int | None = None) -> tuple:
    """Every file of a folder of one kind (kinds.py), in the kind's order; problems are added to `problems`."""
    def load(path: Path):
        meta, body, document, rel = read_model(path, project_dir, kind.meta, front_matter=kind.suffix == ".md")
        check_references(kind.references(meta), known, document, rel)
        return kind.item(path.stem, rel, meta, **({"year": year} if kind.in_edition else {}), **kind.html(meta, body))

    items = _load_folder(folder, kind.suffix, project_dir, problems, load)
    return tuple(sorted(items, key=kind.order, reverse=kind.newest_first) if kind.order else items)


def _shared_strays(campaigns_dir: Path, project_dir: Path) -> list[Problem]:
    """What a shared folder holding other folders (partenariat/) has besides them: said, never skipped."""
    expected = [kind.folder for kind in SHARED] + [IDEAS]
    problems = []
    for top in sorted(SHARED_FOLDERS):
        parts = sorted(path.split("/", 1)[1] for path in expected if path.startswith(top + "/"))
        folder = campaigns_dir / top
        if not parts or not folder.is_dir():
            continue  # contacts/: its files are the kind's own (folders.content_files says the rest)
        said = " et ".join(filter(None, [", ".join(p for p in parts if "." in p),
                                         "les dossiers " + ", ".join(p + "/" for p in parts if "." not in p)]))
        problems += [Problem(_rel(path, project_dir), 0, "", f"{'dossier' if path.is_dir() else 'fichier'} non lu : "
                             f"campaigns/{top}/ contient {said} ; déplacez-le ou supprimez-le")
                     for path in sorted(folder.iterdir())
                     if path.name not in parts and not is_clutter(path.name) and not path.is_symlink()]
    return problems


def _load_ideas(path: Path, project_dir: Path, problems: list[Problem]) -> tuple[IdeasMeta | None, str]:
    """campaigns/partenariat/idees-recues.yml, when there is one, and its introduction in HTML."""
    if not path.is_file():
        return None, ""
    try:
        ideas = read_model(path, project_dir, IdeasMeta)[0]
    except ContentError as error:
        problems += error.problems
        return None, ""
    return ideas, markup.render(ideas.intro)


def _load_edition(folder: Path, project_dir: Path, problems: list[Problem], known: dict[str, set[str]],
                  loaded: list[Event | list[Problem]]) -> Edition | None:
    """An edition and its (already loaded) events; problems are added to `problems`, events checked
    even when edition.yml fails."""
    rel = _rel(folder, project_dir)
    if not YEAR_RE.fullmatch(folder.name):
        problems.append(Problem(rel, 0, "", "le nom d'un dossier d'édition est une année, par exemple 2017"))
        return None
    meta: EditionMeta | None = None
    materials: tuple[MaterialItem, ...] = ()
    try:
        meta, document = _load_edition_meta(folder, project_dir)
        materials = _materials(meta, document, folder, project_dir)
    except ContentError as error:
        problems += error.problems
    problems += _strays(folder, meta, project_dir)
    year = int(folder.name)
    events = [result for result in loaded if isinstance(result, Event)]
    problems += [problem for result in loaded if not isinstance(result, Event) for problem in result]
    problems += _same_actions(events)
    items = {kind.name: _load_items(kind, folder / kind.folder, project_dir, problems, known, year) for kind in IN_EDITION}
    if meta is None:
        return None
    return Edition(meta, _rel(folder / "edition.yml", project_dir), markup.render(meta.summary),
                   tuple(sorted(events, key=lambda event: event.sort_key)), materials, items["call"])


def _strays(folder: Path, meta: EditionMeta | None, project_dir: Path) -> list[Problem]:
    """Files of an edition folder that nothing reads: said, never skipped in silence."""
    if meta is None:
        return []
    used = {os.path.abspath(folder / item.file) for item in meta.materials if item.file}
    parts = EDITION_PARTS | {item.file.split("/")[0] for item in meta.materials if item.file}
    strays = [path for path in folder.iterdir() if path.name not in parts]
    strays += [path for part in parts - EDITION_PARTS if (folder / part).is_dir() and not (folder / part).is_symlink()
               for parent, _, names in os.walk(folder / part) for path in map(Path(parent).joinpath, names)
               if os.path.abspath(path) not in used]
    return [Problem(_rel(path, project_dir), 0, "", "dossier non lu : un dossier d'édition contient edition.yml, events/, "
                                                    "appels/ et les dossiers de ses supports ; déplacez ou supprimez-le"
                    if path.is_dir() else "fichier non utilisé : ajoutez-le aux « materials » de edition.yml, ou "
                                          "retirez-le du dossier")
            for path in sorted(strays) if not is_clutter(path.name) and not path.is_symlink()]


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
        output = link("material", year=meta.year, name=path.name)
        key, line = f"materials.{index + 1}.file", document.line_of(("materials", index, "file"))
        try:
            name_problem = _material_name(material.file)
            if name_problem:
                raise ValueError(name_problem)
            if not path.is_file() and not path.is_symlink():
                raise ValueError(f"fichier « {material.file} » introuvable dans {_rel(folder, project_dir)}")
            if output in outputs:
                raise ValueError(f"deux supports s'appellent « {path.name} » ; renommez l'un d'eux")
            content = read_bytes(path, rel, material_files.MAX_MATERIAL_BYTES)
            label, is_image = material_files.check(path.name, content)
            small = thumbnail(content) if is_image else None
        except ValueError as error:
            problems.append(Problem(rel, line, key, str(error)))
        except ContentError as error:  # a link, a file too big or unreadable
            problems += [Problem(rel, line, key, f"« {material.file} » : {problem.message}") for problem in error.problems]
        else:
            outputs.add(output)
            items.append(MaterialItem(material, output, len(content), label, is_image, content, small))
    if problems:
        raise ContentError(problems)
    return tuple(items)


def _material_name(file: str) -> str:
    """The slug rule for a material's folders and name: what a web address can hold as it is."""
    *folders, name = file.split("/")
    stem, _, suffix = name.rpartition(".")
    if all(SLUG_RE.fullmatch(part) for part in folders + [stem]) and suffix.isalnum() and suffix == suffix.lower():
        return ""
    return (f"nom de fichier « {file} » invalide : minuscules, chiffres et tirets seulement, par exemple "
            f"« {'/'.join(slugify(part) or 'supports' for part in folders + [stem])}.{slugify(suffix) or 'pdf'} » "
            "(renommez aussi le fichier)")


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
               raw: bytes | None = None, digest: str | None = None) -> Event:
    """One event file (campaigns/<year>/events/<slug>.md); `raw`: its bytes when already read,
    `digest`: their event_digest when already computed."""
    raw = read_bytes(path, _rel(path, project_dir)) if raw is None else raw
    meta, body, document, rel = read_model(path, project_dir, EventMeta, front_matter=True, raw=raw)
    problems = []
    if known is not None:
        try:
            check_references([(meta.organizer_contact, "contacts", ("organizer_contact",))], known, document, rel)
        except ContentError as error:
            problems += error.problems
    if outside := meta.day_outside(year):
        key, wrong = outside
        problems.append(Problem(rel, document.line_of(key), field_label(key),
                                f"l'action a lieu en {wrong.year}, hors de l'édition {year} : corrigez l'année, ou déplacez "
                                f"le fichier dans campaigns/{wrong.year}/events/ ; si c'est voulu, ajoutez « outside_year: true »"))
    if problems:
        raise ContentError(problems)
    timezone = timezone_of(meta.region)
    occurrences = _occurrences(meta, ZoneInfo(timezone), document, rel)
    return Event(path.stem, year, rel, meta, timezone, markup.render(body), occurrences,
                 digest or event_digest(raw, rel, year, known, project_dir), body.strip())


def _occurrences(meta: EventMeta, zone: ZoneInfo, document: Document, rel: str) -> tuple[Occurrence, ...]:
    ranges: list[tuple[tuple, Any, Any, int]] = (  # start, end: dates or date-times (check_range made them so)
        [((), meta.start, meta.end, 0)] if meta.slots is None
        else [(("slots", index), slot.start, slot.end, index + 1) for index, slot in enumerate(meta.slots)])
    problems: list[Problem] = []
    result: list[Occurrence] = []
    for key, start, end, index in ranges:
        try:
            first = _local(start, zone, rel, document, key + ("start",))
            assert first is not None  # EventMeta's contract: a start, or slots that each have one
            result.append(Occurrence(first, _local(end, zone, rel, document, key + ("end",)), index))
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
