"""Every file the site publishes beside its pages, made by one kind of function: an export takes the
build's ExportContext and returns {path: bytes}. EXPORTS lists them all but the share pictures of actions,
drawn in the background (event_pictures: build.build_site makes it last); build.build_site calls each
in turn (a path made twice stops the build). Adding an export: its function here, a line in EXPORTS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path

from .. import bilan, communes, follow
from ..cache import Cache
from ..context import BuildContext
from ..follow import events_by_place
from ..models import Edition, Event
from ..pages import PageSpec, is_over
from ..urls import link
from ..views import ArchiveView, BilanView
from ..vocab import DEPARTEMENTS, REGION_OF_DEPARTEMENT, departement_calendar_path, region_calendar_path, timezone_of
from . import data, feed, ics, shareimage

Files = dict[str, bytes]


@dataclass(frozen=True)
class ExportContext:
    """What the exports read: the published editions, the pages (for the figures' tables), and the build's facts."""
    project_dir: Path
    editions: list[Edition]
    pages: list[PageSpec]
    build: BuildContext
    calendars: ics.Calendars
    changed: dict[str, datetime]  # source file → its last commit (history.py)
    drawing: Callable[[], object] = lambda: None  # waits for the share pictures drawn in the background (build.py)

    @property
    def site_url(self) -> str:
        return self.build.site_url

    @property
    def today(self) -> date:
        return self.build.today

    @property
    def cache(self) -> Cache:
        return self.build.cache

    @property
    def events(self) -> list[Event]:
        return [event for edition in self.editions for event in edition.events]


def open_data(context: ExportContext) -> Files:
    """Each edition's evenements.json and .csv, the listing's data, the OpenAgenda export."""
    return {path: content for edition in context.editions
            for path, content in data.edition_files(edition, context.site_url, context.cache).items()}


def calendars(context: ExportContext) -> Files:
    """One calendar per event, per edition, per region, département and type of each edition (follow.py), and per
    region and per département with actions over all editions."""
    maker, files = context.calendars, {}
    for edition in context.editions:
        files[link("edition_calendar", year=edition.year)] = maker.calendar(f"Semaine de la sécurité des patients {edition.year}",
                                                                            list(edition.events))
        for event in edition.events:
            files[link("event_calendar", year=event.year, slug=event.slug)] = maker.event_calendar(event)
        for selection in follow.selections(edition, context.today):
            files[selection.calendar] = maker.calendar(selection.title, list(selection.events), selection.timezone)
    regions, departements = events_by_place(context.editions)
    for region, events in regions.items():
        files[region_calendar_path(region)] = maker.calendar(f"Semaine de la sécurité des patients — {region}", events,
                                                             timezone_of(region))
    for code, events in departements.items():
        files[departement_calendar_path(code)] = maker.calendar(
            f"Semaine de la sécurité des patients — {DEPARTEMENTS[code]} ({code})", events, timezone_of(REGION_OF_DEPARTEMENT[code]))
    return files


def atom_feeds(context: ExportContext) -> Files:
    """The site's feed, each edition's, and one per region, département and type of each edition."""
    built = datetime.combine(context.today, time(), UTC)
    feeds = feed.Feeds(context.site_url, lambda event: context.changed.get(event.source, built))
    files = {feed.FEED_PATH: feeds.feed(feed.FEED_PATH, "Semaine de la sécurité des patients — les actions", context.events)}
    for edition in context.editions:
        path = link("edition_feed", year=edition.year)
        files[path] = feeds.feed(path, f"Semaine de la sécurité des patients {edition.year} — les actions", edition.events,
                                 link("listing", year=edition.year))
        for selection in follow.selections(edition, context.today):
            files[selection.feed] = feeds.feed(selection.feed, selection.title, selection.events,
                                               link("listing", year=edition.year, query={selection.filter: selection.value}))
    return files


def materials(context: ExportContext) -> Files:
    """The materials shipped in the editions' folders, and their thumbnails."""
    items = [item for edition in context.editions for item in edition.materials]
    return ({item.output: item.content for item in items if item.output}
            | {item.thumbnail_output: item.thumbnail.content for item in items if item.thumbnail})


def commune_list(context: ExportContext) -> Files:
    return {link("communes"): communes.DATA.read_bytes()}  # the « près de chez vous » box


def sheet_templates(context: ExportContext) -> Files:
    """The spreadsheet organisers fill (« Organiser une action »), as committed (a bare project has none)."""
    paths = (link("sheet_template", ext=ext) for ext in ("xlsx", "csv"))
    return {path: (context.project_dir / path).read_bytes() for path in paths if (context.project_dir / path).is_file()}


def edition_pictures(context: ExportContext) -> Files:
    return {link("share_image", year=edition.year): _edition_picture(edition.year, edition.meta.theme, edition.meta.start, edition.meta.end)
            for edition in context.editions}


@lru_cache(maxsize=64)
def _edition_picture(year: int, theme: str, start: date, end: date) -> bytes:
    """Drawn once per year, theme and dates (the live preview rebuilds often)."""
    return shareimage.share_image(year, theme, start, end)


def event_pictures(context: ExportContext) -> Files:
    """The picture of each action to come (a past one shows its edition's), once drawn."""
    context.drawing()
    return {_picture_path(event): event_picture(event, context.cache) for event in _pictured(context)}


def picture_paths(context: ExportContext) -> list[str]:
    """Where event_pictures will write, known before the pictures are drawn."""
    return [_picture_path(event) for event in _pictured(context)]


def _pictured(context: ExportContext) -> list[Event]:
    return [event for event in context.events if not is_over(event, context.today)]


def _picture_path(event: Event) -> str:
    return link("event_share_image", year=event.year, slug=event.slug)


def picture_key(event: Event) -> tuple:
    return ("share picture", event.digest)


def event_picture(event: Event, cache: Cache) -> bytes:
    return cache.get(picture_key(event), lambda: shareimage.event_image(event.year, event.meta.title,
                                                                         *shareimage.when_and_where(event)))


def report_tables(context: ExportContext) -> Files:
    """The tables of the figures' pages (bilan of each edition, actions per edition), each a CSV."""
    tables = [table for page in context.pages for table in
              (page.view.bilan.tables if isinstance(page.view, BilanView) else
               (page.view.years,) if isinstance(page.view, ArchiveView) else ())]
    return {table.csv: bilan.table_csv(table) for table in tables}


EXPORTS: tuple[Callable[[ExportContext], Files], ...] = (
    open_data, calendars, atom_feeds, materials, commune_list, sheet_templates, edition_pictures, report_tables)
