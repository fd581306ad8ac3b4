"""Local times: Paris across daylight saving, overseas zones, slots, French wording."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from helpers import clocked, front_matter
from ssp.frenchdates import date_range, long_date, occurrence_text, time_span


def load_one(project, **fields):
    project.edition()
    project.event("x", front_matter(**fields))
    return project.load()[0].events[0]


def offset(moment: datetime) -> timedelta:
    return moment.utcoffset()


def test_paris_winter_and_summer_offsets(project):
    winter = load_one(project, start="2017-11-24T14:00", end="17:00")
    first = winter.occurrences[0]
    assert first.start.isoformat() == "2017-11-24T14:00:00+01:00"
    assert first.end.isoformat() == "2017-11-24T17:00:00+01:00"


@pytest.mark.parametrize("region, city, postal, zone, utc_offset", [
    ("La Réunion", "Saint-Denis", "97400", "Indian/Reunion", 4),
    ("Guadeloupe", "Basse-Terre", "97100", "America/Guadeloupe", -4),
    ("Guyane", "Cayenne", "97300", "America/Cayenne", -3),
    ("Mayotte", "Mamoudzou", "97600", "Indian/Mayotte", 3),
])
def test_overseas_events_use_their_own_zone(project, region, city, postal, zone, utc_offset):
    event = load_one(project, region=f"'{region}'", venue=f"\n  city: {city}\n  postal_code: '{postal}'",
                     start="2017-11-24T09:00")
    assert event.timezone == zone
    assert offset(event.occurrences[0].start) == timedelta(hours=utc_offset)


def test_an_event_across_the_change_to_summer_time(project):
    # 26 March 2017: clocks go from 02:00 to 03:00 in Paris.
    event = load_one(project, start="2017-03-26T01:30", end="2017-03-26T04:30")
    start, end = event.occurrences[0].start, event.occurrences[0].end
    assert start.isoformat() == "2017-03-26T01:30:00+01:00"
    assert end.isoformat() == "2017-03-26T04:30:00+02:00"
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=2)


def test_a_time_that_does_not_exist_is_refused(project):
    project.edition()
    project.event("x", front_matter(start="2017-03-26T02:30"))
    [problem] = project.problems()
    assert problem.field == "start"
    assert "n'existe pas (passage à l'heure d'été)" in problem.message


def test_slots_become_occurrences_in_order(project):
    event = load_one(project, start=None, slots="\n  - start: 2017-11-21T09:00\n    end: '12:00'\n  - start: 2017-11-22T14:00\n    end: 2017-11-22T16:30")
    assert [(o.index, o.start.hour, o.end.hour) for o in event.occurrences] == [(1, 9, 12), (2, 14, 16)]


def test_a_slot_error_names_the_slot(project):
    project.edition()
    project.event("x", front_matter(start=None, slots="\n  - start: 2017-11-21T09:00\n  - start: 2017-11-22T14:00\n    end: '13:00'"))
    [problem] = project.problems()
    assert (problem.field, problem.line) == ("slots.2.end", 11)


def test_multi_day_all_day_event_has_an_inclusive_last_day(project):
    event = load_one(project, start="2017-11-20", end="2017-11-24")
    assert event.occurrences[0].days() == [date(2017, 11, day) for day in range(20, 25)]


def test_date_and_time_cannot_be_mixed(project):
    project.edition()
    project.event("x", front_matter(start="2017-11-20", end="2017-11-24T10:00"))
    [problem] = project.problems()
    assert "tous deux" in problem.message


@pytest.mark.parametrize("start, end, text", [
    (date(2017, 11, 20), date(2017, 11, 24), "du lundi 20 au vendredi 24 novembre 2017"),
    (date(2017, 11, 24), None, "le vendredi 24 novembre 2017"),
    (date(2017, 11, 30), date(2017, 12, 1), "du jeudi 30 novembre au vendredi 1er décembre 2017"),
    (date(2017, 12, 29), date(2018, 1, 2), "du vendredi 29 décembre 2017 au mardi 2 janvier 2018"),
])
def test_french_date_ranges(start, end, text):
    assert date_range(start, end) == text


def test_french_times():
    from zoneinfo import ZoneInfo

    paris, reunion = ZoneInfo("Europe/Paris"), ZoneInfo("Indian/Reunion")
    assert long_date(date(2017, 9, 1)) == "vendredi 1er septembre 2017"
    start = datetime(2017, 11, 24, 14, 0, tzinfo=paris)
    assert occurrence_text(start, start.replace(hour=17, minute=30)) == clocked("le vendredi 24 novembre 2017, de 14 h à 17 h 30")
    assert occurrence_text(start.replace(tzinfo=reunion), None, "Indian/Reunion") == \
        clocked("le vendredi 24 novembre 2017 à 14 h (heure de La Réunion)")
    assert time_span(start, start.replace(hour=17)) == clocked("14 h – 17 h")
    assert time_span(date(2017, 11, 24), None) == "Toute la journée"


def test_french_spans_of_several_days():
    from zoneinfo import ZoneInfo

    from ssp.frenchdates import clock_text

    paris = ZoneInfo("Europe/Paris")
    start, end = datetime(2017, 11, 20, 14, tzinfo=paris), datetime(2017, 11, 22, 10, 5, tzinfo=paris)
    assert time_span(date(2017, 11, 20), date(2017, 11, 20)) == "Toute la journée"
    assert time_span(date(2017, 11, 20), date(2017, 11, 22)) == "Jusqu'au mercredi 22 novembre 2017"
    assert time_span(start, end) == clocked("14 h – mercredi 22 novembre 2017 à 10 h 05")
    assert time_span(start, None) == clocked("14 h")
    assert occurrence_text(start, end) == clocked("du lundi 20 novembre 2017 à 14 h au mercredi 22 novembre 2017 à 10 h 05")
    assert occurrence_text(date(2017, 11, 20), date(2017, 11, 22)) == "du lundi 20 au mercredi 22 novembre 2017"
    assert clock_text("09:30") == "9\u00a0h\u00a030" and clock_text("14:00") == "14\u00a0h"  # never cut on a narrow line
