"""A calendar and an Atom feed per region, département and type of each edition, parsed back
(icalendar, feedparser) and holding exactly the actions of their filter."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest
from icalendar import Calendar

from helpers import ROOT, front_matter
from ssp import follow
from ssp.cache import Cache
from ssp.context import BuildContext
from ssp.exports.ics import Calendars
from ssp.exports.registry import ExportContext, atom_feeds, calendars
from ssp.vocab import DEPARTEMENTS, EVENT_TYPES, REGIONS

SITE = "https://example.org/ssp/"
DURING, AFTER = date(2017, 11, 21), date(2018, 3, 1)


@pytest.fixture
def edition(project):
    project.edition()
    project.event("douai", front_matter(venue="\n  city: Douai\n  postal_code: '59500'"))
    project.event("lille", front_matter(type="atelier", venue="\n  city: Lille\n  postal_code: '59000'",
                                        slots="\n  - start: 2017-11-21T09:00\n    end: '12:00'\n  - start: 2017-11-22T14:00", start=None))
    project.event("reunion", front_matter(region="'La Réunion'", venue="\n  city: Saint-Denis\n  postal_code: '97400'"))
    project.event("webinaire", front_matter(type="conference", region=None, venue=None, online_url="https://example.org/direct"))
    return project.load()[0]


def files(edition, today):
    context = ExportContext(ROOT, [edition], [], BuildContext(SITE, today, Cache()), Calendars(SITE, today), {})
    return calendars(context) | atom_feeds(context)


def slugs_in_calendar(content: bytes) -> set[str]:
    return {str(event["URL"]).removeprefix(SITE + "2017/evenements/").strip("/")
            for event in Calendar.from_ical(content).walk("VEVENT")}


def slugs_in_feed(content: bytes) -> set[str]:
    parsed = feedparser.parse(content)
    assert not parsed.bozo, parsed.bozo_exception
    return {entry.link.removeprefix(SITE + "2017/evenements/").strip("/") for entry in parsed.entries}


def test_each_filter_of_an_edition_under_way_has_its_calendar_and_feed_even_before_its_first_action(edition):
    chosen = follow.selections(edition, DURING)
    assert len(chosen) == len(REGIONS) + len(DEPARTEMENTS) + len(EVENT_TYPES)
    made = files(edition, DURING)
    for selection in chosen:
        assert slugs_in_calendar(made[selection.calendar]) == {event.slug for event in selection.events}
        assert slugs_in_feed(made[selection.feed]) == {event.slug for event in selection.events}
    assert slugs_in_calendar(made["2017/agendas/departements/59.ics"]) == {"douai", "lille"}
    assert slugs_in_feed(made["2017/flux/regions/hauts-de-france.xml"]) == {"douai", "lille"}
    assert slugs_in_calendar(made["2017/agendas/regions/la-reunion.ics"]) == {"reunion"}
    assert slugs_in_feed(made["2017/flux/types/portes-ouvertes.xml"]) == {"douai", "reunion"}
    assert slugs_in_calendar(made["2017/agendas/types/conference.ics"]) == {"webinaire"}  # online, no region: by its type only
    assert slugs_in_calendar(made["2017/agendas/departements/2a.ics"]) == set()  # a valid calendar, empty for now
    assert slugs_in_feed(made["2017/flux.xml"]) == {"douai", "lille", "reunion", "webinaire"}


def test_once_the_edition_is_over_only_the_filters_with_actions_remain(edition):
    made = files(edition, AFTER)
    folders = {path.rsplit("/", 1)[0] + "/" + path.rsplit("/", 1)[1] for path in made if "/agendas/" in path and path.startswith("2017/")}
    assert folders == {"2017/agendas/regions/hauts-de-france.ics", "2017/agendas/regions/la-reunion.ics",
                       "2017/agendas/departements/59.ics", "2017/agendas/departements/974.ics",
                       "2017/agendas/types/portes-ouvertes.ics", "2017/agendas/types/atelier.ics",
                       "2017/agendas/types/conference.ics"}


def test_a_calendar_says_its_name_and_lives_in_its_place_time_zone(edition):
    made = files(edition, DURING)
    reunion = Calendar.from_ical(made["2017/agendas/departements/974.ics"])
    assert str(reunion["X-WR-CALNAME"]) == "Semaine de la sécurité des patients 2017 — La Réunion (974)"
    feed = feedparser.parse(made["2017/flux/types/atelier.xml"]).feed
    assert feed.title == "Semaine de la sécurité des patients 2017 — Atelier"
    assert feed.link == SITE + "2017/evenements/?type=atelier"  # the listing, filtered as the feed is
    lille = Calendar.from_ical(made["2017/agendas/types/atelier.ics"])
    assert len(lille.walk("VEVENT")) == 2  # one per slot, as the listing counts them
    assert next(s for s in follow.selections(edition, DURING) if s.value == "atelier").entries == 2


def test_the_listing_is_told_only_the_filters_it_offers(edition):
    data = follow.listing_data(follow.selections(edition, DURING), 2017, SITE)
    assert data["year"] == 2017 and data["webcal"] == "webcal://example.org/ssp/"
    assert data["departement"] == {"59": ["2017/agendas/departements/59.ics", "2017/flux/departements/59.xml", 3],
                                   "974": ["2017/agendas/departements/974.ics", "2017/flux/departements/974.xml", 1]}
    assert set(data["region"]) == {"Hauts-de-France", "La Réunion"}
    assert set(data["type"]) == {"portes-ouvertes", "atelier", "conference"}


def test_feeds_share_their_entries_and_stay_identical_build_after_build(edition):
    once, again = files(edition, DURING), files(edition, DURING)
    assert once == again
    region = feedparser.parse(once["2017/flux/regions/hauts-de-france.xml"])
    site = feedparser.parse(once["flux.xml"])
    entry = {item.id: item for item in site.entries}
    for item in region.entries:
        assert item == entry[item.id]
    assert region.feed.id != site.feed.id
