"""The whole pipeline: load and validate everything, then produce pages and data files."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache as once
from functools import partial
from pathlib import Path

from .cache import Cache
from .content import Contact, Partnership
from .context import BuildContext
from .exports import ics
from .exports.registry import EXPORTS, ExportContext, event_picture, event_pictures, picture_key, picture_paths
from .history import last_changes
from .load import edition_years, load_all
from .models import Edition, Event
from .pages import PageSpec, edition_picture, event_page_data, featured, is_over, site_pages
from .parallel import Pending, parallel_map, start_map
from .problems import ContentError, Problem
from .publication import published
from .urls import edition_year


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
    later: Pending[dict[str, bytes]] = field(default_factory=lambda: Pending(dict))  # files still made in the background: finish()

    def finish(self) -> dict[str, bytes]:
        """Wait for the files made in the background (build_site(background=True)); add them to `files` and return them."""
        late = self.later()
        self.files.update(late)
        return late

    def share_image(self, src_uri: str) -> tuple[str, str, str] | None:
        """The picture of a page shared as a link (pages.edition_picture: absolute address, type, text
        alternative): its edition's, or, for a page of no edition, the home page's edition's (a page
        written in a shared frame has its view's, views.View.picture); None without the site's address."""
        year = edition_year(src_uri)
        edition = next((edition for edition in self.editions if edition.year == year), featured(self.editions, self.today))
        return edition_picture(edition, self.site_url) if edition else None


def build_site(project_dir: Path, *, today: date, site_url: str = "", preview: bool = False, workers: int = 1,
               cache: Cache | None = None, background: bool = False) -> Site:
    """Load campaigns/ and produce every page spec and data file, or raise ContentError.

    The preview keeps drafts and embargoed content (their pages say so); a build leaves them out.
    Events are loaded, and what is made from each is made, by `workers` processes. What is made
    from content is kept in `cache`: the caller keeps it from one build to the next and sweeps it.
    The share pictures of actions to come are drawn in the background, on the cores the rest of the
    build leaves idle; with `background`, they are still being drawn when the site is returned:
    site.finish() waits for them (or site.later.cancel() stops them)."""
    site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    cache = Cache() if cache is None else cache
    context = BuildContext(site_url, today, cache, preview, workers)
    maker = ics.Calendars(site_url, today, edition_years(project_dir / "campaigns"), cache)
    campaigns = load_all(project_dir / "campaigns", project_dir, workers, prepare=partial(prepare_event, maker), cache=cache)
    if not preview:
        campaigns = published(campaigns, today)
    editions = campaigns.editions
    events = [event for edition in editions for event in edition.events]
    todo = [event for event in events if not cache.has(_prepared(maker, event))]  # kept from a build for another address or day
    for made in parallel_map(prepare_event, maker, todo, workers, "agendas des actions"):
        cache.add(made)
    upcoming = [event for event in events if not is_over(event, today) and not cache.has(picture_key(event))]
    drawn = start_map(draw_picture, None, upcoming, workers, "images de partage des actions", idle_from=0)

    def drawing() -> None:
        for made in drawn():
            cache.add(made)
    try:
        pages = site_pages(campaigns, context)
        changed = last_changes(project_dir)
        exporting = ExportContext(project_dir, editions, pages, context, maker, changed, drawing)
        files: dict[str, bytes] = {}
        written: list[str] = []  # every path, each time an export makes it: one made twice stops the build
        for export in EXPORTS:
            output = export(exporting)
            written += output
            files.update(output)
        _refuse_duplicates([page.src_uri for page in pages] + written + picture_paths(exporting))
    except BaseException:
        drawn.cancel()  # the content stopped the build: the pictures are no longer wanted
        raise
    site = Site(editions, pages, files, today, campaigns.contacts, campaigns.partnership, changed, site_url,
                Pending(once(lambda: event_pictures(exporting)), drawn.cancel))
    if not background:
        site.finish()
    return site


def prepare_event(maker: ics.Calendars, event: Event) -> dict:
    """Make an event's calendar entries, own calendar, links and schema.org data (in the worker that
    loaded it): returned as cache entries, but for what the build's cache has already."""
    made = Cache(parent=maker.cache)
    maker.with_cache(made).event_calendar(event)
    event_page_data(event, maker.site_url, made)
    made.entries[_prepared(maker, event)] = True
    return made.entries


def draw_picture(_: None, event: Event) -> dict:
    """The share picture of an action to come, as a cache entry (a build of another day keeps the
    pictures of the one before: only new or changed actions get here)."""
    made = Cache()
    event_picture(event, made)
    return made.entries


def _prepared(maker: ics.Calendars, event: Event) -> tuple:
    return ("prepared", event.digest, maker.site_url, maker.stamp)


def _refuse_duplicates(paths: list[str]) -> None:
    twice = sorted(path for path, count in Counter(paths).items() if count > 1)
    if twice:
        raise ContentError([Problem(path, 0, "", "deux contenus produisent la même page ; renommez l'un d'eux") for path in twice])


