"""Which pages the site has: one spec per page, built from the models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from . import bilan, follow, views
from .cache import Cache
from .carryover import previous_event
from .content import Partnership
from .context import BuildContext
from .exports import ics, jsonld, openagenda, shareimage
from .follow import PlaceCalendar, organiser_slug, place_calendars, subscription
from .frenchdates import date_range, long_date
from .kinds import SHARED
from .models import Edition, Event, Occurrence
from .publication import banner
from .regionmap import region_counts, region_map
from .urls import link, page_source
from .vocab import (
    ACCESSIBILITY,
    ATTENDANCE,
    DEPARTEMENTS,
    EVENT_TYPES,
    REGION_OF_DEPARTEMENT,
    STATUSES,
    official_rank,
)

if TYPE_CHECKING:
    from .load import Campaigns


@dataclass(frozen=True)
class PageSpec:
    src_uri: str  # as if it were a Markdown file under docs/
    title: str
    description: str
    view: views.View  # what its template shows (views.py), and which template
    in_nav: bool = False
    indexed: bool = True  # in the search index (search_index.py), if its view is listed

    @property
    def searched(self) -> bool:
        return self.indexed and self.view.listed

    @property
    def shared_frame(self) -> bool:
        """Written into the frame shared by its folder's pages (hooks/framed_pages.py), not by MkDocs."""
        return bool(self.view.body)

    @property
    def template(self) -> str:
        return self.view.template

    @property
    def context(self) -> dict[str, Any]:
        return self.view.context()


# Columns of evenements.json / evenements.csv, described on the « Données ouvertes » page.
OPEN_DATA_COLUMNS = [
    ("id", "identifiant stable de l'action (suivi de -1, -2… pour chaque séance)"),
    ("title", "titre"),
    ("type", "type d'action : " + ", ".join(EVENT_TYPES)),
    ("start, end", "début et fin : date et heure ISO 8601 avec décalage horaire (2017-11-24T14:00:00+01:00), "
                   "ou date seule pour une action sur une ou plusieurs journées (end = dernier jour inclus)"),
    ("all_day", "action sur des journées entières (true/false ; oui/non dans le CSV)"),
    ("timezone", "fuseau horaire du lieu (Europe/Paris, Indian/Reunion…)"),
    ("time_note", "précision d'horaire en clair"),
    ("organizer", "organisateur"),
    ("venue", "lieu : name, address, postal_code, city (colonnes venue_… dans le CSV)"),
    ("region, departement", "région et code du département"),
    ("audience", "publics visés"),
    ("age_min, age_max", "âges visés, en années (vides si non précisés)"),
    ("accessibility", "aménagements prévus : " + ", ".join(f"{code} ({label.lower()})" for code, label in ACCESSIBILITY.items())),
    ("attendance_mode", "participation : " + ", ".join(f"{code} ({label.lower()})" for code, label in ATTENDANCE.items())),
    ("status", ", ".join(f"{code} ({label.lower()})" for code, label in STATUSES.items())),
    ("registration, online_url", "inscription ; lien pour suivre en ligne"),
    ("description", "début de la présentation, en texte (300 caractères au plus)"),
    ("url", "adresse de la page de l'action"),
]


def day_slug(day: date) -> str:
    return f"jour-{day.isoformat()}"


def ordinal(number: int) -> Markup:
    """« 1<sup>re</sup> », « 7<sup>e</sup> »: the ordinal's letters raised, as French typography writes them."""
    return Markup("{}<sup>{}</sup>").format(number, "re" if number == 1 else "e")


def near_data(edition: Edition) -> dict[str, Any]:
    """What the home page's « près de chez vous » box needs besides the communes: every
    département's name, region and number of actions, and each region's."""
    counts = edition.actions_by_departement
    return {"departements": {code: [name, REGION_OF_DEPARTEMENT[code], counts.get(code, 0)]
                             for code, name in DEPARTEMENTS.items()},
            "regions": region_counts(edition)}


def edition_title(edition: Edition) -> str:
    return f"Semaine de la sécurité des patients {edition.year}"


