"""The whole pipeline: load and validate everything, then produce pages and data files."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from functools import lru_cache, partial
from pathlib import Path

from . import bilan, communes
from .cache import Cache
from .content import Contact, Partnership
from .exports import data, feed, ics, shareimage
from .history import last_changes
from .load import edition_years, load_all
from .models import Edition, Event
from .pages import PageSpec, event_page_data, events_by_place, featured, is_over, site_pages
from .parallel import parallel_map
from .problems import ContentError, Problem
from .publication import published
from .urls import link
from .views import ArchiveView, BilanView
from .vocab import DEPARTEMENTS, REGION_OF_DEPARTEMENT, departement_calendar_path, region_calendar_path, timezone_of


@dataclass(frozen=True)
class Site:
    editions: list[Edition]
    pages: list[PageSpec]
    files: dict[str, bytes]  # data files by output path
    today: date
    contacts: dict[str, Contact] = field(default_factory=dict)
    partnership: Partnership = field(default_factory=Partnership)
    changed: dict[str, datetime] = field(default_factory=dict)  # source file → its last commit (history.py)
    site_url: str = ""

    def share_image(self, src_uri: str) -> tuple[str, str] | None:
        """The picture of a page shared as a link (absolute address, text alternative): its edition's,
        or, for a page of no edition, the home page's edition's (a page written in a shared frame has
        its view's, views.View.picture); None without the site's address (Open Graph wants it whole)."""
        year = src_uri.split("/", 1)[0]
        edition = next((edition for edition in self.editions if str(edition.year) == year), featured(self.editions, self.today))
        if not edition or not self.site_url:
            return None
        return self.site_url + link("share_image", year=edition.year), shareimage.alt_text(edition)


def build_site(project_dir: Path, *, today: date, site_url: str = "", preview: bool = False, workers: int = 1,
               cache: Cache | None = None) -> Site:
    """Load campaigns/ and produce every page spec and data file, or raise ContentError.

    The preview keeps drafts and embargoed content (their pages say so); a build leaves them out.
    Events are loaded, and what is made from each is made, by `workers` processes. What is made
    from content is kept in `cache`: the caller keeps it from one build to the next and sweeps it."""
    site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    cache = Cache() if cache is None else cache
    maker = ics.Calendars(site_url, today, edition_years(project_dir / "campaigns"), cache)
    campaigns = load_all(project_dir / "campaigns", project_dir, workers, prepare=partial(prepare_event, maker), cache=cache)
    if not preview:
        campaigns = published(campaigns, today)
    editions = campaigns.editions
    events = [event for edition in editions for event in edition.events]
    todo = [event for event in events if not cache.has(_prepared(maker, event))]  # kept from a build for another address or day
    for made in parallel_map(prepare_event, maker, todo, workers, "agendas des actions"):
        cache.add(made)
    pages = site_pages(campaigns, today, site_url, cache)
    files = {path: content for edition in editions for path, content in data.edition_files(edition, site_url, cache).items()}
    files.update(calendars(editions, maker))
    changed = last_changes(project_dir)
    built = datetime.combine(today, time(), UTC)
    files.update([feed.atom_feed(editions, site_url, "Semaine de la sécurité des patients — les actions",
                                 lambda event: changed.get(event.source, built))])
    files.update((item.output, item.content) for edition in editions for item in edition.materials if item.output)
    files.update((item.thumbnail_output, item.thumbnail.content) for edition in editions for item in edition.materials
                 if item.thumbnail)
    files[link("communes")] = communes.DATA.read_bytes()  # the home page's « près de chez vous » box
    for ext in ("xlsx", "csv"):  # the spreadsheet organisers fill (« Organiser une action »), as committed;
        template = project_dir / link("sheet_template", ext=ext)  # a bare project (the core's tests) has none
        if template.is_file():
            files[link("sheet_template", ext=ext)] = template.read_bytes()
    files.update((link("share_image", year=edition.year),
                  _share_image(edition.year, edition.meta.theme, edition.meta.start, edition.meta.end)) for edition in editions)
    files.update((table.csv, bilan.table_csv(table)) for table in report_tables(pages))
    coming = [event for event in events if not is_over(event, today)]
    files.update((link("event_share_image", year=event.year, slug=event.slug), event_picture(event, cache)) for event in coming)
    _refuse_duplicates([page.src_uri for page in pages] + list(files))
    return Site(editions, pages, files, today, campaigns.contacts, campaigns.partnership, changed, site_url)


@lru_cache(maxsize=64)
def _share_image(year: int, theme: str, start: date, end: date) -> bytes:
    """Drawn once per year, theme and dates (the live preview rebuilds often)."""
    return shareimage.share_image(year, theme, start, end)


def event_picture(event: Event, cache: Cache) -> bytes:
    """The picture an action's shared link shows (made only for an action to come: a past one
    shows its edition's)."""
    return cache.get(("share picture", event.digest), lambda: shareimage.event_image(event.year, event.meta.title,
                                                                                     *shareimage.when_and_where(event)))


def prepare_event(maker: ics.Calendars, event: Event) -> dict:
    """Make an event's calendar entries, own calendar, links, schema.org data and, for an action to
    come, its share picture (in the worker that loaded it): returned as cache entries."""
    made = Cache()
    maker.with_cache(made).event_calendar(event)
    event_page_data(event, maker.site_url, made)
    if not is_over(event, maker.stamp.date()):
        event_picture(event, made)
    made.entries[_prepared(maker, event)] = True
    return made.entries


def _prepared(maker: ics.Calendars, event: Event) -> tuple:
    return ("prepared", event.digest, maker.site_url, maker.stamp)


def _refuse_duplicates(paths: list[str]) -> None:
    twice = sorted(path for path, count in Counter(paths).items() if count > 1)
    if twice:
        raise ContentError([Problem(path, 0, "", "deux contenus produisent la même page ; renommez l'un d'eux") for path in twice])


def calendars(editions: list[Edition], maker: ics.Calendars) -> dict[str, bytes]:
    """One calendar per event, per edition, per region and per département with actions (all editions)."""
    files = {}
    for edition in editions:
        name = f"Semaine de la sécurité des patients {edition.year}"
        files[link("edition_calendar", year=edition.year)] = maker.calendar(name, list(edition.events))
        for event in edition.events:
            files[link("event_calendar", year=event.year, slug=event.slug)] = maker.event_calendar(event)
    regions, departements = events_by_place(editions)
    for region, events in regions.items():
        files[region_calendar_path(region)] = maker.calendar(f"Semaine de la sécurité des patients — {region}", events,
                                                             timezone_of(region))
    for code, events in departements.items():
        files[departement_calendar_path(code)] = maker.calendar(
            f"Semaine de la sécurité des patients — {DEPARTEMENTS[code]} ({code})", events, timezone_of(REGION_OF_DEPARTEMENT[code]))
    return files


def report_tables(pages: list) -> list:
    """The tables of the figures' pages (bilan of each edition, actions per edition), each a CSV."""
    return [table for page in pages for table in
            (page.view.bilan.tables if isinstance(page.view, BilanView) else
             (page.view.years,) if isinstance(page.view, ArchiveView) else ())]
