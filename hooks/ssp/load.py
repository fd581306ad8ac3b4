"""Load every campaign folder: read all files, collect all problems, then build models.

Nothing is returned while a problem is pending: the caller gets either the
complete, valid content or a ContentError listing every problem of every file.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import markup
from .models import Edition, EditionMeta, Event, EventMeta, Occurrence
from .problems import ContentError, Problem
from .source import Document, parse_yaml, read_text, split_front_matter
from .validate import validate
from .vocab import timezone_of

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def load_campaigns(campaigns_dir: Path, project_dir: Path) -> list[Edition]:
    """All editions, newest first, or ContentError with every problem."""
    problems: list[Problem] = []
    editions: list[Edition] = []
    if not campaigns_dir.is_dir():
        raise ContentError([Problem(_rel(campaigns_dir, project_dir), 0, "", "dossier des campagnes introuvable")])
    for folder in sorted(campaigns_dir.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        if edition := _load_edition(folder, project_dir, problems):
            editions.append(edition)
    if problems:
        raise ContentError(problems)
    return sorted(editions, key=lambda edition: edition.year, reverse=True)


def _load_edition(folder: Path, project_dir: Path, problems: list[Problem]) -> Edition | None:
    """An edition and its events; problems are added to `problems`, events checked even when edition.yml fails."""
    rel = _rel(folder, project_dir)
    if not re.fullmatch(r"\d{4}", folder.name):
        problems.append(Problem(rel, 0, "", "le nom d'un dossier d'édition est une année, par exemple 2017"))
        return None
    meta = None
    try:
        meta = _load_edition_meta(folder, project_dir)
    except ContentError as error:
        problems += error.problems
    events = []
    events_dir = folder / "events"
    for path in sorted(events_dir.iterdir()) if events_dir.is_dir() else []:
        try:
            if event := load_event(path, int(folder.name), project_dir):
                events.append(event)
        except ContentError as error:
            problems += error.problems
    if meta is None:
        return None
    return Edition(meta, _rel(folder / "edition.yml", project_dir), markup.render(meta.summary),
                   tuple(sorted(events, key=lambda event: event.sort_key)))


def _load_edition_meta(folder: Path, project_dir: Path) -> EditionMeta:
    path = folder / "edition.yml"
    rel = _rel(path, project_dir)
    if not path.is_file():
        raise ContentError([Problem(rel, 0, "", "fichier manquant : chaque dossier d'édition a un edition.yml "
                                                "(year, theme, start, end)")])
    document = parse_yaml(read_text(path, rel), rel)
    meta = validate(EditionMeta, document, rel)
    if str(meta.year) != folder.name:
        raise ContentError([Problem(rel, document.line_of(("year",)), "year",
                                    f"l'année {meta.year} ne correspond pas au dossier {folder.name}")])
    return meta


def load_event(path: Path, year: int, project_dir: Path) -> Event | None:
    """One event file, or None for files that are not content (hidden files)."""
    rel = _rel(path, project_dir)
    if path.name.startswith(".") or path.is_dir():
        return None
    if path.suffix != ".md":
        raise ContentError([Problem(rel, 0, "", "seuls les fichiers .md sont permis dans events/ ; renommez-le en .md")])
    if not SLUG_RE.fullmatch(path.stem):
        raise ContentError([Problem(rel, 0, "", f"nom de fichier invalide : minuscules, chiffres et tirets seulement, "
                                                 f"par exemple « {slugify(path.stem) or 'mon-action'}.md »")])
    front, body, first_line = split_front_matter(read_text(path, rel), rel)
    document = parse_yaml(front, rel, first_line)
    meta = validate(EventMeta, document, rel)
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
        field = ".".join(str(part + 1) if isinstance(part, int) else part for part in key)
        raise ContentError([Problem(rel, document.line_of(key), field,
                                    f"l'heure {moment:%H:%M} du {moment:%Y-%m-%d} n'existe pas (passage à l'heure d'été) ; choisissez une autre heure")])
    return aware


def slugify(text: str) -> str:
    """« Portes ouvertes à la maternité ! » → « portes-ouvertes-a-la-maternite »"""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def _rel(path: Path, project_dir: Path) -> str:
    try:
        return path.resolve().relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