def site_pages(campaigns: Campaigns, context: BuildContext) -> list[PageSpec]:
    today, site_url, cache = context.today, context.site_url, context.cache
    editions = campaigns.editions
    places = place_calendars(editions, site_url)
    without_actions = frozenset(edition.year for edition in editions if nothing_published(edition, today))
    pages = [
        PageSpec("index.md", "Accueil",
                 "La semaine de la sécurité des patients : éditions, actions près de chez vous et ressources officielles.",
                 home_view(editions, today)),
        PageSpec(page_source("editions"), "Toutes les éditions",
                 "Les éditions de la semaine de la sécurité des patients depuis 2011.",
                 views.ArchiveView(editions, bilan.years_table([(edition.year, len(edition.events)) for edition in editions
                                                               if edition.events], cache), today),
                 in_nav=True),
        PageSpec(page_source("open_data"), "Données ouvertes",
                 "Les actions de la semaine de la sécurité des patients en données ouvertes : JSON, CSV, agendas, flux.",
                 views.OpenDataView(
                     editions, {edition.year: subscription(link("edition_calendar", year=edition.year), site_url) for edition in editions},
                     without_actions,
                     *places, [(selection, subscription(selection.calendar, site_url)) for selection in
                                follow.selections(editions[0], today) if selection.filter != "departement"] if editions else [],
                     OPEN_DATA_COLUMNS,
                     openagenda.MAPPING),
                 in_nav=True),
        PageSpec(page_source("search"), "Rechercher dans le site",
                 "Rechercher une édition, une action, un support, un appel à projets ou une ressource.", views.SearchView()),
        PageSpec(page_source("sitemap_page"), "Plan du site",
                 "Toutes les pages du site : éditions, actions, supports, bilans, partenariat en santé, données ouvertes.",
                 views.SiteMapView(editions, campaigns.partnership, without_actions)),
        PageSpec(page_source("calls"), "Appels à projets",
                 "Les appels à projets de la semaine de la sécurité des patients, de chaque édition : ouverts, à venir, clos, et leurs lauréats.",
                 calls_view(editions, today), in_nav=True),
        PageSpec(page_source("resources"), "Ressources officielles",
                 "Les ressources officielles de la semaine de la sécurité des patients, par éditeur.",
                 views.ResourcesView(*resources_by_publisher(editions)), in_nav=True),
    ]
    shown = frozenset(f"{event.year}/{event.slug}" for edition in editions for event in edition.events)
    for edition in editions:
        pages += edition_pages(edition, context, frozenset(sheet.slug for sheet in campaigns.partnership.sheets), places, shown)
    pages += contact_pages(campaigns, today)
    pages += partnership_pages(campaigns.partnership, today)
    return pages


def phase(edition: Edition, today: date) -> str:
    """« a-venir », « en-cours » or « terminee », as of the build (published every night)."""
    if today < edition.meta.start:
        return "a-venir"
    return "en-cours" if today <= edition.meta.end else "terminee"


def nothing_published(edition: Edition, today: date) -> bool:
    """Over without actions: its pages lead to no empty list, calendar, file or poster (its list says so, once)."""
    return not edition.events and phase(edition, today) == "terminee"


def featured(editions: list[Edition], today: date) -> Edition | None:
    """The home page's edition: the one under way, else the latest (announced, or past); editions come newest first."""
    return next((edition for edition in editions if phase(edition, today) == "en-cours"), editions[0] if editions else None)


def edition_picture(edition: Edition, site_url: str) -> tuple[str, str, str] | None:
    return (site_url + link("share_image", year=edition.year), "image/png", shareimage.alt_text(edition)) if site_url else None


def picture(event: Event, edition: Edition, context: BuildContext) -> tuple[str, str, str] | None:
    """An action's share picture — its own for an action to come (exports/registry.py makes it), else
    its edition's —: address, type, text alternative."""
    site_url = context.site_url
    if not site_url or is_over(event, context.today):
        return edition_picture(edition, site_url)
    return site_url + link("event_share_image", year=event.year, slug=event.slug), "image/jpeg", shareimage.event_alt_text(event)


def is_over(event: Event, today: date) -> bool:
    """Every occurrence ended before `today`."""
    return max(occurrence.last_day for occurrence in event.occurrences) < today


def coming(edition: Edition, today: date) -> list[tuple[Event, Occurrence]]:
    """The occurrences not over on `today`, by day then local start time, whatever the region
    (an action in La Réunion at 9 h comes with the 9 h ones, not first): each once."""
    seen: set[tuple[str, int]] = set()
    found = []
    for day, items in edition.days:
        for event, occurrence in items:
            if day >= today and (event.slug, occurrence.index) not in seen:
                seen.add((event.slug, occurrence.index))
                found.append((event, occurrence))
    return found


