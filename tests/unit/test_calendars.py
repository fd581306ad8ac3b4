"""Calendars parsed back with icalendar and checked instant by instant against the source."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar
from icalendar import Event as VEvent

from helpers import ROOT, front_matter
from ssp.cache import Cache
from ssp.context import BuildContext
from ssp.exports.ics import ICS_STATUS, Calendars, add_links, description, location, to_ical, uid, vevent_ical
from ssp.exports.registry import ExportContext
from ssp.exports.registry import calendars as calendar_files
from ssp.load import load_all
from ssp.models import Event, Occurrence
from ssp.vocab import DEPARTEMENTS, EVENT_TYPES, REGIONS

SITE = "https://example.org/ssp/"
TODAY = date(2017, 11, 1)


def calendars(editions, maker):
    """The calendar files the build writes (exports/registry.py)."""
    return calendar_files(ExportContext(ROOT, editions, [], BuildContext(maker.site_url, TODAY, Cache()), maker, {}))


def make_calendars(editions):
    return calendars(editions, Calendars(SITE, TODAY))


def load(project, **events):
    project.edition()
    for slug, text in events.items():
        project.event(slug, text)
    return project.load()


def parsed(files, path):
    return Calendar.from_ical(files[path])


def vevents(calendar):
    return {str(component["UID"]): component for component in calendar.walk("VEVENT")}


@pytest.fixture
def unusual(project):
    return load(
        project,
        paris=front_matter(start="2017-11-24T14:00", end="17:30"),
        reunion=front_matter(start=None, region="'La Réunion'", venue="\n  city: Saint-Denis\n  postal_code: '97400'",
                             slots="\n  - start: 2017-11-21T09:00\n    end: '12:00'\n  - start: 2017-11-22T14:00"),
        dst=front_matter(start="2017-10-29T01:30", end="2017-10-29T03:30"),
        annule=front_matter(status="cancelled", start="2017-11-20", end="2017-11-22",
                            title="'Atelier ; virgules, deux-points : et \\ barre'"),
    )


@pytest.fixture
def files(unusual):
    return make_calendars(unusual)


def test_paris_event_instant_by_instant(files):
    event = vevents(parsed(files, "2017/evenements/paris.ics"))["ssp-2017-paris@semaine-securite-patients"]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.astimezone(UTC) == datetime(2017, 11, 24, 13, 0, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime(2017, 11, 24, 16, 30, tzinfo=UTC)
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert str(event["URL"]) == SITE + "2017/evenements/paris/"


def test_overseas_slots_are_separate_events_in_their_zone(files):
    events = vevents(parsed(files, "2017/evenements/reunion.ics"))
    assert sorted(events) == ["ssp-2017-reunion-1@semaine-securite-patients", "ssp-2017-reunion-2@semaine-securite-patients"]
    first = events["ssp-2017-reunion-1@semaine-securite-patients"]
    assert first.decoded("DTSTART").astimezone(UTC) == datetime(2017, 11, 21, 5, 0, tzinfo=UTC)
    assert first.decoded("DTEND").astimezone(UTC) == datetime(2017, 11, 21, 8, 0, tzinfo=UTC)
    assert first["DTSTART"].params["TZID"] == "Indian/Reunion"
    assert "DTEND" not in events["ssp-2017-reunion-2@semaine-securite-patients"]


def test_daylight_saving_day_keeps_the_real_duration(files):
    event = vevents(parsed(files, "2017/evenements/dst.ics"))["ssp-2017-dst@semaine-securite-patients"]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.utcoffset() == timedelta(hours=2) and end.utcoffset() == timedelta(hours=1)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=3)


def test_every_zone_used_has_its_vtimezone(files):
    edition = parsed(files, "2017/agenda.ics")
    assert sorted(str(tz["TZID"]) for tz in edition.walk("VTIMEZONE")) == ["Europe/Paris", "Indian/Reunion"]
    assert len(vevents(edition)) == 5


def test_all_day_cancelled_event_with_escaped_text(files):
    event = vevents(parsed(files, "2017/evenements/annule.ics"))["ssp-2017-annule@semaine-securite-patients"]
    assert event.decoded("DTSTART") == date(2017, 11, 20)
    assert event.decoded("DTEND") == date(2017, 11, 23)  # exclusive end after the last day, 22
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "Atelier ; virgules, deux-points : et \\ barre (annulé)"
    raw = files["2017/evenements/annule.ics"].decode()
    assert "SUMMARY:Atelier \\; virgules\\, deux-points : et \\\\ barre (annulé)" in raw


def test_postponed_is_tentative_and_full_stays_confirmed(project):
    editions = load(project, reporte=front_matter(title="Reportée", status="postponed"),
                    complet=front_matter(title="Complète", status="full"))
    files = make_calendars(editions)
    statuses = {uid: str(event["STATUS"]) for uid, event in vevents(parsed(files, "2017/agenda.ics")).items()}
    assert statuses == {"ssp-2017-reporte@semaine-securite-patients": "TENTATIVE",
                        "ssp-2017-complet@semaine-securite-patients": "CONFIRMED"}


def test_dtstamp_is_the_build_date_and_uids_are_stable(project, files):
    for content in files.values():
        for event in Calendar.from_ical(content).walk("VEVENT"):
            assert event.decoded("DTSTAMP") == datetime(2017, 11, 1, tzinfo=UTC)
    again = make_calendars(project.load())
    assert again == files


def test_region_calendars_exist_for_all_regions(files):
    regions = [path for path in files if path.startswith("agendas/") and "/departements/" not in path]
    assert len(regions) == 18
    occitanie = vevents(parsed(files, "agendas/hauts-de-france.ics"))
    assert "ssp-2017-paris@semaine-securite-patients" in occitanie
    assert vevents(parsed(files, "agendas/la-reunion.ics")).keys() == {
        "ssp-2017-reunion-1@semaine-securite-patients", "ssp-2017-reunion-2@semaine-securite-patients"}
    assert vevents(parsed(files, "agendas/corse.ics")) == {}


def test_a_departement_with_actions_has_its_calendar_in_its_time_zone(files):
    """The Réunion action by its postal code, the others by their town, « Dechy », which names the Nord (59): two
    département calendars, each in its time zone."""
    assert [path for path in files if path.startswith("agendas/departements/")] == [
        "agendas/departements/59.ics", "agendas/departements/974.ics"]
    assert {str(zone["TZID"]) for zone in parsed(files, "agendas/departements/59.ics").walk("VTIMEZONE")} == {"Europe/Paris"}
    calendar = parsed(files, "agendas/departements/974.ics")
    assert str(calendar["X-WR-CALNAME"]) == "Semaine de la sécurité des patients — La Réunion (974)"
    events = vevents(calendar)
    assert events.keys() == {"ssp-2017-reunion-1@semaine-securite-patients", "ssp-2017-reunion-2@semaine-securite-patients"}
    assert {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} == {"Indian/Reunion"}


def test_google_and_outlook_links(project):
    [edition] = load(project, paris=front_matter(start="2017-11-24T14:00", end="17:30"),
                     jour=front_matter(start="2017-11-24"))
    timed, all_day = sorted(edition.events, key=lambda e: e.slug)[1], sorted(edition.events, key=lambda e: e.slug)[0]
    links = add_links(timed, timed.occurrences[0], SITE)
    assert "dates=20171124T140000%2F20171124T173000" in links["google"] and "ctz=Europe%2FParis" in links["google"]
    assert "startdt=2017-11-24T14%3A00%3A00%2B01%3A00" in links["outlook"] and "allday=false" in links["outlook"]
    day_links = add_links(all_day, all_day.occurrences[0], SITE)
    assert "dates=20171124%2F20171125" in day_links["google"] and "allday=true" in day_links["outlook"]


def test_every_calendar_has_a_component_and_descriptions_keep_link_addresses(project):
    editions = load(project, x=front_matter(title="Journée").replace(
        "Description.", "Voir [le programme](https://example.org/programme) et https://example.org/ ; www.ch-lens.fr, "
                        "com@ch-lens.fr."))
    files = calendars(editions, Calendars("https://ssp.example/", date(2017, 11, 1), (2017, 2017)))
    # the edition's, the event's, one per region over all editions and one per département with actions (« Dechy »: 59),
    # one per region, département and type of the edition
    assert len(files) == 1 + 1 + 18 + 1 + len(REGIONS) + len(DEPARTEMENTS) + len(EVENT_TYPES)
    for path, content in files.items():
        calendar = Calendar.from_ical(content)
        assert calendar.subcomponents, path  # RFC 5545: at least one component
    empty = Calendar.from_ical(files["agendas/la-reunion.ics"])
    assert [component.name for component in empty.subcomponents] == ["VTIMEZONE"]
    assert str(empty.subcomponents[0]["TZID"]) == "Indian/Reunion"
    [event] = Calendar.from_ical(files["2017/agenda.ics"]).walk("VEVENT")
    assert ("Voir le programme (https://example.org/programme) et https://example.org/ ; www.ch-lens.fr, com@ch-lens.fr."
            in str(event["DESCRIPTION"]))  # a bare address, a link on the page, said once


def icalendar_vevent(event: Event, occurrence: Occurrence, site_url: str, stamp: datetime) -> VEvent:
    """An occurrence as icalendar's own component, made the ordinary way: what vevent_ical must write."""
    component = VEvent()
    component.add("uid", uid(event, occurrence))
    component.add("dtstamp", stamp)
    component.add("summary", event.meta.title + (" (annulé)" if event.meta.status == "cancelled" else ""))
    if occurrence.all_day:
        component.add("dtstart", occurrence.first_day)
        component.add("dtend", occurrence.last_day + timedelta(days=1))  # exclusive end
    else:
        component.add("dtstart", occurrence.start)
        if occurrence.end:
            component.add("dtend", occurrence.end)
    component.add("status", ICS_STATUS[event.meta.status])
    component.add("location", location(event))
    component.add("description", description(event, site_url))
    component.add("categories", [EVENT_TYPES[event.meta.type]])
    component.add("url", site_url + event.url)
    return component


def test_each_action_is_written_byte_for_byte_as_icalendar_writes_its_component(unusual):
    """The build writes an action's VEVENT line by line (vevent_ical), each value encoded by icalendar: the
    bytes of icalendar's own component (icalendar_vevent, to_ical) for the site's actions, the gates' and unusual ones
    (time zones, slots, a cancelled all-day action with escaped text)."""
    fixtures = ROOT / "tests" / "fixtures" / "gates"
    events = [event for root in (ROOT, fixtures) for edition in load_all(root / "campaigns", root).editions
              for event in edition.events]
    events += [event for edition in unusual for event in edition.events]
    stamp = datetime(2017, 11, 1, tzinfo=UTC)
    written = [(vevent_ical(event, occurrence, SITE, stamp), to_ical(icalendar_vevent(event, occurrence, SITE, stamp)))
               for event in events for occurrence in event.occurrences]
    assert len(written) >= 10 and any(b"TZID=Indian/Reunion" in ours for ours, _ in written)
    assert any(b"VALUE=DATE" in ours for ours, _ in written) and any(b"Programme" in ours for ours, _ in written)
    for ours, icalendar in written:
        assert ours == icalendar
