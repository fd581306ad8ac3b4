"""What each page template shows: one small dataclass per template of overrides/, holding exactly
the values it (and its partials) use. pages.py makes them; the adapter hands their fields to the
template, with no other global than the filters and labels of templating.py. What depends on the
day of the build — is a call open, is an event over, is an item a draft — and which occurrence
goes with which calendar links are decided here, not in templates.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar

from .bilan import Bilan, Table
from .content import Call, Contact, Item, Laureate, Partnership
from .kinds import KINDS
from .models import Edition, Event, Occurrence
from .text import fold


@dataclass(frozen=True)
class View:
    template: ClassVar[str]  # in overrides/
    # A page written into the frame its folder's pages share (hooks/framed_pages.py): template is
    # then "frame.html", and these partials write the page's own <head> lines and content.
    head: ClassVar[str] = ""
    body: ClassVar[str] = ""
    # Each such page alone in a folder named after its event (a poster: <slug>/affiche/): the frame
    # is shared by the pages at the same place in their folders.
    alone: ClassVar[bool] = False
    # In the sitemap and the search index (not a list made to be framed by other sites).
    listed: ClassVar[bool] = True
    # A framed page's share picture is its own (head.html gives one only outside the frame): its
    # `picture` field (address, type, text alternative), written by this partial in its <head>.
    PICTURE_HEAD: ClassVar[str] = "partials/ssp/picture-head.html"

    def original(self) -> str | None:
        """The page this one is a printable copy of (its address from the site's root), which search engines
        should show instead (rel=canonical; not in the sitemap); None for a page of its own."""
        return None

    def key(self) -> tuple | None:
        """What a framed page shows, beyond the day and the templates, when that is one event file
        (and what that file does not say): the live preview keeps the page while it stays the same.
        None: the page is written again at each rebuild."""
        return None

    @property
    def source(self) -> str | None:
        """The content file the page shows, if one: its last commit is the sitemap's date."""
        return None

    def context(self) -> dict[str, Any]:
        """The template's variables: the view's fields (not copied)."""
        return {item.name: getattr(self, item.name) for item in fields(self)}


# Parts that several templates show.

@dataclass(frozen=True)
class Period:
    """A call's « ouvert », « clos » or « à venir », as of the build (assets/javascripts/ssp.js
    updates it in the browser from the reader's day)."""
    opens: date
    closes: date
    state: str  # a-venir, ouvert, clos

    LABELS: ClassVar[dict[str, str]] = {"a-venir": "à venir", "ouvert": "ouvert", "clos": "clos"}

    @classmethod
    def on(cls, opens: date, closes: date, today: date) -> Period:
        return cls(opens, closes, "a-venir" if today < opens else ("clos" if today > closes else "ouvert"))

    @property
    def label(self) -> str:
        return self.LABELS[self.state]


@dataclass(frozen=True)
class CallItem:
    """A call in a list (edition, contact): the call and its period."""
    call: Call
    period: Period

    @classmethod
    def of(cls, call: Call, today: date) -> CallItem:
        return cls(call, Period.on(call.meta.opens, call.meta.closes, today))


@dataclass(frozen=True)
class OccurrenceLinks:
    """An occurrence of an event with its « Ajouter à mon agenda » links."""
    occurrence: Occurrence
    google: str
    outlook: str


# The pages.

@dataclass(frozen=True)
class HomeView(View):
    template = "home.html"
    edition: Edition | None  # the edition under way, else the latest
    phase: str  # a-venir, en-cours, terminee
    upcoming: list[tuple[Event, Occurrence]]  # from the day of the build on, in local time order (none once it is over)
    region_map: Any  # regionmap.RegionMap, or None without actions
    near: dict | None  # the « près de chez vous » data (pages.near_data), None without départements
    others: list[Edition]
    published: Edition | None = None  # the latest earlier edition with actions, when `edition` has none


@dataclass(frozen=True)
class ArchiveView(View):
    template = "archive.html"
    editions: list[Edition]
    years: Table  # actions per edition that published them here, charted
    today: date

    def context(self) -> dict[str, Any]:
        """`rows`: every year from the first edition to the last, newest first — an edition, or None
        for a year of which this site has no edition (no public source found for it)."""
        known = {edition.year: edition for edition in self.editions}
        years = range(max(known), min(known) - 1, -1) if known else []
        return {**super().context(), "rows": [(year, known.get(year)) for year in years]}


@dataclass(frozen=True)
class SearchView(View):
    """The site search: Pagefind's index of every page, read by assets/javascripts/search.js."""
    template = "search.html"


@dataclass(frozen=True)
class SiteMapView(View):
    """« Plan du site »: every section and edition, with each edition's own pages."""
    template = "sitemap-page.html"
    editions: list[Edition]
    partnership: Partnership
    nothing_published: frozenset[int]  # the editions over without actions: no link to their empty list

    def context(self) -> dict[str, Any]:
        return {**super().context(), "sections": sections(self.partnership)}


@dataclass(frozen=True)
class OpenDataView(View):
    template = "opendata.html"
    editions: list[Edition]
    edition_calendars: dict[int, dict[str, str]]
    nothing_published: frozenset[int]  # the editions over without actions: their row says so, offers no empty file
    region_calendars: list  # follow.PlaceCalendar, every region
    departement_calendars: dict  # code → follow.PlaceCalendar, the départements with actions
    followed: list  # the latest edition's regions and types: (follow.Selection, its calendar's follow.subscription)
    columns: list[tuple[str, str]]
    openagenda: list[tuple[str, str]]  # OpenAgenda's field, what our export puts in it


@dataclass(frozen=True)
class CallsView(View):
    """« Appels à projets »: every edition's calls, by state (assets/javascripts/ssp.js updates the
    state shown from the reader's day)."""
    template = "calls.html"
    open: list[CallItem]
    coming: list[CallItem]
    closed: list[CallItem]  # newest first


@dataclass(frozen=True)
class ResourcesView(View):
    template = "resources.html"
    publishers: list  # the official links by publisher: [(publisher, [(resource, years)])]
    others: list  # every other link: [(resource, years)]


@dataclass(frozen=True)
class EditionPage(View):
    """What every page of an edition shows: the edition, its calendar, whether its actions are
    listed one page per day (a big edition), whether it is over (its last day before the build's),
    its share picture (address, type, text alternative; None without the site's address)."""
    edition: Edition
    calendar: dict[str, str]
    split_days: bool
    over: bool
    picture: tuple[str, str, str] | None


@dataclass(frozen=True)
class EditionView(EditionPage):
    template = "edition.html"
    region_map: Any
    calls: list[CallItem]


@dataclass(frozen=True)
class ListingView(EditionPage):
    template = "listing.html"
    first_days: list  # a big edition's first results, written in the page
    follow: dict  # follow.listing_data: what filters.js offers to follow once a region, département or type is chosen
    embed_code: str  # follow.embed_code of the edition's national list ("" without the site's address)
    LARGE_CALENDAR: ClassVar[int] = 100  # events that swamp a phone's calendar: a region's or département's is offered instead

    def context(self) -> dict[str, Any]:
        return {**super().context(), "large_calendar": self.edition.figures.slots > self.LARGE_CALENDAR}


@dataclass(frozen=True)
class DayView(EditionPage):
    template, head, body = "frame.html", View.PICTURE_HEAD, "partials/ssp/day-page.html"
    day: date
    items: list
    total: int  # the actions taking place that day (Edition.actions_by_day), each once
    part: int
    parts: list[str]
    first: int


@dataclass(frozen=True)
class DepartementView(EditionPage):
    template, head, body = "frame.html", View.PICTURE_HEAD, "partials/ssp/departement-page.html"
    departement: str
    departement_name: str
    days: list
    count: int
    place_calendar: Any  # follow.PlaceCalendar of the département (all editions)
    selection: Any  # follow.Selection: its calendar and feed for this edition
    selection_calendar: dict[str, str]  # follow.subscription of its calendar
    embed_code: str  # follow.embed_code of the département's list


@dataclass(frozen=True)
class BilanView(EditionPage):
    template = "bilan.html"
    bilan: Bilan


@dataclass(frozen=True)
class MaterialsView(EditionPage):
    """« Kit de communication »: the ministry's materials (DGOS, ministère) first, then the others, as written."""
    template = "materials.html"
    MINISTRY: ClassVar[tuple[str, ...]] = ("dgos", "ministere")

    def context(self) -> dict[str, Any]:
        def others_after(item) -> bool:
            return not any(word in fold(item.meta.publisher) for word in self.MINISTRY)
        return {**super().context(), "kit": sorted(self.edition.materials, key=others_after)}


@dataclass(frozen=True)
class CallView(EditionPage):
    template = "call.html"
    call: Call
    period: Period
    laureates: list[tuple[Laureate, bool]]  # with whether its project sheet is published
    banner: str  # preview: draft or embargo ("" when published)


@dataclass(frozen=True)
class EventView(View):
    template, head, body = "frame.html", "partials/ssp/event-head.html", "partials/ssp/event-page.html"
    edition: Edition
    event: Event
    occurrences: list[OccurrenceLinks]
    jsonld: str
    over: bool  # every occurrence ended before the day of the build
    banner: str
    picture: tuple[str, str, str] | None  # its share picture (own for an action to come, else its edition's)
    previous: tuple[int, str] | None = None  # carried over: the edition it was held in, its page there ("" if not published)
    organiser_list: str = ""  # the address of its organiser's list other sites frame (follow.Embed), which gives its code
    facts: str = ""  # when and where, as its share picture says them (shareimage.when_and_where): under its search result

    def key(self) -> tuple:
        return (self.event.digest, self.previous, self.organiser_list)  # its year is in it; `over` and `banner` follow the day

    @property
    def source(self) -> str:
        return self.event.source


@dataclass(frozen=True)
class EmbedView(View):
    """The actions of an edition in France, a region, a département or by one organiser, made to be framed
    by other sites (follow.embeds): no header, footer nor navigation; the presentation's styles."""
    template, body = "embed.html", "partials/ssp/embed-list.html"
    listed = False
    edition: Edition
    name: str  # « toute la France », « Nord (59) », « Centre hospitalier de Douai »
    items: list  # (event, occurrence, over): each action once, at its next date, those to come first
    total: int  # the actions, all of them (the list stops at follow.EMBED_LIMIT)
    more: str  # the site's listing, filtered as this list
    embed_code: str  # follow.embed_code of this list: shown when the page is opened on its own, not framed (embed.js)


POSTER_SLOTS = 6  # time slots written on a poster; more are told as « et N autres séances »


@dataclass(frozen=True)
class PosterView(View):
    """An A4 poster to print: an edition's (event None), or an action's (EventPosterView)."""
    template = "poster.html"
    edition: Edition
    event: Event | None
    target: str  # the absolute address its QR code leads to
    when: tuple[Occurrence, ...] = ()  # the slots written on it
    more: int = 0  # slots left out
    picture: tuple[str, str, str] | None = None  # an action's poster: the action's share picture
    over: bool = False  # the action (or edition) is over: its poster says so on screen; an action's leaves the search


@dataclass(frozen=True)
class EventPosterView(PosterView):
    template, head, body, alone = "frame.html", View.PICTURE_HEAD, "partials/ssp/poster.html", True
    event: Event  # an action's poster has its action

    def key(self) -> tuple:
        meta = self.edition.meta  # what the poster shows of its edition
        return (self.event.digest, meta.number, meta.theme, meta.start, meta.end)

    def original(self) -> str:
        return self.event.url  # an action's poster: its page is the one to find

    @property
    def source(self) -> str:
        return self.event.source


@dataclass(frozen=True)
class ContactView(View):
    template = "contact.html"
    contact: Contact
    events: list[Event]
    calls: list[CallItem]


@dataclass(frozen=True)
class Section:
    """A partnership kind's list in the section's index and the site map (kinds.ItemPage.section)."""
    heading: str
    anchor: str
    items: list[tuple[Item, str]]  # each item, and what follows its link


def sections(partnership: Partnership) -> list[Section]:
    return [Section(kind.page.section, kind.page.anchor, [(item, kind.page.summary(item)) for item in items])
            for kind in KINDS if kind.page and kind.page.section and (items := getattr(partnership, kind.field))]


@dataclass(frozen=True)
class PartnershipPage(View):
    """A page of « Partenariat en santé »."""
    partnership: Partnership


@dataclass(frozen=True)
class PartnershipView(PartnershipPage):
    """The section's index: its kinds' lists (`sections`)."""
    template = "partnership.html"

    def context(self) -> dict[str, Any]:
        return {**super().context(), "sections": sections(self.partnership)}


@dataclass(frozen=True)
class IdeasView(PartnershipPage):
    template = "ideas.html"


@dataclass(frozen=True)
class SheetsView(PartnershipPage):
    template = "sheets.html"


@dataclass(frozen=True)
class ItemView(PartnershipPage):
    """The page of one item of a partnership kind (a quiz, a workshop, a project sheet…): its template
    and its name there come from its kind (kinds.py)."""
    item: Item
    banner: str
    name: str  # the kind's name: the template reads the item under it too (« quiz »)
    page_template: str  # its kind's (kinds.ItemPage.template)

    @property  # one view for every partnership kind: the template is the kind's
    def template(self) -> str:  # type: ignore[override]
        return self.page_template

    def context(self) -> dict[str, Any]:
        return {**super().context(), self.name: self.item}


@dataclass(frozen=True)
class ProblemsView(View):
    template = "problems.html"