def home_view(editions: list[Edition], today: date) -> views.HomeView:
    edition = featured(editions, today)
    if edition is None:
        return views.HomeView(None, "", [], None, None, [])
    state = phase(edition, today)
    upcoming = [] if state == "terminee" else coming(edition, today)
    published = None if edition.events else next((other for other in editions if other.year < edition.year and other.events), None)
    return views.HomeView(edition, state, upcoming, region_map(edition) if edition.events else None,
                          near_data(edition) if edition.by_departement else None,
                          [other for other in editions if other is not edition], published)


def calls_view(editions: list[Edition], today: date) -> views.CallsView:
    """Every edition's calls: the open ones, those to come, then the closed ones, newest first."""
    items = sorted((views.CallItem.of(call, today) for edition in editions for call in edition.calls),
                   key=lambda item: item.call.meta.closes, reverse=True)
    return views.CallsView(*([item for item in items if item.period.state == state] for state in ("ouvert", "a-venir", "clos")))


def resources_by_publisher(editions: list[Edition]) -> tuple[list[tuple[str, list[tuple[Any, list[int]]]]], list[tuple[Any, list[int]]]]:
    """The links of every edition, each listed once with the editions citing it, newest first: the
    official ones grouped by publisher (ministry first, vocab.OFFICIAL_DOMAINS), then the others."""
    links: dict[str, tuple[Any, list[int]]] = {}
    for edition in sorted(editions, key=lambda edition: edition.year):
        for resource in edition.meta.resources:
            links.setdefault(resource.url, (resource, []))[1].append(edition.year)
    newest = sorted(links.values(), key=lambda item: (-max(item[1]), item[0].title.casefold()))
    groups: dict[str, list[tuple[Any, list[int]]]] = {}
    for item in newest:
        if item[0].official:
            groups.setdefault(item[0].publisher, []).append(item)
    ranked = sorted(groups.items(), key=lambda group: (min(official_rank(item[0].url) or 0 for item in group[1]), group[0].casefold()))
    return ranked, [item for item in newest if not item[0].official]


def contact_pages(campaigns: Campaigns, today: date) -> list[PageSpec]:
    """An organiser card, with what it organises: events and calls for projects."""
    pages = []
    for slug, contact in sorted(campaigns.contacts.items()):
        events = [event for edition in campaigns.editions for event in edition.events if event.meta.organizer_contact == slug]
        calls = [call for edition in campaigns.editions for call in edition.calls if call.meta.contact == slug]
        title = " — ".join(filter(None, [contact.meta.name, contact.meta.department]))
        pages.append(PageSpec(page_source("contact", slug=slug), title, f"Contact : {title}.",
                              views.ContactView(contact, events, [views.CallItem.of(call, today) for call in calls])))
    return pages


def partnership_description() -> str:
    """« Partenariat en santé »'s description: its sections, a kind's list among them (kinds.py)."""
    sections = ["idées reçues", *(kind.page.section[0].lower() + kind.page.section[1:] for kind in SHARED
                                  if kind.page and kind.page.section), "fiches projets"]
    return (f"Le partenariat entre patients, usagers et professionnels de santé : {', '.join(sections[:-1])} "
            f"et {sections[-1]}.")


def partnership_pages(partnership: Partnership, today: date) -> list[PageSpec]:
    pages = [PageSpec(page_source("partnership"), "Partenariat en santé", partnership_description(),
                      views.PartnershipView(partnership), in_nav=True)]
    if partnership.ideas:
        pages.append(PageSpec(page_source("ideas"), partnership.ideas.title,
                              "Idées reçues sur le partenariat patient, et ce qu'il en est.", views.IdeasView(partnership)))
    for kind in SHARED:  # the partnership's kinds (kinds.py): a page per item, its template and words declared there
        if kind.page:
            page = kind.page
            pages += [PageSpec(page_source(kind.item.kind, slug=item.slug), page.title(item), page.description(item),
                               views.ItemView(partnership, item, banner(item.meta, today), kind.name, page.template))
                      for item in getattr(partnership, kind.field)]
    if partnership.sheets:
        pages.append(PageSpec(page_source("sheets"), "Fiches projets",
                              "Fiches projets de partenariat en santé, par domaine et par région.", views.SheetsView(partnership)))
    return pages


