"""The whole pipeline: load and validate everything, then produce pages and data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from pathlib import Path

from .exports import data, feed, ics
from .content import Contact, Partnership
from .load import load_all
from .models import Edition, Event
from .pages import PageSpec, event_page_data, site_pages
from .parallel import parallel_map
from .publication import published
from .problems import ContentError, Problem
from .vocab import REGIONS, region_calendar_path


@dataclass(frozen=True)
class Site:
    editions: list[Edition]
    pages: list[PageSpec]
    files: dict[str, bytes]  # data files by output path
    today: date
    contacts: dict[str, Contact] = field(default_factory=dict)
    partnership: Partnership = field(default_factory=Partnership)

    @property
    def latest(self) -> Edition | None:
        return self.editions[0] if self.editions else None

    @cached_property
    def sheet_slugs(self) -> set[str]:
        return {sheet.slug for sheet in self.partnership.sheets}

    def upcoming(self, edition: Edition) -> list:
        """The edition's (event, occurrence) pairs from today on, as of the build."""
        return [(event, occurrence) for event in edition.events for occurrence in event.occurrences
                if occurrence.last_day >= self.today]


def build_site(project_dir: Path, *, today: date, site_url: str = "", preview: bool = False, workers: int = 1) -> Site:
    """Load campaigns/ and produce every page spec and data file, or raise ContentError.

    The preview keeps drafts and embargoed content (their pages say so); a build leaves them out.
    What is made from each event is made by `workers` processes."""
    campaigns = load_all(project_dir / "campaigns", project_dir, workers)
    if not preview:
        campaigns = published(campaigns, today)
    editions = campaigns.editions
    site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    maker = calendar_maker(editions, site_url, today)
    _prepare_events([event for edition in editions for event in edition.events], maker, workers)
    pages = site_pages(campaigns, site_url)
    files = {path: content for edition in editions for path, content in data.edition_files(edition, site_url).items()}
    files.update(calendars(editions, maker))
    files.update([feed.atom_feed(editions, site_url, "Semaine de la sécurité des patients — les actions")])
    files.update((item.output, item.content) for edition in editions for item in edition.materials if item.output)
    _refuse_duplicates([page.src_uri for page in pages] + list(files))
    return Site(editions, pages, files, today, campaigns.contacts, campaigns.partnership)


def _refuse_duplicates(paths: list[str]) -> None:
    seen: set[str] = set()
    twice = sorted({path for path in paths if path in seen or seen.add(path)})
    if twice:
        raise ContentError([Problem(path, 0, "", "deux contenus produisent la même page ; renommez l'un d'eux") for path in twice])


def calendar_maker(editions: list[Edition], site_url: str, today: date) -> ics.Calendars:
    return ics.Calendars(site_url, today, ics.years_of([event for edition in editions for event in edition.events]))


def _prepare_events(events: list[Event], maker: ics.Calendars, workers: int) -> None:
    """Each event's calendar entries, own calendar, links and schema.org data, made over `workers`
    processes for the events that do not have them yet (in the live preview, the changed ones)."""
    done = ("prepared", maker.site_url, maker.stamp, maker.years)

    def prepare(event: Event) -> dict:
        maker.event_calendar(event)
        event_page_data(event, maker.site_url)
        event.memo[done] = True
        return event.memo

    todo = [event for event in events if done not in event.memo]
    for event, memo in zip(todo, parallel_map(prepare, todo, workers)):
        event.memo.update(memo)


def calendars(editions: list[Edition], maker: ics.Calendars) -> dict[str, bytes]:
    """One calendar per event, per edition, and per region (all editions)."""
    files = {}
    for edition in editions:
        name = f"Semaine de la sécurité des patients {edition.year}"
        files[f"{edition.year}/agenda.ics"] = maker.calendar(name, list(edition.events))
        for event in edition.events:
            files[f"{event.year}/evenements/{event.slug}.ics"] = maker.event_calendar(event)
    for region in REGIONS:
        events = [event for edition in editions for event in edition.events if event.meta.region == region]
        files[region_calendar_path(region)] = maker.calendar(f"Semaine de la sécurité des patients — {region}", events)
    return files
