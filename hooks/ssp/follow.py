"""What a reader can follow: in an edition, the actions of one region, one département or one type of
action, each as a calendar to subscribe to and an Atom feed (exports/registry writes them, the listing
offers the one the reader filtered on, the département pages and the open-data page list them); over
all editions, each region's and département's calendar."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from .models import Edition, Event, Occurrence
from .text import slugify
from .urls import link
from .vocab import DEPARTEMENTS, EVENT_TYPES, REGION_OF_DEPARTEMENT, REGIONS, departement_calendar_path, region_calendar_path, timezone_of

FOLDERS = {"region": "regions", "departement": "departements", "type": "types"}  # listing filter → folder of its files


@dataclass(frozen=True)
class Selection:
    """One value of one listing filter in one edition, and its actions."""
    year: int
    filter: str  # a key of FOLDERS: the listing's filter
    value: str  # as the listing's data holds it: « Hauts-de-France », « 59 », « portes-ouvertes »
    name: str  # as a reader reads it: « Hauts-de-France », « Nord (59) », « Portes ouvertes »
    events: tuple[Event, ...]

    @property
    def slug(self) -> str:
        return slugify(self.value) if self.filter == "region" else self.value.lower()

    @property
    def calendar(self) -> str:
        return link("selection_calendar", year=self.year, folder=FOLDERS[self.filter], slug=self.slug)

    @property
    def feed(self) -> str:
        return link("selection_feed", year=self.year, folder=FOLDERS[self.filter], slug=self.slug)

    @property
    def entries(self) -> int:
        return entries(self.events)

    @property
    def title(self) -> str:
        return f"Semaine de la sécurité des patients {self.year} — {self.name}"

    @property
    def timezone(self) -> str:
        region = {"region": self.value, "departement": REGION_OF_DEPARTEMENT.get(self.value)}.get(self.filter)
        return timezone_of(region)


def entries(events: Iterable[Event]) -> int:
    """The events of a calendar of `events`: an action of several dates is one per date."""
    return sum(len(event.occurrences) for event in events)


def selections(edition: Edition, today: date) -> list[Selection]:
    """Every region, département and type of an edition still to come or under way (their addresses
    exist before their first action, for subscribers); those with actions only, once it is over."""
    every = edition.meta.end >= today
    choices = ([("region", region, region) for region in REGIONS]
               + [("departement", code, f"{name} ({code})") for code, name in DEPARTEMENTS.items()]
               + [("type", key, label) for key, label in EVENT_TYPES.items()])
    found: dict[tuple[str, str], list[Event]] = {}
    for event in edition.events:
        for kind, value in (("region", event.meta.region), ("departement", event.departement), ("type", event.meta.type)):
            if value:
                found.setdefault((kind, value), []).append(event)
    return [Selection(edition.year, kind, value, name, tuple(found.get((kind, value), ())))
            for kind, value, name in choices if every or (kind, value) in found]


def listing_data(chosen: list[Selection], year: int, site_url: str) -> dict:
    """What the listing's script needs to offer the selection the reader filtered on (those with
    actions, as its lists offer only those): filter → value → [calendar, feed, events in the calendar],
    the edition's year, and the site's address for calendar apps (« webcal://… », empty if unknown)."""
    data: dict = {kind: {} for kind in FOLDERS}
    for selection in chosen:
        if selection.events:
            data[selection.filter][selection.value] = [selection.calendar, selection.feed, selection.entries]
    return {**data, "year": year, "webcal": subscription("", site_url).get("webcal", "")}


def subscription(path: str, site_url: str) -> dict[str, str]:
    """Links to a calendar: to download (https) and to subscribe (webcal, needs an absolute site URL)."""
    links = {"path": path}
    if site_url.startswith(("http://", "https://")):
        links["webcal"] = "webcal://" + site_url.split("://", 1)[1] + path
    return links


@dataclass(frozen=True)
class PlaceCalendar:
    """The calendar of one region or département, all editions (exports/registry.calendars writes it)."""
    name: str  # « Hauts-de-France », « Nord (59) »
    links: dict[str, str]  # subscription()
    events: int  # its entries: an action of several dates is one per date


def events_by_place(editions: list[Edition]) -> tuple[dict[str, list[Event]], dict[str, list[Event]]]:
    """The events of every edition by region (every region, in order), and by département (those
    with actions, by code): what each place's calendar holds."""
    regions: dict[str, list[Event]] = {region: [] for region in REGIONS}
    departements: dict[str, list[Event]] = {}
    for event in (event for edition in editions for event in edition.events):
        if event.meta.region:
            regions[event.meta.region].append(event)
        if event.departement:
            departements.setdefault(event.departement, []).append(event)
    return regions, dict(sorted(departements.items()))


def place_calendars(editions: list[Edition], site_url: str) -> tuple[list[PlaceCalendar], dict[str, PlaceCalendar]]:
    """Every region's calendar, and the calendar of each département with actions (by code)."""
    regions, departements = events_by_place(editions)
    return ([PlaceCalendar(region, subscription(region_calendar_path(region), site_url), entries(events))
             for region, events in regions.items()],
            {code: PlaceCalendar(f"{DEPARTEMENTS[code]} ({code})", subscription(departement_calendar_path(code), site_url),
                                 entries(events)) for code, events in departements.items()})


EMBED_LIMIT = 100  # actions in a framed list; the rest on the site, through its « Voir » link


@dataclass(frozen=True)
class Embed:
    """A list of an edition's actions made to be framed by other sites (a hospital's, an ARS's): in France,
    in a region, a département, or by one organiser."""
    year: int
    slug: str  # « france », « region-occitanie », « departement-59 », « organisateur-centre-hospitalier-de-douai »
    name: str  # what the list is of: « toute la France », « Nord (59) », « Centre hospitalier de Douai »
    events: tuple[Event, ...]
    query: dict[str, str]  # the listing's filters showing the same actions

    @property
    def address(self) -> str:
        return link("embed", year=self.year, slug=self.slug)

    @property
    def title(self) -> str:
        return f"Actions de la Semaine de la sécurité des patients {self.year} — {self.name}"


def embeds(edition: Edition, today: date) -> list[Embed]:
    """The edition's national list, each region's and département's (as its calendars: every one while
    the edition is to come, those with actions once it is over), and each organiser's; none for an
    edition over without actions."""
    made = [Embed(edition.year, "france", "toute la France", edition.events, {})] if edition.events or edition.meta.end >= today else []
    for selection in selections(edition, today):
        if selection.filter != "type":
            made.append(Embed(edition.year, f"{selection.filter}-{selection.slug}", selection.name, selection.events,
                              {selection.filter: selection.value}))
    organisers: dict[str, list[Event]] = {}
    for event in edition.events:
        organisers.setdefault(organiser_slug(event), []).append(event)
    made += [Embed(edition.year, slug, events[0].meta.organizer, tuple(events), {"q": events[0].meta.organizer})
             for slug, events in sorted(organisers.items())]
    return made


def organiser_slug(event: Event) -> str:
    """The organiser's list: « organisateur-centre-hospitalier-de-douai » (names written alike share it)."""
    return "organisateur-" + (slugify(event.meta.organizer)[:80].rstrip("-") or "sans-nom")


def next_dates(events: tuple[Event, ...], today: date, limit: int = EMBED_LIMIT) -> list[tuple[Event, Occurrence, bool]]:
    """Each action once, at its next date (its last one once over), with whether it is over: those to
    come first, soonest first, then those gone by, latest first; `limit` at most."""
    items = []
    for event in events:
        coming = [occurrence for occurrence in event.occurrences if occurrence.last_day >= today]
        occurrence = coming[0] if coming else event.occurrences[-1]
        items.append((event, occurrence, not coming))
    items.sort(key=lambda item: (item[2], -item[1].first_day.toordinal() if item[2] else item[1].first_day.toordinal(),
                                 str(item[1].start), item[0].meta.title))
    return items[:limit]


def embed_code(site_url: str, embed: Embed) -> str:
    """What another site pastes to show `embed`: the frame (titled, loaded when scrolled to), and the
    lines that fit its height to the list it shows (embed.js tells it, « ssp: "hauteur" »)."""
    origin = "/".join(site_url.split("/")[:3])
    return (f'<iframe src="{site_url}{embed.address}" title="{escape(embed.title)}" width="100%" height="600" '
            'loading="lazy" style="border: 0"></iframe>\n'
            "<script>\n"
            'addEventListener("message", function (message) {\n'
            f'  if (message.origin !== "{origin}" || !message.data || message.data.ssp !== "hauteur") return;\n'
            '  document.querySelectorAll("iframe").forEach(function (frame) {\n'
            '    if (frame.contentWindow === message.source) frame.style.height = message.data.hauteur + "px";\n'
            "  });\n"
            "});\n"
            "</script>")