LISTING_LIMIT = 300  # above this many events, the listing and the edition page link to one page per day
DAY_PAGE_LIMIT = 250  # events on one page of a day (about 150 KB); a busier day has several pages
FIRST_RESULTS = 50  # a big edition's listing shows its first results in the page, as filters.js draws them


def first_results(days: list, today: date, limit: int = FIRST_RESULTS) -> list:
    """The first `limit` entries of `Edition.days`, still grouped by day, as filters.js orders them:
    `today` and the days to come first, then the days gone by."""
    shown = []
    for day, items in sorted(days, key=lambda entry: (entry[0] < today, entry[0])):
        if limit <= 0:
            break
        shown.append((day, items[:limit]))
        limit -= len(items)
    return shown


def edition_pages(edition: Edition, context: BuildContext, sheets: frozenset[str] = frozenset(),
                  places: tuple[list[PlaceCalendar], dict[str, PlaceCalendar]] = ([], {}),
                  events: frozenset[str] = frozenset()) -> list[PageSpec]:
    """`sheets`: the published project sheets; `events`: the published events, « <year>/<slug> » (those an action carried over may link to)."""
    today, site_url, cache = context.today, context.site_url, context.cache
    when = date_range(edition.meta.start, edition.meta.end)
    split = len(edition.events) > LISTING_LIMIT
    chosen = follow.selections(edition, today)
    by_departement = {selection.value: selection for selection in chosen if selection.filter == "departement"}
    embeds = {embed.slug: embed for embed in follow.embeds(edition, today)}

    def code_to_frame(slug: str) -> str:
        """The code another site pastes to frame that list (none without the site's address)."""
        return follow.embed_code(site_url, embeds[slug]) if site_url.startswith(("http://", "https://")) else ""
    findable = not nothing_published(edition, today)  # else its empty list and the poster leading to it are left out
    # of the search (they came before the edition's page for its year)
    ended = phase(edition, today) == "terminee"
    common = (edition, subscription(link("edition_calendar", year=edition.year), site_url), split, ended,
              edition_picture(edition, site_url))
    pages = [
        PageSpec(page_source("edition", year=edition.year), edition_title(edition), f"{edition.meta.theme} — {when}.",
                 views.EditionView(*common, region_map(edition), [views.CallItem.of(call, today) for call in edition.calls])),
        PageSpec(page_source("listing", year=edition.year), f"Les actions de l'édition {edition.year}",
                 f"Toutes les actions de la semaine de la sécurité des patients {edition.year}, jour par jour.",
                 views.ListingView(*common, first_results(edition.days, today) if split else [], follow.listing_data(chosen, edition.year, site_url),
                                   code_to_frame("france") if "france" in embeds else ""), indexed=findable),
    ]
    if split:
        for day, items in edition.days:
            pages += day_pages(common, day, items)
    for code, days in edition.by_departement.items():
        name = f"{DEPARTEMENTS[code]} ({code})"
        pages.append(PageSpec(page_source("departement", year=edition.year, code=code.lower()), f"{name} : les actions de l'édition {edition.year}",
                              f"Les actions de la semaine de la sécurité des patients {edition.year} dans le département {name}.",
                              views.DepartementView(*common, code, name, days, edition.actions_by_departement[code],
                                                    places[1].get(code), by_departement[code],
                                                    subscription(by_departement[code].calendar, site_url), code_to_frame(f"departement-{code.lower()}"))))
    pages.append(PageSpec(page_source("edition_poster", year=edition.year), f"Affiche de l'édition {edition.year}",
                          f"L'affiche à imprimer de la semaine de la sécurité des patients {edition.year}.",
                          views.PosterView(edition, None, site_url + link("listing", year=edition.year), over=ended), indexed=findable))
    if edition.events:
        figures = bilan.edition_bilan(edition, cache)
        pages.append(PageSpec(page_source("report", year=edition.year), f"Bilan de l'édition {edition.year}",
                              f"Les chiffres de la semaine de la sécurité des patients {edition.year} : actions par région, "
                              "par type, par public, par jour.", views.BilanView(*common, figures)))
    if edition.materials:
        pages.append(PageSpec(page_source("materials", year=edition.year), f"Kit de communication {edition.year}",
                              f"Affiches, dépliants, kits : les supports de communication de l'édition {edition.year}.",
                              views.MaterialsView(*common)))
    for call in edition.calls:
        laureates = [(laureate, bool(laureate.sheet) and laureate.sheet in sheets) for laureate in call.meta.laureates]
        pages.append(PageSpec(page_source("call", year=edition.year, slug=call.slug), call.meta.title,
                              f"Appel à projets : {call.meta.title} ({call.meta.organizer}).",
                              views.CallView(*common, call, views.Period.on(call.meta.opens, call.meta.closes, today), laureates,
                                             banner(call.meta, today))))
    for event in edition.events:
        place, over = event.meta.venue.city if event.meta.venue else "en ligne", is_over(event, today)
        occurrences, jsonld_text = event_page_data(event, site_url, cache)
        pages.append(PageSpec(page_source("event", year=edition.year, slug=event.slug), event.meta.title,
                              f"{event.meta.title} — {place}, {event.meta.organizer}.",
                              views.EventView(edition, event, occurrences, jsonld_text, over,
                                              banner(event.meta, today), picture(event, edition, context),
                                              previous_event(event, events), embeds[organiser_slug(event)].address,
                                              " · ".join(shareimage.when_and_where(event)))))
        pages.append(PageSpec(page_source("event_poster", year=edition.year, slug=event.slug), f"Affiche : {event.meta.title}",
                              f"L'affiche à imprimer de l'action « {event.meta.title} » ({place}).",
                              views.EventPosterView(edition, event, site_url + event.url, event.occurrences[:views.POSTER_SLOTS],
                                                    max(0, len(event.occurrences) - views.POSTER_SLOTS),
                                                    picture(event, edition, context), over), indexed=not over))  # its page no longer offers it
    for embed in embeds.values():
        pages.append(PageSpec(page_source("embed", year=edition.year, slug=embed.slug), embed.title, f"À intégrer : {embed.title}.",
                              views.EmbedView(edition, embed.name, follow.next_dates(embed.events, today), len(embed.events),
                                              link("listing", year=edition.year, query=embed.query), code_to_frame(embed.slug))))
    return pages


def day_pages(common: tuple[Any, ...], day: date, items: list) -> list[PageSpec]:
    """A day of a big edition: one page, or several of DAY_PAGE_LIMIT events (jour-…, jour-…-2…)."""
    edition = common[0]
    parts = [items[start:start + DAY_PAGE_LIMIT] for start in range(0, len(items), DAY_PAGE_LIMIT)]
    slugs = [day_slug(day)] + [f"{day_slug(day)}-{number}" for number in range(2, len(parts) + 1)]
    pages = []
    for number, (slug, part) in enumerate(zip(slugs, parts), start=1):
        suffix = f" (page {number} sur {len(parts)})" if len(parts) > 1 else ""
        pages.append(PageSpec(page_source("day", year=edition.year, slug=slug), f"Les actions du {long_date(day)}{suffix}",
                              f"Les actions de la semaine de la sécurité des patients le {long_date(day)}{suffix}.",
                              views.DayView(*common, day, part, edition.actions_by_day[day], number, slugs,  # type: ignore[call-arg]
                                            1 + (number - 1) * DAY_PAGE_LIMIT)))  # `common`: EditionPage's fields
    return pages


def event_page_data(event: Event, site_url: str, cache: Cache) -> tuple[list[views.OccurrenceLinks], str]:
    """An event page's occurrences with their « Ajouter à mon agenda » links, and its schema.org data."""
    def make():
        links = [ics.add_links(event, occurrence, site_url) for occurrence in event.occurrences]
        return ([views.OccurrenceLinks(occurrence, link_pair["google"], link_pair["outlook"])
                 for occurrence, link_pair in zip(event.occurrences, links)], jsonld.event_jsonld(event, site_url))
    return cache.get(("page data", event.digest, site_url), make)


def problems_page(src_uri: str = "index.md") -> PageSpec:
    """Shown by the live preview instead of the site while content has problems."""
    return PageSpec(src_uri, "Erreurs dans le contenu", "Le contenu a des erreurs : la prévisualisation les liste.",
                    views.ProblemsView())
